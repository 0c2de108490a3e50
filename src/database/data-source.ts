import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { migrations } from '../../migrations/index.js';

/**
 * The one DataSource definition, used by the app, the migration commands and the tests.
 * Schema changes happen only through reviewed migrations: synchronize stays off everywhere.
 */
/** Counts statements (exposed as a metric) so N+1 query patterns show up in tests and dashboards. */
export const queryCounter = { total: 0 };

class CountingLogger implements TypeOrmLogger {
  logQuery() {
    queryCounter.total++;
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

/**
 * The database role the running service acts as: it cannot SELECT a shelter's secret columns and
 * reads them only through the audited `read_shelter_secrets` function (migration ShelterSecrets).
 * Migrations, seeding and tests connect as the login (the schema owner).
 */
export const SERVICE_ROLE = 'opvangnet_service';

/**
 * `serviceRole` and `statementTimeoutMs` only for the service's own pool: migrations, the demo
 * loader and the history seeder use their own DataSource as the owner, without a time limit,
 * since they may legitimately run long. The entity classes come from the wiring (src/entities.ts):
 * the database layer knows no capability, and tools that only run SQL need none.
 */
export function dataSourceOptions(
  url: string,
  poolSize = 20,
  options: { serviceRole?: boolean; statementTimeoutMs?: number; entities?: DataSourceOptions['entities'] } = {},
): DataSourceOptions {
  const statementTimeoutMs = options.statementTimeoutMs ?? 0;
  return {
    type: 'postgres',
    url,
    entities: options.entities ?? [],
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    logging: ['query'],
    logger: new CountingLogger(),
    extra: {
      max: poolSize,
      // Fail fast with UNAVAILABLE instead of queueing requests behind a dead database.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: 'opvangnet',
      // Every transaction is READ COMMITTED by connection default, so opening one is a single
      // statement (Transactions.run); the service pool also acts as the restricted role.
      options: [`-c default_transaction_isolation=read\\ committed`, ...(options.serviceRole ? [`-c role=${SERVICE_ROLE}`] : [])].join(' '),
      // Sent at connect: PostgreSQL cancels any statement of this pool that runs longer (57014 -> TIMEOUT).
      ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    },
  };
}

export function createDataSource(url: string, poolSize?: number, entities?: DataSourceOptions['entities']): DataSource {
  return new DataSource(dataSourceOptions(url, poolSize, { entities }));
}
