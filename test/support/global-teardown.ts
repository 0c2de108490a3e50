import pg from 'pg';
const TEMPLATE_DB = 'opvangnet_test_template';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __opvangnetEmbedded?: { stop(): Promise<void> } }).__opvangnetEmbedded;
  if (server) {
    await server.stop();
    return;
  }
  // A shared server (DATABASE_URL): leave it as we found it.
  const admin = new pg.Client({ connectionString: process.env.OPVANGNET_TEST_SERVER_URL });
  await admin.connect();
  try {
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'opvangnet_t_%'`);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
