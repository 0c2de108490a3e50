import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { generateHistory } from '../flows/history/history-generator.js';
import { loadDemoNetwork } from './demo/demo-network.js';
import { readRegionFile, upsertRegions } from '../network/reference/regions.js';
import { withDatabase } from './with-database.js';

/**
 * npm run seed -- [--scale N] [--seed S] [--years Y]: loads a demo network into an empty database;
 * with --years, also Y years of history behind its current state (stays, transfers, requests, snapshots).
 */
async function main() {
  const { values } = parseArgs({
    options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '1' }, years: { type: 'string', default: '0' } },
  });
  const years = Number(values.years);
  if (!Number.isFinite(years) || years < 0) throw new Error(`--years must be a number >= 0, got ${values.years}`);
  const config = loadConfig(process.env, 'tool');
  await withDatabase(config, async (url) => {
    const dataSource = createDataSource(url, 2);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      await upsertRegions(dataSource, readRegionFile(config.REGIONS_FILE));
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM shelter`);
      if (n > 0) throw new Error(`the database already has ${n} shelters; seed an empty one`);
      const started = Date.now();
      const loaded = await loadDemoNetwork(dataSource, { scale: Number(values.scale), seed: Number(values.seed) });
      process.stdout.write(`${JSON.stringify({ ...loaded, ms: Date.now() - started })}\n`);
      if (years > 0) {
        const history = await generateHistory(dataSource, {
          years,
          seed: Number(values.seed),
          log: (msg) => process.stderr.write(`${msg}\n`),
        });
        process.stdout.write(`${JSON.stringify({ history })}\n`);
      }
    } finally {
      await dataSource.destroy();
    }
  });
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
