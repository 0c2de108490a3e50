import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { DATABASE_URL, ROOT_LOGGER } from '../common/tokens.js';
import { expireClaim } from './place-locks.js';

const BATCH = 200;

/**
 * Returns the places of lapsed holds to AVAILABLE without anyone acting. Reads already treat a
 * lapsed hold as free; the sweep makes it so in the rows, the audit log and the live feed.
 * Instances share the work with SKIP LOCKED; the conditional update in expireClaim makes each
 * claim expire exactly once. It runs at start too, so holds that lapsed while down are caught up.
 */
@Injectable()
export class ClaimExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string | undefined,
    @Inject(ROOT_LOGGER) private readonly log: Pino,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.databaseUrl) return;
    const tick = () => {
      void this.sweep().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.config.CLAIM_SWEEP_INTERVAL_MS).unref();
      });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One pass; returns how many claims it expired. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    let expired = 0;
    try {
      for (;;) {
        const count = await this.transactions.run({ sub: 'system:claim-expiry', role: 'SYSTEM' }, async (tx) => {
          const due = await tx.query<{ id: string }>(
            `SELECT id FROM claim WHERE status = 'HELD' AND expires_at <= now()
              ORDER BY expires_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
          );
          let done = 0;
          for (const { id } of due) if (await expireClaim(tx, id)) done++;
          return done;
        });
        expired += count;
        if (count < BATCH) break;
      }
      if (expired > 0) this.log.info({ expired }, 'expired lapsed holds');
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'claim expiry sweep failed; will retry');
    }
    return expired;
  }
}
