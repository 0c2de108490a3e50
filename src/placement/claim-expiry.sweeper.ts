import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Sweeper } from '../common/sweeper.js';
import { Transactions } from '../database/transactions.js';
import { expireClaim } from './claim-ending.js';

const BATCH = 200;

/**
 * Returns the places of lapsed holds to AVAILABLE without anyone acting. Reads already treat a
 * lapsed hold as free; the sweep makes it so in the rows, the audit log and the live feed.
 * Instances share the work with SKIP LOCKED; the conditional update in expireClaim makes each
 * claim expire exactly once.
 */
@Injectable()
export class ClaimExpirySweeper implements OnModuleInit {
  private running?: Promise<number>;

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(Sweeper) private readonly sweeper: Sweeper,
  ) {}

  onModuleInit(): void {
    this.sweeper.register('claim-expiry', () => this.sweep());
  }

  /** One pass; returns how many claims it expired. Concurrent calls share one pass. */
  sweep(): Promise<number> {
    this.running ??= this.sweepOnce().finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepOnce(): Promise<number> {
    let expired = 0;
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
      if (count < BATCH) return expired;
    }
  }
}
