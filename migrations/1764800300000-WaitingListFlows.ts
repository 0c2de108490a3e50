import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The waiting list in the flow reports. A request records the categories it waits for when it is
 * put on the list (the allowed categories of the matching rules at that moment), so "waiting per
 * category" needs no re-run of the rules over history. Waiting spells are read from the timeline
 * (a WAITING event to the first OFFER_ACCEPTED, WAITING_EXPIRED, CLOSED or CANCELLED after it),
 * and offers by when they were made and decided: indexes for those reads.
 */
export class WaitingListFlows1764800300000 implements MigrationInterface {
  name = 'WaitingListFlows1764800300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placement_request ADD COLUMN waiting_categories place_category[]`);
    await q.query(`CREATE INDEX request_event_waiting_idx ON request_event (at) WHERE kind = 'WAITING'`);
    await q.query(`CREATE INDEX placement_offer_created_idx ON placement_offer (created_at)`);
    await q.query(`CREATE INDEX placement_offer_decided_idx ON placement_offer (decided_at) WHERE decided_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX placement_offer_decided_idx`);
    await q.query(`DROP INDEX placement_offer_created_idx`);
    await q.query(`DROP INDEX request_event_waiting_idx`);
    await q.query(`ALTER TABLE placement_request DROP COLUMN waiting_categories`);
  }
}
