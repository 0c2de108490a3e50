import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every instance (rate-limiter-flexible's Postgres store layout:
 * key, points, expire in epoch milliseconds). Created here, never by the library at runtime.
 * Unlogged: counters need no WAL, and after a crash or failover an empty table only resets them.
 */
export class RateLimitSchema1764800000000 implements MigrationInterface {
  name = 'RateLimitSchema1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE rate_limit (
      key varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )`);
    await q.query(`CREATE INDEX rate_limit_expire_idx ON rate_limit (expire)`);
    // Explicit, not only through default privileges: those hold just for tables made by the same owner.
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit TO opvangnet_service`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
  }
}
