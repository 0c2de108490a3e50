import pg from 'pg';
import type { Logger as Pino } from 'pino';
import { loadDemoNetwork } from '../network/demo/demo-network.js';
import { readRegionFile, upsertRegions } from '../network/reference/regions.js';
import { createDataSource } from './data-source.js';

// Any constant works; it only has to be the same for every instance of this service.
const SETUP_LOCK = 7_406_312;

/** Creates the database on the server if it is missing (used for the embedded server). */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Migrate, load the region reference data, and load the demo network into an empty database.
 * Several instances may start at once: an advisory lock lets one do it while the others wait.
 */
export async function prepareDatabase(
  url: string,
  options: { seedDemo: boolean; demoScale: number; regionsFile?: string; log: Pino },
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
      }
    }
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}
