import { MigrationInterface, QueryRunner } from 'typeorm';

/** A request that cannot be placed now can wait for a place (its own migration: a new enum value cannot be used in the transaction that adds it). */
export class WaitingStatus1763920800000 implements MigrationInterface {
  name = 'WaitingStatus1763920800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE request_status ADD VALUE IF NOT EXISTS 'WAITING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    // PostgreSQL cannot drop an enum value; requests that waited go back to OPEN, the value stays unused.
    await q.query(`UPDATE placement_request SET status = 'OPEN' WHERE status = 'WAITING'`);
  }
}
