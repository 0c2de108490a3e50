import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * read_shelter_secrets with every table name qualified and pg_temp searched last: a temporary
 * table named audit_event can no longer swallow the audit row of a read (security review).
 */
const BODY = (searchPath: string, audit: string, shelter: string) => `CREATE OR REPLACE FUNCTION read_shelter_secrets(p_shelter_ids uuid[], p_kind text, p_actor text, p_actor_role text, p_request_id text)
  RETURNS TABLE (shelter_id uuid, address_street text, address_postcode text, address_city text,
                 latitude float8, longitude float8, meeting_instructions text)
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = ${searchPath} AS $$
    WITH logged AS (
      INSERT INTO ${audit} (actor, actor_role, action, entity_type, entity_id, detail, request_id)
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
      FROM ${shelter} s
     WHERE s.id = ANY(p_shelter_ids) AND EXISTS (SELECT 1 FROM logged)
  $$`;

export class SecretsSearchPath1764800400000 implements MigrationInterface {
  name = 'SecretsSearchPath1764800400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(BODY('pg_catalog, public, pg_temp', 'public.audit_event', 'public.shelter'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(BODY('pg_catalog, public', 'audit_event', 'shelter'));
  }
}
