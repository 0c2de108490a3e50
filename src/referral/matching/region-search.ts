/**
 * Region by region, most promising first: the matching reads the free places of the regions whose
 * best possible score (bestScoreIn) can still beat the options found so far, and stops there. For
 * most requests the home region (or, at high risk, the furthest regions) settles the ranking, so the
 * cost follows the options asked for, not the size of the network. The ranking is the one
 * matchPlaces gives over the whole network; exclusions are counted over the regions read.
 */
import type { LoadedCandidate } from './candidates.js';
import { bestScoreIn, matchPlaces, MatchRequest, MatchResult, MatchSettings } from './matching.rules.js';

export interface RegionSearch {
  candidates: LoadedCandidate[];
  /** The first `need` options, ranked without occupancy, and the exclusions in the regions read. */
  shortlist: MatchResult;
  /** Region ids read, in the order they were read. */
  searched: string[];
}

/** Scores are rounded to cents: an unread region must stay this far below to be left out safely. */
const SCORE_MARGIN = 0.01;

/**
 * The first read. A network whose shelters of the searched categories are few (up to four per
 * option needed) is read whole, in one query: a search would read most of it anyway. Otherwise the
 * most promising regions that together hold twice as many such shelters as options are needed (not
 * every shelter has a fitting free place): on a large network often the home region alone.
 */
function firstRead(pending: { shelters?: number; best: number }[], need: number): number {
  if (pending.some((r) => r.shelters === undefined)) return 1;
  if (pending.reduce((sum, r) => sum + r.shelters!, 0) <= 4 * need) return pending.length;
  let shelters = 0;
  for (let i = 0; i < pending.length; i++) {
    if (pending[i].best === -Infinity) return Math.max(i, 1);
    shelters += pending[i].shelters!;
    if (shelters >= 2 * need) return i + 1;
  }
  return pending.length;
}

export async function searchByRegion(
  request: MatchRequest,
  settings: MatchSettings,
  need: number,
  /** The free places of the allowed categories in these regions (`null`: all regions). */
  load: (regionIds: string[] | null) => Promise<LoadedCandidate[]>,
): Promise<RegionSearch> {
  const pending = [...settings.regions.values()]
    .map((region) => ({ id: region.id, shelters: region.shelters, best: bestScoreIn(region, request, settings) }))
    .sort((a, b) => b.best - a.best || (a.id < b.id ? -1 : 1));
  const candidates: LoadedCandidate[] = [];
  // Each read is its own statement: a shelter moved to another region between two reads could come
  // twice, and two copies of one place must never be paired into one option.
  const seen = new Set<string>();
  const searched: string[] = [];
  let shortlist: MatchResult = { options: [], excluded: new Map() };
  let batch = 0;
  while (pending.length > 0 && need > 0) {
    const found = shortlist.options.length;
    const threshold = found >= need ? shortlist.options[need - 1].score - SCORE_MARGIN : -Infinity;
    if (pending[0].best < threshold) break;
    // Once enough options are found, read only regions that can still beat them (each read may
    // raise the bar); before that, as many as the regions read so far suggest are needed. The
    // batch at most doubles: few round trips on a small network, few regions on a large one.
    let wanted: number;
    if (found >= need) {
      const below = pending.findIndex((r) => r.best < threshold);
      wanted = below === -1 ? pending.length : below;
    } else if (searched.length === 0) {
      wanted = firstRead(pending, need);
    } else {
      wanted = Math.ceil((searched.length * (need - found)) / Math.max(found, 1));
    }
    batch = Math.max(1, Math.min(wanted, batch * 2 || wanted));
    const whole = searched.length === 0 && batch >= pending.length;
    const ids = pending.splice(0, batch).map((r) => r.id);
    for (const place of await load(whole ? null : ids)) {
      if (seen.has(place.id)) continue;
      seen.add(place.id);
      candidates.push(place);
    }
    searched.push(...ids);
    shortlist = matchPlaces(request, candidates, settings, need);
  }
  return { candidates, shortlist, searched };
}
