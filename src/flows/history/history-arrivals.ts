// Arrivals: each place's timeline of occupied intervals (legs), planned backwards from its current state.
import { CAT, CATEGORIES, HistoryState, PlaceInfo } from './history-model.js';
import { PROFILES } from './history-profiles.js';
import { DAY_MS, MINUTE_MS, seasonalDemand } from './history-calendar.js';
import { clamp } from './history-random.js';

// -------------------------------------------------------------------------------------------
// 1. Timelines

/** Legs of one place, planned backwards from its boundary and stored in time order. */
export function planPlace(state: HistoryState, place: PlaceInfo): void {
  const profile = PROFILES[CATEGORIES[place.cat]];
  const planned: number[][] = [];
  let end = place.exactEnd ? place.boundary : place.boundary - waitMs(state, place, place.boundary);
  while (end > state.windowStart) {
    const losMs = profile.los(state.random) * DAY_MS;
    const start = Math.round(end - losMs);
    const lead = Math.round(profile.leadMinutes(state.random) * MINUTE_MS);
    let readyBefore = 0;
    if (profile.readinessShare > 0 && state.random.chance(profile.readinessShare)) {
      const losDays = losMs / DAY_MS;
      if (losDays > 6) readyBefore = Math.round(clamp(state.random.logNormal(profile.readinessMedianDays, 0.7), 1, losDays - 3) * DAY_MS);
    }
    planned.push([start, Math.round(end), lead, readyBefore]);
    end = start - lead - waitMs(state, place, start);
  }
  place.firstLeg = state.legs.length;
  place.legCount = planned.length;
  for (let i = planned.length - 1; i >= 0; i--) {
    const [start, legEnd, lead, readyBefore] = planned[i];
    state.legs.add(place.idx, start, legEnd, lead, readyBefore);
  }
}

/**
 * How long a place stands free before the next claim: shorter in the busy holiday seasons,
 * longer in quiet months; national reserve beds (kept for acute requests from other regions)
 * stand free longer; now and then a place stays empty for days.
 */
export function waitMs(state: HistoryState, place: PlaceInfo, at: number): number {
  const profile = PROFILES[CATEGORIES[place.cat]];
  const quiet = 1 / seasonalDemand(at);
  const mean = place.reserve ? profile.waitDays * 4 + 1.5 : profile.waitDays;
  let wait = state.random.exponential(mean * quiet ** 5) * DAY_MS + 10 * MINUTE_MS;
  if (state.random.chance(profile.idleShare * quiet ** 4)) {
    wait += (place.cat === CAT.EMERGENCY ? state.random.between(1, 7) : state.random.between(2, 14)) * DAY_MS;
  }
  return Math.round(wait);
}
