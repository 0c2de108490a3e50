import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps the address promise in the database itself.
 *
 * - Every shelter gets a public *locality* (a town or municipality whose coordinates are public).
 *   Everything a referrer, municipality or other shelter sees is computed from it; a CHECK keeps
 *   the exact location within 10 km of it, so rules on the locality with a 10 km margin are at
 *   least as safe as rules on the exact location.
 * - The service runs as `opvangnet_service`, a role that cannot SELECT the secret columns
 *   (address, exact coordinates, meeting instructions). It reads them only through
 *   `read_shelter_secrets`, a SECURITY DEFINER function that writes the audit row in the same
 *   statement: no audit row, no secret.
 */
const SECRET_FREE_COLUMNS = [
  'id', 'organisation_id', 'region_id', 'name', 'categories', 'intake_phone', 'admitted_sexes', 'min_age', 'max_age',
  'max_boy_age', 'wheelchair_accessible', 'pets_allowed', 'languages', 'status_confirmed_at', 'created_at', 'updated_at',
  'locality_name', 'locality_latitude', 'locality_longitude',
];

export class ShelterSecrets1763920500000 implements MigrationInterface {
  name = 'ShelterSecrets1763920500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION opvangnet_distance_km(lat1 float8, lon1 float8, lat2 float8, lon2 float8) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT 2 * 6371 * asin(least(1, sqrt(power(sin(radians(lat2 - lat1) / 2), 2)
               + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
      $$`);

    await q.query(`ALTER TABLE shelter ADD COLUMN locality_name text,
      ADD COLUMN locality_latitude double precision CHECK (locality_latitude BETWEEN -90 AND 90),
      ADD COLUMN locality_longitude double precision CHECK (locality_longitude BETWEEN -180 AND 180)`);
    // Existing shelters: the region's centre municipality when the shelter lies within 10 km of it,
    // else the 0.1-degree grid cell of its city (at most ~6.5 km away). Admins can set a better one.
    await q.query(`UPDATE shelter s SET locality_name = r.centre_municipality, locality_latitude = r.latitude, locality_longitude = r.longitude
      FROM region r WHERE r.id = s.region_id AND opvangnet_distance_km(s.latitude, s.longitude, r.latitude, r.longitude) <= 10`);
    await q.query(`UPDATE shelter SET locality_name = address_city,
        locality_latitude = round(latitude::numeric, 1)::float8, locality_longitude = round(longitude::numeric, 1)::float8
      WHERE locality_name IS NULL`);
    await q.query(`ALTER TABLE shelter ALTER COLUMN locality_name SET NOT NULL,
      ALTER COLUMN locality_latitude SET NOT NULL, ALTER COLUMN locality_longitude SET NOT NULL,
      ADD CONSTRAINT shelter_near_locality
        CHECK (opvangnet_distance_km(latitude, longitude, locality_latitude, locality_longitude) <= 10)`);

    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'opvangnet_service') THEN
        CREATE ROLE opvangnet_service NOLOGIN;
      END IF;
    END $$`);
    // The login that runs the service must be able to SET ROLE to it (a superuser always can).
    await q.query(`DO $$ BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        EXECUTE format('GRANT opvangnet_service TO %I', current_user);
      END IF;
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO opvangnet_service`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO opvangnet_service`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO opvangnet_service`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO opvangnet_service`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO opvangnet_service`);
    await q.query(`REVOKE UPDATE, DELETE ON audit_event FROM opvangnet_service`);
    await q.query(`DO $$ BEGIN
      IF to_regclass('public.migrations') IS NOT NULL THEN REVOKE ALL ON public.migrations FROM opvangnet_service; END IF;
    END $$`);
    await q.query(`REVOKE SELECT ON shelter FROM opvangnet_service`);
    await q.query(`GRANT SELECT (${SECRET_FREE_COLUMNS.join(', ')}) ON shelter TO opvangnet_service`);

    // One audit row per call (the caller batches per request and kind), in the same statement as the read.
    await q.query(`CREATE FUNCTION read_shelter_secrets(p_shelter_ids uuid[], p_kind text, p_actor text, p_actor_role text, p_request_id text)
      RETURNS TABLE (shelter_id uuid, address_street text, address_postcode text, address_city text,
                     latitude float8, longitude float8, meeting_instructions text)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, public AS $$
        WITH logged AS (
          INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id, detail, request_id)
          SELECT p_actor, p_actor_role, 'read Shelter.' || p_kind, 'shelter',
                 CASE WHEN cardinality(p_shelter_ids) = 1 THEN p_shelter_ids[1]::text ELSE cardinality(p_shelter_ids) || ' shelters' END,
                 jsonb_build_object('entityIds', to_jsonb(p_shelter_ids)), p_request_id
           WHERE p_kind IN ('address', 'location', 'meetingInstructions') AND cardinality(p_shelter_ids) > 0
          RETURNING id
        )
        SELECT s.id,
               CASE WHEN p_kind = 'address' THEN s.address_street END,
               CASE WHEN p_kind = 'address' THEN s.address_postcode END,
               CASE WHEN p_kind = 'address' THEN s.address_city END,
               CASE WHEN p_kind = 'location' THEN s.latitude END,
               CASE WHEN p_kind = 'location' THEN s.longitude END,
               CASE WHEN p_kind = 'meetingInstructions' THEN s.meeting_instructions END
          FROM shelter s
         WHERE s.id = ANY(p_shelter_ids) AND EXISTS (SELECT 1 FROM logged)
      $$`);
    await q.query(`CREATE INDEX audit_event_entity_ids_idx ON audit_event USING gin ((detail->'entityIds'))`);
    await q.query(`REVOKE ALL ON FUNCTION read_shelter_secrets(uuid[], text, text, text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION read_shelter_secrets(uuid[], text, text, text, text) TO opvangnet_service`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION read_shelter_secrets(uuid[], text, text, text, text)`);
    await q.query(`DROP INDEX audit_event_entity_ids_idx`);
    // The role is cluster-wide and may serve other databases: only this database's grants go.
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM opvangnet_service`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM opvangnet_service`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM opvangnet_service`);
    await q.query(`REVOKE ALL (${SECRET_FREE_COLUMNS.filter((c) => !c.startsWith('locality_')).join(', ')}) ON shelter FROM opvangnet_service`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM opvangnet_service`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM opvangnet_service`);
    await q.query(`ALTER TABLE shelter DROP CONSTRAINT shelter_near_locality,
      DROP COLUMN locality_name, DROP COLUMN locality_latitude, DROP COLUMN locality_longitude`);
    await q.query(`DROP FUNCTION opvangnet_distance_km(float8, float8, float8, float8)`);
  }
}
