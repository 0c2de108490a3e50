import { MigrationInterface, QueryRunner } from 'typeorm';

/** At high risk the referrer chooses: as far as possible (default) or near the minimum distance. */
export class DistancePreference1763920700000 implements MigrationInterface {
  name = 'DistancePreference1763920700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE distance_preference AS ENUM ('FAR', 'NEAR_MINIMUM')`);
    await q.query(`ALTER TABLE placement_request ADD COLUMN distance_preference distance_preference NOT NULL DEFAULT 'FAR'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placement_request DROP COLUMN distance_preference`);
    await q.query(`DROP TYPE distance_preference`);
  }
}
