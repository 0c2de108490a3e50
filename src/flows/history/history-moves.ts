// Moves: links legs into transfers (emergency -> crisis -> follow-on), sometimes across regions.
import { PlaceCategory } from '../../common/enums.js';
import { CAT, group, HistoryState, MIN_FREE_MS, RegionInfo } from './history-model.js';
import { DAY_MS } from './history-calendar.js';

// -------------------------------------------------------------------------------------------
// 2. Throughflow

/**
 * Links target legs to a source leg ending in the free gap just before them: the household moves
 * from the source place to the target place at the source leg's end (contiguous intervals).
 */
export function linkThroughflow(state: HistoryState, from: PlaceCategory, to: PlaceCategory, share: number, otherRegionShare: number): number {
  const legs = state.legs;
  const fromCat = CAT[from];
  const toCat = CAT[to];
  // Source legs per region, sorted by end.
  const sources: Array<{ legs: Int32Array; ends: Float64Array }> = state.regions.map((region) => {
    const list: number[] = [];
    for (const place of state.placesByGroup[group(region.idx, fromCat)]) {
      for (let l = place.firstLeg; l < place.firstLeg + place.legCount; l++) list.push(l);
    }
    list.sort((a, b) => legs.end[a] - legs.end[b]);
    return { legs: Int32Array.from(list), ends: Float64Array.from(list.map((l) => legs.end[l])) };
  });

  let linked = 0;
  for (const place of state.places) {
    if (place.cat !== toCat) continue;
    for (let l = place.firstLeg; l < place.firstLeg + place.legCount; l++) {
      if (!state.random.chance(share)) continue;
      const previousEnd = l > place.firstLeg ? legs.end[l - 1] : -Infinity;
      const lo = previousEnd + MIN_FREE_MS;
      const hi = Math.min(legs.start[l] + DAY_MS, legs.end[l] - 2 * DAY_MS);
      if (hi < lo) continue;
      let regionIdx = place.regionIdx;
      if (state.random.chance(otherRegionShare)) regionIdx = nearbyRegion(state, state.regions[place.regionIdx]);
      const source = findSource(state, sources[regionIdx], lo, hi, place.beds);
      if (source < 0) continue;
      legs.next[source] = l;
      legs.prev[l] = source;
      legs.start[l] = legs.end[source];
      legs.lead[l] = 0;
      // Moving on is not outflow: a readiness mark stays with the last place only.
      legs.readyBefore[source] = 0;
      const losDays = (legs.end[l] - legs.start[l]) / DAY_MS;
      if (legs.readyBefore[l] > 0 && legs.readyBefore[l] > (losDays - 1) * DAY_MS) legs.readyBefore[l] = 0;
      linked++;
    }
  }
  return linked;
}

/** The latest unused source leg ending in [lo, hi], preferring one whose household fits the target's beds. */
export function findSource(state: HistoryState, source: { legs: Int32Array; ends: Float64Array }, lo: number, hi: number, targetBeds: number): number {
  const { ends } = source;
  let a = 0;
  let b = ends.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (ends[mid] <= hi) a = mid + 1;
    else b = mid;
  }
  let fallback = -1;
  for (let i = a - 1, steps = 0; i >= 0 && ends[i] >= lo && steps < 60; i--, steps++) {
    const leg = source.legs[i];
    if (state.legs.next[leg] !== -1) continue;
    if (state.places[state.legs.place[leg]].beds <= targetBeds) return leg;
    if (fallback < 0) fallback = leg;
  }
  return fallback;
}

export function nearbyRegion(state: HistoryState, region: RegionInfo): number {
  if (region.nearbyIdx.length === 0) return region.idx;
  const r = state.random.float() * region.nearbyCum[region.nearbyCum.length - 1];
  let a = 0;
  let b = region.nearbyCum.length - 1;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (region.nearbyCum[mid] > r) b = mid;
    else a = mid + 1;
  }
  return region.nearbyIdx[a];
}
