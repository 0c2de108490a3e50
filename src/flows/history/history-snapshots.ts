// Daily availability snapshots: a sweep over all legs and holds, per region and category.
import { CATEGORIES, group, HistoryState } from './history-model.js';
import { ColumnBatch, ms } from './history-insert.js';
import { dailySnapshotTimes } from './history-calendar.js';

// -------------------------------------------------------------------------------------------
// 4. Availability snapshots (computed before writing: unmet demand uses them)

export async function computeSnapshots(state: HistoryState): Promise<void> {
  const groups = state.placesByGroup.length;
  const occStart: number[][] = Array.from({ length: groups }, () => []);
  const occEnd: number[][] = Array.from({ length: groups }, () => []);
  const heldStart: number[][] = Array.from({ length: groups }, () => []);
  const heldEnd: number[][] = Array.from({ length: groups }, () => []);
  const outStart: number[][] = Array.from({ length: groups }, () => []);
  const legs = state.legs;
  for (const place of state.places) {
    const g = group(place.regionIdx, place.cat);
    for (let l = place.firstLeg; l < place.firstLeg + place.legCount; l++) {
      occStart[g].push(legs.start[l]);
      occEnd[g].push(legs.end[l]);
      if (legs.lead[l] > 0) {
        heldStart[g].push(legs.start[l] - legs.lead[l]);
        heldEnd[g].push(legs.start[l]);
      }
    }
    if (place.outOfServiceSince !== null) outStart[g].push(place.outOfServiceSince);
  }
  // What the database already holds: the demo's current stays and their claims (and any live data).
  const placeIndex = new Map(state.places.map((p) => [p.id, p]));
  const intervals: Array<{ place_id: string; from_at: Date; until_at: Date | null }> = await state.manager.query(
    `SELECT place_id, from_at, until_at FROM stay_place`,
  );
  for (const row of intervals) {
    const place = placeIndex.get(row.place_id)!;
    const g = group(place.regionIdx, place.cat);
    occStart[g].push(row.from_at.getTime());
    if (row.until_at) occEnd[g].push(row.until_at.getTime());
  }
  const holds: Array<{ place_id: string; created_at: Date; held_until: Date }> = await state.manager.query(
    `SELECT cp.place_id, c.created_at, coalesce(c.ended_at, c.expires_at) AS held_until
       FROM claim c JOIN claim_place cp ON cp.claim_id = c.id`,
  );
  for (const row of holds) {
    const place = placeIndex.get(row.place_id)!;
    const g = group(place.regionIdx, place.cat);
    heldStart[g].push(row.created_at.getTime());
    heldEnd[g].push(row.held_until.getTime());
  }

  const times = dailySnapshotTimes(state.windowStart, state.now);
  state.snapshotTimes = times;
  const counter = (values: number[]) => {
    const sorted = Float64Array.from(values).sort();
    let i = 0;
    return (t: number) => {
      while (i < sorted.length && sorted[i] <= t) i++;
      return i;
    };
  };
  state.series = [];
  for (let g = 0; g < groups; g++) {
    const placeCount = state.placesByGroup[g].length;
    const series = {
      available: new Int32Array(times.length),
      held: new Int32Array(times.length),
      occupied: new Int32Array(times.length),
      out: new Int32Array(times.length),
    };
    if (placeCount > 0) {
      const os = counter(occStart[g]);
      const oe = counter(occEnd[g]);
      const hs = counter(heldStart[g]);
      const he = counter(heldEnd[g]);
      const out = counter(outStart[g]);
      for (let k = 0; k < times.length; k++) {
        const t = times[k];
        const occupied = os(t) - oe(t);
        const held = hs(t) - he(t);
        const outOfService = out(t);
        const free = placeCount - occupied - held - outOfService;
        if (free < 0 || occupied < 0 || held < 0) {
          throw new Error(`history: inconsistent timeline in group ${g} at ${new Date(t).toISOString()} (occupied ${occupied}, held ${held})`);
        }
        series.available[k] = free;
        series.held[k] = held;
        series.occupied[k] = occupied;
        series.out[k] = outOfService;
        if (free === 0) state.zeroDays++;
      }
    }
    state.series.push(series);
    occStart[g] = occEnd[g] = heldStart[g] = heldEnd[g] = [];
  }
  state.snapshotRows = times.length * groups;
}

export async function writeSnapshots(state: HistoryState): Promise<void> {
  const batch = new ColumnBatch(
    `INSERT INTO availability_snapshot (taken_at, region_id, category, places, available, held, occupied, out_of_service)
     SELECT ${ms('t.taken_at')}, t.region_id, t.category::place_category, t.places, t.available, t.held, t.occupied, t.out_of_service
       FROM unnest($1::float8[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
         AS t(taken_at, region_id, category, places, available, held, occupied, out_of_service)
     ON CONFLICT DO NOTHING`,
    8,
  );
  let written = 0;
  for (let g = 0; g < state.placesByGroup.length; g++) {
    const region = state.regions[Math.floor(g / CATEGORIES.length)];
    const category = CATEGORIES[g % CATEGORIES.length];
    const places = state.placesByGroup[g].length;
    const { available, held, occupied, out } = state.series[g];
    for (let k = 0; k < state.snapshotTimes.length; k++) {
      batch.push(state.snapshotTimes[k], region.id, category, places, available[k], held[k], occupied[k], out[k]);
    }
    if (batch.length >= 40_000) written += await batch.flush(state.manager);
  }
  written += await batch.flush(state.manager);
  state.log(`history: ${written} availability snapshots written`);
}
