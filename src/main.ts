import 'reflect-metadata';
import { TokenService } from './auth/token.service.js';
import { Role } from './common/enums.js';
import { AppConfig, ConfigError, loadConfig } from './config/app-config.js';
import { EmbeddedPostgresStartError, EmbeddedServer, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { ensureDatabase } from './database/setup.js';
import { prepareDatabase } from './scripts/prepare-database.js';
import { createRootLogger } from './observability/logger.js';
import { startService } from './service.js';

/** A wrong setting is the operator's to fix: one line naming it on stderr, exit 1, no stack. */
function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (err) {
    const message = err instanceof ConfigError ? err.message : `Invalid configuration: ${(err as Error)?.message ?? String(err)}`;
    process.stderr.write(`opvangnet: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = createRootLogger(config.LOG_LEVEL);
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log.info({ dataDir: config.EMBEDDED_PG_DIR, port: config.EMBEDDED_PG_PORT }, 'no DATABASE_URL: starting embedded PostgreSQL');
    try {
      embedded = await startEmbeddedPostgres({
        dataDir: config.EMBEDDED_PG_DIR,
        port: config.EMBEDDED_PG_PORT,
        log: (line) => log.debug({ postgres: line }),
      });
    } catch (err) {
      // One line that says what is wrong and what to set, instead of a rejection without a reason.
      process.stderr.write(`${err instanceof EmbeddedPostgresStartError ? err.message : `embedded PostgreSQL could not start: ${String(err)}; set EMBEDDED_PG_PORT or EMBEDDED_PG_DIR`}\n`);
      process.exit(1);
    }
    databaseUrl = await ensureDatabase(embedded.url, 'opvangnet');
  }
  const stopEmbedded = async () => {
    await embedded?.stop().catch((err) => log.error({ err }, 'stopping embedded PostgreSQL failed'));
  };

  try {
    await prepareDatabase(databaseUrl, {
      seedDemo: config.DEMO_SEED,
      demoScale: config.DEMO_SCALE,
      demoHistoryYears: config.DEMO_HISTORY_YEARS ?? (config.DEMO_SCALE === 1 ? 1 : 0),
      regionsFile: config.REGIONS_FILE,
      log,
    });
    const service = await startService({ config, databaseUrl, log, port: config.PORT });

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down: no new requests, finishing those in flight');
      try {
        await service.close();
        await stopEmbedded();
        log.info('stopped cleanly');
        process.exit(0);
      } catch (err) {
        log.error({ err }, 'unclean shutdown');
        process.exit(1);
      }
    };
    process.once('SIGTERM', () => void shutdown('SIGTERM'));
    process.once('SIGINT', () => void shutdown('SIGINT'));

    const graphqlUrl = `http://localhost:${service.port}/graphql`;
    log.info({ url: graphqlUrl }, 'opvangnet is serving GraphQL');
    if (config.METRICS_PORT !== undefined) log.info({ port: config.METRICS_PORT }, '/metrics is served on its own port');
    if (!config.isProduction && !config.usesOidc) {
      const token = await new TokenService(config).sign({ sub: 'dev-coordinator', role: Role.COORDINATOR }, '12h');
      process.stdout.write(
        `\n  opvangnet is ready at ${graphqlUrl}\n\n` +
          `  Web console: http://localhost:${service.port}/ (pick a demo person)\n\n` +
          `  Dev token (COORDINATOR, 12 h), send as "Authorization: Bearer <token>":\n\n  ${token}\n\n` +
          `  Other roles: npm run token -- --role INTAKE --shelter <shelterId>\n\n`,
      );
    }
  } catch (err) {
    log.fatal({ err }, 'opvangnet failed to start');
    await stopEmbedded();
    process.exit(1);
  }
}

void main();
