import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Blocked outflow is counted in the region where the stay is at the end of each bucket: the last
 * move of a stay before a moment is read per stay, off this index.
 */
export class TransferStayIndex1764800000000 implements MigrationInterface {
  name = 'TransferStayIndex1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX transfer_stay_idx ON transfer (stay_id, transferred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX transfer_stay_idx`);
  }
}
