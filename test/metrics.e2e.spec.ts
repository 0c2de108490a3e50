import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { startTestService, TestService } from './support/service.js';

const METRICS_TOKEN = 'a-metrics-token-of-at-least-24-chars';

describe('/metrics is not for everyone', () => {
  let db: TestDatabase;
  let withToken: TestService;
  let ownPort: TestService;
  beforeAll(async () => {
    db = await createTestDatabase();
    withToken = await startTestService({ db, env: { METRICS_TOKEN } });
    ownPort = await startTestService({ db, env: { METRICS_TOKEN, METRICS_PORT: '0' } });
    // Something to count.
    await withToken.gql(`query RegionList { regions { id } }`, {}, await withToken.token({ role: Role.COORDINATOR }));
  });
  afterAll(async () => {
    await withToken?.close();
    await ownPort?.close();
    await db?.drop();
  });

  it('answers 401 without the metrics token, or with a wrong one', async () => {
    const none = await request(withToken.service.url).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
    expect(none.text).not.toMatch(/opvangnet_/);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    for (const authorization of [`Bearer ${METRICS_TOKEN}x`, `Bearer ${METRICS_TOKEN.slice(0, -1)}`, METRICS_TOKEN, 'Bearer ']) {
      const wrong = await request(withToken.service.url).get('/metrics').set('Authorization', authorization);
      expect([authorization, wrong.status]).toEqual([authorization, 401]);
    }
    // A user's API token is not a metrics token.
    const apiToken = await withToken.token({ role: Role.ADMIN });
    expect((await request(withToken.service.url).get('/metrics').set('Authorization', `Bearer ${apiToken}`)).status).toBe(401);
  });

  it('answers the metrics to the right token', async () => {
    const res = await request(withToken.service.url).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/opvangnet_graphql_requests_total\{operation="RegionList",type="query",outcome="ok"\} 1/);
    expect(res.text).toMatch(/opvangnet_db_pool_connections \d+/);
  });

  it('with METRICS_PORT, serves /metrics only on that port', async () => {
    expect(ownPort.service.metricsUrl).toBeDefined();
    expect(ownPort.service.metricsUrl).not.toBe(ownPort.service.url);
    const onApiPort = await request(ownPort.service.url).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(onApiPort.status).toBe(404);
    expect(onApiPort.text).not.toMatch(/opvangnet_/);

    const metricsUrl = ownPort.service.metricsUrl!;
    expect((await request(metricsUrl).get('/metrics')).status).toBe(401);
    const res = await request(metricsUrl).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/opvangnet_db_pool_connections \d+/);
    // Nothing of the API on the metrics port.
    expect((await request(metricsUrl).post('/graphql').send({ query: '{ regions { id } }' })).status).toBe(404);
    expect((await request(metricsUrl).get('/health')).status).toBe(404);
  });

  it('refuses a production configuration with /metrics public, unless explicitly allowed', () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'opvangnet' };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({ ...production, METRICS_TOKEN }).METRICS_TOKEN).toBe(METRICS_TOKEN);
    expect(loadConfig({ ...production, METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(loadConfig({ ...production, METRICS_PUBLIC: 'true' }).METRICS_PUBLIC).toBe(true);
    // The migration and seed commands serve nothing, so they do not need a metrics setting.
    expect(loadConfig(production, 'tool').isProduction).toBe(true);
    expect(() => loadConfig({ ...production, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(() => loadConfig({ ...production, METRICS_PORT: '3000', PORT: '3000' })).toThrow(/METRICS_PORT/);
  });
});
