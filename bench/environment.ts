import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { EmbeddedServer, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { ensureDatabase } from '../src/database/setup.js';
import { freePort, HOST, httpGet, sleep, withTimeout } from './support.js';

/** The project root: this file runs as dist/bench/environment.js. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const STARTUP_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

export interface MachineInfo {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  postgres: string;
  embeddedPostgres: boolean;
  /** 1-minute load average when the service was up: anything else busy on the box shows here. */
  loadAverageAtStart: number;
}

export interface BenchEnvironment {
  databaseUrl: string;
  serviceUrl: string;
  servicePid: number;
  /** The embedded server's postmaster, for CPU accounting; undefined with DATABASE_URL. */
  postmasterPid?: number;
  serviceLog: string;
  machine: MachineInfo;
  /** A small pool of its own, for the raw-SQL baseline's setup and for checks straight in the database. */
  db: pg.Pool;
  /** Every service process on the database: the first is serviceUrl/servicePid, then any `extraInstances`. */
  instances: Array<{ serviceUrl: string; servicePid: number; serviceLog: string }>;
  stop(): Promise<void>;
}

/**
 * PostgreSQL (embedded unless DATABASE_URL is set) and the service as a child process, started
 * exactly as in production (`node dist/src/main.js`), so its event loop, pool and GC are its own
 * and not shared with the load generator.
 */
export async function startEnvironment(
  log: (line: string) => void,
  options: { extraInstances?: number } = {},
): Promise<BenchEnvironment> {
  let embedded: EmbeddedServer | undefined;
  const children: ChildProcess[] = [];
  let db: pg.Pool | undefined;

  const stop = async () => {
    await db?.end().catch(() => undefined);
    await Promise.all(children.map((child) => stopChild(child, log)));
    if (embedded) {
      log('stopping embedded PostgreSQL');
      await embedded.stop().catch((err) => log(`stopping embedded PostgreSQL failed: ${String(err)}`));
    }
  };

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const pgPort = await freePort();
      const dataDir = join(ROOT, '.data', `bench-postgres-${pgPort}`);
      log(`starting embedded PostgreSQL on ${HOST}:${pgPort} (${dataDir}, not persistent)`);
      embedded = await startEmbeddedPostgres({ dataDir, port: pgPort, persistent: false });
      databaseUrl = await ensureDatabase(embedded.url, 'opvangnet_bench');
    } else {
      log('using DATABASE_URL from the environment');
    }

    const instances: BenchEnvironment['instances'] = [];
    // One after the other: the first runs the migrations and the demo seed, the others find them done.
    for (let i = 0; i <= (options.extraInstances ?? 0); i++) {
      const port = await freePort();
      const serviceUrl = `http://${HOST}:${port}`;
      mkdirSync(join(ROOT, '.data'), { recursive: true });
      const serviceLog = join(ROOT, '.data', `bench-service-${port}.log`);
      const logStream = createWriteStream(serviceLog);
      log(`starting the service: node dist/src/main.js on port ${port} (output in ${serviceLog})`);
      // BENCH_SERVICE_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to look inside the service.
      const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
      // BENCH_INSPECT_PORT: the first instance listens for the inspector there (loopback only), so a
      // bench can take a CPU profile of just its measuring window (bench/cpu-profile.ts).
      if (i === 0 && process.env.BENCH_INSPECT_PORT) nodeArgs.push(`--inspect=127.0.0.1:${process.env.BENCH_INSPECT_PORT}`);
      const child = spawn(process.execPath, [...nodeArgs, join(ROOT, 'dist', 'src', 'main.js')], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          PORT: String(port),
          LOG_LEVEL: 'warn',
          DEMO_SEED: 'true',
          // The benchmarks measure the live network as before: no generated history unless asked.
          DEMO_HISTORY_YEARS: process.env.DEMO_HISTORY_YEARS ?? '0',
          NODE_ENV: 'development',
          // The per-person budgets (60 claims a minute) would measure the limiter's refusals, not the
          // claim path: raise them (the limiter still runs on every call) unless the caller set them.
          RATE_LIMIT_READS_PER_MINUTE: process.env.RATE_LIMIT_READS_PER_MINUTE ?? '1000000',
          RATE_LIMIT_WRITES_PER_MINUTE: process.env.RATE_LIMIT_WRITES_PER_MINUTE ?? '1000000',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      child.stdout!.pipe(logStream, { end: false });
      child.stderr!.pipe(logStream, { end: false });
      child.once('exit', () => logStream.end());
      await waitForHealth(serviceUrl, child);
      log('service is healthy');
      instances.push({ serviceUrl, servicePid: child.pid!, serviceLog });
    }
    const [{ serviceUrl, servicePid, serviceLog }] = instances;

    db = new pg.Pool({ connectionString: databaseUrl, max: 4, application_name: 'opvangnet-bench' });
    const [{ server_version: postgres }] = (await db.query<{ server_version: string }>('SHOW server_version')).rows;

    return {
      databaseUrl,
      serviceUrl,
      servicePid,
      instances,
      postmasterPid: embedded ? postmasterPid(embedded.dataDir) : undefined,
      serviceLog,
      db,
      machine: {
        nproc: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        postgres,
        embeddedPostgres: embedded !== undefined,
        loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForHealth(serviceUrl: string, child: ChildProcess): Promise<void> {
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = `service exited during start (code ${code}, signal ${signal})`));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    const health = await httpGet(`${serviceUrl}/health`, 2000).catch(() => undefined);
    if (health?.status === 200) return;
    await sleep(250);
  }
  throw new Error(`service not healthy after ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM (the service finishes in-flight work and exits); SIGKILL only if it hangs. */
async function stopChild(child: ChildProcess, log: (line: string) => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  log('stopping the service (SIGTERM)');
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      log(`service exited (code ${code}, signal ${signal})`);
      resolve();
    }),
  );
  child.kill('SIGTERM');
  try {
    await withTimeout(exited, STOP_TIMEOUT_MS, 'service shutdown');
  } catch {
    log('service did not stop in time: SIGKILL');
    child.kill('SIGKILL');
    await withTimeout(exited, 5000, 'service kill').catch(() => undefined);
  }
}
