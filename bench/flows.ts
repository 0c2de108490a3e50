import os from 'node:os';
import pg from 'pg';
import { Role } from '../src/common/enums.js';
import { createDataSource } from '../src/database/data-source.js';
import { generateHistory } from '../src/flows/history/history-generator.js';
import { loadDemoNetwork } from '../src/scripts/demo/demo-network.js';
import { freshDatabase, measure, serve, startServer, token, writeResult } from './in-process.js';
import { formatTable, GraphQLHttpClient, now } from './support.js';

/*
 * Issue "In-, through- and outflow" and issue 12: flowReport for one region and one year, the
 * whole country and one year, and one region and one month, on 5 years of history at scale 10
 * (over 1,000,000 stays), p50/p99, read from the aggregates (FLOW_AGGREGATES=on) and from the
 * source rows (off) side by side: two services over the same database, alternating per case.
 * Next to it the raw SQL of the inflow figure and the plan of one region-month, and the cost of
 * keeping the aggregates on the write path: claim + admit + discharge cycles per second through
 * GraphQL with the aggregates' triggers enabled, then disabled (then rebuilt, timed).
 * BENCH_QUICK=1: 1 year at scale 2. BENCH_FLOWS_URL: reuse a database that already holds the history
 * (bench/flows-db.ts) instead of generating one; BENCH_FLOWS_READS_ONLY=1: the reports only, no write path;
 * BENCH_FLOWS_DIRECT_RUNS: runs of the direct path and raw SQL (10).
 */
const QUICK = ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? ''));
const SCALE = QUICK ? 2 : 10;
const YEARS = QUICK ? 1 : 5;
const ITERATIONS = QUICK ? 5 : 20;
/** The source rows' path (seconds per country-year) and the raw SQL: fewer runs, one warm-up. */
const DIRECT_ITERATIONS = Number(process.env.BENCH_FLOWS_DIRECT_RUNS ?? (QUICK ? 5 : 10));
const WRITE_SECONDS = QUICK ? 5 : 20;
const WRITERS = 2;
const log = (line: string) => process.stderr.write(`[bench:flows] ${line}\n`);

const REPORT = `query($r: ID, $from: String!, $to: String!) { flowReport(regionId: $r, from: $from, to: $to, granularity: MONTH) {
  total { inflow { admissions { value } byCategory { key value } byOrigin { key value } bySexAndAgeBand { key value } }
          throughflow { transfers { value } daysBeforeMove { p50 } } outflow { discharges { value } lengthOfStay { category p50Days overNormShare } }
          blockedOutflow { atPeriodEnd { value } } unmetDemand { notAdmitted { value } hoursToClaim { p50 } } occupancy { category rate } }
  buckets { start inflow { admissions { value } } outflow { discharges { value } } blockedOutflow { atPeriodEnd { value } } } } }`;

const RAW_INFLOW = `SELECT date_trunc('month', s.admitted_at AT TIME ZONE 'Europe/Amsterdam') AS month, s.admitted_category, count(*)
  FROM stay s WHERE s.admitted_at >= $1::timestamptz AND s.admitted_at < $2::timestamptz AND ($3::uuid IS NULL OR s.admitted_region_id = $3::uuid)
 GROUP BY 1, 2`;

const CLAIM = `mutation($input: ClaimPlaceInput!) { claimPlace(input: $input) { id } }`;
const ADMIT = `mutation($input: AdmitInput!) { admit(input: $input) { id } }`;
const DISCHARGE = `mutation($input: DischargeInput!) { discharge(input: $input) { id } }`;

const FLOW_TRIGGERS = `SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger WHERE tgname LIKE 'flow\\_%' AND NOT tgisinternal`;

/** Other processes' CPU while `work` runs: the machine is shared (user+system of all CPUs minus ours). */
async function withCpu<T>(work: () => Promise<T>): Promise<{ result: T; machineBusyShare: number }> {
  const busy = () => os.cpus().reduce((a, c) => ({ busy: a.busy + c.times.user + c.times.sys + c.times.nice + c.times.irq, all: a.all + c.times.user + c.times.sys + c.times.nice + c.times.irq + c.times.idle }), { busy: 0, all: 0 });
  const before = busy();
  const result = await work();
  const after = busy();
  return { result, machineBusyShare: Math.round(((after.busy - before.busy) / (after.all - before.all)) * 100) / 100 };
}

async function main() {
  const reused = process.env.BENCH_FLOWS_URL;
  const server = reused ? null : await startServer(log);
  try {
    const url = reused ?? await freshDatabase(server!, 'bench_flows');
    let started = Date.now();
    let history = null;
    if (!reused) {
      const dataSource = createDataSource(url, 2);
      await dataSource.initialize();
      await loadDemoNetwork(dataSource, { scale: SCALE, seed: 1 });
      history = await generateHistory(dataSource, { years: YEARS, seed: 1, log: (m) => log(m) });
      // What autovacuum does to a database that has settled (the visibility map lets the narrow
      // aggregate tables be read from their indexes alone); straight after a bulk load it has not run yet.
      await dataSource.query('VACUUM ANALYZE');
      await dataSource.destroy();
    }
    const loadMs = Date.now() - started;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const { rows: [{ stays }] } = await pool.query(`SELECT count(*)::int AS stays FROM stay`);
    const { rows: [sizes] } = await pool.query(`SELECT (SELECT count(*) FROM flow_count)::int AS counts, (SELECT count(*) FROM flow_stay_length)::int AS lengths,
      (SELECT count(*) FROM flow_request_time)::int AS requests, (SELECT count(*) FROM flow_count_month)::int AS month_counts, (SELECT count(*) FROM flow_value_month)::int AS value_bins, pg_size_pretty(pg_total_relation_size('flow_count') + pg_total_relation_size('flow_stay_length') + pg_total_relation_size('flow_request_time') + pg_total_relation_size('flow_count_month') + pg_total_relation_size('flow_value_month')) AS size`);
    log(`${stays} stays in ${Math.round(loadMs / 1000)} s; aggregates ${JSON.stringify(sizes)}`);

    // No statement or execution deadline: a country-year from the source rows on a busy machine can take longer.
    const unbounded = { DB_STATEMENT_TIMEOUT_MS: 0, GRAPHQL_EXECUTION_TIMEOUT_MS: 600_000 };
    const aggregated = await serve(url, { ...unbounded, FLOW_AGGREGATES: 'on' });
    const direct = await serve(url, { ...unbounded, FLOW_AGGREGATES: 'off' });
    const gqlOn = new GraphQLHttpClient(aggregated.url);
    const gqlOff = new GraphQLHttpClient(direct.url);
    try {
      const { rows: [region] } = await pool.query(`SELECT id FROM region WHERE code = 'rotterdam'`);
      const coordinator = await token({ sub: 'bench-coordinator', role: Role.COORDINATOR });
      const municipality = await token({ sub: 'bench-municipality', role: Role.MUNICIPALITY, regionId: region.id });
      const year = new Date().getUTCFullYear() - 1;
      const cases = [
        { label: 'one region, one year', token: municipality, regionId: region.id, from: `${year}-01-01`, to: `${year}-12-31`, period: [`${year}-01-01T00:00:00+01:00`, `${year + 1}-01-01T00:00:00+01:00`] },
        { label: 'whole country, one year', token: coordinator, regionId: null, from: `${year}-01-01`, to: `${year}-12-31`, period: [`${year}-01-01T00:00:00+01:00`, `${year + 1}-01-01T00:00:00+01:00`] },
        { label: 'one region, one month', token: municipality, regionId: region.id, from: `${year}-03-01`, to: `${year}-03-31`, period: [`${year}-03-01T00:00:00+01:00`, `${year}-04-01T00:00:00+02:00`] },
      ];
      const results = [];
      for (const c of cases) {
        const variables = { r: c.regionId, from: c.from, to: c.to };
        // The same answer both ways (what the bench shows is the same report).
        const [a, b] = [await gqlOn.call(REPORT, variables, c.token), await gqlOff.call(REPORT, variables, c.token)];
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${c.label}: the aggregates answer differently from the source rows`);
        const { result: timed, machineBusyShare } = await withCpu(async () => ({
          aggregates: await measure(ITERATIONS, 2, () => gqlOn.call(REPORT, variables, c.token)),
          direct: await measure(DIRECT_ITERATIONS, 1, () => gqlOff.call(REPORT, variables, c.token)),
          rawSql: await measure(DIRECT_ITERATIONS, 1, () => pool.query(RAW_INFLOW, [...c.period, c.regionId])),
        }));
        results.push({ case: c.label, ...timed, speedup: Math.round((timed.direct.p50 / timed.aggregates.p50) * 10) / 10, machineBusyShare });
        log(`${c.label}: aggregates p50 ${timed.aggregates.p50} ms p99 ${timed.aggregates.p99} ms; direct p50 ${timed.direct.p50} ms p99 ${timed.direct.p99} ms; machine busy ${machineBusyShare}`);
      }
      // One region, one month: the plan must read that region-month through an index, not all history.
      const { rows: plan } = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${RAW_INFLOW}`, [...cases[2].period, region.id]);
      const root = plan[0]['QUERY PLAN'][0];
      const nodes: string[] = [];
      const walk = (n: any) => { nodes.push(`${n['Node Type']}${n['Index Name'] ? ` (${n['Index Name']})` : ''}`); (n.Plans ?? []).forEach(walk); };
      walk(root.Plan);
      const regionMonth = { planNodes: nodes, executionMs: root['Execution Time'], sharedBuffers: (root.Plan['Shared Hit Blocks'] ?? 0) + (root.Plan['Shared Read Blocks'] ?? 0) };

      if (process.env.BENCH_FLOWS_READS_ONLY) {
        process.stdout.write(`\nflowReport on ${stays} stays (ms)\n${formatTable(['case', 'aggregates p50', 'aggregates p99', 'direct p50', 'direct p99', 'speed-up', 'raw SQL p50', 'machine busy'],
          results.map((r) => [r.case, r.aggregates.p50, r.aggregates.p99, r.direct.p50, r.direct.p99, r.speedup, r.rawSql.p50, r.machineBusyShare]))}\n`);
        return;
      }
      // The write path: WRITERS clients, each cycling claim + admit + discharge on its own free place.
      const { rows: places } = await pool.query(
        `SELECT p.id, s.region_id FROM place p JOIN shelter s ON s.id = p.shelter_id
          WHERE p.status = 'AVAILABLE' AND NOT p.national_reserve AND p.beds >= 1 AND 'FEMALE' = ANY(s.admitted_sexes::text[]) AND coalesce(s.min_age, 0) <= 30 AND coalesce(s.max_age, 200) >= 30
          ORDER BY p.id LIMIT $1`, [WRITERS]);
      const cycles = async (seconds: number) => {
        const until = now() + seconds * 1000;
        const latencies: number[] = [];
        await Promise.all(places.map(async ({ id, region_id: originRegionId }) => {
          while (now() < until) {
            const t0 = now();
            const { claimPlace } = await gqlOn.call<any>(CLAIM, { input: { placeIds: [id], householdSize: 1 } }, coordinator);
            const { admit } = await gqlOn.call<any>(ADMIT, { input: { claimId: claimPlace.id, household: [{ sex: 'FEMALE', age: 30 }], originRegionId, referrerType: 'POLICE' } }, coordinator);
            await gqlOn.call(DISCHARGE, { input: { stayId: admit.id, destination: 'UNKNOWN' } }, coordinator);
            latencies.push(now() - t0);
          }
        }));
        return { cyclesPerSecond: Math.round((latencies.length / seconds) * 10) / 10, cycle: (await import('./support.js')).summarise(latencies) };
      };
      const { rows: triggers } = await pool.query(FLOW_TRIGGERS);
      const setTriggers = async (state: 'ENABLE' | 'DISABLE') => {
        for (const tr of triggers) await pool.query(`ALTER TABLE ${tr.table} ${state} TRIGGER ${tr.name}`);
      };
      await cycles(2); // warm-up
      const withAggregates = await withCpu(() => cycles(WRITE_SECONDS));
      await setTriggers('DISABLE');
      const withoutAggregates = await withCpu(() => cycles(WRITE_SECONDS));
      await setTriggers('ENABLE');
      const withAggregatesAgain = await withCpu(() => cycles(WRITE_SECONDS));
      started = Date.now();
      await pool.query(`SELECT flow_aggregates_rebuild()`);
      const rebuildMs = Date.now() - started;
      const writePath = {
        writers: WRITERS, seconds: WRITE_SECONDS,
        withAggregates: { ...withAggregates.result, machineBusyShare: withAggregates.machineBusyShare },
        withoutAggregates: { ...withoutAggregates.result, machineBusyShare: withoutAggregates.machineBusyShare },
        withAggregatesAgain: { ...withAggregatesAgain.result, machineBusyShare: withAggregatesAgain.machineBusyShare },
        rebuildMs,
      };
      log(`write path: ${JSON.stringify(writePath)}`);

      const file = writeResult('flows', {
        startedAt: new Date().toISOString(), quick: QUICK, scale: SCALE, years: YEARS, stays, history, loadMs, aggregates: sizes,
        iterations: ITERATIONS, directIterations: DIRECT_ITERATIONS, loadAverage: os.loadavg(), nproc: os.cpus().length, results, regionMonth, writePath,
      });
      process.stdout.write(
        `\nflowReport on ${stays} stays (ms), aggregates and source rows side by side\n${formatTable(['case', 'aggregates p50', 'aggregates p99', 'direct p50', 'direct p99', 'speed-up', 'raw SQL p50', 'machine busy'],
          results.map((r) => [r.case, r.aggregates.p50, r.aggregates.p99, r.direct.p50, r.direct.p99, r.speedup, r.rawSql.p50, r.machineBusyShare]))}\n` +
          `one region-month plan (raw inflow SQL): ${nodes.join(' > ')}; ${regionMonth.executionMs} ms, ${regionMonth.sharedBuffers} buffers\n` +
          `claim + admit + discharge, ${WRITERS} clients: ${writePath.withAggregates.cyclesPerSecond}/s with the aggregates, ${writePath.withoutAggregates.cyclesPerSecond}/s without, ` +
          `${writePath.withAggregatesAgain.cyclesPerSecond}/s with again; rebuild ${rebuildMs} ms\nwritten to ${file}\n`,
      );
    } finally {
      gqlOn.close();
      gqlOff.close();
      await pool.end();
      await aggregated.close();
      await direct.close();
    }
  } finally {
    await server?.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
