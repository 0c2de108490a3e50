import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../migrations/index.js';
import { createDataSource } from '../src/database/data-source.js';
import { createTestDatabase } from './support/database.js';

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts, in timestamp order', () => {
    const files = readdirSync(join(process.cwd(), 'migrations')).filter((f) => /^\d+-.*\.ts$/.test(f)).sort();
    const timestamps = migrations.map((m) => Number(/(\d+)$/.exec(m.name)![1]));
    expect(timestamps).toEqual(files.map((f) => Number(f.split('-')[0])));
  });

  it('runs up on an empty database, all the way down, and up again', async () => {
    const db = await createTestDatabase({ empty: true });
    const dataSource = createDataSource(db.url, 2);
    await dataSource.initialize();
    try {
      const tables = async () =>
        (await db.pool.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`))
          .rows.map((r) => r.tablename);

      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied).toHaveLength(migrations.length);
      expect(await tables()).toEqual(expect.arrayContaining(['region', 'shelter', 'place', 'claim', 'stay', 'audit_event']));

      for (let i = 0; i < migrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual([]);
      const types = await db.pool.query(`SELECT typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype = 'e'`);
      expect(types.rows).toEqual([]);

      expect(await dataSource.runMigrations({ transaction: 'each' })).toHaveLength(migrations.length);
    } finally {
      await dataSource.destroy();
      await db.drop();
    }
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const db = await createTestDatabase();
    try {
      await db.pool.query(`INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id) VALUES ('a','ADMIN','x','y','z')`);
      await expect(db.pool.query(`UPDATE audit_event SET actor = 'b'`)).rejects.toThrow(/append-only/);
      await expect(db.pool.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
      const { rows } = await db.pool.query(`SELECT actor FROM audit_event`);
      expect(rows).toEqual([{ actor: 'a' }]);
    } finally {
      await db.drop();
    }
  });
});
