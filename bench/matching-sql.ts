import { LOCALITY_RADIUS_KM } from '../src/common/locality.js';
import { accompanyingChildren, allowedCategories, clientsOf, MatchRequest, requiresDistance, WEIGHTS } from '../src/referral/matching/matching.rules.js';
import { DistancePreference, Urgency } from '../src/referral/referral.enums.js';

/*
 * Issue 11's yardstick for matching: one hand-written SQL statement that returns the same options
 * as placementOptions (hard rules, household fit, score, best category per shelter, the shortlist of
 * 3 x limit, then occupancy), over the whole network in one pass, as a database engineer would write
 * it without the service. The bench checks that both give the same shelters, in the same order,
 * with the same scores.
 */
/** The haversine of common/locality.ts, written out (the statement needs nothing from our migrations). */
const km = (lat1: string, lon1: string, lat2: string, lon2: string) =>
  `(2 * 6371 * asin(least(1, sqrt(sin(radians(${lat2} - ${lat1}) / 2) ^ 2 + cos(radians(${lat1})) * cos(radians(${lat2})) * sin(radians(${lon2} - ${lon1}) / 2) ^ 2))))`;

const SQL = `
WITH home AS (SELECT latitude AS lat, longitude AS lon FROM region WHERE id = $1),
away AS (SELECT latitude AS lat, longitude AS lon FROM region WHERE $9 AND (id = $1 OR id = ANY($2::uuid[]))),
free AS (
  SELECT p.beds, p.category, s.id AS shelter_id, s.region_id, s.languages, s.status_confirmed_at,
         ${km('s.locality_latitude', 's.locality_longitude', 'h.lat', 'h.lon')} AS km
    FROM place p JOIN shelter s ON s.id = p.shelter_id CROSS JOIN home h
   WHERE p.category = ANY($3::place_category[]) AND (p.status = 'AVAILABLE' OR (p.status = 'HELD' AND p.held_until <= now()))
     AND NOT s.region_id = ANY($2::uuid[])
     AND NOT ($9 AND s.region_id = $1)
     AND NOT EXISTS (SELECT 1 FROM away a WHERE ${km('s.locality_latitude', 's.locality_longitude', 'a.lat', 'a.lon')} < $10)
     AND (NOT p.national_reserve OR ($11 AND s.region_id <> $1))
     AND s.admitted_sexes::text[] @> $4::text[]
     AND s.min_age <= $5 AND (s.max_age IS NULL OR s.max_age >= $6)
     AND (s.max_boy_age IS NULL OR s.max_boy_age >= $7)
     AND (NOT $12 OR s.wheelchair_accessible) AND (NOT $13 OR s.pets_allowed)
),
ranked AS (
  SELECT f.*, row_number() OVER w AS n, sum(beds) OVER w AS running
    FROM free f WINDOW w AS (PARTITION BY shelter_id, category ORDER BY beds DESC ROWS UNBOUNDED PRECEDING)
),
fitted AS (
  SELECT shelter_id, category, min(region_id::text)::uuid AS region_id, min(km) AS km, min(languages) AS languages,
         min(status_confirmed_at) AS confirmed, bool_or(beds >= $8) AS one_unit, min(n) FILTER (WHERE running >= $8 AND n <= 3) AS units
    FROM ranked GROUP BY shelter_id, category
),
scored AS (
  SELECT f.*, (CASE WHEN $9 THEN $14 * least(greatest(0, km - $15), ${WEIGHTS.highRiskCapKm}) * ${WEIGHTS.highRiskPerKm}
                    WHEN region_id = $1 THEN ${WEIGHTS.ownRegion} ELSE -${WEIGHTS.perKmElsewhere} * km END
               + CASE WHEN region_id = ANY($16::uuid[]) THEN ${WEIGHTS.preferredRegion} ELSE 0 END
               + CASE WHEN one_unit THEN ${WEIGHTS.oneUnit} ELSE 0 END
               + CASE WHEN $11 AND category = 'EMERGENCY' THEN ${WEIGHTS.emergencyBedWhenImmediate} ELSE 0 END
               - least(hours, ${WEIGHTS.freshnessCapHours}) * ${WEIGHTS.freshnessPerHour} - CASE WHEN hours > $17 THEN ${WEIGHTS.stale} ELSE 0 END
               + ${WEIGHTS.perSharedLanguage} * (SELECT count(*) FROM unnest($18::text[]) l WHERE l = ANY(f.languages))) AS raw
    FROM fitted f, LATERAL (SELECT greatest(0, extract(epoch FROM now() - f.confirmed) / 3600) AS hours) h
   WHERE one_unit OR units IS NOT NULL
),
best AS (SELECT DISTINCT ON (shelter_id) * FROM scored ORDER BY shelter_id, raw DESC),
shortlist AS (SELECT * FROM best ORDER BY round(raw::numeric, 2) DESC, km, shelter_id LIMIT $19),
occupancy AS (
  SELECT shelter_id, (count(*) FILTER (WHERE status = 'OCCUPIED'))::float / count(*) AS rate
    FROM place WHERE shelter_id IN (SELECT shelter_id FROM shortlist) GROUP BY shelter_id
)
SELECT s.shelter_id AS "shelterId", round((s.raw - ${WEIGHTS.occupancy} * coalesce(o.rate, 0))::numeric, 2)::float AS score
  FROM shortlist s LEFT JOIN occupancy o USING (shelter_id)
 ORDER BY 2 DESC, s.km, s.shelter_id
 LIMIT $20`;

export function handWrittenOptions(
  query: <T>(sql: string, params?: unknown[]) => Promise<T[]>,
  request: MatchRequest,
  settings: { minDistanceKm: number; staleAfterHours: number },
  limit: number,
): Promise<{ shelterId: string; score: number }[]> {
  const clients = clientsOf(request.household);
  const boys = accompanyingChildren(request.household).filter((m) => m.sex === 'MALE');
  return query(SQL, [
    request.homeRegionId, request.avoidRegionIds, allowedCategories(request), [...new Set(clients.map((c) => c.sex))],
    Math.min(...clients.map((c) => c.age)), Math.max(...clients.map((c) => c.age)), boys.length ? Math.max(...boys.map((b) => b.age)) : 0,
    request.household.length, requiresDistance(request), settings.minDistanceKm + LOCALITY_RADIUS_KM, request.urgency === Urgency.IMMEDIATE,
    request.needsWheelchair, request.needsPets, request.distancePreference === DistancePreference.NEAR_MINIMUM ? -1 : 1, settings.minDistanceKm,
    request.preferredRegionIds, settings.staleAfterHours, request.languages, limit * 3, limit,
  ]);
}
