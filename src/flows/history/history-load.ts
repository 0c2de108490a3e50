// Loading: reads the demo network (regions, shelters, places and their current state) into the state.
import { PlaceCategory, Sex } from '../../common/enums.js';
import { CAT, CATEGORIES, distanceKm, group, HistoryState, MIN_DISTANCE_KM, PlaceInfo, ShelterInfo } from './history-model.js';

// -------------------------------------------------------------------------------------------
// Loading

export async function load(state: HistoryState): Promise<void> {
  const regionRows: Array<{ id: string; code: string; latitude: number; longitude: number }> = await state.manager.query(
    `SELECT id, code, latitude, longitude FROM region ORDER BY code`,
  );
  if (regionRows.length === 0) throw new Error('history: the region table is empty; load the demo network first');
  state.regions = regionRows.map((r, idx) => ({ idx, id: r.id, code: r.code, latitude: r.latitude, longitude: r.longitude, nearbyCum: new Float64Array(0), nearbyIdx: new Int32Array(0) }));
  for (const region of state.regions) {
    const others = state.regions.filter((o) => o.idx !== region.idx);
    let total = 0;
    region.nearbyIdx = Int32Array.from(others.map((o) => o.idx));
    region.nearbyCum = Float64Array.from(others.map((o) => (total += 1 / (distanceKm(region, o) + 25))));
  }
  const regionIdx = new Map(state.regions.map((r) => [r.id, r.idx]));

  const shelterRows: Array<{
    id: string; region_id: string; admitted_sexes: Sex[]; min_age: number; max_age: number | null; max_boy_age: number | null;
    latitude: number; longitude: number;
  }> = await state.manager.query(
    `SELECT s.id, s.region_id, s.admitted_sexes::text[] AS admitted_sexes, s.min_age, s.max_age, s.max_boy_age, s.latitude, s.longitude
       FROM shelter s`,
  );
  const shelters = new Map<string, ShelterInfo>();
  for (const s of shelterRows) {
    const own = regionIdx.get(s.region_id)!;
    shelters.set(s.id, {
      id: s.id,
      regionIdx: own,
      sexes: s.admitted_sexes,
      minAge: s.min_age,
      maxAge: s.max_age,
      maxBoyAge: s.max_boy_age,
      latitude: s.latitude,
      longitude: s.longitude,
      farRegions: state.regions.filter((r) => r.idx !== own && distanceKm(s, r) >= MIN_DISTANCE_KM).map((r) => r.idx),
    });
  }

  // Deterministic order (ids are random): region, organisation, location, label.
  const placeRows: Array<{
    id: string; shelter_id: string; category: PlaceCategory; beds: number; status: string; status_changed_at: Date;
    national_reserve: boolean; first_interval_at: Date | null; first_claim_at: Date | null;
  }> = await state.manager.query(
    `SELECT p.id, p.shelter_id, p.category::text AS category, p.beds, p.status::text AS status, p.status_changed_at,
            p.national_reserve,
            (SELECT min(sp.from_at) FROM stay_place sp WHERE sp.place_id = p.id) AS first_interval_at,
            (SELECT min(c.created_at) FROM claim_place cp JOIN claim c ON c.id = cp.claim_id WHERE cp.place_id = p.id) AS first_claim_at
       FROM place p
       JOIN shelter s ON s.id = p.shelter_id
       JOIN organisation o ON o.id = s.organisation_id
       JOIN region r ON r.id = s.region_id
      ORDER BY r.code, o.name, s.name, p.label`,
  );
  if (placeRows.length === 0) throw new Error('history: no places; load the demo network first');
  state.placesByGroup = Array.from({ length: state.regions.length * CATEGORIES.length }, () => []);
  for (const row of placeRows) {
    const shelter = shelters.get(row.shelter_id)!;
    const changedAt = row.status_changed_at.getTime();
    const freeOrOut = row.status === 'AVAILABLE' || row.status === 'OUT_OF_SERVICE';
    let boundary = state.now;
    if (freeOrOut) boundary = Math.min(boundary, changedAt);
    if (row.first_interval_at) boundary = Math.min(boundary, row.first_interval_at.getTime());
    if (row.first_claim_at) boundary = Math.min(boundary, row.first_claim_at.getTime());
    const place: PlaceInfo = {
      idx: state.places.length,
      id: row.id,
      shelter,
      regionIdx: shelter.regionIdx,
      cat: CAT[row.category],
      beds: row.beds,
      reserve: row.national_reserve,
      boundary,
      exactEnd: row.status === 'AVAILABLE' && boundary === changedAt,
      outOfServiceSince: row.status === 'OUT_OF_SERVICE' ? changedAt : null,
      firstLeg: 0,
      legCount: 0,
    };
    state.places.push(place);
    state.placesByGroup[group(place.regionIdx, place.cat)].push(place);
  }
}
