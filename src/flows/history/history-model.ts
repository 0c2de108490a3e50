// The generator's shared state, tables, types and helpers: what every phase reads and writes.
import type { EntityManager } from 'typeorm';
import { PlaceCategory, ReferrerType, Sex } from '../../common/enums.js';
import { DAY_MS, MINUTE_MS } from './history-calendar.js';
import { Random } from './history-random.js';

/** Marks every row written here (claimed_by, admitted_by, transferred_by, event actors). */
export const HISTORY_ACTOR = 'history';

/** Every table the generator writes to. */
export const HISTORY_TABLES = [
  'claim', 'claim_place', 'stay', 'stay_member', 'stay_place', 'transfer', 'outflow_readiness',
  'placement_request', 'request_member', 'request_event', 'availability_snapshot',
];

/** DOMAIN.md: ~2,700 requests a year end without admission, for a network of this demo's size at scale 1. */
export const UNMET_PER_YEAR_AT_SCALE_1 = 2700;
export const PLACES_AT_SCALE_1 = 1380;

export const STAY_CHUNK = 20_000;
export const CATEGORIES = Object.values(PlaceCategory) as PlaceCategory[];
export const CAT = Object.fromEntries(CATEGORIES.map((c, i) => [c, i])) as Record<PlaceCategory, number>;
export const HOLD_MINUTES = [120, 240, 720, 1440];
export const MIN_FREE_MS = 15 * MINUTE_MS;
export const ESCALATE_MINUTES: Record<UrgencyName, number | null> = { IMMEDIATE: 15, WITHIN_24H: 240, PLANNED: null };
export const EMERGENCY_REFERRERS = new Set<ReferrerType>([ReferrerType.POLICE, ReferrerType.VEILIG_THUIS, ReferrerType.PUBLIC_PROSECUTOR, ReferrerType.GGD]);
/** MATCH_MIN_DISTANCE_KM's default: at high risk the place lies at least this far from home. */
export const MIN_DISTANCE_KM = 50;

export type UrgencyName = 'IMMEDIATE' | 'WITHIN_24H' | 'PLANNED';
export type RiskName = 'LOW' | 'MEDIUM' | 'HIGH' | 'SEVERE';
export type Destination =
  | 'INDEPENDENT_HOUSING' | 'RETURN_HOME_SAFE' | 'FAMILY_OR_NETWORK' | 'OTHER_SHELTER'
  | 'SOCIAL_SHELTER' | 'CARE_INSTITUTION' | 'UNKNOWN' | 'OTHER';
export type Blocker = 'HOUSING' | 'DEBTS' | 'BENEFITS' | 'RESIDENCE_STATUS' | 'OTHER';
export type CloseReason =
  | 'NO_CAPACITY' | 'CLIENT_DECLINED' | 'TOO_CLOSE_TO_PERPETRATOR' | 'TOO_FAR' | 'NEEDS_NOT_MET'
  | 'AMBULATORY_HELP_INSTEAD' | 'REFERRED_ELSEWHERE_FOR_SAFETY' | 'CONTACT_LOST' | 'ONLY_NEEDS_A_ROOF' | 'OTHER';

// ---------------------------------------------------------------------------------------------
// What is read from the database

export interface RegionInfo {
  idx: number;
  id: string;
  code: string;
  latitude: number;
  longitude: number;
  /** Other regions, nearer ones more likely (cumulative weights). */
  nearbyCum: Float64Array;
  nearbyIdx: Int32Array;
}

export interface ShelterInfo {
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

export interface PlaceInfo {
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

export interface Member {
  sex: Sex;
  age: number;
}

// ---------------------------------------------------------------------------------------------
// Legs: one occupied interval of one place (struct of arrays, a million or more of them)

export class Legs {
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
// State shared by the phases

/** Everything the phases share: the network as read, the planned legs, the snapshot series. */
export class HistoryState {
  regions: RegionInfo[] = [];
  places: PlaceInfo[] = [];
  placesByGroup: PlaceInfo[][] = [];
  readonly legs = new Legs();
  readonly windowStart: number;
  snapshotTimes: number[] = [];
  /** Per region x category: the counts at each snapshot time. */
  series: Array<{ available: Int32Array; held: Int32Array; occupied: Int32Array; out: Int32Array }> = [];
  snapshotRows = 0;
  zeroDays = 0;

  constructor(
    readonly manager: EntityManager,
    readonly random: Random,
    readonly now: number,
    years: number,
    readonly log: (msg: string) => void,
    readonly suspendForeignKeys: boolean,
  ) {
    this.windowStart = Math.round(now - years * 365.2425 * DAY_MS);
  }
}

/** Index of one region x category pair (placesByGroup, series). */
export function group(regionIdx: number, cat: number): number {
  return regionIdx * CATEGORIES.length + cat;
}

// ---------------------------------------------------------------------------------------------
// Helpers

export function instrumentOf(referrer: ReferrerType): string | null {
  if (referrer === ReferrerType.POLICE || referrer === ReferrerType.PUBLIC_PROSECUTOR) return 'RiHG';
  if (referrer === ReferrerType.VEILIG_THUIS) return 'Veilig Thuis triage';
  return null;
}

export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
