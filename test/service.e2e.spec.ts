import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { startTestService, TestService } from './support/service.js';

describe('service: health, metrics, request ids, errors', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService();
  });
  afterAll(async () => t.close());

  it('reports liveness and database readiness as JSON', async () => {
    const res = await request(t.service.url).get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', live: true, ready: true, database: 'up' });
  });

  it('exposes Prometheus metrics per operation and for the pool', async () => {
    const token = await t.token({ role: Role.COORDINATOR });
    await t.gql(`query RegionList { regions { id } }`, {}, token);
    const res = await request(t.service.url).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/opvangnet_graphql_requests_total\{operation="RegionList",type="query",outcome="ok"\} 1/);
    expect(res.text).toMatch(/opvangnet_graphql_request_duration_seconds_bucket\{le="0.005",operation="RegionList"/);
    expect(res.text).toMatch(/opvangnet_db_pool_connections \d+/);
  });

  it('echoes a sane x-request-id and makes one otherwise', async () => {
    const given = await request(t.service.url).get('/health').set('x-request-id', 'trace-123');
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await request(t.service.url).get('/health').set('x-request-id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed query with a code, not a 500 or a stack trace', async () => {
    const token = await t.token({ role: Role.COORDINATOR });
    const res = await t.gql(`{ regions { id `, {}, token);
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace/);
  });

  it('answers NOT_FOUND for a shelter that does not exist', async () => {
    const token = await t.token({ role: Role.COORDINATOR });
    const res = await t.gql(`query($id: ID!) { shelter(id: $id) { id } }`, { id: '00000000-0000-4000-8000-000000000000' }, token);
    expect(res.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
