import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyset pagination reads a page straight off an index in its sort order: claims of a shelter
 * newest first (claims grow without end; before, each read scanned the whole table), shelters by
 * name. Places page on the existing UNIQUE (shelter_id, label), the audit log on its primary key,
 * requests on request_created_idx.
 */
export class PageIndexes1764700000000 implements MigrationInterface {
  name = 'PageIndexes1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX claim_shelter_created_idx ON claim (shelter_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX shelter_name_idx ON shelter (name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX shelter_name_idx`);
    await q.query(`DROP INDEX claim_shelter_created_idx`);
  }
}
