import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * For the matching's region search (referral/matching/region-search.ts): per region, how far its
 * shelters' public localities lie from the region's centre at most, how many shelters it has, and
 * how many offer each category. With the extent, the distance from any home region to any locality of a region is bounded without
 * reading the region's shelters, so a search can stop at the regions that cannot give a better
 * option; the counts size its first read. The extent only grows when a shelter is added or moved
 * (an over-estimate is still a bound); a moved region centre recomputes it. `great_circle_km` is the
 * same formula as common/locality.ts `distanceKm`.
 */
export class RegionLocalityExtent1764950000000 implements MigrationInterface {
  name = 'RegionLocalityExtent1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION great_circle_km(lat1 float8, lon1 float8, lat2 float8, lon2 float8) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT 2 * 6371 * asin(least(1, sqrt(
          sin(radians(lat2 - lat1) / 2) ^ 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2)))
      $$`);
    await q.query(`CREATE TABLE region_locality_extent (
      region_id uuid PRIMARY KEY REFERENCES region(id) ON DELETE CASCADE,
      km float8 NOT NULL CHECK (km >= 0),
      shelters int NOT NULL DEFAULT 0 CHECK (shelters >= 0)
    )`);
    await q.query(`CREATE TABLE region_category_shelters (
      region_id uuid NOT NULL REFERENCES region(id) ON DELETE CASCADE,
      category place_category NOT NULL,
      shelters int NOT NULL CHECK (shelters >= 0),
      PRIMARY KEY (region_id, category)
    )`);
    // The centre is read FOR SHARE: a region centre moved at the same moment either waits for this
    // shelter write (and its recompute then sees the shelter) or is seen here, never neither.
    // Categories are taken distinct and in order, so two writers lock the count rows in one order.
    await q.query(`CREATE FUNCTION region_locality_extent_shelter() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        centre record;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') AND (TG_OP = 'DELETE' OR OLD.region_id IS DISTINCT FROM NEW.region_id) THEN
          UPDATE region_locality_extent SET shelters = shelters - 1 WHERE region_id = OLD.region_id;
        END IF;
        IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.categories IS DISTINCT FROM NEW.categories)) THEN
          UPDATE region_category_shelters SET shelters = shelters - 1
           WHERE region_id = OLD.region_id AND category IN (SELECT DISTINCT unnest(OLD.categories));
        END IF;
        IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.categories IS DISTINCT FROM NEW.categories)) THEN
          INSERT INTO region_category_shelters AS c (region_id, category, shelters)
          SELECT NEW.region_id, category, 1 FROM (SELECT DISTINCT unnest(NEW.categories) AS category) d ORDER BY category
          ON CONFLICT (region_id, category) DO UPDATE SET shelters = c.shelters + 1;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          SELECT r.latitude, r.longitude INTO centre FROM region r WHERE r.id = NEW.region_id FOR SHARE;
          INSERT INTO region_locality_extent AS e (region_id, km, shelters)
          VALUES (NEW.region_id, great_circle_km(centre.latitude, centre.longitude, NEW.locality_latitude, NEW.locality_longitude),
                  CASE WHEN TG_OP = 'INSERT' OR OLD.region_id IS DISTINCT FROM NEW.region_id THEN 1 ELSE 0 END)
          ON CONFLICT (region_id) DO UPDATE SET km = greatest(e.km, EXCLUDED.km), shelters = e.shelters + EXCLUDED.shelters;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER region_locality_extent_count AFTER INSERT OR DELETE ON shelter
      FOR EACH ROW EXECUTE FUNCTION region_locality_extent_shelter()`);
    await q.query(`CREATE TRIGGER region_locality_extent_move AFTER UPDATE OF region_id, locality_latitude, locality_longitude, categories ON shelter
      FOR EACH ROW WHEN (OLD.region_id IS DISTINCT FROM NEW.region_id OR OLD.locality_latitude IS DISTINCT FROM NEW.locality_latitude
                         OR OLD.locality_longitude IS DISTINCT FROM NEW.locality_longitude OR OLD.categories IS DISTINCT FROM NEW.categories)
      EXECUTE FUNCTION region_locality_extent_shelter()`);
    await q.query(`CREATE FUNCTION region_locality_extent_recompute() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE region_locality_extent e
           SET km = coalesce((SELECT max(great_circle_km(NEW.latitude, NEW.longitude, s.locality_latitude, s.locality_longitude))
                                FROM shelter s WHERE s.region_id = NEW.id), 0)
         WHERE e.region_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER region_locality_extent_centre AFTER UPDATE OF latitude, longitude ON region
      FOR EACH ROW WHEN (OLD.latitude IS DISTINCT FROM NEW.latitude OR OLD.longitude IS DISTINCT FROM NEW.longitude)
      EXECUTE FUNCTION region_locality_extent_recompute()`);
    // Explicitly, as for every table the service writes (default privileges cover only tables of the same owner).
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON region_locality_extent, region_category_shelters TO opvangnet_service`);
    await q.query(`INSERT INTO region_locality_extent (region_id, km, shelters)
      SELECT r.id, max(great_circle_km(r.latitude, r.longitude, s.locality_latitude, s.locality_longitude)), count(*)
        FROM region r JOIN shelter s ON s.region_id = r.id GROUP BY r.id`);
    await q.query(`INSERT INTO region_category_shelters (region_id, category, shelters)
      SELECT s.region_id, c.category, count(*) FROM shelter s CROSS JOIN LATERAL unnest(s.categories) AS c(category) GROUP BY 1, 2`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER region_locality_extent_centre ON region`);
    await q.query(`DROP TRIGGER region_locality_extent_move ON shelter`);
    await q.query(`DROP TRIGGER region_locality_extent_count ON shelter`);
    await q.query(`DROP FUNCTION region_locality_extent_recompute()`);
    await q.query(`DROP FUNCTION region_locality_extent_shelter()`);
    await q.query(`DROP TABLE region_category_shelters`);
    await q.query(`DROP TABLE region_locality_extent`);
    await q.query(`DROP FUNCTION great_circle_km(float8, float8, float8, float8)`);
  }
}
