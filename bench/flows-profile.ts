import pg from 'pg';
import { loadConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { ensureDatabase } from '../src/database/setup.js';
import { FlowsService } from '../src/flows/flows.service.js';
import { generateHistory } from '../src/flows/history/history-generator.js';
import { readRegionFile, upsertRegions } from '../src/network/reference/regions.js';
import { loadDemoNetwork } from '../src/scripts/demo/demo-network.js';

/*
 * Where the time of one flowReport goes: runs the report once with a recording connection, then
 * each of its queries alone under EXPLAIN ANALYZE, for one region-year and the country-year.
 * DATABASE_URL is the server; PROFILE_DB (default flows_profile) is created with PROFILE_YEARS
 * (default 1) of history at PROFILE_SCALE (default 10) when it holds no stays yet.
 * PROFILE_AGGREGATES=off profiles the direct path; PROFILE_FROM and PROFILE_TO the period (last year).
 */
const log = (line: string) => process.stderr.write(`[flows-profile] ${line}\n`);

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('set DATABASE_URL to a PostgreSQL server');
  const name = process.env.PROFILE_DB ?? 'flows_profile';
  const url = await ensureDatabase(server, name);
  const dataSource = createDataSource(url, 25);
  await dataSource.initialize();
  if (process.env.PROFILE_REMIGRATE) await dataSource.undoLastMigration({ transaction: 'each' });
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.query('ANALYZE');
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM stay`);
  if (n === 0) {
    await upsertRegions(dataSource, readRegionFile());
    await loadDemoNetwork(dataSource, { scale: Number(process.env.PROFILE_SCALE ?? 10), seed: 1 });
    const history = await generateHistory(dataSource, { years: Number(process.env.PROFILE_YEARS ?? 1), seed: 1, log });
    log(`history: ${JSON.stringify(history)}`);
    await dataSource.query('ANALYZE');
  }
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'error', FLOW_AGGREGATES: process.env.PROFILE_AGGREGATES ?? 'on' }, 'tool');
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const { rows: [region] } = await pool.query(`SELECT id FROM region WHERE code = 'rotterdam'`);
  const { rows: [{ stays }] } = await pool.query(`SELECT count(*)::int AS stays FROM stay`);
  const year = new Date().getUTCFullYear() - 1;
  const from = process.env.PROFILE_FROM ?? `${year}-01-01`;
  const to = process.env.PROFILE_TO ?? `${year}-12-31`;
  for (const [label, regionId] of [['region-year', region.id], ['country-year', null]] as const) {
    const recorded: { sql: string; params: unknown[]; workMem?: boolean }[] = [];
    const recorder = {
      query: (sql: string, params: unknown[] = []) => { recorded.push({ sql, params }); return dataSource.query(sql, params); },
      transaction: (work: (m: unknown) => Promise<unknown>) => dataSource.transaction((m) => work({
        query: (sql: string, params: unknown[] = []) => {
          if (!sql.startsWith('SET LOCAL')) recorded.push({ sql, params, workMem: true });
          return m.query(sql, params);
        },
      })),
    };
    const service = new FlowsService(recorder as any, config);
    const plain = new FlowsService(dataSource, config);
    for (const granularity of ['DAY', 'WEEK', 'MONTH'] as const) {
      const json = (x: unknown) => JSON.stringify(x, (_k, v) => (v instanceof Map ? [...v.entries()] : v));
      const [a, b] = [await plain.figures(regionId, from, to, granularity, { aggregates: true }), await plain.figures(regionId, from, to, granularity, { aggregates: false })];
      process.stdout.write(`${label} ${granularity}: aggregates ${json(a) === json(b) ? 'identical to' : 'DIFFER FROM'} the direct path\n`);
      if (json(a) !== json(b) && process.env.PROFILE_DIFF) {
        const [x, y] = [json(a), json(b)];
        let i = 0;
        while (x[i] === y[i]) i++;
        process.stdout.write(`  at ${i}: ${x.slice(i - 200, i + 200)}\n  vs ${y.slice(i - 200, i + 200)}\n`);
      }
    }
    let started = performance.now();
    await service.figures(regionId, from, to, 'MONTH');
    const whole = performance.now() - started;
    started = performance.now();
    await service.figures(regionId, from, to, 'MONTH');
    const again = performance.now() - started;
    const rows: [number, string][] = [];
    const client = await pool.connect();
    for (const { sql, params, workMem } of recorded.slice(0, recorded.length / 2)) {
      await client.query('BEGIN');
      if (workMem) await client.query(`SET LOCAL work_mem = '64MB'`);
      const { rows: plan } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
      await client.query('COMMIT');
      const ms = plan[0]['QUERY PLAN'][0]['Execution Time'] as number;
      rows.push([ms, sql.replace(/\s+/g, ' ').trim().slice(0, 110)]);
    }
    client.release();
    const sum = rows.reduce((a, [ms]) => a + ms, 0);
    process.stdout.write(`\n${label} on ${stays} stays: report ${whole.toFixed(0)} ms, again ${again.toFixed(0)} ms; ${rows.length} queries, sum of execution ${sum.toFixed(0)} ms\n`);
    for (const [ms, sql] of rows.sort((a, b) => b[0] - a[0])) process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${sql}\n`);
  }
  await pool.end();
  await dataSource.destroy();
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
