import { LoggerService } from '@nestjs/common';
import { createRequire } from 'node:module';
import { pino, Logger as Pino } from 'pino';

/** Human-readable lines for a person at a terminal in development; JSON lines everywhere else. */
export function wantsPrettyLogs(env: { NODE_ENV?: string } = process.env, isTTY = process.stdout.isTTY === true): boolean {
  return isTTY && (env.NODE_ENV === undefined || env.NODE_ENV === 'development');
}

/**
 * pino-pretty is a development dependency, loaded only when wanted: without it (a production
 * install) the logs stay JSON.
 */
function prettyStream(destination: NodeJS.WritableStream | undefined): NodeJS.WritableStream | undefined {
  try {
    const pretty = createRequire(import.meta.url)('pino-pretty') as (options: Record<string, unknown>) => NodeJS.WritableStream;
    return pretty({ destination: destination ?? 1, sync: true, colorize: !destination, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
  } catch {
    return undefined;
  }
}

/** One root logger for Nest, HTTP and the background jobs: JSON lines on stdout unless pretty. */
export function createRootLogger(
  level: string,
  output: { pretty?: boolean; destination?: NodeJS.WritableStream } = {},
): Pino {
  const options = {
    level,
    base: { service: 'opvangnet' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  };
  const pretty = (output.pretty ?? wantsPrettyLogs()) ? prettyStream(output.destination) : undefined;
  if (pretty) return pino(options, pretty);
  return output.destination ? pino(options, output.destination) : pino(options);
}

/** Nest's LoggerService on top of pino, so framework messages are JSON lines too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}
  log(message: unknown, context?: string) {
    this.root.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.root.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.root.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.root.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.root.trace({ context }, String(message));
  }
}
