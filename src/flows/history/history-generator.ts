import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { PlaceCategory, ReferrerType, Sex } from '../../common/enums.js';
import { ADULT_AGE_BANDS, ageBandOf } from '../../placement/household.js';
import { DAY_MS, dailySnapshotTimes, HOUR_MS, MINUTE_MS, seasonalDemand } from './history-calendar.js';
import { ColumnBatch, dropForeignKeys, ms, restoreForeignKeys } from './history-insert.js';
import { clamp, mulberry32, Random, WeightTable, weightTable } from './history-random.js';

/*
 * N years of history behind the demo network's current state, following the live system's rules
 * (placement.service.ts, referral.service.ts), written in bulk in ONE transaction.
 *
 * How it works:
 *  1. Every place gets a timeline of occupied intervals ("legs"), planned backwards from the moment
 *     its current state began (the current stay's claim, or the moment it became free / out of
 *     service), so no leg overlaps another and all end before that moment. Between two legs the
 *     place is free for a while (seasonal: shorter around Christmas and the summer holidays, a few
 *     long idle spells) and then HELD by the next claim (claim.created_at .. admission).
 *  2. Throughflow: part of the CRISIS legs is linked to an EMERGENCY leg that ends inside the free
 *     gap just before it (the crisis leg then starts exactly when the emergency leg ends), and part
 *     of the FOLLOW_ON legs to a CRISIS leg in the same way, sometimes across regions. A linked leg
 *     has no claim of its own: it is a transfer. Chains of legs are stays.
 *  3. Per stay: claim (ADMITTED), claim_place, stay (DISCHARGED), stay_member, stay_place per leg,
 *     transfer per link, outflow_readiness for some CRISIS/FOLLOW_ON stays, and for ~70% a
 *     placement_request (ADMITTED) with its members and timeline, consistent with the matching
 *     rules (category, distance from home at high risk, national reserve only for acute requests
 *     from another region).
 *  4. Daily availability snapshots (03:00 Europe/Amsterdam) from a sweep over all intervals and
 *     holds, the demo's current stays included; unmet demand (NOT_ADMITTED requests), NO_CAPACITY
 *     preferably on days the home region had no free place.
 *  5. A few current ACTIVE CRISIS/FOLLOW_ON stays are marked ready for outflow (open readiness),
 *     so blocked outflow "now" is not zero.
 *
 * Stays admitted before the window are kept when they are still running at its start, so
 * occupancy on the first day is realistic (their admission lies before the window).
 *
 * Determinism: the same seed and `now` give the same history (ids aside: crypto.randomUUID).
 * Seasonality and the snapshot hours follow the calendar, so another `now` shifts the details.
 *
 * Speed (--years 5 --scale 10: ~1.08 million stays, ~13 million rows, ~4.5 minutes on 2 cores):
 * rows go in chunks through INSERT ... SELECT FROM unnest(...), in order of admission so the
 * time-keyed indexes fill at their right edge; the next chunk is generated while the database
 * writes the previous one; and by default the foreign keys of the tables written are dropped for
 * the load and re-added before commit (PostgreSQL then checks every row at once, see
 * HistoryOptions.suspendForeignKeys). Everything is one transaction: a failure leaves nothing.
 */

export interface HistoryOptions {
  years: number;
  seed?: number;
  now?: Date;
  log?: (msg: string) => void;
  /**
   * Default true: the foreign keys of the tables written are dropped for the load and re-added
   * (checking every row) before the transaction commits, about a third faster. Their ACCESS
   * EXCLUSIVE locks block every reader of those tables until then: pass false for a database in use.
   */
  suspendForeignKeys?: boolean;
}

export interface HistoryResult {
  stays: number;
  transfers: number;
  requests: number;
  snapshots: number;
  ms: number;
}

/** Marks every row written here (claimed_by, admitted_by, transferred_by, event actors). */
export const HISTORY_ACTOR = 'history';

/** Every table the generator writes to. */
const HISTORY_TABLES = [
  'claim', 'claim_place', 'stay', 'stay_member', 'stay_place', 'transfer', 'outflow_readiness',
  'placement_request', 'request_member', 'request_event', 'availability_snapshot',
];

/** DOMAIN.md: ~2,700 requests a year end without admission, for a network of this demo's size at scale 1. */
const UNMET_PER_YEAR_AT_SCALE_1 = 2700;
const PLACES_AT_SCALE_1 = 1380;

const STAY_CHUNK = 20_000;
const CATEGORIES = Object.values(PlaceCategory) as PlaceCategory[];
const CAT = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<PlaceCategory, number>;
const HOLD_MINUTES = [120, 240, 720, 1440];
const MIN_FREE_MS = 15 * MINUTE_MS;
const ESCALATE_MINUTES: Record<UrgencyName, number | null> = { IMMEDIATE: 15, WITHIN_24H: 240, PLANNED: null };
const EMERGENCY_REFERRERS = new Set<ReferrerType>([ReferrerType.POLICE, ReferrerType.VEILIG_THUIS, ReferrerType.PUBLIC_PROSECUTOR, ReferrerType.GGD]);
/** MATCH_MIN_DISTANCE_KM's default: at high risk the place lies at least this far from home. */
const MIN_DISTANCE_KM = 50;

type UrgencyName = 'IMMEDIATE' | 'WITHIN_24H' | 'PLANNED';
type RiskName = 'LOW' | 'MEDIUM' | 'HIGH' | 'SEVERE';
type Destination =
  | 'INDEPENDENT_HOUSING' | 'RETURN_HOME_SAFE' | 'FAMILY_OR_NETWORK' | 'OTHER_SHELTER'
  | 'SOCIAL_SHELTER' | 'CARE_INSTITUTION' | 'UNKNOWN' | 'OTHER';
type Blocker = 'HOUSING' | 'DEBTS' | 'BENEFITS' | 'RESIDENCE_STATUS' | 'OTHER';
type CloseReason =
  | 'NO_CAPACITY' | 'CLIENT_DECLINED' | 'TOO_CLOSE_TO_PERPETRATOR' | 'TOO_FAR' | 'NEEDS_NOT_MET'
  | 'AMBULATORY_HELP_INSTEAD' | 'REFERRED_ELSEWHERE_FOR_SAFETY' | 'CONTACT_LOST' | 'ONLY_NEEDS_A_ROOF' | 'OTHER';

// ---------------------------------------------------------------------------------------------
// Category profiles: lengths of stay near the norms (DOMAIN.md), turnover, who refers

interface CategoryProfile {
  /** Length of one leg in days. */
  los: (r: Random) => number;
  /** Claim to admission, minutes (the place is HELD meanwhile). */
  leadMinutes: (r: Random) => number;
  /** Mean time a place stands free before the next claim, days (seasonal, see waitMs). */
  waitDays: number;
  /** Chance of an idle spell between two stays (emergency beds 1-7 days, other places 2-14). */
  idleShare: number;
  ownRegionShare: number;
  /** Always placed far from home (honour-related threat, safe house). */
  far: boolean;
  withChildrenShare: number;
  referrers: WeightTable<ReferrerType>;
  urgency: WeightTable<UrgencyName>;
  destinations: WeightTable<Destination>;
  /** Share of stays that come with a placement request (matching never offers FOLLOW_ON). */
  requestShare: number;
  readinessShare: number;
  readinessMedianDays: number;
}

const mixedLead = (r: Random) => (r.chance(0.75) ? r.between(20, 230) : r.between(60, 1380));

const PROFILES: Record<PlaceCategory, CategoryProfile> = {
  [PlaceCategory.EMERGENCY]: {
    los: (r) => clamp(r.logNormal(2.9, 0.4), 0.5, 10),
    leadMinutes: (r) => r.between(20, 110),
    waitDays: 0.25,
    idleShare: 0.02,
    ownRegionShare: 0.75,
    far: false,
    withChildrenShare: 0.7,
    referrers: weightTable<ReferrerType>({ POLICE: 4, VEILIG_THUIS: 3, GGD: 1, PUBLIC_PROSECUTOR: 1, SHELTER: 1 }),
    urgency: weightTable<UrgencyName>({ IMMEDIATE: 1 }),
    destinations: weightTable<Destination>({
      INDEPENDENT_HOUSING: 24, FAMILY_OR_NETWORK: 17, RETURN_HOME_SAFE: 12, OTHER_SHELTER: 18,
      SOCIAL_SHELTER: 4, CARE_INSTITUTION: 4, UNKNOWN: 16, OTHER: 5,
    }),
    requestShare: 0.72,
    readinessShare: 0,
    readinessMedianDays: 0,
  },
  [PlaceCategory.CRISIS]: {
    // 6-9 weeks for most; a few leave within days or weeks; ~10% stay beyond 9 weeks.
    los: (r) => (r.chance(0.08) ? r.between(3, 30) : clamp(r.logNormal(49, 0.18), 30, 150)),
    leadMinutes: (r) => (r.chance(0.8) ? r.between(20, 230) : r.between(60, 1380)),
    waitDays: 3.5,
    idleShare: 0.02,
    ownRegionShare: 0.7,
    far: false,
    withChildrenShare: 0.75,
    referrers: weightTable<ReferrerType>({ VEILIG_THUIS: 5, POLICE: 2, SHELTER: 2, GGD: 1, PUBLIC_PROSECUTOR: 0.5 }),
    urgency: weightTable<UrgencyName>({ IMMEDIATE: 25, WITHIN_24H: 55, PLANNED: 20 }),
    destinations: weightTable<Destination>({
      INDEPENDENT_HOUSING: 40, FAMILY_OR_NETWORK: 12, RETURN_HOME_SAFE: 7, OTHER_SHELTER: 8,
      SOCIAL_SHELTER: 7, CARE_INSTITUTION: 6, UNKNOWN: 14, OTHER: 6,
    }),
    requestShare: 0.72,
    readinessShare: 0.25,
    readinessMedianDays: 14,
  },
  [PlaceCategory.MEN]: {
    los: (r) => clamp(r.logNormal(35, 0.55), 3, 200),
    leadMinutes: mixedLead,
    waitDays: 9,
    idleShare: 0.03,
    ownRegionShare: 0.55,
    far: false,
    withChildrenShare: 0.3,
    referrers: weightTable<ReferrerType>({ POLICE: 3, VEILIG_THUIS: 4, GGD: 1, SHELTER: 1 }),
    urgency: weightTable<UrgencyName>({ IMMEDIATE: 30, WITHIN_24H: 60, PLANNED: 10 }),
    destinations: weightTable<Destination>({
      INDEPENDENT_HOUSING: 35, FAMILY_OR_NETWORK: 20, RETURN_HOME_SAFE: 10, OTHER_SHELTER: 8,
      SOCIAL_SHELTER: 8, CARE_INSTITUTION: 4, UNKNOWN: 12, OTHER: 3,
    }),
    requestShare: 0.72,
    readinessShare: 0,
    readinessMedianDays: 0,
  },
  [PlaceCategory.HONOUR_RELATED]: {
    los: (r) => clamp(r.logNormal(60, 0.5), 7, 250),
    leadMinutes: (r) => r.between(20, 230),
    waitDays: 16,
    idleShare: 0.03,
    ownRegionShare: 0,
    far: true,
    withChildrenShare: 0,
    referrers: weightTable<ReferrerType>({ POLICE: 5, PUBLIC_PROSECUTOR: 2, VEILIG_THUIS: 2, HONOUR_VIOLENCE_CENTRE: 3 }),
    urgency: weightTable<UrgencyName>({ IMMEDIATE: 50, WITHIN_24H: 50 }),
    destinations: weightTable<Destination>({
      INDEPENDENT_HOUSING: 35, FAMILY_OR_NETWORK: 10, RETURN_HOME_SAFE: 5, OTHER_SHELTER: 18,
      SOCIAL_SHELTER: 3, CARE_INSTITUTION: 9, UNKNOWN: 15, OTHER: 5,
    }),
    requestShare: 0.72,
    readinessShare: 0,
    readinessMedianDays: 0,
  },
  [PlaceCategory.HUMAN_TRAFFICKING]: {
    // Foreign victims often hold a 3-month reflection period (B8/3).
    los: (r) => clamp(r.logNormal(90, 0.45), 14, 300),
    leadMinutes: mixedLead,
    waitDays: 14,
    idleShare: 0.03,
    ownRegionShare: 0.35,
    far: false,
    withChildrenShare: 0.25,
    referrers: weightTable<ReferrerType>({ POLICE: 6, PUBLIC_PROSECUTOR: 1, SHELTER: 2, GGD: 1, TRAFFICKING_COORDINATION: 4 }),
    urgency: weightTable<UrgencyName>({ IMMEDIATE: 10, WITHIN_24H: 50, PLANNED: 40 }),
    destinations: weightTable<Destination>({
      INDEPENDENT_HOUSING: 33, FAMILY_OR_NETWORK: 5, RETURN_HOME_SAFE: 5, OTHER_SHELTER: 15,
      SOCIAL_SHELTER: 6, CARE_INSTITUTION: 5, UNKNOWN: 18, OTHER: 13,
    }),
    requestShare: 0.72,
    readinessShare: 0,
    readinessMedianDays: 0,
  },
  [PlaceCategory.SAFE_HOUSE]: {
    los: (r) => clamp(r.logNormal(75, 0.5), 14, 300),
    leadMinutes: mixedLead,
    waitDays: 30,
    idleShare: 0.03,
    ownRegionShare: 0,
    far: true,
    withChildrenShare: 0.8,
    referrers: weightTable<ReferrerType>({ POLICE: 8, PUBLIC_PROSECUTOR: 2 }),
    urgency: weightTable<UrgencyName>({ WITHIN_24H: 70, PLANNED: 30 }),
    destinations: weightTable<Destination>({
      INDEPENDENT_HOUSING: 45, FAMILY_OR_NETWORK: 8, RETURN_HOME_SAFE: 3, OTHER_SHELTER: 15,
      SOCIAL_SHELTER: 2, CARE_INSTITUTION: 5, UNKNOWN: 14, OTHER: 8,
    }),
    requestShare: 0.72,
    readinessShare: 0,
    readinessMedianDays: 0,
  },
  [PlaceCategory.FOLLOW_ON]: {
    // 2-6 months, some beyond the 6-month maximum.
    los: (r) => clamp(r.logNormal(110, 0.35), 30, 400),
    leadMinutes: (r) => r.between(60, 1380),
    waitDays: 11,
    idleShare: 0.02,
    ownRegionShare: 0.8,
    far: false,
    withChildrenShare: 0.75,
    referrers: weightTable<ReferrerType>({ SHELTER: 6, VEILIG_THUIS: 2, GGD: 1 }),
    urgency: weightTable<UrgencyName>({ PLANNED: 1 }),
    destinations: weightTable<Destination>({
      INDEPENDENT_HOUSING: 62, FAMILY_OR_NETWORK: 8, RETURN_HOME_SAFE: 4, OTHER_SHELTER: 3,
      SOCIAL_SHELTER: 5, CARE_INSTITUTION: 5, UNKNOWN: 9, OTHER: 4,
    }),
    requestShare: 0,
    readinessShare: 0.25,
    readinessMedianDays: 28,
  },
};

/** Who was ready but blocked leaves, once the blocker is gone, mostly to a home of her own. */
const DESTINATIONS_AFTER_BLOCKED_OUTFLOW = weightTable<Destination>({
  INDEPENDENT_HOUSING: 70, SOCIAL_SHELTER: 10, FAMILY_OR_NETWORK: 8, OTHER_SHELTER: 4, CARE_INSTITUTION: 3, UNKNOWN: 3, OTHER: 2,
});

/** Throughflow: the share of target legs that began as a move from a leg of the source category. */
const THROUGHFLOW = [
  { from: PlaceCategory.EMERGENCY, to: PlaceCategory.CRISIS, share: 0.6, otherRegionShare: 0.15 },
  { from: PlaceCategory.CRISIS, to: PlaceCategory.FOLLOW_ON, share: 0.7, otherRegionShare: 0.1 },
] as const;

const TRANSFER_REASONS: Record<string, { own: string; other: string }> = {
  [`${PlaceCategory.EMERGENCY}>${PlaceCategory.CRISIS}`]: {
    own: 'Moved on from the emergency bed to a crisis place',
    other: 'Crisis place in another region (none free nearby, or safer further away)',
  },
  [`${PlaceCategory.CRISIS}>${PlaceCategory.FOLLOW_ON}`]: {
    own: 'Recovery plan: on to follow-on shelter',
    other: 'Follow-on shelter in another region, closer to network or housing',
  },
};

const UNMET_REASONS = weightTable<CloseReason>({
  NO_CAPACITY: 34, CLIENT_DECLINED: 12, AMBULATORY_HELP_INSTEAD: 12, CONTACT_LOST: 10, REFERRED_ELSEWHERE_FOR_SAFETY: 8,
  NEEDS_NOT_MET: 6, TOO_FAR: 5, ONLY_NEEDS_A_ROOF: 5, TOO_CLOSE_TO_PERPETRATOR: 4, OTHER: 4,
});
const UNMET_NEEDS = weightTable<PlaceCategory>({
  [PlaceCategory.CRISIS]: 84, [PlaceCategory.MEN]: 4, [PlaceCategory.HONOUR_RELATED]: 4,
  [PlaceCategory.HUMAN_TRAFFICKING]: 6, [PlaceCategory.SAFE_HOUSE]: 2,
});

const ADULT_AGE_WEIGHTS = ADULT_AGE_BANDS.map((b) => b.weight);

// ---------------------------------------------------------------------------------------------
// What is read from the database

interface RegionInfo {
  idx: number;
  id: string;
  code: string;
  latitude: number;
  longitude: number;
  /** Other regions, nearer ones more likely (cumulative weights). */
  nearbyCum: Float64Array;
  nearbyIdx: Int32Array;
}

interface ShelterInfo {
  id: string;
  regionIdx: number;
  sexes: Sex[];
  minAge: number;
  maxAge: number | null;
  maxBoyAge: number | null;
  latitude: number;
  longitude: number;
  /** Regions (not its own) whose centre lies at least MIN_DISTANCE_KM away: homes for high-risk clients. */
  farRegions: number[];
}

interface PlaceInfo {
  idx: number;
  id: string;
  shelter: ShelterInfo;
  regionIdx: number;
  cat: number;
  beds: number;
  reserve: boolean;
  /** History on this place ends before this instant (its current state began then). */
  boundary: number;
  /** The place became free exactly at `boundary`: the last history stay ends then. */
  exactEnd: boolean;
  outOfServiceSince: number | null;
  firstLeg: number;
  legCount: number;
}

interface Member {
  sex: Sex;
  age: number;
}

// ---------------------------------------------------------------------------------------------
// Legs: one occupied interval of one place (struct of arrays, a million or more of them)

class Legs {
  place: number[] = [];
  start: number[] = [];
  end: number[] = [];
  /** Claim lead (ms) before `start`; 0 for a leg reached by transfer (no claim). */
  lead: number[] = [];
  prev: number[] = [];
  next: number[] = [];
  /** Readiness for outflow this long before the end (ms); 0 = never marked. */
  readyBefore: number[] = [];

  get length(): number {
    return this.place.length;
  }

  add(place: number, start: number, end: number, lead: number, readyBefore: number): void {
    this.place.push(place);
    this.start.push(start);
    this.end.push(end);
    this.lead.push(lead);
    this.prev.push(-1);
    this.next.push(-1);
    this.readyBefore.push(readyBefore);
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

export async function generateHistory(dataSource: DataSource, options: HistoryOptions): Promise<HistoryResult> {
  const started = Date.now();
  const years = options.years;
  if (!Number.isFinite(years) || years <= 0) throw new Error(`history: years must be a positive number, got ${years}`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new Error(`history: seed must be a number, got ${seed}`);
  const now = (options.now ?? new Date()).getTime();
  const log = options.log ?? (() => undefined);

  return dataSource.transaction(async (manager) => {
    const generator = new HistoryGenerator(
      manager, new Random(mulberry32((seed ^ 0x5eed_4157) >>> 0)), now, years, log, options.suspendForeignKeys ?? true,
    );
    const counts = await generator.run();
    return { ...counts, ms: Date.now() - started };
  });
}

class HistoryGenerator {
  private regions: RegionInfo[] = [];
  private places: PlaceInfo[] = [];
  private placesByGroup: PlaceInfo[][] = [];
  private readonly legs = new Legs();
  private readonly windowStart: number;
  private snapshotTimes: number[] = [];
  /** Per region x category: the counts at each snapshot time. */
  private series: Array<{ available: Int32Array; held: Int32Array; occupied: Int32Array; out: Int32Array }> = [];
  private snapshotRows = 0;
  private zeroDays = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly random: Random,
    private readonly now: number,
    years: number,
    private readonly log: (msg: string) => void,
    private readonly suspendForeignKeys: boolean,
  ) {
    this.windowStart = Math.round(now - years * 365.2425 * DAY_MS);
  }

  async run(): Promise<Omit<HistoryResult, 'ms'>> {
    const [{ n }] = await this.manager.query(`SELECT count(*)::int AS n FROM stay WHERE admitted_by = $1`, [HISTORY_ACTOR]);
    if (n > 0) throw new Error(`history: the database already holds ${n} history stays; generate history once, on a fresh demo network`);
    await this.manager.query(`SET LOCAL synchronous_commit = off`);
    // Room for the hash joins that re-check the foreign keys at the end.
    await this.manager.query(`SET LOCAL work_mem = '256MB'`);

    await this.load();
    this.log(`history: ${this.places.length} places in ${this.regions.length} regions, ` +
      `window ${new Date(this.windowStart).toISOString()} .. ${new Date(this.now).toISOString()}`);

    for (const place of this.places) this.planPlace(place);
    this.log(`history: planned ${this.legs.length} occupied intervals`);

    let transfers = 0;
    for (const flow of THROUGHFLOW) transfers += this.linkThroughflow(flow.from, flow.to, flow.share, flow.otherRegionShare);
    this.log(`history: ${transfers} transfers linked; ${this.legs.length - transfers} stays`);

    await this.computeSnapshots();
    this.log(`history: ${this.snapshotRows} snapshots computed (${this.snapshotTimes.length} days); ` +
      `${this.zeroDays} region x category days without a free place`);

    const suspended = this.suspendForeignKeys ? await dropForeignKeys(this.manager, HISTORY_TABLES) : [];
    const written = await this.writeStays();
    const unmet = await this.writeUnmetDemand();
    await this.writeSnapshots();
    const readyNow = await this.markCurrentStaysReady();
    this.log(`history: ${readyNow} current stays marked ready for outflow (blocked outflow now)`);
    if (suspended.length > 0) {
      const started = Date.now();
      await restoreForeignKeys(this.manager, suspended);
      this.log(`history: ${suspended.length} foreign keys re-added, every row checked (${Date.now() - started} ms)`);
    }
    return { stays: written.stays, transfers: written.transfers, requests: written.requests + unmet, snapshots: this.snapshotRows };
  }

  // -------------------------------------------------------------------------------------------
  // Loading

  private async load(): Promise<void> {
    const regionRows: Array<{ id: string; code: string; latitude: number; longitude: number }> = await this.manager.query(
      `SELECT id, code, latitude, longitude FROM region ORDER BY code`,
    );
    if (regionRows.length === 0) throw new Error('history: the region table is empty; load the demo network first');
    this.regions = regionRows.map((r, idx) => ({ idx, id: r.id, code: r.code, latitude: r.latitude, longitude: r.longitude, nearbyCum: new Float64Array(0), nearbyIdx: new Int32Array(0) }));
    for (const region of this.regions) {
      const others = this.regions.filter((o) => o.idx !== region.idx);
      let total = 0;
      region.nearbyIdx = Int32Array.from(others.map((o) => o.idx));
      region.nearbyCum = Float64Array.from(others.map((o) => (total += 1 / (distanceKm(region, o) + 25))));
    }
    const regionIdx = new Map(this.regions.map((r) => [r.id, r.idx]));

    const shelterRows: Array<{
      id: string; region_id: string; admitted_sexes: Sex[]; min_age: number; max_age: number | null; max_boy_age: number | null;
      latitude: number; longitude: number;
    }> = await this.manager.query(
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
        farRegions: this.regions.filter((r) => r.idx !== own && distanceKm(s, r) >= MIN_DISTANCE_KM).map((r) => r.idx),
      });
    }

    // Deterministic order (ids are random): region, organisation, location, label.
    const placeRows: Array<{
      id: string; shelter_id: string; category: PlaceCategory; beds: number; status: string; status_changed_at: Date;
      national_reserve: boolean; first_interval_at: Date | null; first_claim_at: Date | null;
    }> = await this.manager.query(
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
    this.placesByGroup = Array.from({ length: this.regions.length * CATEGORIES.length }, () => []);
    for (const row of placeRows) {
      const shelter = shelters.get(row.shelter_id)!;
      const changedAt = row.status_changed_at.getTime();
      const freeOrOut = row.status === 'AVAILABLE' || row.status === 'OUT_OF_SERVICE';
      let boundary = this.now;
      if (freeOrOut) boundary = Math.min(boundary, changedAt);
      if (row.first_interval_at) boundary = Math.min(boundary, row.first_interval_at.getTime());
      if (row.first_claim_at) boundary = Math.min(boundary, row.first_claim_at.getTime());
      const place: PlaceInfo = {
        idx: this.places.length,
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
      this.places.push(place);
      this.placesByGroup[this.group(place.regionIdx, place.cat)].push(place);
    }
  }

  private group(regionIdx: number, cat: number): number {
    return regionIdx * CATEGORIES.length + cat;
  }

  // -------------------------------------------------------------------------------------------
  // 1. Timelines

  /** Legs of one place, planned backwards from its boundary and stored in time order. */
  private planPlace(place: PlaceInfo): void {
    const profile = PROFILES[CATEGORIES[place.cat]];
    const planned: number[][] = [];
    let end = place.exactEnd ? place.boundary : place.boundary - this.waitMs(place, place.boundary);
    while (end > this.windowStart) {
      const losMs = profile.los(this.random) * DAY_MS;
      const start = Math.round(end - losMs);
      const lead = Math.round(profile.leadMinutes(this.random) * MINUTE_MS);
      let readyBefore = 0;
      if (profile.readinessShare > 0 && this.random.chance(profile.readinessShare)) {
        const losDays = losMs / DAY_MS;
        if (losDays > 6) readyBefore = Math.round(clamp(this.random.logNormal(profile.readinessMedianDays, 0.7), 1, losDays - 3) * DAY_MS);
      }
      planned.push([start, Math.round(end), lead, readyBefore]);
      end = start - lead - this.waitMs(place, start);
    }
    place.firstLeg = this.legs.length;
    place.legCount = planned.length;
    for (let i = planned.length - 1; i >= 0; i--) {
      const [start, legEnd, lead, readyBefore] = planned[i];
      this.legs.add(place.idx, start, legEnd, lead, readyBefore);
    }
  }

  /**
   * How long a place stands free before the next claim: shorter in the busy holiday seasons,
   * longer in quiet months; national reserve beds (kept for acute requests from other regions)
   * stand free longer; now and then a place stays empty for days.
   */
  private waitMs(place: PlaceInfo, at: number): number {
    const profile = PROFILES[CATEGORIES[place.cat]];
    const quiet = 1 / seasonalDemand(at);
    const mean = place.reserve ? profile.waitDays * 4 + 1.5 : profile.waitDays;
    let wait = this.random.exponential(mean * quiet ** 5) * DAY_MS + 10 * MINUTE_MS;
    if (this.random.chance(profile.idleShare * quiet ** 4)) {
      wait += (place.cat === CAT.EMERGENCY ? this.random.between(1, 7) : this.random.between(2, 14)) * DAY_MS;
    }
    return Math.round(wait);
  }

  // -------------------------------------------------------------------------------------------
  // 2. Throughflow

  /**
   * Links target legs to a source leg ending in the free gap just before them: the household moves
   * from the source place to the target place at the source leg's end (contiguous intervals).
   */
  private linkThroughflow(from: PlaceCategory, to: PlaceCategory, share: number, otherRegionShare: number): number {
    const legs = this.legs;
    const fromCat = CAT[from];
    const toCat = CAT[to];
    // Source legs per region, sorted by end.
    const sources: Array<{ legs: Int32Array; ends: Float64Array }> = this.regions.map((region) => {
      const list: number[] = [];
      for (const place of this.placesByGroup[this.group(region.idx, fromCat)]) {
        for (let l = place.firstLeg; l < place.firstLeg + place.legCount; l++) list.push(l);
      }
      list.sort((a, b) => legs.end[a] - legs.end[b]);
      return { legs: Int32Array.from(list), ends: Float64Array.from(list.map((l) => legs.end[l])) };
    });

    let linked = 0;
    for (const place of this.places) {
      if (place.cat !== toCat) continue;
      for (let l = place.firstLeg; l < place.firstLeg + place.legCount; l++) {
        if (!this.random.chance(share)) continue;
        const previousEnd = l > place.firstLeg ? legs.end[l - 1] : -Infinity;
        const lo = previousEnd + MIN_FREE_MS;
        const hi = Math.min(legs.start[l] + DAY_MS, legs.end[l] - 2 * DAY_MS);
        if (hi < lo) continue;
        let regionIdx = place.regionIdx;
        if (this.random.chance(otherRegionShare)) regionIdx = this.nearbyRegion(this.regions[place.regionIdx]);
        const source = this.findSource(sources[regionIdx], lo, hi, place.beds);
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
  private findSource(source: { legs: Int32Array; ends: Float64Array }, lo: number, hi: number, targetBeds: number): number {
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
      if (this.legs.next[leg] !== -1) continue;
      if (this.places[this.legs.place[leg]].beds <= targetBeds) return leg;
      if (fallback < 0) fallback = leg;
    }
    return fallback;
  }

  private nearbyRegion(region: RegionInfo): number {
    if (region.nearbyIdx.length === 0) return region.idx;
    const r = this.random.float() * region.nearbyCum[region.nearbyCum.length - 1];
    let a = 0;
    let b = region.nearbyCum.length - 1;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (region.nearbyCum[mid] > r) b = mid;
      else a = mid + 1;
    }
    return region.nearbyIdx[a];
  }

  // -------------------------------------------------------------------------------------------
  // 4. Availability snapshots (computed before writing: unmet demand uses them)

  private async computeSnapshots(): Promise<void> {
    const groups = this.placesByGroup.length;
    const occStart: number[][] = Array.from({ length: groups }, () => []);
    const occEnd: number[][] = Array.from({ length: groups }, () => []);
    const heldStart: number[][] = Array.from({ length: groups }, () => []);
    const heldEnd: number[][] = Array.from({ length: groups }, () => []);
    const outStart: number[][] = Array.from({ length: groups }, () => []);
    const legs = this.legs;
    for (const place of this.places) {
      const g = this.group(place.regionIdx, place.cat);
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
    const placeIndex = new Map(this.places.map((p) => [p.id, p]));
    const intervals: Array<{ place_id: string; from_at: Date; until_at: Date | null }> = await this.manager.query(
      `SELECT place_id, from_at, until_at FROM stay_place`,
    );
    for (const row of intervals) {
      const place = placeIndex.get(row.place_id)!;
      const g = this.group(place.regionIdx, place.cat);
      occStart[g].push(row.from_at.getTime());
      if (row.until_at) occEnd[g].push(row.until_at.getTime());
    }
    const holds: Array<{ place_id: string; created_at: Date; held_until: Date }> = await this.manager.query(
      `SELECT cp.place_id, c.created_at, coalesce(c.ended_at, c.expires_at) AS held_until
         FROM claim c JOIN claim_place cp ON cp.claim_id = c.id`,
    );
    for (const row of holds) {
      const place = placeIndex.get(row.place_id)!;
      const g = this.group(place.regionIdx, place.cat);
      heldStart[g].push(row.created_at.getTime());
      heldEnd[g].push(row.held_until.getTime());
    }

    const times = dailySnapshotTimes(this.windowStart, this.now);
    this.snapshotTimes = times;
    const counter = (values: number[]) => {
      const sorted = Float64Array.from(values).sort();
      let i = 0;
      return (t: number) => {
        while (i < sorted.length && sorted[i] <= t) i++;
        return i;
      };
    };
    this.series = [];
    for (let g = 0; g < groups; g++) {
      const placeCount = this.placesByGroup[g].length;
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
          if (free === 0) this.zeroDays++;
        }
      }
      this.series.push(series);
      occStart[g] = occEnd[g] = heldStart[g] = heldEnd[g] = [];
    }
    this.snapshotRows = times.length * groups;
  }

  private async writeSnapshots(): Promise<void> {
    const batch = new ColumnBatch(
      `INSERT INTO availability_snapshot (taken_at, region_id, category, places, available, held, occupied, out_of_service)
       SELECT ${ms('t.taken_at')}, t.region_id, t.category::place_category, t.places, t.available, t.held, t.occupied, t.out_of_service
         FROM unnest($1::float8[], $2::uuid[], $3::text[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
           AS t(taken_at, region_id, category, places, available, held, occupied, out_of_service)
       ON CONFLICT DO NOTHING`,
      8,
    );
    let written = 0;
    for (let g = 0; g < this.placesByGroup.length; g++) {
      const region = this.regions[Math.floor(g / CATEGORIES.length)];
      const category = CATEGORIES[g % CATEGORIES.length];
      const places = this.placesByGroup[g].length;
      const { available, held, occupied, out } = this.series[g];
      for (let k = 0; k < this.snapshotTimes.length; k++) {
        batch.push(this.snapshotTimes[k], region.id, category, places, available[k], held[k], occupied[k], out[k]);
      }
      if (batch.length >= 40_000) written += await batch.flush(this.manager);
    }
    written += await batch.flush(this.manager);
    this.log(`history: ${written} availability snapshots written`);
  }

  // -------------------------------------------------------------------------------------------
  // 3. Stays, claims, transfers, readiness, requests

  private async writeStays(): Promise<{ stays: number; transfers: number; requests: number }> {
    let w = new StayWriter(this.manager, this.suspendForeignKeys);
    // One chunk is written while the next is generated: the database and JS work in parallel.
    let writing: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    const legs = this.legs;
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
      const result = this.stay(chain, w);
      stays++;
      transfers += chain.length - 1;
      if (result.request) requests++;
      if (w.stays.length >= STAY_CHUNK) {
        await writing;
        if (failure) throw failure;
        const full = w;
        const upTo = stays;
        w = new StayWriter(this.manager, this.suspendForeignKeys);
        writing = full.flush().then(
          () => this.log(`history: ${upTo}/${total} stays written`),
          (err: unknown) => void (failure = err),
        );
      }
      // Let the driver send the queued statements and read their results.
      if (stays % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    if (failure) throw failure;
    await w.flush();
    this.log(`history: ${stays} stays, ${transfers} transfers, ${requests} admitted requests written`);
    return { stays, transfers, requests };
  }

  private stay(chain: number[], w: StayWriter): { request: boolean } {
    const legs = this.legs;
    const r = this.random;
    const first = chain[0];
    const last = chain[chain.length - 1];
    const firstPlace = this.places[legs.place[first]];
    const lastPlace = this.places[legs.place[last]];
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
      const s = this.places[legs.place[chain[i]]].shelter;
      const common = sexes.filter((x) => s.sexes.includes(x));
      if (common.length) sexes = common;
      minAge = Math.max(minAge, s.minAge);
      if (s.maxAge !== null) maxAge = maxAge === null ? s.maxAge : Math.min(maxAge, s.maxAge);
      if (s.maxBoyAge !== null) maxBoyAge = maxBoyAge === null ? s.maxBoyAge : Math.min(maxBoyAge, s.maxBoyAge);
      beds = Math.min(beds, this.places[legs.place[chain[i]]].beds);
    }
    const members = this.household(sexes, minAge, maxAge, maxBoyAge, beds, profile.withChildrenShare);
    const children = members.filter((m) => m.age < 18).length;

    // Where the household comes from, and the risk that goes with it (matching's hard rules).
    const region = this.regions[firstPlace.regionIdx];
    let origin = region.idx;
    let highRisk = false;
    if (firstPlace.reserve || profile.far || !r.chance(profile.ownRegionShare)) {
      highRisk = profile.far || r.chance(0.5);
      if (highRisk && firstPlace.shelter.farRegions.length > 0) origin = r.pick(firstPlace.shelter.farRegions);
      else {
        highRisk = false;
        origin = this.nearbyRegion(region);
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
      const lastRegion = this.regions[lastPlace.regionIdx].id;
      const firstBlockers = this.blockers();
      if (r.chance(0.1)) {
        // The blockers changed on the way (a new row; days waiting still count from the first mark).
        const changedAt = Math.round(readyAt + (dischargedAt - readyAt) * r.between(0.3, 0.7));
        blockers = this.blockers();
        w.readiness.push(stayId, lastRegion, firstBlockers, readyAt, changedAt, 'blockers changed');
        w.readiness.push(stayId, lastRegion, blockers, changedAt, dischargedAt, 'discharged');
      } else {
        blockers = firstBlockers;
        w.readiness.push(stayId, lastRegion, blockers, readyAt, dischargedAt, 'discharged');
      }
    }
    const destination = r.weightedKey(readyAt !== null ? DESTINATIONS_AFTER_BLOCKED_OUTFLOW : PROFILES[lastCategory].destinations);

    w.stays.push(
      stayId, claimId, lastPlace.shelter.id, this.regions[lastPlace.regionIdx].id, lastCategory, this.regions[origin].id,
      referrer, members.length, members.length - children, children, admittedAt, readyAt, blockers, dischargedAt, destination,
      region.id, firstPlace.shelter.id, firstCategory,
    );
    for (const m of members) w.stayMembers.push(stayId, m.sex, m.age, ageBandOf(m.age), m.age < 18);
    for (let i = 0; i < chain.length; i++) {
      const leg = chain[i];
      w.stayPlaces.push(stayId, this.places[legs.place[leg]].id, legs.start[leg], legs.end[leg]);
      if (i === 0) continue;
      const from = this.places[legs.place[chain[i - 1]]];
      const to = this.places[legs.place[leg]];
      const movedAt = legs.start[leg];
      const reasons = TRANSFER_REASONS[`${CATEGORIES[from.cat]}>${CATEGORIES[to.cat]}`];
      w.transfers.push(
        randomUUID(), stayId, movedAt, from.shelter.id, to.shelter.id, this.regions[from.regionIdx].id, this.regions[to.regionIdx].id,
        CATEGORIES[from.cat], CATEGORIES[to.cat], ((movedAt - legs.start[chain[i - 1]]) / DAY_MS).toFixed(2),
        from.regionIdx === to.regionIdx ? reasons.own : reasons.other,
      );
    }

    if (requestId === null) return { request: false };
    const urgency: UrgencyName = firstPlace.reserve ? 'IMMEDIATE' : r.weightedKey(profile.urgency);
    const risk = this.risk(firstCategory, highRisk);
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
    const homeRegion = this.regions[origin];
    const referrerSub = `history:${referrer.toLowerCase()}:${homeRegion.code}`;
    const perpetratorNetwork = risk.high && (firstCategory === PlaceCategory.HONOUR_RELATED ? r.chance(0.6) : r.chance(0.15));
    const avoid = perpetratorNetwork ? this.avoidRegion(firstPlace.shelter, origin) : '';
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
  private risk(category: PlaceCategory, highRisk: boolean): { level: RiskName; high: boolean } {
    const r = this.random;
    if (category === PlaceCategory.SAFE_HOUSE) return { level: 'SEVERE', high: true };
    if (highRisk) return { level: r.chance(0.3) ? 'SEVERE' : 'HIGH', high: true };
    return { level: r.chance(0.3) ? 'LOW' : 'MEDIUM', high: false };
  }

  /** A region where the perpetrator's network lives: away from the place and not the home region. */
  private avoidRegion(shelter: ShelterInfo, home: number): string {
    const candidates = shelter.farRegions.filter((i) => i !== home);
    return candidates.length ? this.regions[this.random.pick(candidates)].id : '';
  }

  private blockers(): string {
    const r = this.random;
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
  private household(sexes: Sex[], minAge: number, maxAge: number | null, maxBoyAge: number | null, beds: number, withChildrenShare: number): Member[] {
    const r = this.random;
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
  // Unmet demand

  private async writeUnmetDemand(): Promise<number> {
    const r = this.random;
    const times = this.snapshotTimes;
    const total = Math.round((UNMET_PER_YEAR_AT_SCALE_1 * ((this.now - this.windowStart) / (365.2425 * DAY_MS)) * this.places.length) / PLACES_AT_SCALE_1);
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
    const regionWeights = this.regions.map(
      (region) => this.placesByGroup[this.group(region.idx, CAT.EMERGENCY)].length + this.placesByGroup[this.group(region.idx, CAT.CRISIS)].length,
    );
    const placesOfCategory = CATEGORIES.map((_, c) => this.places.filter((p) => p.cat === c));
    const needs = { keys: UNMET_NEEDS.keys.filter((c) => placesOfCategory[CAT[c]].length > 0), weights: [] as number[] };
    needs.weights = needs.keys.map((c) => UNMET_NEEDS.weights[UNMET_NEEDS.keys.indexOf(c)]);

    const urgencyOfCrisisNeed = weightTable<UrgencyName>({ IMMEDIATE: 45, WITHIN_24H: 40, PLANNED: 15 });
    const planned: Array<{ home: RegionInfo; need: PlaceCategory; reason: CloseReason; urgency: UrgencyName; sample: PlaceInfo; createdAt: number }> = [];
    for (let n = 0; n < total; n++) {
      const home = this.regions[r.weighted(regionWeights)];
      const need = r.weightedKey(needs);
      const reason = r.weightedKey(UNMET_REASONS);
      const urgency: UrgencyName = need === PlaceCategory.CRISIS ? r.weightedKey(urgencyOfCrisisNeed) : r.weightedKey(PROFILES[need].urgency);
      // The category the search looked in: an immediate regional request could take an emergency bed.
      const searched = need === PlaceCategory.CRISIS && urgency === 'IMMEDIATE' ? CAT.EMERGENCY : CAT[need];
      const local = this.placesByGroup[this.group(home.idx, searched)];
      const sample = local.length ? r.pick(local) : r.pick(placesOfCategory[placesOfCategory[searched].length ? searched : CAT[need]]);
      let day = drawDay();
      if (reason === 'NO_CAPACITY') {
        // Prefer a day on which the region (of the sample place) had no free place of that kind.
        const series = this.series[this.group(sample.regionIdx, sample.cat)].available;
        for (let attempt = 0; attempt < 12 && series[day] > 0; attempt++) day = drawDay();
      }
      const createdAt = Math.round(Math.max(this.windowStart, times[day] + r.between(-3, 20) * HOUR_MS));
      planned.push({ home, need, reason, urgency, sample, createdAt });
    }
    planned.sort((a, b) => a.createdAt - b.createdAt);

    const w = new StayWriter(this.manager, this.suspendForeignKeys);
    for (const { home, need, reason, urgency, sample, createdAt } of planned) {
      const profile = PROFILES[need];
      const shelter = sample.shelter;
      const members = this.household(shelter.sexes.filter((s) => s !== Sex.X).length ? shelter.sexes.filter((s) => s !== Sex.X) : shelter.sexes,
        shelter.minAge, shelter.maxAge, shelter.maxBoyAge, r.integer(1, Math.max(1, sample.beds)), profile.withChildrenShare);
      const children = members.filter((m) => m.age < 18).length;
      const highRisk = profile.far || r.chance(0.3);
      const risk = this.risk(need, highRisk);
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
    this.log(`history: ${total} unmet requests (NOT_ADMITTED) written`);
    return total;
  }

  // -------------------------------------------------------------------------------------------
  // 5. Blocked outflow now

  private async markCurrentStaysReady(): Promise<number> {
    const active: Array<{ id: string; region_id: string; admitted_at: Date }> = await this.manager.query(
      `SELECT id, region_id, admitted_at FROM stay
        WHERE status = 'ACTIVE' AND category IN ('CRISIS', 'FOLLOW_ON') AND ready_for_outflow_at IS NULL
          AND admitted_at < $1
        ORDER BY admitted_at, id`,
      [new Date(this.now - 28 * DAY_MS)],
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
      if (!this.random.chance(0.3)) continue;
      const daysIn = (this.now - stay.admitted_at.getTime()) / DAY_MS;
      const markedAt = Math.round(this.now - this.random.between(1, Math.max(1.5, Math.min(45, daysIn - 21))) * DAY_MS);
      const blockers = this.blockers();
      readiness.push(stay.id, stay.region_id, blockers, markedAt);
      stays.push(stay.id, blockers, markedAt);
    }
    await readiness.flush(this.manager);
    return stays.flush(this.manager);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing: column batches in foreign-key order

class StayWriter {
  readonly claims: ColumnBatch;
  readonly claimPlaces = new ColumnBatch(
    `INSERT INTO claim_place (claim_id, place_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    2,
  );
  readonly stays = new ColumnBatch(
    `INSERT INTO stay (id, claim_id, status, shelter_id, region_id, category, origin_region_id, referrer_type, household_size,
                       adults, children, admitted_at, admitted_by, ready_for_outflow_at, outflow_blockers, discharged_at,
                       destination, admitted_region_id, admitted_shelter_id, admitted_category)
     SELECT t.id, t.claim_id, 'DISCHARGED', t.shelter_id, t.region_id, t.category::place_category, t.origin_region_id,
            t.referrer_type, t.household_size, t.adults, t.children, ${ms('t.admitted_at')}, '${HISTORY_ACTOR}',
            ${ms('t.ready_at')}, CASE WHEN t.blockers = '' THEN '{}'::outflow_blocker[] ELSE string_to_array(t.blockers, ',')::outflow_blocker[] END,
            ${ms('t.discharged_at')}, t.destination::discharge_destination, t.admitted_region_id, t.admitted_shelter_id,
            t.admitted_category::place_category
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::int[], $9::int[],
                   $10::int[], $11::float8[], $12::float8[], $13::text[], $14::float8[], $15::text[], $16::uuid[], $17::uuid[], $18::text[])
         AS t(id, claim_id, shelter_id, region_id, category, origin_region_id, referrer_type, household_size, adults, children,
              admitted_at, ready_at, blockers, discharged_at, destination, admitted_region_id, admitted_shelter_id, admitted_category)`,
    18,
  );
  readonly stayMembers = new ColumnBatch(
    `INSERT INTO stay_member (stay_id, sex, age, age_band, is_child)
     SELECT t.stay_id, t.sex::sex, t.age, t.age_band::age_band, t.is_child
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::boolean[]) AS t(stay_id, sex, age, age_band, is_child)`,
    5,
  );
  readonly stayPlaces = new ColumnBatch(
    `INSERT INTO stay_place (stay_id, place_id, from_at, until_at)
     SELECT t.stay_id, t.place_id, ${ms('t.from_at')}, ${ms('t.until_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[]) AS t(stay_id, place_id, from_at, until_at)`,
    4,
  );
  readonly transfers = new ColumnBatch(
    `INSERT INTO transfer (id, stay_id, transferred_at, from_shelter_id, to_shelter_id, from_region_id, to_region_id,
                           from_category, to_category, days_before_move, reason, transferred_by)
     SELECT t.id, t.stay_id, ${ms('t.at')}, t.from_shelter, t.to_shelter, t.from_region, t.to_region,
            t.from_category::place_category, t.to_category::place_category, t.days::numeric(10,2), t.reason, '${HISTORY_ACTOR}'
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::text[],
                   $10::text[], $11::text[])
         AS t(id, stay_id, at, from_shelter, to_shelter, from_region, to_region, from_category, to_category, days, reason)`,
    11,
  );
  readonly readiness = new ColumnBatch(
    `INSERT INTO outflow_readiness (stay_id, region_id, blockers, marked_at, cleared_at, cleared_because)
     SELECT t.stay_id, t.region_id, string_to_array(t.blockers, ',')::outflow_blocker[], ${ms('t.marked_at')}, ${ms('t.cleared_at')}, t.because
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::text[])
         AS t(stay_id, region_id, blockers, marked_at, cleared_at, because)`,
    6,
  );
  readonly requests = new ColumnBatch(
    `INSERT INTO placement_request (id, status, urgency, risk_level, honour_related, trafficking, perpetrator_network,
        firearm_access, risk_instrument, police_co_decision, languages, home_region_id, avoid_region_ids, consent_to_share,
        household_size, adults, children, referrer_sub, referrer_role, referrer_type, created_at, escalate_at, escalated_at,
        escalation_reason, claim_id, receiving_shelter_id, closed_at, close_reason, version)
     SELECT t.id, t.status::request_status, t.urgency::request_urgency, t.risk::risk_level, t.honour, t.trafficking, t.network,
            t.firearm, t.instrument, t.police, string_to_array(t.languages, ','), t.home,
            CASE WHEN t.avoid = '' THEN '{}'::uuid[] ELSE string_to_array(t.avoid, ',')::uuid[] END, true,
            t.household_size, t.adults, t.children, t.referrer_sub, t.referrer_role, t.referrer_type, ${ms('t.created_at')},
            ${ms('t.escalate_at')}, ${ms('t.escalated_at')}, t.escalation_reason, t.claim_id, t.receiving, ${ms('t.closed_at')},
            t.close_reason::not_admitted_reason, t.version
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::boolean[], $7::boolean[], $8::boolean[],
                   $9::text[], $10::boolean[], $11::text[], $12::uuid[], $13::text[], $14::int[], $15::int[], $16::int[],
                   $17::text[], $18::text[], $19::text[], $20::float8[], $21::float8[], $22::float8[], $23::text[], $24::uuid[],
                   $25::uuid[], $26::float8[], $27::text[], $28::int[])
         AS t(id, status, urgency, risk, honour, trafficking, network, firearm, instrument, police, languages, home, avoid,
              household_size, adults, children, referrer_sub, referrer_role, referrer_type, created_at, escalate_at,
              escalated_at, escalation_reason, claim_id, receiving, closed_at, close_reason, version)`,
    28,
  );
  readonly requestMembers = new ColumnBatch(
    `INSERT INTO request_member (request_id, sex, age, age_band, is_child)
     SELECT t.request_id, t.sex::sex, t.age, t.age_band::age_band, t.is_child
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::boolean[]) AS t(request_id, sex, age, age_band, is_child)`,
    5,
  );
  readonly events = new ColumnBatch(
    `INSERT INTO request_event (request_id, at, kind, actor, detail)
     SELECT t.request_id, ${ms('t.at')}, t.kind, t.actor, t.detail::jsonb
       FROM unnest($1::uuid[], $2::float8[], $3::text[], $4::text[], $5::text[]) AS t(request_id, at, kind, actor, detail)`,
    5,
  );
  /** Only when the foreign keys are enforced: the claim learns its request after the request exists. */
  readonly claimRequests = new ColumnBatch(
    `UPDATE claim c SET request_id = t.request_id
       FROM unnest($1::uuid[], $2::uuid[]) AS t(claim_id, request_id)
      WHERE c.id = t.claim_id`,
    2,
  );

  /**
   * claim.request_id and placement_request.claim_id point at each other: with the foreign keys
   * suspended a claim is written with its request id; otherwise it learns it by UPDATE afterwards.
   */
  constructor(
    private readonly manager: EntityManager,
    readonly linksClaimsOnInsert: boolean,
  ) {
    this.claims = new ColumnBatch(
      `INSERT INTO claim (id, status, shelter_id, household_size, beds, expires_at, claimed_by, claimed_by_role, created_at,
                          ended_at, end_reason, request_id)
       SELECT t.id, 'ADMITTED', t.shelter_id, t.household_size, t.beds, ${ms('t.expires_at')}, '${HISTORY_ACTOR}', 'INTAKE',
              ${ms('t.created_at')}, ${ms('t.ended_at')}, 'admitted', ${linksClaimsOnInsert ? 't.request_id' : 'NULL'}
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::float8[], $6::float8[], $7::float8[], $8::uuid[])
           AS t(id, shelter_id, household_size, beds, expires_at, created_at, ended_at, request_id)`,
      8,
    );
  }

  async flush(): Promise<void> {
    for (const batch of [
      this.claims, this.claimPlaces, this.stays, this.stayMembers, this.stayPlaces, this.transfers, this.readiness,
      this.requests, this.requestMembers, this.events, this.claimRequests,
    ]) {
      await batch.flush(this.manager);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function instrumentOf(referrer: ReferrerType): string | null {
  if (referrer === ReferrerType.POLICE || referrer === ReferrerType.PUBLIC_PROSECUTOR) return 'RiHG';
  if (referrer === ReferrerType.VEILIG_THUIS) return 'Veilig Thuis triage';
  return null;
}

function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
