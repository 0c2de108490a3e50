import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from '../migrations/index.js';
import { distanceKm } from '../src/common/locality.js';
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

  it('keeps each region\'s locality extent for the matching\'s region search: grows with shelters, recomputed when the centre moves', async () => {
    const db = await createTestDatabase();
    try {
      const { rows: [region] } = await db.pool.query(`SELECT id, latitude, longitude FROM region WHERE code = 'utrecht'`);
      const extent = async () => (await db.pool.query(`SELECT km FROM region_locality_extent WHERE region_id = $1`, [region.id])).rows[0]?.km ?? null;
      const shelters = async (id = region.id) => (await db.pool.query(`SELECT shelters FROM region_locality_extent WHERE region_id = $1`, [id])).rows[0]?.shelters ?? 0;
      const offering = async (category: string, id = region.id) =>
        (await db.pool.query(`SELECT shelters FROM region_category_shelters WHERE region_id = $1 AND category = $2`, [id, category])).rows[0]?.shelters ?? 0;
      const { rows: [org] } = await db.pool.query(`INSERT INTO organisation (name) VALUES ('Extent test') RETURNING id`);
      const addShelter = async (kmNorth: number) =>
        (await db.pool.query(
          `INSERT INTO shelter (organisation_id, region_id, name, categories, intake_phone, admitted_sexes, address_street, address_postcode,
                                address_city, latitude, longitude, locality_name, locality_latitude, locality_longitude)
           VALUES ($1, $2, 'S ' || $3::float8, '{CRISIS}', '+31 88 000 0000', '{FEMALE}', 'Straat 1', '3511 AA', 'Utrecht', $3::float8, $4::float8, 'Plaats', $3::float8, $4::float8) RETURNING id`,
          [org.id, region.id, region.latitude + kmNorth / 111.2, region.longitude],
        )).rows[0].id as string;
      const km = (kmNorth: number) => distanceKm({ latitude: region.latitude + kmNorth / 111.2, longitude: region.longitude }, region);

      expect(await extent()).toBeNull();
      const far = await addShelter(20);
      expect(await extent()).toBeCloseTo(km(20), 9);
      const near = await addShelter(5);
      expect(await extent()).toBeCloseTo(km(20), 9);
      expect(await shelters()).toBe(2);
      expect(await offering('CRISIS')).toBe(2);
      await db.pool.query(`UPDATE shelter SET categories = '{EMERGENCY,CRISIS}' WHERE id = $1`, [near]);
      expect([await offering('CRISIS'), await offering('EMERGENCY')]).toEqual([2, 1]);
      await db.pool.query(`UPDATE shelter SET locality_latitude = $2 WHERE id = $1`, [far, region.latitude + 30 / 111.2]);
      expect(await extent()).toBeCloseTo(km(30), 9);
      // Moving the shelter back leaves an over-estimate (still a bound); moving the centre recomputes.
      await db.pool.query(`UPDATE shelter SET locality_latitude = $2 WHERE id = $1`, [far, region.latitude + 20 / 111.2]);
      expect(await extent()).toBeCloseTo(km(30), 9);
      await db.pool.query(`UPDATE region SET latitude = $2 WHERE id = $1`, [region.id, region.latitude + 10 / 111.2]);
      const centre = { latitude: region.latitude + 10 / 111.2, longitude: region.longitude };
      const localities = [20, 5].map((k) => ({ latitude: region.latitude + k / 111.2, longitude: region.longitude }));
      expect(await extent()).toBeCloseTo(Math.max(...localities.map((l) => distanceKm(l, centre))), 9);
      // The count follows shelters that move to another region or are removed.
      const { rows: [other] } = await db.pool.query(`SELECT id FROM region WHERE code = 'groningen'`);
      await db.pool.query(`UPDATE shelter SET region_id = $2 WHERE id = $1`, [near, other.id]);
      expect([await shelters(), await shelters(other.id)]).toEqual([1, 1]);
      expect([await offering('CRISIS'), await offering('EMERGENCY'), await offering('EMERGENCY', other.id)]).toEqual([1, 0, 1]);
      await db.pool.query(`DELETE FROM shelter WHERE id = $1`, [far]);
      expect([await shelters(), await offering('CRISIS')]).toEqual([0, 0]);
      // A repeated category is counted once (and does not make the write fail).
      const twice = await addShelter(3);
      await db.pool.query(`UPDATE shelter SET categories = '{CRISIS,CRISIS,EMERGENCY}' WHERE id = $1`, [twice]);
      expect([await offering('CRISIS'), await offering('EMERGENCY')]).toEqual([1, 1]);
      // After all of it, every region's stored extent is at least the true one and its count exact.
      const { rows: drift } = await db.pool.query(`
        SELECT r.code FROM region r LEFT JOIN region_locality_extent e ON e.region_id = r.id
          LEFT JOIN LATERAL (SELECT max(great_circle_km(r.latitude, r.longitude, s.locality_latitude, s.locality_longitude)) AS km, count(*)::int AS n
                               FROM shelter s WHERE s.region_id = r.id) t ON true
         WHERE coalesce(e.shelters, 0) <> t.n OR (t.n > 0 AND (e.km IS NULL OR e.km < t.km - 1e-9))`);
      expect(drift).toEqual([]);

      // The database's great_circle_km is the formula of common/locality.ts.
      const pairs = [[52.09, 5.12, 53.22, 6.57], [50.85, 5.69, 53.2, 5.8], [52.37, 4.9, 52.37, 4.9]];
      for (const [a, b, c, d] of pairs) {
        const { rows: [row] } = await db.pool.query(`SELECT great_circle_km($1, $2, $3, $4) AS km`, [a, b, c, d]);
        expect(row.km).toBeCloseTo(distanceKm({ latitude: a, longitude: b }, { latitude: c, longitude: d }), 9);
      }
    } finally {
      await db.drop();
    }
  });
});
