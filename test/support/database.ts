import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDataSource } from '../../src/database/data-source.js';
import { readRegionFile, upsertRegions } from '../../src/network/reference/regions.js';

export const TEMPLATE_DB = 'opvangnet_test_template';
const TEMPLATE_LOCK = 7_406_313;

export function serverUrl(): string {
  const url = process.env.OPVANGNET_TEST_SERVER_URL;
  if (!url) throw new Error('OPVANGNET_TEST_SERVER_URL is not set: run the tests through jest (global setup)');
  return url;
}

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface TestDatabase {
  url: string;
  name: string;
  /** A small pool for assertions straight against the database. */
  pool: pg.Pool;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Migrates the template once per run (global setup dropped any older one); later calls find it.
 * Cloning a template takes milliseconds, so every suite gets its own database.
 */
async function ensureTemplate(): Promise<void> {
  await admin(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE_DB]);
      if (exists.rowCount) return;
      const building = `${TEMPLATE_DB}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      const dataSource = createDataSource(withDatabaseName(serverUrl(), building), 2);
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
        await upsertRegions(dataSource, readRegionFile());
      } finally {
        await dataSource.destroy();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${TEMPLATE_DB}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
}

/** A fresh, migrated database (with the 35 regions) cloned from the template. */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  if (!options.empty) await ensureTemplate();
  const name = `opvangnet_t_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(options.empty ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`));
  const url = withDatabaseName(serverUrl(), name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection dropped by the server (fault tests restart it) must not crash the run.
  pool.on('error', () => undefined);
  return {
    url,
    name,
    pool,
    async drop() {
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
