import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Logger as Pino } from 'pino';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors.js';
import { Sweeper } from '../common/sweeper.js';
import { ROOT_LOGGER } from '../common/tokens.js';
import { AppConfig } from '../config/app-config.js';
import type { RateClass } from './policy.js';

/** The budgets: GraphQL reads and writes (policy table), and the CSV/HTML flow exports. */
export type RateBudget = RateClass | 'export';

const TABLE = 'rate_limit';
const WINDOW_SECONDS = 60;

/**
 * Per-principal rate budgets, counted in PostgreSQL so every instance spends the same budget
 * (the `rate_limit` table comes from a migration; the library never creates it).
 *
 * When the database cannot count (a hiccup, a failover), each budget falls back to an in-memory
 * counter of the same size on this instance: the limit stays enforced, only per instance, and a
 * database problem does not turn every request into an error. That is failing open to the old
 * per-instance limit, not to no limit; whatever the request then does in the database fails on
 * its own with UNAVAILABLE. A principal over its budget is also remembered in memory until its
 * window ends, so a flood is refused without a database round trip.
 */
@Injectable()
export class RateLimits {
  private readonly limiters: Record<RateBudget, RateLimiterPostgres>;

  constructor(
    @Inject(AppConfig) config: AppConfig,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(Sweeper) sweeper: Sweeper,
    @Inject(ROOT_LOGGER) private readonly log: Pino,
  ) {
    const limiter = (keyPrefix: RateBudget, points: number) =>
      new RateLimiterPostgres({
        storeClient: dataSource,
        storeType: 'typeorm',
        tableName: TABLE,
        tableCreated: true,
        // Expired rows are deleted by our sweeper, which stops with the service.
        clearExpiredByTimeout: false,
        keyPrefix,
        points,
        duration: WINDOW_SECONDS,
        inMemoryBlockOnConsumed: points + 1,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS }),
      });
    this.limiters = {
      standard: limiter('standard', config.RATE_LIMIT_READS_PER_MINUTE),
      strict: limiter('strict', config.RATE_LIMIT_WRITES_PER_MINUTE),
      export: limiter('export', config.RATE_LIMIT_EXPORTS_PER_MINUTE),
    };
    // Counters of past windows are useless; deleting them is routine, so it reports nothing.
    sweeper.register('rate-limit-expiry', async () => {
      await dataSource.query(`DELETE FROM ${TABLE} WHERE expire < $1`, [Date.now() - 60_000]);
      return 0;
    });
  }

  /** Spends one point of the principal's budget, or throws RATE_LIMITED with retryAfterSeconds. */
  async spend(budget: RateBudget, principal: string): Promise<void> {
    try {
      await this.limiters[budget].consume(storeKey(principal));
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests; slow down', {
          retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
        });
      }
      // Only reached when the in-memory fallback itself failed: never refuse for our own fault.
      this.log.error({ err }, 'rate limiter failed; request let through');
    }
  }
}

/** Keys fit the table's varchar(255) whatever an identity provider puts in `sub`. */
function storeKey(principal: string): string {
  return principal.length <= 200 ? principal : `sha256:${createHash('sha256').update(principal).digest('hex')}`;
}
