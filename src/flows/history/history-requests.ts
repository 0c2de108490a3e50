// Requests: unmet demand, the NOT_ADMITTED requests, preferably on days the home region had no free place.
import { randomUUID } from 'node:crypto';
import { PlaceCategory, ReferrerType, Sex } from '../../common/enums.js';
import { ageBandOf } from '../../placement/household.js';
import { CAT, CATEGORIES, CloseReason, ESCALATE_MINUTES, group, HISTORY_ACTOR, HistoryState, instrumentOf, PlaceInfo, PLACES_AT_SCALE_1, RegionInfo, STAY_CHUNK, UNMET_PER_YEAR_AT_SCALE_1, UrgencyName } from './history-model.js';
import { PROFILES, UNMET_NEEDS, UNMET_REASONS } from './history-profiles.js';
import { household, riskFor } from './history-stays.js';
import { StayWriter } from './history-insert.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, seasonalDemand } from './history-calendar.js';
import { weightTable } from './history-random.js';

// -------------------------------------------------------------------------------------------
// Unmet demand

export async function writeUnmetDemand(state: HistoryState): Promise<number> {
  const r = state.random;
  const times = state.snapshotTimes;
  const total = Math.round((UNMET_PER_YEAR_AT_SCALE_1 * ((state.now - state.windowStart) / (365.2425 * DAY_MS)) * state.places.length) / PLACES_AT_SCALE_1);
  // Days weighted by seasonal demand (cubed: the peaks are when nothing is free); the last
  // nine days are left out so every request is closed before now.
  const usableDays = Math.max(0, times.length - 9);
  if (total === 0 || usableDays === 0) return 0;
  const cumulative = new Float64Array(usableDays);
  let sum = 0;
  for (let k = 0; k < usableDays; k++) cumulative[k] = sum += seasonalDemand(times[k]) ** 3;
  const drawDay = () => {
    const x = r.float() * sum;
    let a = 0;
    let b = usableDays - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (cumulative[mid] > x) b = mid;
      else a = mid + 1;
    }
    return a;
  };
  // Home regions in proportion to their regular (emergency + crisis) capacity.
  const regionWeights = state.regions.map(
    (region) => state.placesByGroup[group(region.idx, CAT.EMERGENCY)].length + state.placesByGroup[group(region.idx, CAT.CRISIS)].length,
  );
  const placesOfCategory = CATEGORIES.map((_, c) => state.places.filter((p) => p.cat === c));
  const needs = { keys: UNMET_NEEDS.keys.filter((c) => placesOfCategory[CAT[c]].length > 0), weights: [] as number[] };
  needs.weights = needs.keys.map((c) => UNMET_NEEDS.weights[UNMET_NEEDS.keys.indexOf(c)]);

  const urgencyOfCrisisNeed = weightTable<UrgencyName>({ IMMEDIATE: 45, WITHIN_24H: 40, PLANNED: 15 });
  const planned: Array<{ home: RegionInfo; need: PlaceCategory; reason: CloseReason; urgency: UrgencyName; sample: PlaceInfo; createdAt: number }> = [];
  for (let n = 0; n < total; n++) {
    const home = state.regions[r.weighted(regionWeights)];
    const need = r.weightedKey(needs);
    const reason = r.weightedKey(UNMET_REASONS);
    const urgency: UrgencyName = need === PlaceCategory.CRISIS ? r.weightedKey(urgencyOfCrisisNeed) : r.weightedKey(PROFILES[need].urgency);
    // The category the search looked in: an immediate regional request could take an emergency bed.
    const searched = need === PlaceCategory.CRISIS && urgency === 'IMMEDIATE' ? CAT.EMERGENCY : CAT[need];
    const local = state.placesByGroup[group(home.idx, searched)];
    const sample = local.length ? r.pick(local) : r.pick(placesOfCategory[placesOfCategory[searched].length ? searched : CAT[need]]);
    let day = drawDay();
    if (reason === 'NO_CAPACITY') {
      // Prefer a day on which the region (of the sample place) had no free place of that kind.
      const series = state.series[group(sample.regionIdx, sample.cat)].available;
      for (let attempt = 0; attempt < 12 && series[day] > 0; attempt++) day = drawDay();
    }
    const createdAt = Math.round(Math.max(state.windowStart, times[day] + r.between(-3, 20) * HOUR_MS));
    planned.push({ home, need, reason, urgency, sample, createdAt });
  }
  planned.sort((a, b) => a.createdAt - b.createdAt);

  const w = new StayWriter(state.manager, state.suspendForeignKeys);
  for (const { home, need, reason, urgency, sample, createdAt } of planned) {
    const profile = PROFILES[need];
    const shelter = sample.shelter;
    const members = household(state, shelter.sexes.filter((s) => s !== Sex.X).length ? shelter.sexes.filter((s) => s !== Sex.X) : shelter.sexes,
      shelter.minAge, shelter.maxAge, shelter.maxBoyAge, r.integer(1, Math.max(1, sample.beds)), profile.withChildrenShare);
    const children = members.filter((m) => m.age < 18).length;
    const highRisk = profile.far || r.chance(0.3);
    const risk = riskFor(state, need, highRisk);
    const referrer = r.weightedKey(profile.referrers);
    const referrerSub = `history:${referrer.toLowerCase()}:${home.code}`;
    const hours =
      reason === 'NO_CAPACITY' ? r.between(1, 48)
      : reason === 'CONTACT_LOST' ? r.between(12, 168)
      : reason === 'CLIENT_DECLINED' ? r.between(0.5, 24)
      : r.between(0.5, 72);
    const closedAt = Math.round(createdAt + hours * HOUR_MS);
    const escalateMinutes = ESCALATE_MINUTES[urgency];
    const escalateAt = escalateMinutes === null ? null : createdAt + escalateMinutes * MINUTE_MS;
    let escalatedAt: number | null = null;
    let escalationReason: string | null = null;
    if (reason === 'NO_CAPACITY' && r.chance(0.7)) {
      // insertRequest escalates at once when nothing matches.
      escalatedAt = createdAt + 1000;
      escalationReason = 'no place matches the request';
    } else if (escalateAt !== null && closedAt > escalateAt) {
      escalatedAt = escalateAt;
      escalationReason = `nobody claimed a place in time (${urgency})`;
    }
    const requestId = randomUUID();
    const perpetratorNetwork = risk.high && r.chance(need === PlaceCategory.HONOUR_RELATED ? 0.6 : 0.15);
    w.requests.push(
      requestId, 'NOT_ADMITTED', urgency, risk.level, need === PlaceCategory.HONOUR_RELATED, need === PlaceCategory.HUMAN_TRAFFICKING,
      perpetratorNetwork, risk.high && r.chance(0.05), instrumentOf(referrer), need === PlaceCategory.SAFE_HOUSE,
      r.chance(0.12) ? 'nl,en' : 'nl', home.id, '', members.length, members.length - children, children, referrerSub,
      referrer === ReferrerType.SHELTER ? 'INTAKE' : 'REFERRER', referrer, createdAt, escalateAt, escalatedAt, escalationReason,
      null, null, closedAt, reason, escalatedAt !== null ? 3 : 2,
    );
    for (const m of members) w.requestMembers.push(requestId, m.sex, m.age, ageBandOf(m.age), m.age < 18);
    const timeline: Array<[number, string, string, string]> = [
      [createdAt, 'CREATED', referrerSub, `{"urgency":"${urgency}","risk":"${risk.level}"}`],
    ];
    if (escalatedAt !== null) timeline.push([escalatedAt, 'ESCALATED', escalatedAt === createdAt + 1000 ? referrerSub : 'system:escalation', `{"reason":"${escalationReason}"}`]);
    if (reason !== 'NO_CAPACITY' && r.chance(0.6)) {
      timeline.push([Math.round(createdAt + (closedAt - createdAt) * r.between(0.05, 0.5)), 'OPTIONS_VIEWED', HISTORY_ACTOR, `{"options":${r.integer(1, 10)}}`]);
    }
    timeline.sort((a, b) => a[0] - b[0]);
    timeline.push([closedAt, 'CLOSED', r.chance(0.5) ? referrerSub : HISTORY_ACTOR, `{"reason":"${reason}","note":null}`]);
    for (const [at, kind, actor, detail] of timeline) w.events.push(requestId, at, kind, actor, detail);
    if (w.requests.length >= STAY_CHUNK) await w.flush();
  }
  await w.flush();
  state.log(`history: ${total} unmet requests (NOT_ADMITTED) written`);
  return total;
}
