import { MigrationInterface, QueryRunner } from 'typeorm';

/** Pseudonymisation of request details some time after a request closes. */
export class RetentionSchema1763920400000 implements MigrationInterface {
  name = 'RetentionSchema1763920400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placement_request ADD COLUMN pseudonymised_at timestamptz`);
    await q.query(`CREATE INDEX request_retention_idx ON placement_request (closed_at) WHERE pseudonymised_at IS NULL AND closed_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX request_retention_idx`);
    await q.query(`ALTER TABLE placement_request DROP COLUMN pseudonymised_at`);
  }
}
