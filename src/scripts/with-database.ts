import { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { ensureDatabase } from '../database/setup.js';

/** Runs `work` against DATABASE_URL, or against the embedded server `npm start` uses. */
export async function withDatabase<T>(config: AppConfig, work: (url: string) => Promise<T>): Promise<T> {
  if (config.DATABASE_URL) return work(config.DATABASE_URL);
  const embedded = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT });
  try {
    return await work(await ensureDatabase(embedded.url, 'opvangnet'));
  } finally {
    await embedded.stop();
  }
}
