import { MigrationInterface, QueryRunner } from 'typeorm';

/** Claims, stays and their history: what the place lifecycle and the flow reports are built on. */
export class PlacementSchema1763920100000 implements MigrationInterface {
  name = 'PlacementSchema1763920100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE claim_status AS ENUM ('HELD','ADMITTED','RELEASED','EXPIRED')`);
    await q.query(`CREATE TYPE stay_status AS ENUM ('ACTIVE','DISCHARGED')`);
    await q.query(`CREATE TYPE outflow_blocker AS ENUM ('HOUSING','DEBTS','BENEFITS','RESIDENCE_STATUS','OTHER')`);
    await q.query(`CREATE TYPE discharge_destination AS ENUM ('INDEPENDENT_HOUSING','RETURN_HOME_SAFE',
      'FAMILY_OR_NETWORK','OTHER_SHELTER','SOCIAL_SHELTER','CARE_INSTITUTION','UNKNOWN','OTHER')`);
    await q.query(`CREATE TYPE age_band AS ENUM ('0-17','18-22','23-30','31-40','41-50','51-64','65+')`);

    await q.query(`CREATE TABLE claim (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      status claim_status NOT NULL DEFAULT 'HELD',
      shelter_id uuid NOT NULL REFERENCES shelter(id),
      household_size int NOT NULL CHECK (household_size BETWEEN 1 AND 20),
      beds int NOT NULL CHECK (beds >= household_size),
      request_id uuid,
      expires_at timestamptz NOT NULL,
      claimed_by text NOT NULL,
      claimed_by_role text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      end_reason text,
      idempotency_key text,
      request_hash text,
      CHECK ((status = 'HELD') = (ended_at IS NULL)),
      CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX claim_idempotency_idx ON claim (claimed_by, idempotency_key)
      WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX claim_expiry_idx ON claim (expires_at) WHERE status = 'HELD'`);
    await q.query(`CREATE INDEX claim_request_idx ON claim (request_id) WHERE request_id IS NOT NULL`);

    await q.query(`CREATE TABLE claim_place (
      claim_id uuid NOT NULL REFERENCES claim(id),
      place_id uuid NOT NULL REFERENCES place(id),
      PRIMARY KEY (claim_id, place_id)
    )`);
    await q.query(`CREATE INDEX claim_place_place_idx ON claim_place (place_id)`);

    await q.query(`CREATE TABLE stay (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      claim_id uuid NOT NULL UNIQUE REFERENCES claim(id),
      status stay_status NOT NULL DEFAULT 'ACTIVE',
      shelter_id uuid NOT NULL REFERENCES shelter(id),
      region_id uuid NOT NULL REFERENCES region(id),
      category place_category NOT NULL,
      origin_region_id uuid NOT NULL REFERENCES region(id),
      referrer_type text,
      household_size int NOT NULL CHECK (household_size BETWEEN 1 AND 20),
      adults int NOT NULL CHECK (adults >= 0),
      children int NOT NULL CHECK (children >= 0),
      admitted_at timestamptz NOT NULL DEFAULT now(),
      admitted_by text NOT NULL,
      ready_for_outflow_at timestamptz,
      outflow_blockers outflow_blocker[] NOT NULL DEFAULT '{}',
      discharged_at timestamptz,
      destination discharge_destination,
      discharge_note text,
      CHECK (adults + children = household_size),
      CHECK ((status = 'DISCHARGED') = (discharged_at IS NOT NULL AND destination IS NOT NULL)),
      CHECK ((ready_for_outflow_at IS NULL) = (cardinality(outflow_blockers) = 0))
    )`);
    await q.query(`CREATE INDEX stay_region_admitted_idx ON stay (region_id, admitted_at)`);
    await q.query(`CREATE INDEX stay_region_discharged_idx ON stay (region_id, discharged_at)
      WHERE discharged_at IS NOT NULL`);
    await q.query(`CREATE INDEX stay_active_idx ON stay (shelter_id) WHERE status = 'ACTIVE'`);

    await q.query(`CREATE TABLE stay_member (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stay_id uuid NOT NULL REFERENCES stay(id),
      sex sex NOT NULL,
      age int CHECK (age BETWEEN 0 AND 120),
      age_band age_band NOT NULL,
      is_child boolean NOT NULL
    )`);
    await q.query(`CREATE INDEX stay_member_stay_idx ON stay_member (stay_id)`);

    // One open interval per place: a second household in the same place cannot be recorded.
    await q.query(`CREATE TABLE stay_place (
      stay_id uuid NOT NULL REFERENCES stay(id),
      place_id uuid NOT NULL REFERENCES place(id),
      from_at timestamptz NOT NULL,
      until_at timestamptz,
      PRIMARY KEY (stay_id, place_id, from_at),
      CHECK (until_at IS NULL OR until_at >= from_at)
    )`);
    await q.query(`CREATE UNIQUE INDEX stay_place_open_idx ON stay_place (place_id) WHERE until_at IS NULL`);

    await q.query(`CREATE TABLE transfer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      stay_id uuid NOT NULL REFERENCES stay(id),
      transferred_at timestamptz NOT NULL DEFAULT now(),
      from_shelter_id uuid NOT NULL REFERENCES shelter(id),
      to_shelter_id uuid NOT NULL REFERENCES shelter(id),
      from_region_id uuid NOT NULL REFERENCES region(id),
      to_region_id uuid NOT NULL REFERENCES region(id),
      from_category place_category NOT NULL,
      to_category place_category NOT NULL,
      days_before_move numeric(10,2) NOT NULL,
      reason text NOT NULL,
      transferred_by text NOT NULL
    )`);
    await q.query(`CREATE INDEX transfer_from_region_idx ON transfer (from_region_id, transferred_at)`);
    await q.query(`CREATE INDEX transfer_to_region_idx ON transfer (to_region_id, transferred_at)`);

    // Every mark and clear of readiness, so blocked outflow can be counted at any past date.
    await q.query(`CREATE TABLE outflow_readiness (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      stay_id uuid NOT NULL REFERENCES stay(id),
      region_id uuid NOT NULL REFERENCES region(id),
      blockers outflow_blocker[] NOT NULL CHECK (cardinality(blockers) > 0),
      marked_at timestamptz NOT NULL DEFAULT now(),
      cleared_at timestamptz,
      cleared_because text
    )`);
    await q.query(`CREATE UNIQUE INDEX outflow_readiness_open_idx ON outflow_readiness (stay_id)
      WHERE cleared_at IS NULL`);
    await q.query(`CREATE INDEX outflow_readiness_region_idx ON outflow_readiness (region_id, marked_at)`);

    await q.query(`ALTER TABLE place
      ADD CONSTRAINT place_claim_fk FOREIGN KEY (claim_id) REFERENCES claim(id),
      ADD CONSTRAINT place_stay_fk FOREIGN KEY (stay_id) REFERENCES stay(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE place DROP CONSTRAINT place_claim_fk, DROP CONSTRAINT place_stay_fk`);
    await q.query(`DROP TABLE outflow_readiness`);
    await q.query(`DROP TABLE transfer`);
    await q.query(`DROP TABLE stay_place`);
    await q.query(`DROP TABLE stay_member`);
    await q.query(`DROP TABLE stay`);
    await q.query(`DROP TABLE claim_place`);
    await q.query(`DROP TABLE claim`);
    await q.query(`DROP TYPE age_band`);
    await q.query(`DROP TYPE discharge_destination`);
    await q.query(`DROP TYPE outflow_blocker`);
    await q.query(`DROP TYPE stay_status`);
    await q.query(`DROP TYPE claim_status`);
  }
}
