// Stays: claims, stays, members, transfers, readiness and the requests behind them, and blocked outflow now.
import { randomUUID } from 'node:crypto';
import { PlaceCategory, ReferrerType, Sex } from '../../common/enums.js';
import { ADULT_AGE_BANDS, ageBandOf } from '../../placement/household.js';
import { Blocker, CATEGORIES, EMERGENCY_REFERRERS, ESCALATE_MINUTES, HISTORY_ACTOR, HistoryState, HOLD_MINUTES, instrumentOf, Member, RiskName, ShelterInfo, STAY_CHUNK, UrgencyName } from './history-model.js';
import { ADULT_AGE_WEIGHTS, DESTINATIONS_AFTER_BLOCKED_OUTFLOW, PROFILES, TRANSFER_REASONS } from './history-profiles.js';
import { nearbyRegion } from './history-moves.js';
import { ColumnBatch, ms, StayWriter } from './history-insert.js';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './history-calendar.js';

// -------------------------------------------------------------------------------------------
// 3. Stays, claims, transfers, readiness, requests

export async function writeStays(state: HistoryState): Promise<{ stays: number; transfers: number; requests: number }> {
  let w = new StayWriter(state.manager, state.suspendForeignKeys);
  // One chunk is written while the next is generated: the database and JS work in parallel.
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown = null;
  const legs = state.legs;
  let stays = 0;
  let transfers = 0;
  let requests = 0;
  // In order of admission: the time-keyed indexes of stay, claim and placement_request then fill
  // at their right edge instead of at random pages (several times faster at a million rows).
  const heads: number[] = [];
  for (let l = 0; l < legs.length; l++) if (legs.prev[l] === -1) heads.push(l);
  heads.sort((a, b) => legs.start[a] - legs.start[b] || a - b);
  const total = heads.length;
  const chain: number[] = [];
  for (const head of heads) {
    chain.length = 0;
    for (let l = head; l !== -1; l = legs.next[l]) chain.push(l);
    const result = writeStay(state, chain, w);
    stays++;
    transfers += chain.length - 1;
    if (result.request) requests++;
    if (w.stays.length >= STAY_CHUNK) {
      await writing;
      if (failure) throw failure;
      const full = w;
      const upTo = stays;
      w = new StayWriter(state.manager, state.suspendForeignKeys);
      writing = full.flush().then(
        () => state.log(`history: ${upTo}/${total} stays written`),
        (err: unknown) => void (failure = err),
      );
    }
    // Let the driver send the queued statements and read their results.
    if (stays % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await writing;
  if (failure) throw failure;
  await w.flush();
  state.log(`history: ${stays} stays, ${transfers} transfers, ${requests} admitted requests written`);
  return { stays, transfers, requests };
}

export function writeStay(state: HistoryState, chain: number[], w: StayWriter): { request: boolean } {
  const legs = state.legs;
  const r = state.random;
  const first = chain[0];
  const last = chain[chain.length - 1];
  const firstPlace = state.places[legs.place[first]];
  const lastPlace = state.places[legs.place[last]];
  const firstCategory = CATEGORIES[firstPlace.cat];
  const lastCategory = CATEGORIES[lastPlace.cat];
  const profile = PROFILES[firstCategory];
  const admittedAt = legs.start[first];
  const dischargedAt = legs.end[last];

  // The household fits every place of the stay and every location's admission rules.
  let sexes = firstPlace.shelter.sexes;
  let minAge = firstPlace.shelter.minAge;
  let maxAge = firstPlace.shelter.maxAge;
  let maxBoyAge = firstPlace.shelter.maxBoyAge;
  let beds = firstPlace.beds;
  for (let i = 1; i < chain.length; i++) {
    const s = state.places[legs.place[chain[i]]].shelter;
    const common = sexes.filter((x) => s.sexes.includes(x));
    if (common.length) sexes = common;
    minAge = Math.max(minAge, s.minAge);
    if (s.maxAge !== null) maxAge = maxAge === null ? s.maxAge : Math.min(maxAge, s.maxAge);
    if (s.maxBoyAge !== null) maxBoyAge = maxBoyAge === null ? s.maxBoyAge : Math.min(maxBoyAge, s.maxBoyAge);
    beds = Math.min(beds, state.places[legs.place[chain[i]]].beds);
  }
  const members = household(state, sexes, minAge, maxAge, maxBoyAge, beds, profile.withChildrenShare);
  const children = members.filter((m) => m.age < 18).length;

  // Where the household comes from, and the risk that goes with it (matching's hard rules).
  const region = state.regions[firstPlace.regionIdx];
  let origin = region.idx;
  let highRisk = false;
  if (firstPlace.reserve || profile.far || !r.chance(profile.ownRegionShare)) {
    highRisk = profile.far || r.chance(0.5);
    if (highRisk && firstPlace.shelter.farRegions.length > 0) origin = r.pick(firstPlace.shelter.farRegions);
    else {
      highRisk = false;
      origin = nearbyRegion(state, region);
    }
  }
  const referrer = r.weightedKey(profile.referrers);

  // The placement request that led to the claim (matching never offers FOLLOW_ON, and a client
  // registered as X is matched to MEN places only by hand: those were claimed without a request).
  const requestable = profile.requestShare > 0 && !(firstCategory === PlaceCategory.MEN && members[0].sex !== Sex.MALE);
  const requestId = requestable && r.chance(profile.requestShare) ? randomUUID() : null;

  // Claim: created `lead` before admission, held until admission.
  const lead = legs.lead[first];
  const claimedAt = admittedAt - lead;
  const holdMinutes = HOLD_MINUTES.find((h) => h * MINUTE_MS >= lead + 5 * MINUTE_MS) ?? 1440;
  const claimId = randomUUID();
  const stayId = randomUUID();
  w.claims.push(
    claimId, firstPlace.shelter.id, members.length, firstPlace.beds, claimedAt + holdMinutes * MINUTE_MS, claimedAt, admittedAt, requestId,
  );
  w.claimPlaces.push(claimId, firstPlace.id);

  // Readiness (blocked outflow) on the last place.
  let readyAt: number | null = null;
  let blockers = '';
  if (legs.readyBefore[last] > 0 && (lastCategory === PlaceCategory.CRISIS || lastCategory === PlaceCategory.FOLLOW_ON)) {
    readyAt = Math.max(dischargedAt - legs.readyBefore[last], legs.start[last] + HOUR_MS);
    if (readyAt >= dischargedAt - HOUR_MS) readyAt = null;
  }
  if (readyAt !== null) {
    const lastRegion = state.regions[lastPlace.regionIdx].id;
    const firstBlockers = drawBlockers(state);
    if (r.chance(0.1)) {
      // The blockers changed on the way (a new row; days waiting still count from the first mark).
      const changedAt = Math.round(readyAt + (dischargedAt - readyAt) * r.between(0.3, 0.7));
      blockers = drawBlockers(state);
      w.readiness.push(stayId, lastRegion, firstBlockers, readyAt, changedAt, 'blockers changed');
      w.readiness.push(stayId, lastRegion, blockers, changedAt, dischargedAt, 'discharged');
    } else {
      blockers = firstBlockers;
      w.readiness.push(stayId, lastRegion, blockers, readyAt, dischargedAt, 'discharged');
    }
  }
  const destination = r.weightedKey(readyAt !== null ? DESTINATIONS_AFTER_BLOCKED_OUTFLOW : PROFILES[lastCategory].destinations);

  w.stays.push(
    stayId, claimId, lastPlace.shelter.id, state.regions[lastPlace.regionIdx].id, lastCategory, state.regions[origin].id,
    referrer, members.length, members.length - children, children, admittedAt, readyAt, blockers, dischargedAt, destination,
    region.id, firstPlace.shelter.id, firstCategory,
  );
  for (const m of members) w.stayMembers.push(stayId, m.sex, m.age, ageBandOf(m.age), m.age < 18);
  for (let i = 0; i < chain.length; i++) {
    const leg = chain[i];
    w.stayPlaces.push(stayId, state.places[legs.place[leg]].id, legs.start[leg], legs.end[leg]);
    if (i === 0) continue;
    const from = state.places[legs.place[chain[i - 1]]];
    const to = state.places[legs.place[leg]];
    const movedAt = legs.start[leg];
    const reasons = TRANSFER_REASONS[`${CATEGORIES[from.cat]}>${CATEGORIES[to.cat]}`];
    w.transfers.push(
      randomUUID(), stayId, movedAt, from.shelter.id, to.shelter.id, state.regions[from.regionIdx].id, state.regions[to.regionIdx].id,
      CATEGORIES[from.cat], CATEGORIES[to.cat], ((movedAt - legs.start[chain[i - 1]]) / DAY_MS).toFixed(2),
      from.regionIdx === to.regionIdx ? reasons.own : reasons.other,
    );
  }

  if (requestId === null) return { request: false };
  const urgency: UrgencyName = firstPlace.reserve ? 'IMMEDIATE' : r.weightedKey(profile.urgency);
  const risk = riskFor(state, firstCategory, highRisk);
  const direct = firstCategory === PlaceCategory.EMERGENCY && EMERGENCY_REFERRERS.has(referrer) && holdMinutes === 120 && r.chance(0.5);
  let createdAt: number;
  let optionsAt: number | null = null;
  if (direct) {
    // requestEmergencyPlacement: request, ranking and claim in one transaction.
    createdAt = claimedAt - Math.round(r.between(5, 90) * 1000);
  } else {
    const lagMinutes =
      urgency === 'IMMEDIATE' ? (r.chance(0.85) ? r.between(2, 14) : r.between(16, 120))
      : urgency === 'WITHIN_24H' ? (r.chance(0.85) ? r.between(10, 230) : r.between(245, 1200))
      : r.between(60, 4320);
    createdAt = Math.round(claimedAt - lagMinutes * MINUTE_MS);
    optionsAt = Math.round(createdAt + (claimedAt - createdAt) * r.between(0.1, 0.8));
  }
  const escalateMinutes = ESCALATE_MINUTES[urgency];
  const escalateAt = escalateMinutes === null ? null : createdAt + escalateMinutes * MINUTE_MS;
  const escalated = escalateAt !== null && claimedAt > escalateAt;
  const homeRegion = state.regions[origin];
  const referrerSub = `history:${referrer.toLowerCase()}:${homeRegion.code}`;
  const perpetratorNetwork = risk.high && (firstCategory === PlaceCategory.HONOUR_RELATED ? r.chance(0.6) : r.chance(0.15));
  const avoid = perpetratorNetwork ? avoidRegion(state, firstPlace.shelter, origin) : '';
  w.requests.push(
    requestId, 'ADMITTED', urgency, risk.level, firstCategory === PlaceCategory.HONOUR_RELATED,
    firstCategory === PlaceCategory.HUMAN_TRAFFICKING, perpetratorNetwork, risk.high && r.chance(0.05),
    instrumentOf(referrer), firstCategory === PlaceCategory.SAFE_HOUSE, r.chance(0.12) ? 'nl,en' : 'nl', homeRegion.id, avoid,
    members.length, members.length - children, children, referrerSub, referrer === ReferrerType.SHELTER ? 'INTAKE' : 'REFERRER',
    referrer, createdAt, escalateAt, escalated ? escalateAt : null, escalated ? `nobody claimed a place in time (${urgency})` : null,
    claimId, firstPlace.shelter.id, admittedAt, null, escalated ? 4 : 3,
  );
  for (const m of members) w.requestMembers.push(requestId, m.sex, m.age, ageBandOf(m.age), m.age < 18);
  w.events.push(requestId, createdAt, 'CREATED', referrerSub, `{"urgency":"${urgency}","risk":"${risk.level}"}`);
  const timeline: Array<[number, string, string, string]> = [];
  if (optionsAt !== null) timeline.push([optionsAt, 'OPTIONS_VIEWED', HISTORY_ACTOR, `{"options":${r.integer(1, 10)}}`]);
  if (escalated) timeline.push([escalateAt!, 'ESCALATED', 'system:escalation', `{"reason":"nobody claimed a place in time (${urgency})"}`]);
  timeline.sort((a, b) => a[0] - b[0]);
  for (const [at, kind, actor, detail] of timeline) w.events.push(requestId, at, kind, actor, detail);
  w.events.push(requestId, claimedAt, 'CLAIMED', direct ? referrerSub : HISTORY_ACTOR, `{"claimId":"${claimId}"}`);
  w.events.push(requestId, admittedAt, 'ADMITTED', HISTORY_ACTOR, `{"claimId":"${claimId}","stayId":"${stayId}"}`);
  if (!w.linksClaimsOnInsert) w.claimRequests.push(claimId, requestId);
  return { request: true };
}

/** Risk level consistent with where the client was placed: high risk means far from home. */
export function riskFor(state: HistoryState, category: PlaceCategory, highRisk: boolean): { level: RiskName; high: boolean } {
  const r = state.random;
  if (category === PlaceCategory.SAFE_HOUSE) return { level: 'SEVERE', high: true };
  if (highRisk) return { level: r.chance(0.3) ? 'SEVERE' : 'HIGH', high: true };
  return { level: r.chance(0.3) ? 'LOW' : 'MEDIUM', high: false };
}

/** A region where the perpetrator's network lives: away from the place and not the home region. */
export function avoidRegion(state: HistoryState, shelter: ShelterInfo, home: number): string {
  const candidates = shelter.farRegions.filter((i) => i !== home);
  return candidates.length ? state.regions[state.random.pick(candidates)].id : '';
}

export function drawBlockers(state: HistoryState): string {
  const r = state.random;
  const list: Blocker[] = [];
  if (r.chance(0.72)) list.push('HOUSING');
  if (r.chance(0.25)) list.push('DEBTS');
  if (r.chance(0.15)) list.push('BENEFITS');
  if (r.chance(0.07)) list.push('RESIDENCE_STATUS');
  if (r.chance(0.06)) list.push('OTHER');
  if (list.length === 0) list.push(r.chance(0.5) ? 'HOUSING' : r.pick<Blocker>(['DEBTS', 'BENEFITS', 'OTHER']));
  return list.join(',');
}

/** A client the location admits, plus children when the unit has room (as demo-network.ts). */
export function household(state: HistoryState, sexes: Sex[], minAge: number, maxAge: number | null, maxBoyAge: number | null, beds: number, withChildrenShare: number): Member[] {
  const r = state.random;
  const clientSex = sexes.includes(Sex.X) && r.chance(0.1) ? Sex.X : sexes[0];
  const clientAge =
    maxAge !== null
      ? r.integer(minAge, maxAge)
      : (() => {
          const band = ADULT_AGE_BANDS[r.weighted(ADULT_AGE_WEIGHTS)];
          return r.integer(Math.max(minAge, band.from), Math.max(minAge, band.to));
        })();
  const members: Member[] = [{ sex: clientSex, age: clientAge }];
  if (beds > 1 && clientAge >= 18 && r.chance(withChildrenShare)) {
    const size = r.chance(0.65) ? beds : beds - 1;
    const onlyBoys = !sexes.includes(Sex.FEMALE);
    const oldestChildAge = Math.min(17, clientAge - 16);
    for (let i = 1; i < size; i++) {
      const sex = onlyBoys || r.chance(0.5) ? Sex.MALE : Sex.FEMALE;
      const ageLimit = sex === Sex.MALE && maxBoyAge !== null ? Math.min(oldestChildAge, maxBoyAge) : oldestChildAge;
      members.push({ sex, age: r.integer(0, Math.max(0, ageLimit)) });
    }
  }
  return members;
}

// -------------------------------------------------------------------------------------------
// 5. Blocked outflow now

export async function markCurrentStaysReady(state: HistoryState): Promise<number> {
  const active: Array<{ id: string; region_id: string; admitted_at: Date }> = await state.manager.query(
    `SELECT id, region_id, admitted_at FROM stay
      WHERE status = 'ACTIVE' AND category IN ('CRISIS', 'FOLLOW_ON') AND ready_for_outflow_at IS NULL
        AND admitted_at < $1
      ORDER BY admitted_at, id`,
    [new Date(state.now - 28 * DAY_MS)],
  );
  const readiness = new ColumnBatch(
    `INSERT INTO outflow_readiness (stay_id, region_id, blockers, marked_at)
     SELECT t.stay_id, t.region_id, string_to_array(t.blockers, ',')::outflow_blocker[], ${ms('t.marked_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[]) AS t(stay_id, region_id, blockers, marked_at)`,
    4,
  );
  const stays = new ColumnBatch(
    `UPDATE stay s SET ready_for_outflow_at = ${ms('t.marked_at')}, outflow_blockers = string_to_array(t.blockers, ',')::outflow_blocker[]
       FROM unnest($1::uuid[], $2::text[], $3::float8[]) AS t(id, blockers, marked_at)
      WHERE s.id = t.id`,
    3,
  );
  for (const stay of active) {
    if (!state.random.chance(0.3)) continue;
    const daysIn = (state.now - stay.admitted_at.getTime()) / DAY_MS;
    const markedAt = Math.round(state.now - state.random.between(1, Math.max(1.5, Math.min(45, daysIn - 21))) * DAY_MS);
    const blockers = drawBlockers(state);
    readiness.push(stay.id, stay.region_id, blockers, markedAt);
    stays.push(stay.id, blockers, markedAt);
  }
  await readiness.flush(state.manager);
  return stays.flush(state.manager);
}
