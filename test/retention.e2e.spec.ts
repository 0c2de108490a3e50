import { Role } from '../src/common/enums.js';
import { RetentionJob } from '../src/referral/retention.job.js';
import { ADMIT, createShelter, DISCHARGE, RELEASE, TRANSFER } from './support/fixtures.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { startTestService, TestService } from './support/service.js';

describe('retention: request details are pseudonymised after the retention period', () => {
  let db: TestDatabase;
  let a: TestService;
  let b: TestService;

  beforeAll(async () => {
    db = await createTestDatabase();
    // The background sweep (also retention) must not beat the test's own run to the requests.
    a = await startTestService({ db, env: { RETENTION_DAYS: '90', CLAIM_SWEEP_INTERVAL_MS: '60000' } });
    b = await startTestService({ db, env: { RETENTION_DAYS: '90', CLAIM_SWEEP_INTERVAL_MS: '60000' } });
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

  it('leaves no free text of a closed request anywhere in the database, the audit log included', async () => {
    const shelter = await createShelter(a, { regionCode: 'utrecht', places: 3, beds: 2 });
    const police = await a.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-utrecht', sub: 'officer-ret' });
    const intake = await a.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId], sub: 'intake-ret' });
    const ok = <T>(res: { errors?: unknown; data?: T }) => {
      expect(res.errors).toBeUndefined();
      return res.data!;
    };
    const MARK = 'Mevrouw-Jansen-Kerkstraat';
    const created = ok(await a.gql(`mutation($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id } }`, {
      input: {
        urgency: 'WITHIN_24H',
        risk: { level: 'MEDIUM', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false, summary: `${MARK} risk` },
        household: [{ sex: 'FEMALE', age: 30 }, { sex: 'FEMALE', age: 4 }],
        homeRegionId: shelter.regionId, avoidRegionIds: [], preferredRegionIds: [], consentToShare: true,
        residenceStatus: `${MARK} status`, clientReference: 'VT-RET-1', notes: `${MARK} notes`,
      },
    }, police)) as { createPlacementRequest: { id: string } };
    const requestId = created.createPlacementRequest.id;
    const claimFor = async (placeId: string) =>
      (ok(await a.gql(`mutation($input: ClaimForRequestInput!) { claimForRequest(input: $input) { claimId } }`,
        { input: { requestId, placeIds: [placeId] } }, intake)) as { claimForRequest: { claimId: string } }).claimForRequest.claimId;

    ok(await a.gql(RELEASE, { input: { claimId: await claimFor(shelter.placeIds[0]), reason: `${MARK} called to cancel` } }, intake));
    await claimFor(shelter.placeIds[0]);
    ok(await a.gql(`mutation($input: CloseRequestInput!) { declinePlacementRequest(input: $input) { status } }`,
      { input: { requestId, reason: 'NEEDS_NOT_MET', note: `${MARK} decline` } }, intake));
    const stay = (ok(await a.gql(ADMIT, { input: { claimId: await claimFor(shelter.placeIds[0]) } }, intake)) as { admit: { id: string } }).admit.id;
    ok(await a.gql(TRANSFER, { input: { stayId: stay, toPlaceIds: [shelter.placeIds[1]], reason: `${MARK} moved rooms` } }, intake));
    ok(await a.gql(DISCHARGE, { input: { stayId: stay, destination: 'FAMILY_OR_NETWORK', note: `${MARK} left with her sister` } }, intake));

    const tables = (await db.pool.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.tablename as string);
    const holding = async () => {
      const found: string[] = [];
      for (const table of tables) {
        const { rows: [r] } = await db.pool.query(`SELECT count(*)::int AS n FROM "${table}" t WHERE t::text LIKE '%' || $1 || '%'`, [MARK]);
        if (r.n > 0) found.push(`${table}: ${r.n}`);
      }
      return found.sort();
    };
    // Free text lives only where retention can reach it: never in the append-only audit log.
    expect((await holding()).filter((t) => t.startsWith('audit_event'))).toEqual([]);
    expect((await holding()).length).toBeGreaterThan(0);

    await db.pool.query(`UPDATE placement_request SET closed_at = now() - interval '100 days' WHERE id = $1`, [requestId]);
    await db.pool.query(`UPDATE stay SET discharged_at = now() - interval '100 days' WHERE id = $1`, [stay]);
    expect(await a.service.app.get(RetentionJob).run()).toBe(1);
    expect(await holding()).toEqual([]);
  });
});
