import request from 'supertest';
import { ReferrerType, Role } from '../src/common/enums.js';
import { AUDIT_EXPORT_MAX_ROWS } from '../src/audit/audit-export.controller.js';
import { createShelter, ShelterFixture } from './support/fixtures.js';
import { startTestService, TestService } from './support/service.js';

const EVENTS = `query($actor: String, $action: String, $entityType: String, $entityId: String, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
  auditEvents(actor: $actor, action: $action, entityType: $entityType, entityId: $entityId, from: $from, to: $to, first: $first, after: $after) {
    nodes { id at actor actorRole action entityType entityId } pageInfo { hasNextPage endCursor } } }`;

/** A CSV line split on the separator, with quoted fields un-quoted (enough for these files). */
function parseLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) out.push(field), (field = '');
    else field += c;
  }
  out.push(field);
  return out;
}

function parseCsv(text: string, sep = ','): Record<string, string>[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  const names = parseLine(header, sep);
  return lines.map((line) => Object.fromEntries(parseLine(line, sep).map((v, i) => [names[i], v])));
}

describe('GET /exports/audit.csv', () => {
  let t: TestService;
  let shelter: ShelterFixture;
  let coordinator: string;
  let intake: string;
  const ADDRESS = `query($id: ID!) { shelter(id: $id) { address { street } } }`;

  beforeAll(async () => {
    t = await startTestService();
    shelter = await createShelter(t, { regionCode: 'utrecht', places: 2 });
    coordinator = await t.token({ role: Role.COORDINATOR, sub: 'coordinator-audit' });
    intake = await t.token({ role: Role.INTAKE, sub: 'intake-reader', shelterIds: [shelter.shelterId] });
    // Two reads of the secret address by intake, one by the coordinator.
    for (const token of [intake, intake, coordinator]) {
      const read = await t.gql(ADDRESS, { id: shelter.shelterId }, token);
      expect(read.data!.shelter.address.street).toBe('Geheimstraat 1');
    }
  }, 120_000);

  afterAll(() => t?.close());

  const get = (query: Record<string, string>, token?: string) => {
    const req = request(t.service.url).get('/exports/audit.csv').query(query);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  it('needs a token and the roles of auditEvents in the policy table', async () => {
    const anonymous = await get({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('UNAUTHENTICATED');
    const bad = await get({}, 'not-a-token');
    expect(bad.status).toBe(401);
    for (const claims of [
      { role: Role.INTAKE, shelterIds: [shelter.shelterId] },
      { role: Role.REFERRER, referrerType: ReferrerType.POLICE },
      { role: Role.MUNICIPALITY, regionId: shelter.regionId },
    ]) {
      const res = await get({}, await t.token(claims));
      expect([claims.role, res.status, res.body.error?.code]).toEqual([claims.role, 403, 'FORBIDDEN']);
      expect(res.text).not.toContain('read Shelter');
    }
    const admin = await get({ action: 'read *' }, await t.token({ role: Role.ADMIN }));
    expect(admin.status).toBe(200);
  });

  it('gives the rows of the GraphQL query for the same filters, newest first', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 3_600_000).toISOString();
    const cases: Record<string, string>[] = [
      { action: 'read Shelter.*' },
      { action: 'read Shelter.address', actor: 'intake-reader' },
      { entityType: 'shelter', entityId: shelter.shelterId, from, to },
      { entityId: shelter.shelterId },
      { from, to },
    ];
    for (const filters of cases) {
      const graph = await t.gql(EVENTS, { ...filters, first: 100 }, coordinator);
      expect(graph.errors).toBeUndefined();
      const expected = graph.data!.auditEvents.nodes;
      const res = await get(filters, coordinator);
      expect(res.status).toBe(200);
      const rows = parseCsv(res.text);
      expect(rows.map((r) => r.id)).toEqual(expected.map((e: { id: string }) => e.id));
      expect(rows.map((r) => [r.at, r.actor, r.actorRole, r.action, r.entityType, r.entityId]))
        .toEqual(expected.map((e: Record<string, string>) => [e.at, e.actor, e.actorRole, e.action, e.entityType, e.entityId]));
      expect(res.headers['x-export-rows']).toBe(String(expected.length));
      expect(res.headers['x-export-truncated']).toBe('false');
    }
    const reads = parseCsv((await get({ action: 'read Shelter.address', actor: 'intake-reader' }, coordinator)).text);
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.secretRead === 'true' && r.entityId === shelter.shelterId)).toBe(true);
    const others = parseCsv((await get({ action: 'shelter.created' }, coordinator)).text);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.secretRead === 'false')).toBe(true);
  });

  it('writes ; with a byte-order mark on sep=semicolon, and a comma without', async () => {
    const semi = await get({ action: 'read *', sep: 'semicolon' }, coordinator);
    expect(semi.status).toBe(200);
    expect(semi.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(semi.headers['content-disposition']).toMatch(/^attachment; filename="audit-[0-9-]+\.csv"$/);
    expect(semi.text.charCodeAt(0)).toBe(0xfeff);
    expect(semi.text.slice(1).split('\r\n')[0]).toBe('id;at;actor;actorRole;action;secretRead;entityType;entityId;statusBefore;statusAfter;requestId;detail');
    const comma = await get({ action: 'read *' }, coordinator);
    expect(comma.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(comma.text.split('\r\n')[0]).toBe('id,at,actor,actorRole,action,secretRead,entityType,entityId,statusBefore,statusAfter,requestId,detail');
    expect(parseCsv(semi.text, ';')).toEqual(parseCsv(comma.text, ','));
  });

  it('neutralises spreadsheet formulas', async () => {
    await t.db.pool.query(
      `INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id, detail) VALUES ($1, 'ADMIN', 'test.formula', 'shelter', '+31 88 000', $2)`,
      ['=HYPERLINK("http://evil.example","x")', JSON.stringify({ note: '@SUM(1)' })],
    );
    const res = await get({ action: 'test.formula' }, coordinator);
    expect(res.status).toBe(200);
    const [row] = parseCsv(res.text);
    expect(row.actor).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(row.entityId).toBe(`'+31 88 000`);
    // Every field of the file starts with something a spreadsheet takes as text.
    for (const line of res.text.trimEnd().split('\r\n').slice(1)) {
      for (const field of parseLine(line, ',')) expect(field).not.toMatch(/^[=+\-@]/);
    }
  });

  it('refuses bad dates and parameters with 400, a clear message and no stack', async () => {
    const bad = await get({ from: 'yesterday', to: '2026-13-45T00:00:00Z' }, coordinator);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('BAD_USER_INPUT');
    expect(bad.body.error.message).toBe('Invalid export parameters: from, to');
    expect(bad.body.error.fields).toEqual([
      { field: 'from', problems: ['must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T09:00:00Z'] },
      { field: 'to', problems: ['must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T09:00:00Z'] },
    ]);
    expect(bad.text).not.toMatch(/\bat \S+\.(js|ts):\d+/);
    const noZone = await get({ from: '2026-12-01T10:00:00' }, coordinator);
    expect(noZone.status).toBe(400);
    const inverted = await get({ from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' }, coordinator);
    expect([inverted.status, inverted.body.error.message]).toEqual([400, 'from must not be after to']);
    const unknown = await get({ shelter: 'x' }, coordinator);
    expect([unknown.status, unknown.body.error.fields]).toEqual([400, [{ field: 'shelter', problems: ['unknown parameter'] }]]);
    const long = await get({ actor: 'x'.repeat(201) }, coordinator);
    expect(long.status).toBe(400);
    const twice = await request(t.service.url).get('/exports/audit.csv?actor=a&actor=b').set('Authorization', `Bearer ${coordinator}`);
    expect([twice.status, twice.body.error.fields]).toEqual([400, [{ field: 'actor', problems: ['give it once, as text'] }]]);
  });

  it('audits every export: who, which filters, how many rows', async () => {
    const exporter = await t.token({ role: Role.COORDINATOR, sub: 'coordinator-exporter' });
    const res = await get({ action: 'read Shelter.*', entityId: shelter.shelterId, sep: 'semicolon' }, exporter);
    expect(res.status).toBe(200);
    const rows = parseCsv(res.text, ';');
    expect(rows).toHaveLength(3);
    const logged = await t.gql(EVENTS, { actor: 'coordinator-exporter', action: 'export audit.csv' }, coordinator);
    expect(logged.data!.auditEvents.nodes).toHaveLength(1);
    const { rows: [row] } = await t.db.pool.query(`SELECT actor, actor_role, entity_type, entity_id, detail, request_id FROM audit_event WHERE actor = 'coordinator-exporter'`);
    expect(row).toMatchObject({ actor: 'coordinator-exporter', actor_role: 'COORDINATOR', entity_type: 'audit_event', entity_id: '3 rows' });
    expect(row.detail).toEqual({
      filters: { action: 'read Shelter.*', entityId: shelter.shelterId },
      rows: 3,
      truncated: false,
      newestId: rows[0].id,
      oldestId: rows[2].id,
    });
    expect(row.request_id).toBe(res.headers['x-request-id']);
    // A refused export writes no row and reads nothing.
    await get({ from: 'soon' }, exporter);
    const { rows: [{ n }] } = await t.db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE actor = 'coordinator-exporter'`);
    expect(n).toBe(1);
  });

  it(`stops at ${AUDIT_EXPORT_MAX_ROWS} rows and says so`, async () => {
    await t.db.pool.query(
      `INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id)
       SELECT 'bulk', 'ADMIN', 'test.bulk', 'place', g::text FROM generate_series(1, $1) g`,
      [AUDIT_EXPORT_MAX_ROWS + 5],
    );
    const res = await get({ action: 'test.bulk' }, coordinator);
    expect(res.status).toBe(200);
    expect(res.headers['x-export-truncated']).toBe('true');
    expect(res.headers['x-export-rows']).toBe(String(AUDIT_EXPORT_MAX_ROWS));
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(AUDIT_EXPORT_MAX_ROWS + 2);
    expect(lines[lines.length - 1]).toBe(`# truncated: only the newest ${AUDIT_EXPORT_MAX_ROWS} rows (narrow from/to for older ones)`);
    expect(parseLine(lines[1], ',')[7]).toBe(String(AUDIT_EXPORT_MAX_ROWS + 5));
    const small = await get({ action: 'test.bulk', entityId: '7' }, coordinator);
    expect(small.headers['x-export-truncated']).toBe('false');
    expect(small.text.trimEnd().split('\r\n')).toHaveLength(2);
  });

  it('spends the export budget: 429 with Retry-After beyond it', async () => {
    const limited = await startTestService({ db: t.db, env: { RATE_LIMIT_EXPORTS_PER_MINUTE: '2' } });
    try {
      const token = await limited.token({ role: Role.COORDINATOR, sub: 'coordinator-budget' });
      const call = () => request(limited.service.url).get('/exports/audit.csv').query({ action: 'read *' }).set('Authorization', `Bearer ${token}`);
      expect((await call()).status).toBe(200);
      expect((await call()).status).toBe(200);
      const third = await call();
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe('RATE_LIMITED');
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.service.close();
    }
  }, 60_000);
});
