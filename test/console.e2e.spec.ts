import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { loadConfig } from '../src/config/app-config.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { startTestService, TestService } from './support/service.js';

/** What the service does for the web console: serve it, lock it down, sign in in development. */
describe('console: serving, CSP and development sign-in', () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService({ demo: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the console at / with a CSP that allows this origin only and no inline script', async () => {
    const res = await request(t.service.url).get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/<div id="root"><\/div>/);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ wss:\/\/127\.0\.0\.1:\d+/);
    expect(csp).not.toContain('unsafe-inline');
    // Every script is a file of this origin: no inline code, no other host.
    const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/src="\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
    expect(res.text).not.toMatch(/https?:\/\//);
  });

  it('answers client routes with index.html but never API paths', async () => {
    const route = await request(t.service.url).get('/intake/opvang/abc').set('Accept', 'text/html');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<div id="root"></div>');
    // A browser opening /graphql in development is sent to the bundled explorer, never a CDN page.
    const graphql = await request(t.service.url).get('/graphql').set('Accept', 'text/html');
    expect(graphql.status).toBe(302);
    expect(graphql.headers.location).toBe('/graphiql.html');
    const api = await request(t.service.url).get('/graphql?query=%7B__typename%7D').set('Accept', 'application/json').set('apollo-require-preflight', '1');
    expect(api.text).not.toContain('<div id="root">');
    const health = await request(t.service.url).get('/health').set('Accept', 'text/html');
    expect(health.headers['content-type']).toMatch(/json/);
    const unknownDev = await request(t.service.url).get('/dev/nothing').set('Accept', 'text/html');
    expect(unknownDev.status).toBe(404);
    expect(unknownDev.text).not.toContain('<div id="root">');
    const missingAsset = await request(t.service.url).get('/assets/missing.js');
    expect(missingAsset.status).toBe(404);
  });

  it('serves the built assets with a long cache, and the bundled GraphiQL in development', async () => {
    const index = await request(t.service.url).get('/').set('Accept', 'text/html');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(index.text)![1];
    const js = await request(t.service.url).get(asset);
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
    const graphiql = await request(t.service.url).get('/graphiql.html');
    expect(graphiql.status).toBe(200);
    expect(graphiql.text).not.toMatch(/https?:\/\//);
  });

  it('tells the console how to sign in', async () => {
    const res = await request(t.service.url).get('/console/config');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ signIn: 'development', oidc: null, graphiql: true, staleAfterHours: 24 });
  });

  it('lists demo people of every kind and mints a working token for one', async () => {
    const people = await request(t.service.url).get('/dev/people');
    expect(people.status).toBe(200);
    const featured = people.body.filter((p: { featured: boolean }) => p.featured);
    expect(featured.map((p: { role: string }) => p.role)).toEqual(['INTAKE', 'REFERRER', 'REFERRER', 'MUNICIPALITY', 'COORDINATOR', 'ADMIN']);
    const intake = featured[0];
    expect(intake.label).toContain(intake.shelterName);
    expect(intake.shelterIds).toHaveLength(1);

    const minted = await request(t.service.url).post('/dev/token').send({ personId: intake.id });
    expect(minted.status).toBe(200);
    const res = await t.gql<{ shelter: { id: string; address: { street: string } | null } }>(
      'query ($id: ID!) { shelter(id: $id) { id address { street } } }',
      { id: intake.shelterIds[0] },
      minted.body.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.shelter.id).toBe(intake.shelterIds[0]);
    // Its own intake may see the address: the token carries the shelter.
    expect(res.data?.shelter.address?.street).toEqual(expect.any(String));

    const police = await request(t.service.url).post('/dev/token').send({ personId: 'police' });
    const payload = JSON.parse(Buffer.from(police.body.token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ role: Role.REFERRER, referrerType: 'POLICE' });
  });

  it('refuses an unknown demo person with 404', async () => {
    const res = await request(t.service.url).post('/dev/token').send({ personId: 'nobody' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });
});

describe('console in production', () => {
  let db: TestDatabase;
  let t: TestService;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestService({
      db,
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        AUTH_ISSUER: 'http://127.0.0.1:9/issuer',
        AUTH_AUDIENCE: 'opvangnet',
        OIDC_CLIENT_ID: 'opvangnet-console',
        OIDC_SCOPES: 'openid profile opvangnet',
        METRICS_TOKEN: 'metrics-token-for-the-console-test',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('has no development sign-in endpoints and no GraphiQL (404)', async () => {
    expect((await request(t.service.url).get('/dev/people')).status).toBe(404);
    expect((await request(t.service.url).post('/dev/token').send({ personId: 'coordinator' })).status).toBe(404);
    expect((await request(t.service.url).get('/graphiql.html')).status).toBe(404);
  });

  it('hands the console the OIDC settings, and still serves it', async () => {
    const res = await request(t.service.url).get('/console/config');
    expect(res.body).toEqual({
      signIn: 'oidc',
      oidc: { issuer: 'http://127.0.0.1:9/issuer', clientId: 'opvangnet-console', scopes: 'openid profile opvangnet' },
      graphiql: false,
      staleAfterHours: 24,
    });
    const index = await request(t.service.url).get('/').set('Accept', 'text/html');
    expect(index.status).toBe(200);
    // The identity provider is the one other origin the console may talk to (token and renewal).
    expect(String(index.headers['content-security-policy'])).toContain('http://127.0.0.1:9');
  });
});

describe('console settings', () => {
  it('needs an issuer for an OIDC client and "openid" among the scopes', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', OIDC_CLIENT_ID: 'x' })).toThrow(/OIDC_CLIENT_ID needs AUTH_ISSUER/);
    expect(() => loadConfig({ NODE_ENV: 'test', OIDC_SCOPES: 'profile' })).toThrow(/OIDC_SCOPES must include "openid"/);
    expect(loadConfig({ NODE_ENV: 'test' }).OIDC_SCOPES).toBe('openid profile');
  });
});
