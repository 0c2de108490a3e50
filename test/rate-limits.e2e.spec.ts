import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { errorCode, startTestService, TestService } from './support/service.js';

const READ = `{ regions { id } }`;

/** Limits are counted in PostgreSQL, so two instances behind a load balancer share one budget. */
/** Two instances on one fresh database, with the given budgets. */
function twoInstances(env: Record<string, string>) {
  const setup = {} as { db: TestDatabase; a: TestService; b: TestService };
  beforeAll(async () => {
    setup.db = await createTestDatabase();
    setup.a = await startTestService({ db: setup.db, env });
    setup.b = await startTestService({ db: setup.db, env });
  });
  afterAll(async () => {
    await setup.a?.close();
    await setup.b?.close();
    await setup.db?.drop();
  });
  return setup;
}

describe('rate limits shared by every instance on the same database', () => {
  const setup = twoInstances({ RATE_LIMIT_READS_PER_MINUTE: '10', RATE_LIMIT_EXPORTS_PER_MINUTE: '3' });
  let db: TestDatabase;
  let a: TestService;
  let b: TestService;
  beforeAll(() => {
    ({ db, a, b } = setup);
  });

  const outcome = (res: { errors?: unknown[] } & Parameters<typeof errorCode>[0]) => errorCode(res) ?? 'OK';

  it('gives a principal one budget across two instances: 10 per minute, 6 requests to each, the 11th and 12th refused', async () => {
    const token = await a.token({ role: Role.COORDINATOR, sub: 'shared-budget' });
    const results: string[] = [];
    for (let i = 0; i < 6; i++) results.push(outcome(await a.gql(READ, {}, token)));
    for (let i = 0; i < 6; i++) results.push(outcome(await b.gql(READ, {}, token)));
    expect(results).toEqual([...Array(10).fill('OK'), 'RATE_LIMITED', 'RATE_LIMITED']);

    const refused = await b.gql(READ, {}, token);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(60);
    // 11 reached the database; once refused, instance b remembers it and refuses without a round trip.
    const { rows } = await db.pool.query(`SELECT points FROM rate_limit WHERE key = 'standard:shared-budget'`);
    expect(rows).toEqual([{ points: 11 }]);

    // Someone else still has a full budget.
    expect(outcome(await b.gql(READ, {}, await b.token({ role: Role.COORDINATOR, sub: 'someone-else' })))).toBe('OK');
  });

  it('counts atomically: 12 simultaneous requests over both instances let exactly 10 through', async () => {
    const token = await a.token({ role: Role.COORDINATOR, sub: 'simultaneous' });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).gql(READ, {}, token).then(outcome)));
    expect(results.filter((r) => r === 'OK')).toHaveLength(10);
    expect(results.filter((r) => r === 'RATE_LIMITED')).toHaveLength(2);
  });

  it('limits CSV and HTML exports per principal across instances: 429 with a clear body and Retry-After', async () => {
    const coordinator = await a.token({ role: Role.COORDINATOR, sub: 'exporter' });
    const exportFrom = (t: TestService, format: 'csv' | 'html') =>
      request(t.service.url).get(`/exports/flows.${format}`).query({ from: '2026-01-01', to: '2026-01-31' }).set('Authorization', `Bearer ${coordinator}`);
    const statuses = [(await exportFrom(a, 'csv')).status, (await exportFrom(b, 'html')).status, (await exportFrom(a, 'html')).status];
    expect(statuses).toEqual([200, 200, 200]);

    const refused = await exportFrom(b, 'csv');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/too many/i), retryAfterSeconds: expect.any(Number) } });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBe(refused.body.error.retryAfterSeconds);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await exportFrom(a, 'html')).status).toBe(429);

    // The export budget is its own: GraphQL reads of the same principal still answer.
    expect(outcome(await a.gql(READ, {}, coordinator))).toBe('OK');
    const other = await a.token({ role: Role.COORDINATOR, sub: 'other-exporter' });
    const otherExport = await request(b.service.url).get('/exports/flows.csv').query({ from: '2026-01-01', to: '2026-01-31' }).set('Authorization', `Bearer ${other}`);
    expect(otherExport.status).toBe(200);
  });

  it('falls back to a per-instance limit when the counters cannot be reached, instead of failing requests', async () => {
    const token = await a.token({ role: Role.COORDINATOR, sub: 'during-hiccup' });
    await db.pool.query(`ALTER TABLE rate_limit RENAME TO rate_limit_away`);
    try {
      const results: string[] = [];
      for (let i = 0; i < 11; i++) results.push(outcome(await a.gql(READ, {}, token)));
      // Every request answered (no INTERNAL_SERVER_ERROR), and the budget still holds on this instance.
      expect(results).toEqual([...Array(10).fill('OK'), 'RATE_LIMITED']);
      // The fallback counts per instance (fail open to the old limit, not to none): b has its own 10.
      expect(outcome(await b.gql(READ, {}, token))).toBe('OK');
      const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM rate_limit_away WHERE key = 'standard:during-hiccup'`);
      expect(rows).toEqual([{ n: 0 }]);
      const metrics = await request(a.service.url).get('/metrics');
      expect(Number(/^opvangnet_rate_limit_store_errors_total (\d+)$/m.exec(metrics.text)?.[1])).toBe(11);
      expect(metrics.text).toMatch(/^opvangnet_rate_limited_total\{budget="standard"\} [1-9]/m);
    } finally {
      await db.pool.query(`ALTER TABLE rate_limit_away RENAME TO rate_limit`);
    }
    // Back to the shared counters.
    const after = await b.token({ role: Role.COORDINATOR, sub: 'after-hiccup' });
    expect(outcome(await b.gql(READ, {}, after))).toBe('OK');
    const { rows } = await db.pool.query(`SELECT points FROM rate_limit WHERE key = 'standard:after-hiccup'`);
    expect(rows).toEqual([{ points: 1 }]);
  });
});

/**
 * A large budget is counted in batches (5 % of it per instance) so that a busy desk does not pay a
 * database write per request; the overrun stays within instances x 5 % of the budget.
 */
describe('rate limits with a large budget, counted in batches', () => {
  const setup = twoInstances({ RATE_LIMIT_READS_PER_MINUTE: '100' }); // batches of 5
  let db: TestDatabase;
  let a: TestService;
  let b: TestService;
  beforeAll(() => {
    ({ db, a, b } = setup);
  });

  it('lets 100 to 110 of 130 requests over two instances through, and tells the database in batches', async () => {
    const token = await a.token({ role: Role.COORDINATOR, sub: 'busy-desk' });
    const counts: number[] = [];
    const results: string[] = [];
    for (let i = 0; i < 130; i++) {
      const res = await (i % 2 ? a : b).gql(READ, {}, token);
      results.push(errorCode(res) ?? 'OK');
      if (i === 19) counts.push((await db.pool.query(`SELECT points FROM rate_limit WHERE key = 'standard:busy-desk'`)).rows[0].points);
    }
    const admitted = results.filter((r) => r === 'OK').length;
    expect(admitted).toBeGreaterThanOrEqual(100);
    expect(admitted).toBeLessThanOrEqual(110);
    // Once both instances have seen the budget spent, everything is refused.
    expect(results.slice(-10)).toEqual(Array(10).fill('RATE_LIMITED'));
    // After 20 requests (10 per instance) the shared count lags by at most one batch per instance.
    expect(counts[0]).toBeGreaterThanOrEqual(20 - 2 * 4);
    expect(counts[0]).toBeLessThan(20); // counted one by one it would be exactly 20
  });
});
