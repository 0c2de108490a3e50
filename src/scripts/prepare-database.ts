import pg from 'pg';
import type { Logger as Pino } from 'pino';
import { createDataSource } from '../database/data-source.js';
import { generateHistory } from '../flows/history/history-generator.js';
import { loadDemoNetwork } from './demo/demo-network.js';
import { readRegionFile, upsertRegions } from '../network/reference/regions.js';

// Any constant works; it only has to be the same for every instance of this service.
const SETUP_LOCK = 7_406_312;

/**
 * Migrate, load the region reference data, and load the demo network into an empty database.
 * Several instances may start at once: an advisory lock lets one do it while the others wait.
 */
export async function prepareDatabase(
  url: string,
  options: { seedDemo: boolean; demoScale: number; demoHistoryYears?: number; regionsFile?: string; log: Pino },
): Promise<void> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  const dataSource = createDataSource(url, 2);
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [SETUP_LOCK]);
    await dataSource.initialize();
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of ran) options.log.info({ migration: migration.name }, 'migration applied');
    const regions = await upsertRegions(dataSource, readRegionFile(options.regionsFile));
    options.log.info({ regions }, 'region reference data loaded');
    if (options.seedDemo) {
      const [{ shelters }] = await dataSource.query(`SELECT count(*)::int AS shelters FROM shelter`);
      if (shelters === 0) {
        const loaded = await loadDemoNetwork(dataSource, { scale: options.demoScale });
        options.log.info(loaded, 'demo national network loaded');
        // A year of history took about 5 s at scale 1 (21,000 stays); only behind a fresh demo network.
        if ((options.demoHistoryYears ?? 0) > 0) {
          const history = await generateHistory(dataSource, { years: options.demoHistoryYears!, seed: 1 });
          options.log.info(history, 'demo history generated');
        }
      }
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
