// Category profiles: lengths of stay, turnover, referrers, throughflow and destinations the history follows.
import { PlaceCategory, ReferrerType } from '../../common/enums.js';
import { ADULT_AGE_BANDS } from '../../placement/household.js';
import { CloseReason, Destination, UrgencyName } from './history-model.js';
import { clamp, Random, WeightTable, weightTable } from './history-random.js';

// ---------------------------------------------------------------------------------------------
// Category profiles: lengths of stay near the norms (DOMAIN.md), turnover, who refers

export interface CategoryProfile {
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

export const mixedLead = (r: Random) => (r.chance(0.75) ? r.between(20, 230) : r.between(60, 1380));

export const PROFILES: Record<PlaceCategory, CategoryProfile> = {
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
export const DESTINATIONS_AFTER_BLOCKED_OUTFLOW = weightTable<Destination>({
  INDEPENDENT_HOUSING: 70, SOCIAL_SHELTER: 10, FAMILY_OR_NETWORK: 8, OTHER_SHELTER: 4, CARE_INSTITUTION: 3, UNKNOWN: 3, OTHER: 2,
});

/** Throughflow: the share of target legs that began as a move from a leg of the source category. */
export const THROUGHFLOW = [
  { from: PlaceCategory.EMERGENCY, to: PlaceCategory.CRISIS, share: 0.6, otherRegionShare: 0.15 },
  { from: PlaceCategory.CRISIS, to: PlaceCategory.FOLLOW_ON, share: 0.7, otherRegionShare: 0.1 },
] as const;

export const TRANSFER_REASONS: Record<string, { own: string; other: string }> = {
  [`${PlaceCategory.EMERGENCY}>${PlaceCategory.CRISIS}`]: {
    own: 'Moved on from the emergency bed to a crisis place',
    other: 'Crisis place in another region (none free nearby, or safer further away)',
  },
  [`${PlaceCategory.CRISIS}>${PlaceCategory.FOLLOW_ON}`]: {
    own: 'Recovery plan: on to follow-on shelter',
    other: 'Follow-on shelter in another region, closer to network or housing',
  },
};

export const UNMET_REASONS = weightTable<CloseReason>({
  NO_CAPACITY: 34, CLIENT_DECLINED: 12, AMBULATORY_HELP_INSTEAD: 12, CONTACT_LOST: 10, REFERRED_ELSEWHERE_FOR_SAFETY: 8,
  NEEDS_NOT_MET: 6, TOO_FAR: 5, ONLY_NEEDS_A_ROOF: 5, TOO_CLOSE_TO_PERPETRATOR: 4, OTHER: 4,
});
export const UNMET_NEEDS = weightTable<PlaceCategory>({
  [PlaceCategory.CRISIS]: 84, [PlaceCategory.MEN]: 4, [PlaceCategory.HONOUR_RELATED]: 4,
  [PlaceCategory.HUMAN_TRAFFICKING]: 6, [PlaceCategory.SAFE_HOUSE]: 2,
});

export const ADULT_AGE_WEIGHTS = ADULT_AGE_BANDS.map((b) => b.weight);
