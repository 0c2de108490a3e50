import { createDataSource } from '../src/database/data-source.js';
import { generateHistory } from '../src/flows/history/history-generator.js';
import { bothWays, localDay } from './support/flow-report.js';
import { startTestService, TestService } from './support/service.js';

/**
 * The flow report's aggregates (migration FlowAggregates) against the source rows, on a generated
 * history: the generator's bulk inserts go through the same triggers as the live writes.
 */
describe('flow report aggregates', () => {
  let t: TestService;
  let regions: Record<string, string>;
  const from = localDay(-120);
  const to = localDay(0);

  /** Every row of the aggregates, in order (rows counted down to 0 are no different from no row). */
  const contents = async () => {
    const { rows } = await t.db.pool.query(`
      SELECT (SELECT json_agg(c ORDER BY figure, day, region_id, key) FROM flow_count c WHERE n <> 0) AS counts,
             (SELECT json_agg(l ORDER BY stay_id) FROM flow_stay_length l) AS lengths,
             (SELECT json_agg(r ORDER BY request_id) FROM flow_request_time r) AS requests,
             (SELECT json_agg(b ORDER BY figure, month, key, bin) FROM flow_value_month b WHERE n <> 0) AS bins,
             (SELECT json_agg(m ORDER BY figure, month, region_id, key) FROM flow_count_month m WHERE n <> 0) AS months`);
    return rows[0];
  };

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    const dataSource = createDataSource(t.db.url, 2);
    await dataSource.initialize();
    try {
      await generateHistory(dataSource, { years: 1, seed: 11 });
    } finally {
      await dataSource.destroy();
    }
    const { rows } = await t.db.pool.query(`SELECT code, id FROM region`);
    regions = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  }, 180_000);
  afterAll(async () => t.close());

  it('gives the same report as the source rows: every field, granularity, region and the country', async () => {
    const answers = await bothWays(t, [regions.utrecht, regions.rotterdam, null], from, to);
    expect(answers).toHaveLength(9);
    for (const a of answers) expect({ label: a.label, report: a.aggregated }).toEqual({ label: a.label, report: a.direct });
    const country = answers[8].aggregated as any;
    expect(country.total.inflow.admissions.value).toBeGreaterThan(1000);
    expect(country.total.unmetDemand.hoursToClaim.p50).not.toBeNull();
    expect(country.total.outflow.lengthOfStay.length).toBeGreaterThan(0);
  }, 120_000);

  it('holds what a rebuild from the source rows holds, counts only', async () => {
    const kept = await contents();
    expect(kept.counts.length).toBeGreaterThan(1000);
    await t.db.pool.query(`SELECT flow_aggregates_rebuild()`);
    expect(await contents()).toEqual(kept);
    const { rows: columns } = await t.db.pool.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_name LIKE 'flow\\_%' AND data_type = 'text' ORDER BY 1, 2`);
    // Text columns are the figure and its key (a category, reason, destination, region id): no free text.
    expect(columns).toEqual([
      { table_name: 'flow_count', column_name: 'figure' }, { table_name: 'flow_count', column_name: 'key' },
      { table_name: 'flow_count_month', column_name: 'figure' }, { table_name: 'flow_count_month', column_name: 'key' },
      { table_name: 'flow_value_month', column_name: 'figure' }, { table_name: 'flow_value_month', column_name: 'key' },
    ]);
    expect(kept.bins.length).toBeGreaterThan(100);
    // Every month's count is the sum of its days'.
    const { rows: [drift] } = await t.db.pool.query(`
      SELECT count(*)::int AS n FROM (
        SELECT figure, date_trunc('month', day)::date AS month, region_id, key, sum(n) AS n FROM flow_count GROUP BY 1, 2, 3, 4
      ) d FULL JOIN flow_count_month m USING (figure, month, region_id, key)
       WHERE coalesce(d.n, 0) <> coalesce(m.n, 0)`);
    expect(drift.n).toBe(0);
  }, 60_000);

  it('notices an aggregate that is wrong (the comparison can fail), and a rebuild repairs it', async () => {
    await t.db.pool.query(
      `UPDATE flow_count SET n = n + 1
        WHERE (figure, day, region_id, key) = (SELECT figure, day, region_id, key FROM flow_count
                                                WHERE figure = 'discharge' AND region_id = $1 AND day >= $2::date ORDER BY day LIMIT 1)`,
      [regions.utrecht, from],
    );
    const [broken] = await bothWays(t, [regions.utrecht], from, to);
    expect(broken.aggregated).not.toEqual(broken.direct);
    await t.db.pool.query(`SELECT flow_aggregates_rebuild()`);
    const [repaired] = await bothWays(t, [regions.utrecht], from, to);
    expect(repaired.aggregated).toEqual(repaired.direct);
  }, 60_000);

  it('notices a wrong count of the value bins in the country\'s percentiles, and a rebuild repairs it', async () => {
    // One more value in the fullest bin of a whole month of the period (a cut month is counted from
    // the values themselves): the country's monthly report must count and read differently.
    await t.db.pool.query(
      `UPDATE flow_value_month SET n = n + 1
        WHERE (figure, month, key, bin) = (SELECT figure, month, key, bin FROM flow_value_month
                                            WHERE figure = 'hours_to_claim' AND month = date_trunc('month', $1::date)::date
                                            ORDER BY n DESC, bin LIMIT 1)`,
      [localDay(-60)],
    );
    const country = async () => (await bothWays(t, [null], from, to)).find((a) => a.label.includes('MONTH'))!;
    const broken = await country();
    expect((broken.aggregated as any).total.unmetDemand.hoursToClaim).not.toEqual((broken.direct as any).total.unmetDemand.hoursToClaim);
    await t.db.pool.query(`SELECT flow_aggregates_rebuild()`);
    const repaired = await country();
    expect(repaired.aggregated).toEqual(repaired.direct);
  }, 60_000);
});
