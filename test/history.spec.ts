import { Role } from '../src/common/enums.js';
import { createDataSource } from '../src/database/data-source.js';
import { generateHistory } from '../src/flows/history/history-generator.js';
import { invariantViolations } from './support/fixtures.js';
import { startTestService, TestService } from './support/service.js';

/** The generated history obeys the same rules as the live system, and the reports find its flows. */
describe('generated history', () => {
  let t: TestService;
  let counts: Awaited<ReturnType<typeof generateHistory>>;

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    const dataSource = createDataSource(t.db.url, 2);
    await dataSource.initialize();
    try {
      counts = await generateHistory(dataSource, { years: 1, seed: 7 });
    } finally {
      await dataSource.destroy();
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('writes a year of stays, transfers, requests and snapshots', () => {
    expect(counts.stays).toBeGreaterThan(10_000);
    expect(counts.transfers).toBeGreaterThan(500);
    expect(counts.requests).toBeGreaterThan(5_000);
    expect(counts.snapshots).toBeGreaterThan(35 * 7 * 300);
  });

  it('never puts two households in one place at once, and leaves every place consistent', async () => {
    const { rows: [overlaps] } = await t.db.pool.query(`
      SELECT count(*)::int AS n FROM stay_place a JOIN stay_place b
        ON a.place_id = b.place_id AND (a.stay_id, a.from_at) < (b.stay_id, b.from_at)
       AND tstzrange(a.from_at, coalesce(a.until_at, 'infinity')) && tstzrange(b.from_at, coalesce(b.until_at, 'infinity'))`);
    expect(overlaps.n).toBe(0);
    expect(await invariantViolations(t)).toEqual([]);
    const { rows: [members] } = await t.db.pool.query(`
      SELECT count(*)::int AS n FROM stay s WHERE s.household_size <> (SELECT count(*) FROM stay_member m WHERE m.stay_id = s.id)`);
    expect(members.n).toBe(0);
  });

  it('gives a centre municipality a report with every kind of flow', async () => {
    const { rows: [region] } = await t.db.pool.query(`SELECT id FROM region WHERE code = 'rotterdam'`);
    const token = await t.token({ role: Role.MUNICIPALITY, regionId: region.id });
    const to = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const from = new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 10);
    const res = await t.gql(`query($r: ID!, $from: String!, $to: String!) { flowReport(regionId: $r, from: $from, to: $to, granularity: MONTH) {
      total { inflow { admissions { value } } throughflow { transfers { value } } outflow { discharges { value } }
              blockedOutflow { markedInPeriod { value } } unmetDemand { notAdmitted { value } } occupancy { rate } } } }`,
      { r: region.id, from, to }, token);
    expect(res.errors).toBeUndefined();
    const total = res.data!.flowReport.total;
    expect(total.inflow.admissions.value).toBeGreaterThan(100);
    expect(total.throughflow.transfers.value).toBeGreaterThan(5);
    expect(total.outflow.discharges.value).toBeGreaterThan(100);
    expect(total.blockedOutflow.markedInPeriod.value).toBeGreaterThan(5);
    expect(total.unmetDemand.notAdmitted.value).toBeGreaterThan(5);
    expect(total.occupancy.length).toBeGreaterThan(0);
  });
});
