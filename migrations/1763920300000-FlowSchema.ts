import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the flow reports need beyond the events themselves: where and in which category a stay
 * began (a transfer changes the stay's current region), and hourly availability snapshots for
 * occupancy and "days without a free place".
 */
export class FlowSchema1763920300000 implements MigrationInterface {
  name = 'FlowSchema1763920300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stay
      ADD COLUMN admitted_region_id uuid REFERENCES region(id),
      ADD COLUMN admitted_shelter_id uuid REFERENCES shelter(id),
      ADD COLUMN admitted_category place_category`);
    // Where a stay was transferred, its first transfer says where it began.
    await q.query(`UPDATE stay s SET
        admitted_region_id = coalesce(t.from_region_id, s.region_id),
        admitted_shelter_id = coalesce(t.from_shelter_id, s.shelter_id),
        admitted_category = coalesce(t.from_category, s.category)
      FROM stay s2 LEFT JOIN LATERAL (
        SELECT from_region_id, from_shelter_id, from_category FROM transfer WHERE stay_id = s2.id ORDER BY transferred_at LIMIT 1
      ) t ON true
      WHERE s2.id = s.id`);
    await q.query(`ALTER TABLE stay
      ALTER COLUMN admitted_region_id SET NOT NULL,
      ALTER COLUMN admitted_shelter_id SET NOT NULL,
      ALTER COLUMN admitted_category SET NOT NULL`);
    await q.query(`CREATE INDEX stay_admitted_region_idx ON stay (admitted_region_id, admitted_at)`);
    await q.query(`CREATE INDEX stay_origin_region_idx ON stay (origin_region_id, admitted_at)`);
    await q.query(`CREATE INDEX stay_admitted_at_idx ON stay (admitted_at)`);
    await q.query(`CREATE INDEX stay_discharged_at_idx ON stay (discharged_at) WHERE discharged_at IS NOT NULL`);
    await q.query(`CREATE INDEX transfer_at_idx ON transfer (transferred_at)`);
    await q.query(`CREATE INDEX request_closed_idx ON placement_request (home_region_id, closed_at) WHERE closed_at IS NOT NULL`);
    await q.query(`CREATE INDEX request_escalated_idx ON placement_request (home_region_id, escalated_at) WHERE escalated_at IS NOT NULL`);
    await q.query(`CREATE INDEX request_created_idx ON placement_request (created_at)`);

    await q.query(`CREATE TABLE availability_snapshot (
      taken_at timestamptz NOT NULL,
      region_id uuid NOT NULL REFERENCES region(id),
      category place_category NOT NULL,
      places int NOT NULL,
      available int NOT NULL,
      held int NOT NULL,
      occupied int NOT NULL,
      out_of_service int NOT NULL,
      PRIMARY KEY (region_id, category, taken_at),
      CHECK (places = available + held + occupied + out_of_service)
    )`);
    await q.query(`CREATE INDEX availability_snapshot_taken_idx ON availability_snapshot (taken_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE availability_snapshot`);
    await q.query(`DROP INDEX request_created_idx`);
    await q.query(`DROP INDEX request_escalated_idx`);
    await q.query(`DROP INDEX request_closed_idx`);
    await q.query(`DROP INDEX transfer_at_idx`);
    await q.query(`DROP INDEX stay_discharged_at_idx`);
    await q.query(`DROP INDEX stay_admitted_at_idx`);
    await q.query(`DROP INDEX stay_origin_region_idx`);
    await q.query(`DROP INDEX stay_admitted_region_idx`);
    await q.query(`ALTER TABLE stay DROP COLUMN admitted_category, DROP COLUMN admitted_shelter_id, DROP COLUMN admitted_region_id`);
  }
}
