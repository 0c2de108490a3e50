import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { PlaceCategory } from '../common/enums.js';
import { AvailabilityRowModel } from './models/network.models.js';

// A hold past held_until counts as AVAILABLE in every read, before the sweep has touched it.
export const EFFECTIVE_STATUS_SQL = `CASE WHEN p.status = 'HELD' AND p.held_until <= now()
  THEN 'AVAILABLE'::place_status ELSE p.status END`;

const AVAILABILITY_SQL = `
  WITH agg AS (
    SELECT s.region_id, p.category,
           count(*)::int AS places_total,
           count(*) FILTER (WHERE e.status = 'AVAILABLE')::int AS available,
           count(*) FILTER (WHERE e.status = 'HELD')::int AS held,
           count(*) FILTER (WHERE e.status = 'OCCUPIED')::int AS occupied,
           count(*) FILTER (WHERE e.status = 'OUT_OF_SERVICE')::int AS out_of_service,
           coalesce(sum(p.beds) FILTER (WHERE e.status = 'AVAILABLE'), 0)::int AS free_beds,
           coalesce(max(p.beds) FILTER (WHERE e.status = 'AVAILABLE'), 0)::int AS largest,
           max(CASE WHEN p.status = 'HELD' AND p.held_until <= now() THEN p.held_until
                    ELSE p.status_changed_at END) AS updated_at,
           bool_or(s.status_confirmed_at < now() - make_interval(hours => $3)) AS stale
      FROM place p
      JOIN shelter s ON s.id = p.shelter_id
      CROSS JOIN LATERAL (SELECT ${EFFECTIVE_STATUS_SQL} AS status) e
     WHERE ($1::uuid[] IS NULL OR s.region_id = ANY($1::uuid[]))
       AND ($2::place_category[] IS NULL OR p.category = ANY($2::place_category[]))
     GROUP BY s.region_id, p.category
  )
  SELECT r.id AS "regionId", c.category,
         coalesce(a.places_total, 0) AS "placesTotal", coalesce(a.available, 0) AS available,
         coalesce(a.held, 0) AS held, coalesce(a.occupied, 0) AS occupied,
         coalesce(a.out_of_service, 0) AS "outOfService", coalesce(a.free_beds, 0) AS "freeBeds",
         coalesce(a.largest, 0) AS "largestHouseholdAdmissible", a.updated_at AS "updatedAt",
         coalesce(a.stale, false) AS stale
    FROM region r
   CROSS JOIN unnest(coalesce($2::place_category[], enum_range(NULL::place_category))) AS c(category)
    LEFT JOIN agg a ON a.region_id = r.id AND a.category = c.category
   WHERE $1::uuid[] IS NULL OR r.id = ANY($1::uuid[])
   ORDER BY r.name, c.category`;

@Injectable()
export class AvailabilityService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /** One row per region x category (zero rows included), computed from the places themselves. */
  async rows(regionIds?: string[] | null, categories?: PlaceCategory[] | null): Promise<AvailabilityRowModel[]> {
    return this.dataSource.query(AVAILABILITY_SQL, [
      regionIds?.length ? regionIds : null,
      categories?.length ? categories : null,
      this.config.STALE_AFTER_HOURS,
    ]);
  }
}
