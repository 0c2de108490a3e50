import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Sweeper } from '../common/sweeper.js';
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

/**
 * Availability history for the flow reports (occupancy, days without a free place): one row per
 * region x category per hour. The primary key makes the hour's snapshot happen once, whichever
 * instance gets there first.
 */
@Injectable()
export class AvailabilityService implements OnModuleInit {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Sweeper) private readonly sweeper: Sweeper,
  ) {}

  onModuleInit(): void {
    this.sweeper.register('availability-snapshot', () => this.snapshot());
  }

  async snapshot(): Promise<number> {
    const rows = await this.dataSource.query(
      `INSERT INTO availability_snapshot (taken_at, region_id, category, places, available, held, occupied, out_of_service)
       SELECT date_trunc('hour', now()), a."regionId", a.category, a."placesTotal", a.available, a.held, a.occupied, a."outOfService"
         FROM (${AVAILABILITY_SQL}) a
       ON CONFLICT DO NOTHING RETURNING region_id`,
      [null, null, this.config.STALE_AFTER_HOURS],
    );
    return rows.length;
  }

  /** One row per region x category (zero rows included), computed from the places themselves. */
  async rows(regionIds?: string[] | null, categories?: PlaceCategory[] | null): Promise<AvailabilityRowModel[]> {
    return this.dataSource.query(AVAILABILITY_SQL, [
      regionIds?.length ? regionIds : null,
      categories?.length ? categories : null,
      this.config.STALE_AFTER_HOURS,
    ]);
  }
}
