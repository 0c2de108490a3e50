import { MigrationInterface, QueryRunner } from 'typeorm';

/** Placement requests from police, Veilig Thuis and others, with their household and timeline. */
export class ReferralSchema1763920200000 implements MigrationInterface {
  name = 'ReferralSchema1763920200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE request_status AS ENUM ('OPEN','CLAIMED','ADMITTED','NOT_ADMITTED','CANCELLED','ESCALATED')`);
    await q.query(`CREATE TYPE request_urgency AS ENUM ('IMMEDIATE','WITHIN_24H','PLANNED')`);
    await q.query(`CREATE TYPE risk_level AS ENUM ('LOW','MEDIUM','HIGH','SEVERE')`);
    await q.query(`CREATE TYPE not_admitted_reason AS ENUM ('NO_CAPACITY','CLIENT_DECLINED','TOO_CLOSE_TO_PERPETRATOR',
      'TOO_FAR','NEEDS_NOT_MET','AMBULATORY_HELP_INSTEAD','REFERRED_ELSEWHERE_FOR_SAFETY','CONTACT_LOST',
      'ONLY_NEEDS_A_ROOF','OTHER')`);

    await q.query(`CREATE TABLE placement_request (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      status request_status NOT NULL DEFAULT 'OPEN',
      urgency request_urgency NOT NULL,
      risk_level risk_level NOT NULL,
      honour_related boolean NOT NULL DEFAULT false,
      trafficking boolean NOT NULL DEFAULT false,
      perpetrator_network boolean NOT NULL DEFAULT false,
      firearm_access boolean NOT NULL DEFAULT false,
      risk_instrument text,
      risk_score text,
      risk_summary text,
      police_co_decision boolean NOT NULL DEFAULT false,
      needs_wheelchair boolean NOT NULL DEFAULT false,
      needs_pets boolean NOT NULL DEFAULT false,
      languages text[] NOT NULL DEFAULT '{}',
      home_region_id uuid NOT NULL REFERENCES region(id),
      avoid_region_ids uuid[] NOT NULL DEFAULT '{}',
      preferred_region_ids uuid[] NOT NULL DEFAULT '{}',
      residence_status text,
      consent_to_share boolean NOT NULL CHECK (consent_to_share),
      client_reference text,
      notes text,
      household_size int NOT NULL CHECK (household_size BETWEEN 1 AND 20),
      adults int NOT NULL,
      children int NOT NULL,
      referrer_sub text NOT NULL,
      referrer_role text NOT NULL,
      referrer_type text,
      referrer_organisation_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      escalate_at timestamptz,
      escalated_at timestamptz,
      escalation_reason text,
      claim_id uuid REFERENCES claim(id),
      receiving_shelter_id uuid REFERENCES shelter(id),
      closed_at timestamptz,
      close_reason not_admitted_reason,
      version int NOT NULL DEFAULT 1,
      idempotency_key text,
      CHECK (adults + children = household_size),
      CHECK (status NOT IN ('CLAIMED','ADMITTED') OR claim_id IS NOT NULL),
      CHECK ((status IN ('NOT_ADMITTED','CANCELLED','ADMITTED')) = (closed_at IS NOT NULL)),
      CHECK ((status = 'NOT_ADMITTED') = (close_reason IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX placement_request_home_idx ON placement_request (home_region_id, created_at)`);
    await q.query(`CREATE INDEX placement_request_referrer_idx ON placement_request (referrer_sub, created_at)`);
    await q.query(`CREATE UNIQUE INDEX placement_request_idempotency_idx ON placement_request (referrer_sub, idempotency_key)
      WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX placement_request_escalate_idx ON placement_request (escalate_at) WHERE status = 'OPEN'`);
    await q.query(`ALTER TABLE claim ADD CONSTRAINT claim_request_fk FOREIGN KEY (request_id) REFERENCES placement_request(id)`);

    await q.query(`CREATE TABLE request_member (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES placement_request(id),
      sex sex NOT NULL,
      age int NOT NULL CHECK (age BETWEEN 0 AND 120),
      age_band age_band NOT NULL,
      is_child boolean NOT NULL
    )`);
    await q.query(`CREATE INDEX request_member_request_idx ON request_member (request_id)`);

    // The timeline: every step with its time, so time-to-claim and time-to-admission can be measured.
    await q.query(`CREATE TABLE request_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      request_id uuid NOT NULL REFERENCES placement_request(id),
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      kind text NOT NULL,
      actor text NOT NULL,
      detail jsonb
    )`);
    await q.query(`CREATE INDEX request_event_request_idx ON request_event (request_id, at)`);
    // Matching reads the free places of a few categories across the country.
    await q.query(`CREATE INDEX place_category_free_idx ON place (category, shelter_id) WHERE status IN ('AVAILABLE','HELD')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX place_category_free_idx`);
    await q.query(`DROP TABLE request_event`);
    await q.query(`DROP TABLE request_member`);
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_request_fk`);
    await q.query(`DROP TABLE placement_request`);
    await q.query(`DROP TYPE not_admitted_reason`);
    await q.query(`DROP TYPE risk_level`);
    await q.query(`DROP TYPE request_urgency`);
    await q.query(`DROP TYPE request_status`);
  }
}
