/**
 * The matching rule set, in one place. Hard rules exclude a place (the first failing rule is the
 * reason counted); soft preferences order what is left. The README's table is this file in words.
 * Nothing here touches the database: the candidate loader fetches available places of the allowed
 * categories, and every other rule is applied below.
 */
import { PlaceCategory, Sex } from '../../common/enums.js';
import { DISTANCE_BAND_TEXT, distanceBand, distanceKm, LOCALITY_RADIUS_KM } from '../../common/locality.js';
import { DistancePreference, RiskLevel, Urgency } from '../referral.enums.js';
import type { ExclusionReason, Reason } from './matching.texts.js';

export interface MatchMember {
  sex: Sex;
  age: number;
}

export interface MatchRequest {
  urgency: Urgency;
  riskLevel: RiskLevel;
  honourRelated: boolean;
  trafficking: boolean;
  perpetratorNetwork: boolean;
  policeCoDecision: boolean;
  household: MatchMember[];
  needsWheelchair: boolean;
  needsPets: boolean;
  languages: string[];
  homeRegionId: string;
  avoidRegionIds: string[];
  preferredRegionIds: string[];
  /** At high risk: as far as possible (default, the safety advice) or near the minimum distance. */
  distancePreference: DistancePreference;
}

export interface CandidateShelter {
  id: string;
  name: string;
  regionId: string;
  admittedSexes: Sex[];
  minAge: number;
  maxAge: number | null;
  maxBoyAge: number | null;
  wheelchairAccessible: boolean;
  petsAllowed: boolean;
  languages: string[];
  /** The public locality: matching never sees the exact location (see common/locality.ts). */
  locality: { name: string; latitude: number; longitude: number };
  statusConfirmedAt: Date;
  occupancyRate: number;
}

export interface CandidatePlace {
  id: string;
  label: string;
  beds: number;
  category: PlaceCategory;
  nationalReserve: boolean;
  shelter: CandidateShelter;
}

export interface RegionPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /**
   * How far the region's shelter localities lie from its centre at most (kept by the database);
   * null: the region never had a shelter; left out: unknown, so the search always reads the region.
   */
  extentKm?: number | null;
  /** How many shelters of the searched categories the region has (sizes the search's first read; unknown: left out). */
  shelters?: number;
}

export interface MatchSettings {
  now: Date;
  regions: Map<string, RegionPoint>;
  /** With high risk, at least this far from the home region and every avoided region. */
  minDistanceKm: number;
  /** A shelter that has not confirmed its places for longer than this is demoted. */
  staleAfterHours: number;
}

export interface MatchOption {
  shelter: CandidateShelter;
  places: CandidatePlace[];
  category: PlaceCategory;
  score: number;
  reasons: Reason[];
  /** From the home region's centre to the shelter's locality. */
  distanceKm: number;
}

export interface MatchResult {
  options: MatchOption[];
  /** Places excluded, by the first hard rule they failed. */
  excluded: Map<ExclusionReason, number>;
}

export { EXCLUSION_TEXT } from './matching.texts.js';
export type { ExclusionReason } from './matching.texts.js';

const ADULT_AGE = 18;
const MAX_UNITS_PER_OPTION = 3;

/** Adults are the clients; an unaccompanied minor is the client herself. */
export function clientsOf(household: MatchMember[]): MatchMember[] {
  const adults = household.filter((m) => m.age >= ADULT_AGE);
  return adults.length > 0 ? adults : household;
}

export function accompanyingChildren(household: MatchMember[]): MatchMember[] {
  const clients = new Set(clientsOf(household));
  return household.filter((m) => !clients.has(m));
}

/** Risk that requires leaving the home region and keeping distance (DOMAIN: "deliberately far"). */
export function requiresDistance(request: MatchRequest): boolean {
  return (
    request.riskLevel === RiskLevel.HIGH ||
    request.riskLevel === RiskLevel.SEVERE ||
    request.honourRelated ||
    request.perpetratorNetwork
  );
}

/**
 * Category rule. Men only to MEN places; honour-related threat to HONOUR_RELATED (or a safe
 * house); trafficking to HUMAN_TRAFFICKING; otherwise CRISIS, plus EMERGENCY when immediate.
 * A SAFE_HOUSE only with SEVERE risk and a recorded police co-decision.
 */
export function allowedCategories(request: MatchRequest): PlaceCategory[] {
  const clients = clientsOf(request.household);
  const safeHouse = request.riskLevel === RiskLevel.SEVERE && request.policeCoDecision ? [PlaceCategory.SAFE_HOUSE] : [];
  if (request.trafficking) return [PlaceCategory.HUMAN_TRAFFICKING, ...safeHouse];
  if (clients.every((c) => c.sex === Sex.MALE)) return [PlaceCategory.MEN];
  if (request.honourRelated) return [PlaceCategory.HONOUR_RELATED, ...safeHouse];
  const emergency = request.urgency === Urgency.IMMEDIATE ? [PlaceCategory.EMERGENCY] : [];
  return [...emergency, PlaceCategory.CRISIS, ...safeHouse];
}

export { distanceKm };

type PlaceRule = (place: CandidatePlace, request: MatchRequest, settings: MatchSettings, allowed: Set<PlaceCategory>) => boolean;

/** Hard rules, in the order they are checked. `true` means the place passes. */
export const HARD_RULES: [ExclusionReason, PlaceRule][] = [
  ['CATEGORY', (p, _r, _s, allowed) => allowed.has(p.category)],
  ['AVOIDED_REGION', (p, r) => !r.avoidRegionIds.includes(p.shelter.regionId)],
  ['HOME_REGION_AT_HIGH_RISK', (p, r) => !requiresDistance(r) || p.shelter.regionId !== r.homeRegionId],
  [
    'TOO_CLOSE',
    (p, r, s) => {
      if (!requiresDistance(r)) return true;
      // On the locality with the locality's radius as margin: the exact location is then at least
      // minDistanceKm away, and the outcome cannot reveal more than the locality.
      const away = [r.homeRegionId, ...r.avoidRegionIds].map((id) => s.regions.get(id)).filter((x): x is RegionPoint => !!x);
      return away.every((region) => distanceKm(p.shelter.locality, region) >= s.minDistanceKm + LOCALITY_RADIUS_KM);
    },
  ],
  ['NATIONAL_RESERVE', (p, r) => !p.nationalReserve || (r.urgency === Urgency.IMMEDIATE && p.shelter.regionId !== r.homeRegionId)],
  ['SEX_NOT_ADMITTED', (p, r) => clientsOf(r.household).every((c) => p.shelter.admittedSexes.includes(c.sex))],
  [
    'AGE_OUTSIDE_LIMITS',
    (p, r) => clientsOf(r.household).every((c) => c.age >= p.shelter.minAge && (p.shelter.maxAge === null || c.age <= p.shelter.maxAge)),
  ],
  [
    'BOY_ABOVE_AGE_LIMIT',
    (p, r) => p.shelter.maxBoyAge === null || accompanyingChildren(r.household).every((c) => c.sex !== Sex.MALE || c.age <= p.shelter.maxBoyAge!),
  ],
  ['NOT_WHEELCHAIR_ACCESSIBLE', (p, r) => !r.needsWheelchair || p.shelter.wheelchairAccessible],
  ['NO_PETS', (p, r) => !r.needsPets || p.shelter.petsAllowed],
];

/** Fewest units, then least spare beds: one unit that holds everyone beats two. */
export function fitHousehold(places: CandidatePlace[], size: number): CandidatePlace[] | null {
  const single = places.filter((p) => p.beds >= size).sort((a, b) => a.beds - b.beds)[0];
  if (single) return [single];
  const largestFirst = [...places].sort((a, b) => b.beds - a.beds);
  const chosen: CandidatePlace[] = [];
  let beds = 0;
  for (const place of largestFirst) {
    if (beds >= size || chosen.length === MAX_UNITS_PER_OPTION) break;
    chosen.push(place);
    beds += place.beds;
  }
  return beds >= size ? chosen : null;
}

/**
 * The weights, and what they mean. Geography leads: for LOW/MEDIUM risk the own region first
 * (+100), then the nearest locality (-0.5 per km). Freshness only breaks near-ties (-0.05 per hour
 * since confirmation, at most -1.2, i.e. 2.4 km) and demotes shelters whose status is stale
 * (-30, as if 60 km further), so a shelter that confirmed two hours ago is never put behind one
 * much further away. At high risk the distance is safety, not convenience: by default further is
 * better (+0.1 per km past the minimum, up to 300 km); a referrer may instead ask for near the
 * minimum (-0.1 per km past it) to keep school and work within reach.
 */
export const WEIGHTS = {
  ownRegion: 100,
  perKmElsewhere: 0.5,
  highRiskPerKm: 0.1,
  highRiskCapKm: 300,
  preferredRegion: 40,
  oneUnit: 10,
  emergencyBedWhenImmediate: 15,
  freshnessPerHour: 0.05,
  freshnessCapHours: 24,
  stale: 30,
  perSharedLanguage: 5,
  occupancy: 20,
};

/**
 * Soft preferences, as points (see WEIGHTS): own region first and then nearest for LOW/MEDIUM
 * risk, far for high risk unless asked otherwise; preferred regions; one unit rather than several;
 * emergency beds for immediate requests; shared languages; fresh status; less occupied shelters
 * first (spreads the load).
 */
export function scoreOption(option: Omit<MatchOption, 'score' | 'reasons'>, request: MatchRequest, settings: MatchSettings) {
  const reasons: Reason[] = [];
  let score = 0;
  const { shelter } = option;
  const home = settings.regions.get(request.homeRegionId);
  const regionName = settings.regions.get(shelter.regionId)?.name ?? '?';
  // Distances are locality to home-region centre, and are shown only as bands.
  const band = DISTANCE_BAND_TEXT[distanceBand(option.distanceKm)];
  if (requiresDistance(request)) {
    reasons.push({ code: 'AWAY', locality: shelter.locality.name, region: regionName, band, avoided: request.avoidRegionIds.length > 0 });
    const beyond = Math.min(Math.max(0, option.distanceKm - settings.minDistanceKm), WEIGHTS.highRiskCapKm);
    if (request.distancePreference === DistancePreference.NEAR_MINIMUM) {
      score -= beyond * WEIGHTS.highRiskPerKm;
      reasons.push({ code: 'NEAR_MINIMUM_PREFERRED', minimumKm: settings.minDistanceKm });
    } else {
      score += beyond * WEIGHTS.highRiskPerKm;
      reasons.push({ code: 'FAR_PREFERRED' });
    }
  } else if (shelter.regionId === request.homeRegionId) {
    score += WEIGHTS.ownRegion;
    reasons.push({ code: 'OWN_REGION', region: regionName });
  } else {
    score -= option.distanceKm * WEIGHTS.perKmElsewhere;
    reasons.push({ code: 'ELSEWHERE', locality: shelter.locality.name, region: regionName, band, home: home?.name ?? '' });
  }
  if (request.preferredRegionIds.includes(shelter.regionId)) {
    score += WEIGHTS.preferredRegion;
    reasons.push({ code: 'PREFERRED_REGION' });
  }
  const units = option.places.length;
  score += units === 1 ? WEIGHTS.oneUnit : 0;
  const clients = clientsOf(request.household);
  const minorClient = clients.length === 1 && clients[0].age < ADULT_AGE ? clients[0].age : null;
  reasons.push({
    code: 'FITS',
    adults: request.household.filter((m) => m.age >= ADULT_AGE).length,
    children: accompanyingChildren(request.household).length,
    minorClientAge: minorClient,
    units,
  });
  if (request.urgency === Urgency.IMMEDIATE && option.category === PlaceCategory.EMERGENCY) {
    score += WEIGHTS.emergencyBedWhenImmediate;
    reasons.push({ code: 'EMERGENCY_BED' });
  }
  const hours = Math.max(0, (settings.now.getTime() - shelter.statusConfirmedAt.getTime()) / 3_600_000);
  const stale = hours > settings.staleAfterHours;
  score -= Math.min(hours, WEIGHTS.freshnessCapHours) * WEIGHTS.freshnessPerHour + (stale ? WEIGHTS.stale : 0);
  reasons.push({ code: 'STATUS_CONFIRMED', minutes: Math.round(hours * 60), stale });
  const spoken = request.languages.filter((l) => shelter.languages.includes(l));
  if (spoken.length) {
    score += WEIGHTS.perSharedLanguage * spoken.length;
    reasons.push({ code: 'LANGUAGES', languages: spoken });
  }
  score -= shelter.occupancyRate * WEIGHTS.occupancy;
  return { score: Math.round(score * 100) / 100, reasons };
}

/** Floating-point slack for bounds computed from distances (km): far below any scored difference. */
const BOUND_SLACK_KM = 0.01;

/**
 * The highest score (occupancy left out, as in the first ranking) that any option in `region` can
 * reach: the region search (region-search.ts) reads regions in this order and stops when no region
 * left can beat the options it has. Every locality of the region lies within the region centre's
 * distance from home plus or minus the region's extent (triangle inequality), and every other term
 * of scoreOption is taken at its best. A region whose every place fails a region rule (avoided, or
 * home at high risk) or that never had a shelter gives nothing. Must stay >= scoreOption for any option there: tested.
 */
export function bestScoreIn(region: RegionPoint, request: MatchRequest, settings: MatchSettings): number {
  if (request.avoidRegionIds.includes(region.id) || (requiresDistance(request) && region.id === request.homeRegionId)) return -Infinity;
  const home = settings.regions.get(request.homeRegionId);
  if (region.extentKm === null) return -Infinity;
  if (!home || region.extentKm === undefined) return Infinity;
  const centre = distanceKm(region, home);
  const nearest = Math.max(0, centre - region.extentKm - BOUND_SLACK_KM);
  const furthest = centre + region.extentKm + BOUND_SLACK_KM;
  const beyond = (km: number) => Math.min(Math.max(0, km - settings.minDistanceKm), WEIGHTS.highRiskCapKm);
  let score: number;
  if (requiresDistance(request)) {
    score = request.distancePreference === DistancePreference.NEAR_MINIMUM ? -beyond(nearest) * WEIGHTS.highRiskPerKm : beyond(furthest) * WEIGHTS.highRiskPerKm;
  } else if (region.id === request.homeRegionId) {
    score = WEIGHTS.ownRegion;
  } else {
    score = -nearest * WEIGHTS.perKmElsewhere;
  }
  if (request.preferredRegionIds.includes(region.id)) score += WEIGHTS.preferredRegion;
  score += WEIGHTS.oneUnit + (request.urgency === Urgency.IMMEDIATE ? WEIGHTS.emergencyBedWhenImmediate : 0);
  return score + WEIGHTS.perSharedLanguage * request.languages.length;
}

export function matchPlaces(request: MatchRequest, candidates: CandidatePlace[], settings: MatchSettings, limit: number): MatchResult {
  const allowed = new Set(allowedCategories(request));
  const excluded = new Map<ExclusionReason, number>();
  const count = (reason: ExclusionReason, n = 1) => excluded.set(reason, (excluded.get(reason) ?? 0) + n);

  const passing = new Map<string, CandidatePlace[]>();
  for (const place of candidates) {
    const failed = HARD_RULES.find(([, rule]) => !rule(place, request, settings, allowed));
    if (failed) {
      count(failed[0]);
      continue;
    }
    const key = `${place.shelter.id}|${place.category}`;
    passing.set(key, [...(passing.get(key) ?? []), place]);
  }

  // One option per shelter: its best-fitting category group.
  const best = new Map<string, MatchOption>();
  for (const group of passing.values()) {
    const fit = fitHousehold(group, request.household.length);
    if (!fit) {
      count('HOUSEHOLD_DOES_NOT_FIT', group.length);
      continue;
    }
    const shelter = group[0].shelter;
    const home = settings.regions.get(request.homeRegionId);
    const partial = { shelter, places: fit, category: group[0].category, distanceKm: home ? distanceKm(shelter.locality, home) : 0 };
    const option = { ...partial, ...scoreOption(partial, request, settings) };
    const current = best.get(shelter.id);
    if (!current || option.score > current.score) best.set(shelter.id, option);
  }
  // Ties: nearer locality, then a fixed order (never anything derived from the exact location).
  const options = [...best.values()]
    .sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || (a.shelter.id < b.shelter.id ? -1 : 1))
    .slice(0, limit);
  return { options, excluded };
}
