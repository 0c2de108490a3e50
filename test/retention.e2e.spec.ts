import { RetentionJob } from '../src/referral/retention.job.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { startTestService, TestService } from './support/service.js';

describe('retention: request details are pseudonymised after the retention period', () => {
  let db: TestDatabase;
  let a: TestService;
  let b: TestService;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestService({ db, env: { RETENTION_DAYS: '90' } });
    b = await startTestService({ db, env: { RETENTION_DAYS: '90' } });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  async function request(closedDaysAgo: number | null) {
    const { rows: [region] } = await db.pool.query(`SELECT id FROM region WHERE code = 'utrecht'`);
    const { rows: [r] } = await db.pool.query(
      `INSERT INTO placement_request (status, urgency, risk_level, home_region_id, consent_to_share, household_size, adults, children,
         referrer_sub, referrer_role, risk_summary, notes, client_reference, created_at, closed_at, close_reason)
       VALUES ($1, 'PLANNED', 'LOW', $2, true, 1, 1, 0, 'vt', 'REFERRER', 'summary', 'notes', 'VT-1', now() - interval '200 days',
               CASE WHEN $3::int IS NULL THEN NULL ELSE now() - make_interval(days => $3::int) END, $4)
       RETURNING id`,
      [closedDaysAgo === null ? 'OPEN' : 'NOT_ADMITTED', region.id, closedDaysAgo, closedDaysAgo === null ? null : 'CONTACT_LOST'],
    );
    await db.pool.query(`INSERT INTO request_event (request_id, kind, actor, detail) VALUES ($1, 'CLOSED', 'vt', '{"reason":"CONTACT_LOST","note":"moved in with her sister"}')`, [r.id]);
    return r.id as string;
  }

  it('erases summary, notes, client reference and timeline notes once, keeping what the reports count', async () => {
    const old = await Promise.all(Array.from({ length: 30 }, () => request(91)));
    const recent = await request(89);
    const open = await request(null);

    // Both instances run the job at the same moment: each request is done exactly once.
    const counts = await Promise.all([a, b].map((s) => s.service.app.get(RetentionJob).run()));
    expect(counts[0] + counts[1]).toBe(30);

    const { rows } = await db.pool.query(
      `SELECT id, risk_summary, notes, client_reference, pseudonymised_at IS NOT NULL AS done, status::text, close_reason::text, household_size
         FROM placement_request WHERE id = ANY($1)`,
      [[...old, recent, open]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of old) {
      expect(byId.get(id)).toMatchObject({ risk_summary: null, notes: null, client_reference: null, done: true, status: 'NOT_ADMITTED', close_reason: 'CONTACT_LOST', household_size: 1 });
    }
    expect(byId.get(recent)).toMatchObject({ risk_summary: 'summary', client_reference: 'VT-1', done: false });
    expect(byId.get(open)).toMatchObject({ notes: 'notes', done: false });
    const { rows: events } = await db.pool.query(`SELECT request_id, detail FROM request_event WHERE request_id = ANY($1)`, [[old[0], recent]]);
    expect(events.find((e) => e.request_id === old[0]).detail).toEqual({ reason: 'CONTACT_LOST' });
    expect(events.find((e) => e.request_id === recent).detail.note).toBe('moved in with her sister');
    const { rows: [audit] } = await db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'request.pseudonymised'`);
    expect(audit.n).toBe(30);
    expect(await a.service.app.get(RetentionJob).run()).toBe(0);
  });
});
