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
          const ids = rows.map((r) => r.id);
          await tx.query(`UPDATE request_event SET detail = detail - 'note' WHERE request_id = ANY($1::uuid[]) AND detail ? 'note'`, [ids]);
          await tx.query(`UPDATE placement_request SET residence_status = NULL, priority_reason = NULL WHERE id = ANY($1::uuid[])`, [ids]);
          await tx.query(`UPDATE placement_offer SET decline_note = NULL WHERE request_id = ANY($1::uuid[]) AND decline_note IS NOT NULL`, [ids]);
          // Free text about the client kept elsewhere: why a claim for her was released, why she
          // moved, how she left.
          await tx.query(`UPDATE claim SET end_reason = NULL WHERE request_id = ANY($1::uuid[]) AND end_reason IS NOT NULL`, [ids]);
          await tx.query(
            `UPDATE stay SET discharge_note = NULL WHERE discharge_note IS NOT NULL
                AND claim_id IN (SELECT id FROM claim WHERE request_id = ANY($1::uuid[]))`,
            [ids],
          );
          await tx.query(
            `UPDATE transfer SET reason = NULL WHERE reason IS NOT NULL
                AND stay_id IN (SELECT s.id FROM stay s JOIN claim c ON c.id = s.claim_id WHERE c.request_id = ANY($1::uuid[]))`,
            [ids],
          );
        }
        for (const r of rows) tx.audit({ action: 'request.pseudonymised', entityType: 'placement_request', entityId: r.id });
        return rows.length;
      });
      done += count;
      if (count < BATCH) break;
    }
    await this.eraseUnlinkedFreeText();
    return done;
  }

  /** Claims and stays without a request: their free text goes RETENTION_DAYS after they ended. */
  private async eraseUnlinkedFreeText(): Promise<void> {
    await this.transactions.run({ sub: 'system:retention', role: 'SYSTEM' }, async (tx) => {
      const days = this.config.RETENTION_DAYS;
      await tx.query(
        `UPDATE claim SET end_reason = NULL
          WHERE end_reason IS NOT NULL AND ended_at < now() - make_interval(days => $1)`,
        [days],
      );
      const stays = await tx.query<{ id: string }>(
        `UPDATE stay SET discharge_note = NULL
          WHERE discharge_note IS NOT NULL AND discharged_at < now() - make_interval(days => $1) RETURNING id`,
        [days],
      );
      await tx.query(
        `UPDATE transfer t SET reason = NULL FROM stay s
          WHERE t.stay_id = s.id AND t.reason IS NOT NULL AND s.discharged_at < now() - make_interval(days => $1)`,
        [days],
      );
      if (stays.length) tx.audit({ action: 'free_text.erased', entityType: 'stay', entityId: `${stays.length} stays`, detail: { entityIds: stays.map((r) => r.id) } });
    });
  }
}
