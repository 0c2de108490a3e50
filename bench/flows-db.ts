import { createDataSource } from '../src/database/data-source.js';
import { ensureDatabase } from '../src/database/setup.js';
import { generateHistory } from '../src/flows/history/history-generator.js';
import { readRegionFile, upsertRegions } from '../src/network/reference/regions.js';
import { loadDemoNetwork } from '../src/scripts/demo/demo-network.js';

/*
 * A persistent database with the flow bench's history (scale 10, 5 years: over 1,000,000 stays) on
 * an existing PostgreSQL server, to iterate on the flow report without generating it every run.
 * DATABASE_URL is the server, FLOWS_DB the database (default flows_1m), FLOWS_SCALE and FLOWS_YEARS.
 * When it already holds stays it is only migrated (new migrations run) and analysed. The history is
 * written with the aggregates' triggers disabled and the aggregates rebuilt after (the same rows: test
 * flow-aggregates compares triggers against a rebuild), which is about twice as fast.
 * Prints the database URL: bench/flows-profile.ts profiles it with PROFILE_DB set to the same name.
 */
const log = (line: string) => process.stderr.write(`[flows-db] ${line}\n`);

async function main() {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('set DATABASE_URL to a PostgreSQL server');
  const url = await ensureDatabase(server, process.env.FLOWS_DB ?? 'flows_1m');
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM stay`);
    if (n === 0) {
      const started = Date.now();
      await upsertRegions(dataSource, readRegionFile());
      await loadDemoNetwork(dataSource, { scale: Number(process.env.FLOWS_SCALE ?? 10), seed: 1 });
      const triggers: { table: string; name: string }[] = await dataSource.query(
        `SELECT tgrelid::regclass::text AS "table", tgname AS name FROM pg_trigger WHERE tgname LIKE 'flow\\_%' AND NOT tgisinternal`);
      for (const t of triggers) await dataSource.query(`ALTER TABLE ${t.table} DISABLE TRIGGER ${t.name}`);
      try {
        const history = await generateHistory(dataSource, { years: Number(process.env.FLOWS_YEARS ?? 5), seed: 1, log });
        log(`history: ${JSON.stringify(history)}`);
      } finally {
        for (const t of triggers) await dataSource.query(`ALTER TABLE ${t.table} ENABLE TRIGGER ${t.name}`);
      }
      await dataSource.query(`SELECT flow_aggregates_rebuild()`);
      log(`written and aggregated in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    await dataSource.query('VACUUM ANALYZE');
    const [{ stays }] = await dataSource.query(`SELECT count(*)::int AS stays FROM stay`);
    log(`${stays} stays`);
    process.stdout.write(`${url}\n`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
