import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Logger as Pino } from 'pino';
import { Counter } from 'prom-client';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '../common/errors.js';
import { Sweeper } from '../common/sweeper.js';
import { ROOT_LOGGER } from '../common/tokens.js';
import { AppConfig } from '../config/app-config.js';
import { Metrics } from '../observability/metrics.js';
import type { RateClass } from './policy.js';

/** The budgets: GraphQL reads and writes (policy table), and the CSV/HTML flow exports. */
export type RateBudget = RateClass | 'export';

const TABLE = 'rate_limit';
const WINDOW_SECONDS = 60;
const WARN_EVERY_MS = 10_000;
/**
 * Share of a budget an instance may spend before it tells PostgreSQL. Budgets under 40 points
 * (production's 60 writes a minute gives 3) are counted exactly, one statement per request.
 */
const LOCAL_SHARE = 0.05;

/** What one instance knows of a principal's shared count in the current window. */
interface LocalCount {
  /** The shared count PostgreSQL returned at the last sync (every instance's spending). */
  known: number;
  /** Spent here since, not yet added to the shared count. */
  unsynced: number;
  windowEndsAt: number;
}

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
  private readonly shared: Record<RateBudget, RateLimiterPostgres>;
  private readonly fallback: Record<RateBudget, RateLimiterMemory>;
  private readonly refused: Counter<'budget'>;
  private readonly syncEvery: Record<RateBudget, number>;
  private readonly local = new Map<string, LocalCount>();
  private readonly storeErrors: Counter;
  private lastWarnedAt = 0;

  constructor(
    @Inject(AppConfig) config: AppConfig,
    @Inject(DataSource) dataSource: DataSource,
    @Inject(Sweeper) sweeper: Sweeper,
    @Inject(Metrics) metrics: Metrics,
    @Inject(ROOT_LOGGER) private readonly log: Pino,
  ) {
    const points: Record<RateBudget, number> = {
      standard: config.RATE_LIMIT_READS_PER_MINUTE,
      strict: config.RATE_LIMIT_WRITES_PER_MINUTE,
      export: config.RATE_LIMIT_EXPORTS_PER_MINUTE,
    };
    const budgets = Object.keys(points) as RateBudget[];
    const each = <T>(make: (budget: RateBudget) => T) => Object.fromEntries(budgets.map((b) => [b, make(b)])) as Record<RateBudget, T>;
    this.shared = each(
      (budget) =>
        new RateLimiterPostgres({
          storeClient: dataSource,
          storeType: 'typeorm',
          tableName: TABLE,
          tableCreated: true,
          // Expired rows are deleted by our sweeper, which stops with the service.
          clearExpiredByTimeout: false,
          keyPrefix: budget,
          points: points[budget],
          duration: WINDOW_SECONDS,
          inMemoryBlockOnConsumed: points[budget] + 1,
        }),
    );
    this.fallback = each((budget) => new RateLimiterMemory({ keyPrefix: budget, points: points[budget], duration: WINDOW_SECONDS }));
    this.syncEvery = each((budget) => Math.floor(points[budget] * LOCAL_SHARE));
    this.refused = new Counter({
      name: 'opvangnet_rate_limited_total',
      help: 'Requests refused because the principal spent its budget, by budget (standard, strict, export).',
      labelNames: ['budget'],
      registers: [metrics.registry],
    });
    this.storeErrors = new Counter({
      name: 'opvangnet_rate_limit_store_errors_total',
      help: 'Rate-limit checks counted in memory on this instance because PostgreSQL could not count them.',
      registers: [metrics.registry],
    });
    // Counters of past windows are useless; deleting them is routine, so it reports nothing.
    sweeper.register('rate-limit-expiry', async () => {
      await dataSource.query(`DELETE FROM ${TABLE} WHERE expire < $1`, [Date.now() - 60_000]);
      for (const [key, count] of this.local) if (count.windowEndsAt <= Date.now()) this.local.delete(key);
      return 0;
    });
  }

  /**
   * Spends one point of the principal's budget, or throws RATE_LIMITED with retryAfterSeconds.
   *
   * Large budgets are counted in batches: an instance spends up to 5 % of a budget locally before
   * it adds them to the shared count in one statement, and syncs at once when its estimate (the
   * shared count it last saw plus its own unsynced points) reaches the budget. With n instances a
   * principal can overrun a budget by at most n x 5 % within a window; small budgets stay exact.
   */
  async spend(budget: RateBudget, principal: string): Promise<void> {
    const key = storeKey(principal);
    const syncEvery = this.syncEvery[budget];
    if (syncEvery <= 1) {
      await this.consume(budget, key, 1);
      return;
    }
    const slot = `${budget}:${key}`;
    let count = this.local.get(slot);
    if (!count || count.windowEndsAt <= Date.now()) {
      count = { known: 0, unsynced: 0, windowEndsAt: 0 };
      this.local.set(slot, count);
    }
    const points = this.shared[budget].points;
    // The first request of a window learns the shared count; then whenever the batch is full or the
    // budget may be spent.
    if (count.windowEndsAt > 0 && count.unsynced + 1 < syncEvery && count.known + count.unsynced + 1 <= points) {
      count.unsynced++;
      return;
    }
    const batch = count.unsynced + 1;
    count.unsynced = 0;
    const res = await this.consume(budget, key, batch, count);
    if (res) Object.assign(count, { known: res.consumedPoints, windowEndsAt: Date.now() + res.msBeforeNext });
  }

  /** Adds `points` to the shared count (or, when PostgreSQL cannot count, to this instance's). */
  private async consume(budget: RateBudget, key: string, points: number, count?: LocalCount): Promise<RateLimiterRes | undefined> {
    try {
      return await this.shared[budget].consume(key, points);
    } catch (err) {
      if (err instanceof RateLimiterRes) {
        // Refused: the budget is spent until the window ends (a refusal from the in-memory block
        // reports 0 consumed, so the local estimate must not take its number).
        const spent = Math.max(err.consumedPoints, this.shared[budget].points + 1);
        if (count) Object.assign(count, { known: spent, windowEndsAt: Date.now() + err.msBeforeNext });
        throw this.refusal(budget, err);
      }
      this.storeErrors.inc();
      if (Date.now() - this.lastWarnedAt > WARN_EVERY_MS) {
        this.lastWarnedAt = Date.now();
        this.log.warn({ err: (err as Error)?.message }, 'rate limits cannot be counted in PostgreSQL; counting per instance meanwhile');
      }
      try {
        await this.fallback[budget].consume(key, points);
        return undefined;
      } catch (memoryErr) {
        if (memoryErr instanceof RateLimiterRes) throw this.refusal(budget, memoryErr);
        throw memoryErr;
      }
    }
  }

  private refusal(budget: RateBudget, res: RateLimiterRes): DomainError {
    this.refused.inc({ budget });
    return new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests; slow down', {
      retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    });
  }
}

/** Keys fit the table's varchar(255) whatever an identity provider puts in `sub`. */
function storeKey(principal: string): string {
  return principal.length <= 200 ? principal : `sha256:${createHash('sha256').update(principal).digest('hex')}`;
}
