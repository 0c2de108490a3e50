import { PlaceCategory, PlaceStatus, Sex } from '../../common/enums.js';
import { CandidatePlace, RegionPoint } from './matching.rules.js';

type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface LoadedCandidate extends CandidatePlace {
  status: PlaceStatus;
  version: number;
  statusChangedAt: Date;
}

const FREE = `(p.status = 'AVAILABLE' OR (p.status = 'HELD' AND p.held_until <= now()))`;

const PLACE_COLUMNS = `p.id, p.label, p.beds, p.category::text AS category, p.national_reserve AS "nationalReserve",
         CASE WHEN p.status = 'HELD' AND p.held_until <= now() THEN 'AVAILABLE' ELSE p.status::text END AS status,
         p.version, p.status_changed_at AS "statusChangedAt", s.id AS shelter_id`;
/** What the rules need to know of a place's shelter: [expression, column name]. */
const SHELTER_COLUMNS = [
  ['s.name', 'shelter_name'], ['s.region_id', 'region_id'], ['s.admitted_sexes::text[]', 'admitted_sexes'], ['s.min_age', 'min_age'],
  ['s.max_age', 'max_age'], ['s.max_boy_age', 'max_boy_age'], ['s.wheelchair_accessible', 'wheelchair_accessible'],
  ['s.pets_allowed', 'pets_allowed'], ['s.languages', 'languages'], ['s.locality_name', 'locality_name'],
  ['s.locality_latitude', 'locality_latitude'], ['s.locality_longitude', 'locality_longitude'], ['s.status_confirmed_at', 'status_confirmed_at'],
];
const SELECT = `SELECT ${PLACE_COLUMNS}, ${SHELTER_COLUMNS.map(([expr, name]) => `${expr} AS ${name}`).join(', ')}`;
const FROM = `FROM place p JOIN shelter s ON s.id = p.shelter_id`;
/**
 * The free places of the allowed categories of the shelters of regions $2, shelter by shelter
 * (one index search each). A shelter's columns come with its first place only (`p.nth` = 1; the
 * others carry nulls): at scale 50 Utrecht's 442 places are in 300 shelters, and most of a row's
 * bytes and parsing are the shelter's. toCandidates builds each shelter from its first row.
 */
const SELECT_BY_SHELTER = `SELECT ${PLACE_COLUMNS}, ${SHELTER_COLUMNS.map(([expr, name]) => `CASE WHEN p.nth = 1 THEN ${expr} END AS ${name}`).join(', ')}`;
const FROM_BY_SHELTER = `FROM shelter s CROSS JOIN LATERAL (
    SELECT p.*, row_number() OVER () AS nth FROM place p WHERE p.shelter_id = s.id AND p.category = ANY($1::place_category[]) AND ${FREE}) p
   WHERE s.region_id = ANY($2::uuid[])`;

/** A row of SELECT (or of SELECT_BY_SHELTER: there the shelter's columns after `shelter_id` are null but on its first place). */
interface Row {
  id: string;
  label: string;
  beds: number;
  category: PlaceCategory;
  nationalReserve: boolean;
  status: PlaceStatus;
  version: number;
  statusChangedAt: Date;
  shelter_id: string;
  shelter_name: string;
  region_id: string;
  admitted_sexes: Sex[];
  min_age: number;
  max_age: number | null;
  max_boy_age: number | null;
  wheelchair_accessible: boolean;
  pets_allowed: boolean;
  languages: string[];
  locality_name: string;
  locality_latitude: number;
  locality_longitude: number;
  status_confirmed_at: Date;
  /** Only when asked for (loadFreeCandidatesCounting). */
  outside?: number;
}

/** Occupancy of a few shelters (the best options), for the load-spreading preference. */
export async function loadOccupancy(query: Query, shelterIds: string[]): Promise<Map<string, number>> {
  const occupancy = new Map<string, number>();
  if (shelterIds.length === 0) return occupancy;
  const rates = await query<{ shelter_id: string; rate: number }>(
    `SELECT shelter_id, (count(*) FILTER (WHERE status = 'OCCUPIED'))::float / count(*) AS rate
       FROM place WHERE shelter_id = ANY($1::uuid[]) GROUP BY shelter_id`,
    [shelterIds],
  );
  for (const r of rates) occupancy.set(r.shelter_id, r.rate);
  return occupancy;
}

function toCandidates(rows: Row[]): LoadedCandidate[] {
  const shelters = new Map<string, LoadedCandidate['shelter']>();
  return rows.map((r) => {
    let shelter = shelters.get(r.shelter_id);
    if (!shelter) {
      shelter = {
        id: r.shelter_id, name: r.shelter_name, regionId: r.region_id, admittedSexes: r.admitted_sexes,
        minAge: r.min_age, maxAge: r.max_age, maxBoyAge: r.max_boy_age, wheelchairAccessible: r.wheelchair_accessible,
        petsAllowed: r.pets_allowed, languages: r.languages,
        locality: { name: r.locality_name, latitude: r.locality_latitude, longitude: r.locality_longitude },
        statusConfirmedAt: r.status_confirmed_at, occupancyRate: 0,
      };
      shelters.set(r.shelter_id, shelter);
    }
    return {
      id: r.id, label: r.label, beds: r.beds, category: r.category, nationalReserve: r.nationalReserve,
      status: r.status, version: r.version, statusChangedAt: r.statusChangedAt, shelter,
    };
  });
}

/**
 * The free places of the given categories, with what the rules need to know of their shelters.
 * The only filter here is "free and of an allowed category"; every other rule is in matching.rules.ts.
 */
/** `regionIds`: only the shelters of these regions (`null`: the whole network). */
export async function loadFreeCandidates(query: Query, categories: PlaceCategory[], regionIds: string[] | null = null): Promise<LoadedCandidate[]> {
  return (await loadFreeCandidatesCounting(query, categories, regionIds, false)).candidates;
}

/**
 * As loadFreeCandidates, and with `countOutside` also the free places of the other categories in
 * the same regions (what countFreeOutside gives for them), in the same statement: one round trip
 * and one snapshot. The count rides on every row (computed once); with no row it is unknown (null).
 */
export async function loadFreeCandidatesCounting(
  query: Query,
  categories: PlaceCategory[],
  regionIds: string[] | null,
  countOutside: boolean,
): Promise<{ candidates: LoadedCandidate[]; outside: number | null }> {
  const outside = !countOutside ? '' : `, (${regionIds ? IN_REGIONS : ALL})::int AS outside`;
  const rows = regionIds
    ? await query<Row>(`${SELECT_BY_SHELTER}${outside} ${FROM_BY_SHELTER}`, [categories, regionIds])
    : await query<Row>(`${SELECT}${outside} ${FROM} WHERE p.category = ANY($1::place_category[]) AND ${FREE}`, [categories]);
  return { candidates: toCandidates(rows), outside: countOutside && rows.length > 0 ? rows[0].outside! : null };
}

/** Free places of the other categories: in the whole network, and in the regions $2 (shelter by shelter). */
const ALL = `SELECT count(*) FROM place p WHERE NOT (p.category = ANY($1::place_category[])) AND ${FREE}`;
const IN_REGIONS = `SELECT coalesce(sum(c.n), 0) FROM shelter s CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM place p WHERE p.shelter_id = s.id AND NOT (p.category = ANY($1::place_category[])) AND ${FREE}) c
   WHERE s.region_id = ANY($2::uuid[])`;

/**
 * Free places of the other categories in the regions read, counted for the CATEGORY exclusion:
 * region by region when few were read, otherwise all of them less those in the regions not read
 * (one statement, one snapshot). Per region it goes shelter by shelter on their places: the planner
 * would otherwise scan every free place of the network.
 */
export async function countFreeOutside(query: Query, categories: PlaceCategory[], read: string[], unread: string[]): Promise<number> {
  const [row] =
    unread.length === 0
      ? await query<{ n: number }>(`SELECT (${ALL})::int AS n`, [categories])
      : read.length <= unread.length
        ? await query<{ n: number }>(`SELECT (${IN_REGIONS})::int AS n`, [categories, read])
        : await query<{ n: number }>(`SELECT ((${ALL}) - (${IN_REGIONS}))::int AS n`, [categories, unread]);
  return row.n;
}

/** Specific places, whatever their status (a claim for a request is checked against the rules). */
export async function loadPlacesById(query: Query, placeIds: string[]): Promise<LoadedCandidate[]> {
  return toCandidates(await query<Row>(`${SELECT} ${FROM} WHERE p.id = ANY($1::uuid[])`, [placeIds]));
}

/**
 * Regions with their centres, how far their shelters' localities lie from it (null: never had one),
 * and how many shelters offer one of `categories` (all shelters when none are given).
 */
export async function loadRegionPoints(query: Query, categories?: PlaceCategory[]): Promise<Map<string, RegionPoint>> {
  const rows = await query<RegionPoint>(
    `SELECT r.id, r.name, r.latitude, r.longitude, e.km AS "extentKm",
            CASE WHEN $1::place_category[] IS NULL THEN coalesce(e.shelters, 0) ELSE coalesce(c.shelters, 0) END AS shelters
       FROM region r LEFT JOIN region_locality_extent e ON e.region_id = r.id
       LEFT JOIN (SELECT region_id, sum(shelters)::int AS shelters FROM region_category_shelters WHERE category = ANY($1) GROUP BY region_id) c
         ON c.region_id = r.id`,
    [categories ?? null],
  );
  return new Map(rows.map((r) => [r.id, r]));
}
