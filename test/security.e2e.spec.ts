import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { buildSchema, GraphQLObjectType } from 'graphql';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import { CONFIDENTIAL_FIELDS, OPERATIONS } from '../src/auth/policy.js';
import { Role } from '../src/common/enums.js';
import { loadConfig } from '../src/config/app-config.js';
import { createShelter, CLAIM, ShelterFixture } from './support/fixtures.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { errorCode, startTestService, TestService } from './support/service.js';
import { subscribe, wsClient } from './support/ws.js';

const schema = buildSchema(readFileSync('schema.gql', 'utf8'));

describe('the policy table', () => {
  it('has a rule for every query, mutation and subscription of the schema, and none for operations that do not exist', () => {
    const operations = (['Query', 'Mutation', 'Subscription'] as const).flatMap((root) =>
      Object.keys((schema.getType(root) as GraphQLObjectType).getFields()).map((f) => `${root}.${f}`),
    );
    expect(operations.filter((op) => !OPERATIONS[op])).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((op) => !operations.includes(op))).toEqual([]);
  });

  it('names only confidential fields that exist', () => {
    for (const field of Object.keys(CONFIDENTIAL_FIELDS)) {
      const [type, name] = field.split('.');
      expect([field, !!(schema.getType(type) as GraphQLObjectType)?.getFields()[name]]).toEqual([field, true]);
    }
  });
});

describe('confidential fields for every role, through queries and subscriptions', () => {
  let t: TestService;
  let mine: ShelterFixture;
  beforeAll(async () => {
    t = await startTestService();
    mine = await createShelter(t, { places: 2, shelter: { meetingInstructions: 'Ring twice at the side door' } });
  });
  afterAll(async () => t.close());

  const roles: [string, Record<string, unknown>, boolean][] = [
    ['INTAKE of the shelter', { role: Role.INTAKE }, true],
    ['INTAKE of another shelter', { role: Role.INTAKE, shelterIds: ['00000000-0000-4000-8000-000000000001'] }, false],
    ['REFERRER', { role: Role.REFERRER, referrerType: 'POLICE' }, false],
    ['MUNICIPALITY', { role: Role.MUNICIPALITY }, false],
    ['COORDINATOR', { role: Role.COORDINATOR }, true],
    ['ADMIN', { role: Role.ADMIN }, true],
  ];

  it.each(roles)('Shelter.address, location and meetingInstructions for %s', async (_, claims, visible) => {
    const token = await t.token({ shelterIds: [mine.shelterId], ...claims } as never);
    const res = await t.gql(`query($id: ID!) { shelter(id: $id) { address { street } location { latitude } meetingInstructions
      alias: address { city } places { shelter { address { postcode } } } } }`, { id: mine.shelterId }, token);
    expect(res.errors).toBeUndefined();
    const s = res.data!.shelter;
    const revealed = [s.address, s.location, s.meetingInstructions, s.alias, s.places[0].shelter.address];
    expect(revealed.map((x) => x !== null)).toEqual([visible, visible, visible, visible, visible]);
  });

  it('never reveals an address through a subscription to a role without the right', async () => {
    const coordinatorClient = wsClient(t.service.url, await t.token({ role: Role.COORDINATOR }));
    const query = `subscription($id: ID!) { shelterPlacesChanged(shelterId: $id) { places { shelter { address { street } meetingInstructions } } } }`;
    const coordinatorSub = await subscribe<{ places: { shelter: { address: unknown } }[] }>(coordinatorClient, query, { id: mine.shelterId });
    const referrerClient = wsClient(t.service.url, await t.token({ role: Role.REFERRER, referrerType: 'POLICE' } as never));
    const referrerSub = await subscribe(referrerClient, query, { id: mine.shelterId });
    await t.gql(CLAIM, { input: { placeIds: [mine.placeIds[0]], householdSize: 1 } }, await t.token({ role: Role.COORDINATOR }));
    const pushed = await coordinatorSub.next();
    expect(pushed.places[0].shelter.address).toEqual({ street: 'Geheimstraat 1' });
    await new Promise((r) => setTimeout(r, 300));
    expect(referrerSub.received).toEqual([]);
    expect(JSON.stringify(referrerSub.errors)).toMatch(/FORBIDDEN/);
    await coordinatorClient.dispose();
    await referrerClient.dispose();
  });

  it("commits a successful mutation's attempt row in the mutation's own transaction, one per request, under concurrency", async () => {
    const admin = await t.token({ role: Role.ADMIN, sub: 'audit-admin' });
    const ids = Array.from({ length: 8 }, (_, i) => `req-tx-${i}`);
    const responses = await Promise.all(
      ids.map((id, i) =>
        request(t.service.url).post('/graphql').set('Authorization', `Bearer ${admin}`).set('x-request-id', id)
          .send({ query: `mutation($n: String!) { createOrganisation(input: { name: $n }) { id } }`, variables: { n: `Audit org ${i}` } }),
      ),
    );
    expect(responses.map((r) => r.body.errors)).toEqual(ids.map(() => undefined));
    const { rows } = await t.db.pool.query(
      `SELECT request_id, action, entity_id, detail, xmin::text AS tx FROM audit_event WHERE request_id = ANY($1) ORDER BY request_id, id`,
      [ids],
    );
    for (const [i, id] of ids.entries()) {
      const mine = rows.filter((r) => r.request_id === id);
      expect(mine.map((r) => r.action)).toEqual(['organisation.created', 'graphql.mutation']);
      expect(mine[0].entity_id).toBe(responses[i].body.data.createOrganisation.id);
      expect(mine[1].detail).toEqual({ fields: ['createOrganisation'], outcome: 'OK' });
      // The same transaction wrote both: the attempt row cannot exist without the change, nor the other way round.
      expect(mine[1].tx).toBe(mine[0].tx);
    }
  });

  it('writes one attempt row with the overall outcome for a mutation of several root fields, outside their transactions', async () => {
    const admin = await t.token({ role: Role.ADMIN, sub: 'audit-admin-two' });
    const res = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${admin}`).set('x-request-id', 'req-two-fields')
      .send({ query: `mutation { a: createOrganisation(input: { name: "Two A" }) { id } b: createOrganisation(input: { name: "Two B" }) { id } }` });
    expect(res.body.errors).toBeUndefined();
    const { rows } = await t.db.pool.query(
      `SELECT action, detail, xmin::text AS tx FROM audit_event WHERE request_id = 'req-two-fields' ORDER BY id`,
    );
    expect(rows.map((r) => r.action)).toEqual(['organisation.created', 'organisation.created', 'graphql.mutation']);
    expect(rows[2].detail).toEqual({ fields: ['createOrganisation', 'createOrganisation'], outcome: 'OK' });
    expect(new Set(rows.map((r) => r.tx)).size).toBe(3);
  });

  it('refuses mutations over the live connection, where no attempt would be audited', async () => {
    const admin = await t.token({ role: Role.ADMIN, sub: 'ws-mutator' });
    const client = wsClient(t.service.url, admin);
    try {
      const sent = await subscribe(client, `mutation { createOrganisation(input: { name: "Over the socket" }) { id } }`);
      const deadline = Date.now() + 5000;
      while (sent.errors.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(JSON.stringify(sent.errors)).toMatch(/over HTTP/);
      expect(sent.received).toEqual([]);
    } finally {
      await client.dispose();
    }
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM organisation WHERE name = 'Over the socket'`);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('writes an audit event for every read of a confidential field and every mutation', async () => {
    const coordinator = await t.token({ role: Role.COORDINATOR, sub: 'auditor-check' });
    await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${coordinator}`).set('x-request-id', 'req-audit-1')
      .send({ query: `query($id: ID!) { shelter(id: $id) { address { street } } }`, variables: { id: mine.shelterId } });
    const { rows } = await t.db.pool.query(`SELECT actor, actor_role, action, entity_type, entity_id, request_id FROM audit_event WHERE request_id = 'req-audit-1'`);
    expect(rows).toEqual([{ actor: 'auditor-check', actor_role: 'COORDINATOR', action: 'read Shelter.address', entity_type: 'shelter', entity_id: mine.shelterId, request_id: 'req-audit-1' }]);

    const denied = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${await t.token({ role: Role.REFERRER, sub: 'curious' } as never)}`)
      .set('x-request-id', 'req-audit-2').send({ query: `mutation { createOrganisation(input: { name: "x" }) { id } }` });
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const { rows: attempts } = await t.db.pool.query(`SELECT action, detail FROM audit_event WHERE request_id = 'req-audit-2'`);
    expect(attempts).toEqual([{ action: 'graphql.mutation', detail: { fields: ['createOrganisation'], outcome: 'FORBIDDEN' } }]);

    const list = await t.gql(`query { auditEvents(action: "read *", actor: "auditor-check") { nodes { action entityId requestId } } }`, {}, coordinator);
    expect(list.data!.auditEvents.nodes).toEqual([{ action: 'read Shelter.address', entityId: mine.shelterId, requestId: 'req-audit-1' }]);
    const byIntake = await t.gql(`query { auditEvents { nodes { id } } }`, {}, await t.token({ role: Role.INTAKE, shelterIds: [mine.shelterId] }));
    expect(errorCode(byIntake)).toBe('FORBIDDEN');
  });
});

describe('hardening', () => {
  let t: TestService;
  let token: string;
  beforeAll(async () => {
    t = await startTestService({ env: { RATE_LIMIT_WRITES_PER_MINUTE: '3', RATE_LIMIT_READS_PER_MINUTE: '200' } });
    token = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());

  it('refuses queries deeper than the limit, and too many aliases', async () => {
    const nest = (levels: number): string => (levels === 0 ? 'id' : `shelters { region { ${nest(levels - 1)} } }`);
    const deep = await t.gql(`{ regions { ${nest(7)} } }`, {}, token);
    expect(errorCode(deep)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors![0].message).toMatch(/depth limit/);
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: regions { id }`).join(' ');
    const many = await t.gql(`{ ${aliases} }`, {}, token);
    expect(errorCode(many)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(many.errors![0].message).toMatch(/Aliases limit/i);
  });

  it('refuses batched requests, oversized bodies and requests a browser form could forge', async () => {
    const batch = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json')
      .send([{ query: '{ regions { id } }' }, { query: '{ regions { id } }' }]);
    expect(batch.status).toBe(400);
    const big = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json')
      .send({ query: '{ regions { id } }', variables: { pad: 'x'.repeat(150_000) } });
    expect(big.status).toBe(413);
    expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const csrf = await request(t.service.url).get('/graphql').query({ query: '{ regions { id } }' });
    expect(csrf.status).toBe(400);
    expect(csrf.text).toMatch(/CSRF/);
  });

  it('sends security headers', async () => {
    const res = await request(t.service.url).get('/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age/);
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('limits claims and requests per principal more strictly than reads', async () => {
    const shelter = await createShelter(t, { places: 5 });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId], sub: 'busy-intake' });
    const results = [];
    for (const placeId of shelter.placeIds.slice(0, 4)) results.push(await t.gql(CLAIM, { input: { placeIds: [placeId], householdSize: 1 } }, intake));
    expect(results.map((r) => errorCode(r) ?? 'OK')).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    expect(results[3].errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    const read = await t.gql(`{ regions { id } }`, {}, intake);
    expect(read.errors).toBeUndefined();
    const other = await t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId], sub: 'other-intake' });
    expect((await t.gql(CLAIM, { input: { placeIds: [shelter.placeIds[4]], householdSize: 1 } }, other)).errors).toBeUndefined();
  });
});

describe('production authentication: OIDC tokens checked against the issuer\'s JWKS', () => {
  let jwks: Server;
  let issuer: string;
  let db: TestDatabase;
  let t: TestService;
  let sign: (claims: Record<string, unknown>, options?: { audience?: string; issuer?: string; exp?: number; nbf?: number }) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
    jwks = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
    sign = async (claims, o = {}) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
        .setIssuer(o.issuer ?? issuer)
        .setAudience(o.audience ?? 'opvangnet')
        .setSubject(String(claims.sub ?? 'oidc-user'))
        .setIssuedAt(now)
        .setNotBefore(o.nbf ?? now)
        .setExpirationTime(o.exp ?? now + 600)
        .sign(privateKey);
    };
    db = await createTestDatabase();
    t = await startTestService({ db, env: { NODE_ENV: 'production', DATABASE_URL: db.url, AUTH_ISSUER: issuer, AUTH_AUDIENCE: 'opvangnet', AUTH_JWKS_URL: `${issuer}/jwks`, METRICS_TOKEN: 'metrics-token-for-the-production-test' } });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
    jwks.closeAllConnections();
    await new Promise((r) => jwks.close(r));
  });

  const regions = (token: string) => t.gql(`{ regions { id } }`, {}, token);

  it('accepts a valid ES256 token of the issuer', async () => {
    const res = await regions(await sign({ role: 'COORDINATOR' }));
    expect(res.errors).toBeUndefined();
    expect(res.data!.regions).toHaveLength(35);
  });

  it.each([
    ['another audience', { audience: 'someone-else' }],
    ['another issuer', { issuer: 'https://evil.example' }],
    ['an expired token (beyond 30 s of skew)', { exp: Math.floor(Date.now() / 1000) - 120 }],
    ['a token not valid yet (beyond 30 s of skew)', { nbf: Math.floor(Date.now() / 1000) + 120 }],
  ])('refuses %s', async (_, options) => {
    expect(errorCode(await regions(await sign({ role: 'COORDINATOR' }, options)))).toBe('UNAUTHENTICATED');
  });

  it('tolerates a few seconds of clock skew', async () => {
    const res = await regions(await sign({ role: 'COORDINATOR' }, { nbf: Math.floor(Date.now() / 1000) + 10 }));
    expect(res.errors).toBeUndefined();
  });

  it('refuses a development HS256 token, even one signed with the dev secret', async () => {
    const { TokenService } = await import('../src/auth/token.service.js');
    const dev = await new TokenService(loadConfig({ NODE_ENV: 'test' })).sign({ sub: 'x', role: Role.ADMIN });
    expect(errorCode(await regions(dev))).toBe('UNAUTHENTICATED');
  });

  it('turns introspection and the landing page off', async () => {
    const token = await sign({ role: 'COORDINATOR' });
    const introspection = await t.gql(`{ __schema { types { name } } }`, {}, token);
    expect(errorCode(introspection)).toBe('GRAPHQL_VALIDATION_FAILED');
    const landing = await request(t.service.url).get('/graphql').set('Accept', 'text/html');
    expect(landing.text).not.toMatch(/graphiql/i);
  });

  it('refuses to start in production without an issuer and audience', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' })).toThrow(/AUTH_ISSUER and AUTH_AUDIENCE/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', AUTH_ISSUER: 'http://idp.example', AUTH_AUDIENCE: 'a' })).toThrow(/https/);
  });
});
