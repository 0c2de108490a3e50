import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Sweeper } from '../common/sweeper.js';
import { AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';

const BATCH = 1000;

/**
 * Pseudonymises closed requests after RETENTION_DAYS: the risk summary, notes, client reference
 * and free-text notes in the timeline are erased; everything the aggregates count (dates,
 * statuses, reasons, household composition, regions) stays. Several instances share the work
 * (SKIP LOCKED) and each request is done once (pseudonymised_at).
 */
@Injectable()
export class RetentionJob implements OnModuleInit {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Sweeper) private readonly sweeper: Sweeper,
  ) {}

  onModuleInit(): void {
    this.sweeper.register('request-retention', () => this.run());
  }

  async run(): Promise<number> {
    let done = 0;
    for (;;) {
      const count = await this.transactions.run({ sub: 'system:retention', role: 'SYSTEM' }, async (tx) => {
        const rows = await tx.query<{ id: string }>(
          `UPDATE placement_request SET risk_summary = NULL, notes = NULL, client_reference = NULL, pseudonymised_at = now()
            WHERE id IN (SELECT id FROM placement_request
                          WHERE pseudonymised_at IS NULL AND closed_at IS NOT NULL AND closed_at < now() - make_interval(days => $1)
                          ORDER BY closed_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
            RETURNING id`,
          [this.config.RETENTION_DAYS],
        );
        if (rows.length) {
          await tx.query(`UPDATE request_event SET detail = detail - 'note' WHERE request_id = ANY($1::uuid[]) AND detail ? 'note'`, [rows.map((r) => r.id)]);
        }
        for (const r of rows) tx.audit({ action: 'request.pseudonymised', entityType: 'placement_request', entityId: r.id });
        return rows.length;
      });
      done += count;
      if (count < BATCH) return done;
    }
  }
}
