import { MigrationInterface, QueryRunner } from 'typeorm';

/** Retention erases free text everywhere it is kept: a transfer's reason may name a person too. */
export class FreeTextRetention1763920600000 implements MigrationInterface {
  name = 'FreeTextRetention1763920600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transfer ALTER COLUMN reason DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE transfer SET reason = '' WHERE reason IS NULL`);
    await q.query(`ALTER TABLE transfer ALTER COLUMN reason SET NOT NULL`);
  }
}
