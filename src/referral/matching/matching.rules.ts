/**
 * The matching rule set, in one place. Hard rules exclude a place (the first failing rule is the
 * reason counted); soft preferences order what is left. The README's table is this file in words.
 * Nothing here touches the database: the candidate loader fetches available places of the allowed
 * categories, and every other rule is applied below.
 */
import { PlaceCategory, Sex } from '../../common/enums.js';
import { DISTANCE_BAND_TEXT, distanceBand, distanceKm, LOCALITY_RADIUS_KM } from '../../common/locality.js';
import { RiskLevel, Urgency } from '../referral.enums.js';

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
}

export interface MatchSettings {
  now: Date;
  regions: Map<string, RegionPoint>;
  /** With high risk, at least this far from the home region and every avoided region. */
  minDistanceKm: number;
}

export interface MatchOption {
  shelter: CandidateShelter;
  places: CandidatePlace[];
  category: PlaceCategory;
  score: number;
  reasons: string[];
  /** From the home region's centre to the shelter's locality. */
  distanceKm: number;
}

export interface MatchResult {
  options: MatchOption[];
  /** Places excluded, by the first hard rule they failed. */
  excluded: Map<ExclusionReason, number>;
}

export type ExclusionReason =
  | 'CATEGORY'
  | 'AVOIDED_REGION'
  | 'HOME_REGION_AT_HIGH_RISK'
  | 'TOO_CLOSE'
  | 'NATIONAL_RESERVE'
  | 'SEX_NOT_ADMITTED'
  | 'AGE_OUTSIDE_LIMITS'
  | 'BOY_ABOVE_AGE_LIMIT'
  | 'NOT_WHEELCHAIR_ACCESSIBLE'
  | 'NO_PETS'
  | 'HOUSEHOLD_DOES_NOT_FIT';

export const EXCLUSION_TEXT: Record<ExclusionReason, string> = {
  CATEGORY: 'category does not suit the request',
  AVOIDED_REGION: 'in a region to avoid (perpetrator or network)',
  HOME_REGION_AT_HIGH_RISK: 'in the home region while the risk requires leaving it',
  TOO_CLOSE: 'too close to the home region or an avoided region',
  NATIONAL_RESERVE: 'national reserve (only for acute requests from another region)',
  SEX_NOT_ADMITTED: 'does not admit the client\'s sex',
  AGE_OUTSIDE_LIMITS: 'client\'s age outside the location\'s limits',
  BOY_ABOVE_AGE_LIMIT: 'a son is older than the location accepts',
  NOT_WHEELCHAIR_ACCESSIBLE: 'not wheelchair accessible',
  NO_PETS: 'no pets allowed',
  HOUSEHOLD_DOES_NOT_FIT: 'no free unit large enough',
};

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

function describeHousehold(household: MatchMember[]): string {
  const adults = household.filter((m) => m.age >= ADULT_AGE).length;
  const children = household.length - adults;
  const parts = [adults && `${adults} adult${adults > 1 ? 's' : ''}`, children && `${children} child${children > 1 ? 'ren' : ''}`];
  return parts.filter(Boolean).join(' + ');
}

function ago(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - from.getTime()) / 60000));
  if (minutes < 90) return `${minutes} min ago`;
  return `${Math.round(minutes / 60)} h ago`;
}

/**
 * Soft preferences, as points: own region first and then nearest for LOW/MEDIUM risk; preferred
 * regions; fresher status; one unit rather than several; emergency beds for immediate requests;
 * shared languages; less occupied shelters first (spreads the load).
 */
export function scoreOption(option: Omit<MatchOption, 'score' | 'reasons'>, request: MatchRequest, settings: MatchSettings) {
  const reasons: string[] = [];
  let score = 0;
  const { shelter } = option;
  const home = settings.regions.get(request.homeRegionId);
  const regionName = settings.regions.get(shelter.regionId)?.name ?? 'unknown region';
  // Distances are locality to home-region centre, and are shown only as bands.
  const band = DISTANCE_BAND_TEXT[distanceBand(option.distanceKm)];
  const where = `${shelter.locality.name} (${regionName})`;
  if (requiresDistance(request)) {
    const avoided = request.avoidRegionIds.length ? ', outside all avoided regions' : '';
    reasons.push(`in ${where}, ${band} from the home region${avoided}`);
    score -= Math.max(0, option.distanceKm - 150) * 0.1;
  } else if (shelter.regionId === request.homeRegionId) {
    score += 100;
    reasons.push(`own region (${regionName})`);
  } else {
    score -= option.distanceKm * 0.5;
    reasons.push(`in ${where}, ${band} from the home region ${home?.name ?? ''}`.trimEnd());
  }
  if (request.preferredRegionIds.includes(shelter.regionId)) {
    score += 40;
    reasons.push('preferred region');
  }
  const units = option.places.length;
  score += units === 1 ? 10 : 0;
  reasons.push(`fits ${describeHousehold(request.household)} in ${units === 1 ? 'one unit' : `${units} units`}`);
  if (request.urgency === Urgency.IMMEDIATE && option.category === PlaceCategory.EMERGENCY) {
    score += 15;
    reasons.push('emergency bed, intake 24/7');
  }
  const hours = (settings.now.getTime() - shelter.statusConfirmedAt.getTime()) / 3_600_000;
  score -= Math.min(Math.max(hours, 0), 24) * 2;
  reasons.push(`status confirmed ${ago(shelter.statusConfirmedAt, settings.now)}`);
  const spoken = request.languages.filter((l) => shelter.languages.includes(l));
  if (spoken.length) {
    score += 5 * spoken.length;
    reasons.push(`staff speak ${spoken.join(', ')}`);
  }
  score -= shelter.occupancyRate * 20;
  return { score: Math.round(score * 10) / 10, reasons };
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
