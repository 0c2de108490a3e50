import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The waiting list: requests wait in an order (waiting/waiting.rules.ts); when places become
 * free, the first request they fit gets a placement offer, a hold on those places for a short
 * time, that its referrer or the shelter accepts (a claim for the request) or declines.
 */
export class WaitingList1763920810000 implements MigrationInterface {
  name = 'WaitingList1763920810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placement_request
      ADD COLUMN waiting_since timestamptz,
      ADD COLUMN waiting_expires_at timestamptz,
      ADD COLUMN waiting_notice_at timestamptz,
      ADD COLUMN prioritised_at timestamptz,
      ADD COLUMN priority_reason text,
      ADD CONSTRAINT placement_request_waiting_check CHECK (status <> 'WAITING' OR (waiting_since IS NOT NULL AND waiting_expires_at IS NOT NULL))`);
    await q.query(`CREATE INDEX placement_request_waiting_idx ON placement_request (waiting_since) WHERE status = 'WAITING'`);
    await q.query(`CREATE TYPE offer_status AS ENUM ('OFFERED', 'ACCEPTED', 'DECLINED', 'LAPSED', 'WITHDRAWN')`);
    await q.query(`CREATE TABLE placement_offer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      request_id uuid NOT NULL REFERENCES placement_request(id),
      shelter_id uuid NOT NULL REFERENCES shelter(id),
      claim_id uuid NOT NULL UNIQUE REFERENCES claim(id),
      category place_category NOT NULL,
      status offer_status NOT NULL DEFAULT 'OFFERED',
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      decided_at timestamptz,
      decided_by text,
      decline_reason not_admitted_reason,
      decline_note text,
      CHECK ((status = 'OFFERED') = (decided_at IS NULL))
    )`);
    // At most one open offer per request, whatever the interleaving of instances.
    await q.query(`CREATE UNIQUE INDEX placement_offer_one_open_idx ON placement_offer (request_id) WHERE status = 'OFFERED'`);
    await q.query(`CREATE INDEX placement_offer_request_idx ON placement_offer (request_id, created_at)`);
    await q.query(`CREATE INDEX placement_offer_shelter_idx ON placement_offer (shelter_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE placement_offer`);
    await q.query(`DROP TYPE offer_status`);
    await q.query(`DROP INDEX placement_request_waiting_idx`);
    await q.query(`ALTER TABLE placement_request DROP CONSTRAINT placement_request_waiting_check,
      DROP COLUMN waiting_since, DROP COLUMN waiting_expires_at, DROP COLUMN waiting_notice_at,
      DROP COLUMN prioritised_at, DROP COLUMN priority_reason`);
  }
}
