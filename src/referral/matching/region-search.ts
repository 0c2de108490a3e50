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

export async function searchByRegion(
  request: MatchRequest,
  settings: MatchSettings,
  need: number,
  load: (regionIds: string[]) => Promise<LoadedCandidate[]>,
): Promise<RegionSearch> {
  const pending = [...settings.regions.values()]
    .map((region) => ({ id: region.id, best: bestScoreIn(region, request, settings) }))
    .sort((a, b) => b.best - a.best || (a.id < b.id ? -1 : 1));
  const candidates: LoadedCandidate[] = [];
  const searched: string[] = [];
  let shortlist: MatchResult = { options: [], excluded: new Map() };
  let batch = 0;
  while (pending.length > 0) {
    const found = shortlist.options.length;
    const threshold = found >= need ? shortlist.options[need - 1].score - SCORE_MARGIN : -Infinity;
    if (pending[0].best < threshold) break;
    // Once enough options are found, read only regions that can still beat them (each read may
    // raise the bar); before that, as many as the regions read so far suggest are needed. The
    // batch at most doubles: few round trips on a small network, few regions on a large one.
    const wanted = found >= need
      ? pending.findIndex((r) => r.best < threshold) === -1 ? pending.length : pending.findIndex((r) => r.best < threshold)
      : Math.ceil((Math.max(searched.length, 1) * (need - found)) / Math.max(found, 1));
    batch = Math.max(1, Math.min(wanted, batch * 2 || 1));
    const ids = pending.splice(0, batch).map((r) => r.id);
    candidates.push(...(await load(ids)));
    searched.push(...ids);
    shortlist = matchPlaces(request, candidates, settings, need);
  }
  return { candidates, shortlist, searched };
}
