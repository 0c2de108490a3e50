import pg from 'pg';
import { Role } from '../src/common/enums.js';
import { createDataSource } from '../src/database/data-source.js';
import { generateHistory } from '../src/flows/history/history-generator.js';
import { loadDemoNetwork } from '../src/scripts/demo/demo-network.js';
import { freshDatabase, measure, serve, startServer, token, writeResult } from './in-process.js';
import { formatTable, GraphQLHttpClient } from './support.js';

/*
 * Issue "In-, through- and outflow": flowReport for one region and one year, and for the whole
 * country, on 5 years of history at scale 10 (over 1,000,000 stays), p50/p99, next to the raw SQL
 * of the same inflow figure, with the query plan of one region-month to show it reads no more
 * than that. BENCH_QUICK=1: 1 year at scale 2.
 */
const QUICK = ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? ''));
const SCALE = QUICK ? 2 : 10;
const YEARS = QUICK ? 1 : 5;
const ITERATIONS = QUICK ? 5 : 20;
const log = (line: string) => process.stderr.write(`[bench:flows] ${line}\n`);

const REPORT = `query($r: ID, $from: String!, $to: String!) { flowReport(regionId: $r, from: $from, to: $to, granularity: MONTH) {
  total { inflow { admissions { value } byCategory { key value } byOrigin { key value } bySexAndAgeBand { key value } }
          throughflow { transfers { value } daysBeforeMove { p50 } } outflow { discharges { value } lengthOfStay { category p50Days overNormShare } }
          blockedOutflow { atPeriodEnd { value } } unmetDemand { notAdmitted { value } hoursToClaim { p50 } } occupancy { category rate } }
  buckets { start inflow { admissions { value } } outflow { discharges { value } } blockedOutflow { atPeriodEnd { value } } } } }`;

const RAW_INFLOW = `SELECT date_trunc('month', s.admitted_at AT TIME ZONE 'Europe/Amsterdam') AS month, s.admitted_category, count(*)
  FROM stay s WHERE s.admitted_at >= $1::timestamptz AND s.admitted_at < $2::timestamptz AND ($3::uuid IS NULL OR s.admitted_region_id = $3::uuid)
 GROUP BY 1, 2`;

async function main() {
  const server = await startServer(log);
  try {
    const url = await freshDatabase(server, 'bench_flows');
    const dataSource = createDataSource(url, 2);
    await dataSource.initialize();
    let started = Date.now();
    await loadDemoNetwork(dataSource, { scale: SCALE, seed: 1 });
    const history = await generateHistory(dataSource, { years: YEARS, seed: 1, log: (m) => log(m) });
    await dataSource.query('ANALYZE');
    await dataSource.destroy();
    const loadMs = Date.now() - started;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const { rows: [{ stays }] } = await pool.query(`SELECT count(*)::int AS stays FROM stay`);
    log(`${stays} stays in ${Math.round(loadMs / 1000)} s`);

    const service = await serve(url);
    const gql = new GraphQLHttpClient(service.url);
    try {
      const { rows: [region] } = await pool.query(`SELECT id FROM region WHERE code = 'rotterdam'`);
      const coordinator = await token({ sub: 'bench-coordinator', role: Role.COORDINATOR });
      const municipality = await token({ sub: 'bench-municipality', role: Role.MUNICIPALITY, regionId: region.id });
      const year = new Date().getUTCFullYear() - 1;
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const period = [`${from}T00:00:00+01:00`, `${year + 1}-01-01T00:00:00+01:00`];
      const cases = [
        { label: 'one region, one year', token: municipality, regionId: region.id },
        { label: 'whole country, one year', token: coordinator, regionId: null },
      ];
      const results = [];
      for (const c of cases) {
        const graphql = await measure(ITERATIONS, 2, () => gql.call(REPORT, { r: c.regionId, from, to }, c.token));
        const rawSql = await measure(ITERATIONS, 2, () => pool.query(RAW_INFLOW, [...period, c.regionId]));
        results.push({ case: c.label, graphql, rawSql, ratio: Math.round((graphql.p50 / rawSql.p50) * 10) / 10 });
        log(`${c.label}: flowReport p50 ${graphql.p50} ms p99 ${graphql.p99} ms; raw inflow SQL p50 ${rawSql.p50} ms`);
      }
      // One region, one month: the plan must read that region-month through an index, not all history.
      const { rows: plan } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${RAW_INFLOW}`, [`${year}-03-01T00:00:00+01:00`, `${year}-04-01T00:00:00+02:00`, region.id]);
      const root = plan[0]['QUERY PLAN'][0];
      const nodes: string[] = [];
      const walk = (n: any) => { nodes.push(`${n['Node Type']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`); (n.Plans ?? []).forEach(walk); };
      walk(root.Plan);
      const regionMonth = { planNodes: nodes, executionMs: root['Execution Time'], sharedBuffers: (root.Plan['Shared Hit Blocks'] ?? 0) + (root.Plan['Shared Read Blocks'] ?? 0) };
      const file = writeResult('flows', { startedAt: new Date().toISOString(), quick: QUICK, scale: SCALE, years: YEARS, stays, history, loadMs, iterations: ITERATIONS, results, regionMonth });
      process.stdout.write(
        `\nflowReport on ${stays} stays (ms)\n${formatTable(['case', 'GraphQL p50', 'GraphQL p99', 'raw SQL p50', 'raw SQL p99', 'ratio'],
          results.map((r) => [r.case, r.graphql.p50, r.graphql.p99, r.rawSql.p50, r.rawSql.p99, r.ratio]))}\n` +
          `one region-month plan: ${nodes.join(' > ')}; ${regionMonth.executionMs} ms, ${regionMonth.sharedBuffers} buffers\nwritten to ${file}\n`,
      );
    } finally {
      gql.close();
      await pool.end();
      await service.close();
    }
  } finally {
    await server.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
