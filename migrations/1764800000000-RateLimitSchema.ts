import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every instance (rate-limiter-flexible's Postgres store layout:
 * key, points, expire in epoch milliseconds). Created here, never by the library at runtime.
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit`);
  }
}
