import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Blocked outflow is counted in the region where the stay is at the end of each bucket, with days
 * waiting from the first mark of its readiness: the last move of a stay before a moment, and the
 * marks of a stay, are read per stay, off these indexes.
 */
export class TransferStayIndex1764800200000 implements MigrationInterface {
  name = 'TransferStayIndex1764800200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX transfer_stay_idx ON transfer (stay_id, transferred_at)`);
    await q.query(`CREATE INDEX outflow_readiness_stay_idx ON outflow_readiness (stay_id, marked_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outflow_readiness_stay_idx`);
    await q.query(`DROP INDEX transfer_stay_idx`);
  }
}
