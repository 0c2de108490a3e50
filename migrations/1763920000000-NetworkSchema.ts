import { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions, organisations, shelters and places: the national network, plus the audit log. */
export class NetworkSchema1763920000000 implements MigrationInterface {
  name = 'NetworkSchema1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE TYPE place_category AS ENUM
      ('EMERGENCY','CRISIS','MEN','HONOUR_RELATED','HUMAN_TRAFFICKING','SAFE_HOUSE','FOLLOW_ON')`);
    await q.query(`CREATE TYPE place_status AS ENUM ('AVAILABLE','HELD','OCCUPIED','OUT_OF_SERVICE')`);
    await q.query(`CREATE TYPE sex AS ENUM ('FEMALE','MALE','X')`);

    await q.query(`CREATE TABLE region (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,40}$'),
      name text NOT NULL,
      centre_municipality text NOT NULL,
      municipality_code text,
      latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
      longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE organisation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE shelter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organisation_id uuid NOT NULL REFERENCES organisation(id),
      region_id uuid NOT NULL REFERENCES region(id),
      name text NOT NULL,
      categories place_category[] NOT NULL CHECK (cardinality(categories) > 0),
      intake_phone text NOT NULL,
      meeting_instructions text,
      admitted_sexes sex[] NOT NULL CHECK (cardinality(admitted_sexes) > 0),
      min_age int NOT NULL DEFAULT 0 CHECK (min_age >= 0),
      max_age int CHECK (max_age IS NULL OR max_age >= min_age),
      max_boy_age int CHECK (max_boy_age IS NULL OR max_boy_age >= 0),
      wheelchair_accessible boolean NOT NULL DEFAULT false,
      pets_allowed boolean NOT NULL DEFAULT false,
      languages text[] NOT NULL DEFAULT '{}',
      address_street text NOT NULL,
      address_postcode text NOT NULL,
      address_city text NOT NULL,
      latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
      longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
      status_confirmed_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (organisation_id, name)
    )`);
    await q.query(`CREATE INDEX shelter_region_idx ON shelter (region_id)`);

    // claim_id/held_until and stay_id are the single source of who holds a place; the CHECK makes
    // "HELD without a claim" or "OCCUPIED by two" unrepresentable, whatever the application does.
    await q.query(`CREATE TABLE place (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      shelter_id uuid NOT NULL REFERENCES shelter(id),
      category place_category NOT NULL,
      label text NOT NULL,
      beds int NOT NULL CHECK (beds BETWEEN 1 AND 20),
      status place_status NOT NULL DEFAULT 'AVAILABLE',
      version int NOT NULL DEFAULT 1,
      status_changed_at timestamptz NOT NULL DEFAULT now(),
      national_reserve boolean NOT NULL DEFAULT false,
      out_of_service_reason text,
      claim_id uuid,
      held_until timestamptz,
      stay_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (shelter_id, label),
      CONSTRAINT place_holder_matches_status CHECK (
        (status = 'HELD') = (claim_id IS NOT NULL AND held_until IS NOT NULL)
        AND (status = 'HELD' OR held_until IS NULL)
        AND (status = 'OCCUPIED') = (stay_id IS NOT NULL)
        AND (status = 'OUT_OF_SERVICE' OR out_of_service_reason IS NULL)
      )
    )`);
    await q.query(`CREATE INDEX place_shelter_idx ON place (shelter_id, category, status)`);
    await q.query(`CREATE INDEX place_held_until_idx ON place (held_until) WHERE status = 'HELD'`);

    // Append-only: the trigger refuses UPDATE and DELETE for every role, the owner included.
    await q.query(`CREATE TABLE audit_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor text NOT NULL,
      actor_role text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      status_before text,
      status_after text,
      detail jsonb,
      request_id text
    )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, at)`);
    await q.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    await q.query(`DROP TABLE place`);
    await q.query(`DROP TABLE shelter`);
    await q.query(`DROP TABLE organisation`);
    await q.query(`DROP TABLE region`);
    await q.query(`DROP TYPE sex`);
    await q.query(`DROP TYPE place_status`);
    await q.query(`DROP TYPE place_category`);
  }
}
