import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { TokenClaims, TokenService } from '../src/auth/token.service.js';
import { AppConfig, loadConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { EmbeddedServer, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { ensureDatabase } from '../src/database/setup.js';
import { readRegionFile, upsertRegions } from '../src/network/reference/regions.js';
import { createRootLogger } from '../src/observability/logger.js';
import { RunningService, startService } from '../src/service.js';
import { ROOT } from './environment.js';
import { freePort, HOST, now, summarise, LatencySummary } from './support.js';

/**
 * A PostgreSQL server (embedded unless DATABASE_URL is set) on which each benchmark creates its
 * own databases, and the service started in this process over one of them. Read-mostly
 * benchmarks (matching, reports) measure query cost, which a shared process does not distort much.
 */
export interface Server {
  url: string;
  stop(): Promise<void>;
}

export async function startServer(log: (line: string) => void): Promise<Server> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const port = await freePort();
  log(`starting embedded PostgreSQL on ${HOST}:${port}`);
  const embedded: EmbeddedServer = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data', `bench-pg-${port}`), port, persistent: false });
  return { url: embedded.url, stop: () => embedded.stop() };
}

export async function freshDatabase(server: Server, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  const url = await ensureDatabase(server.url, name);
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await upsertRegions(dataSource, readRegionFile());
  await dataSource.destroy();
  return url;
}

const config = loadConfig({
  NODE_ENV: 'development',
  LOG_LEVEL: 'error',
  RATE_LIMIT_READS_PER_MINUTE: '1000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
  CLAIM_SWEEP_INTERVAL_MS: '60000',
});

/** `overrides` replace settings of the benchmarks' configuration (e.g. FLOW_AGGREGATES). */
export async function serve(databaseUrl: string, overrides: Partial<AppConfig> = {}): Promise<RunningService> {
  return startService({ config: Object.assign(Object.create(Object.getPrototypeOf(config)), config, overrides), databaseUrl, log: createRootLogger('error'), port: 0, host: HOST });
}

export function token(claims: TokenClaims): Promise<string> {
  return new TokenService(config).sign(claims, '2h');
}

/** Runs `work` `iterations` times after `warmup` untimed runs; milliseconds per run. */
export async function measure(iterations: number, warmup: number, work: () => Promise<unknown>): Promise<LatencySummary> {
  for (let i = 0; i < warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = now();
    await work();
    samples.push(now() - started);
  }
  return summarise(samples);
}

export function writeResult(name: string, result: unknown): string {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(dir, `${name}-latest.json`), `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
