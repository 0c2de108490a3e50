/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AdmitInput = {
  claimId: string | number;
  /** Every person arriving; the count must equal the claim's household size. Taken from the request when the claim has one. */
  household?: Array<HouseholdMemberInput> | null | undefined;
  /** The region the household comes from; the request's home region by default. */
  originRegionId?: string | number | null | undefined;
  referrerType?: ReferrerType | null | undefined;
};

export type ClaimForRequestInput = {
  holdMinutes?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
  placeIds: Array<string | number>;
  requestId: string | number;
};

export type ClaimPlaceInput = {
  /** Hold duration; default 120, at most 1440. */
  holdMinutes?: number | null | undefined;
  /** Persons, children included; the places' beds together must hold them. */
  householdSize: number;
  /** Retrying with the same key and input returns the first result. */
  idempotencyKey?: string | null | undefined;
  /** Places of one shelter and one category; all are claimed or none. */
  placeIds: Array<string | number>;
  requestId?: string | number | null | undefined;
};

/** A HELD claim past expiresAt reads as EXPIRED. */
export type ClaimStatus =
  | 'ADMITTED'
  | 'EXPIRED'
  | 'HELD'
  | 'RELEASED';

export type CloseRequestInput = {
  note?: string | null | undefined;
  reason: NotAdmittedReason;
  requestId: string | number;
};

export type CreatePlacementRequestInput = {
  /** Where the perpetrator or their network lives or works. */
  avoidRegionIds?: Array<string | number>;
  /** A pseudonym; this service stores no names. Confidential. */
  clientReference?: string | null | undefined;
  /** The client consented to sharing these data; must be true. */
  consentToShare: boolean;
  /** At high risk: far (default) or near the minimum distance. */
  distancePreference?: DistancePreference;
  homeRegionId: string | number;
  /** Everyone who needs a bed; children are clients too. */
  household: Array<HouseholdMemberInput>;
  needs?: NeedsInput | null | undefined;
  /** Confidential. */
  notes?: string | null | undefined;
  preferredRegionIds?: Array<string | number>;
  /** Recorded only; residence status never decides access. */
  residenceStatus?: string | null | undefined;
  risk: RiskInput;
  urgency: Urgency;
};

export type DischargeDestination =
  | 'CARE_INSTITUTION'
  | 'FAMILY_OR_NETWORK'
  | 'INDEPENDENT_HOUSING'
  | 'OTHER'
  | 'OTHER_SHELTER'
  | 'RETURN_HOME_SAFE'
  | 'SOCIAL_SHELTER'
  | 'UNKNOWN';

export type DischargeInput = {
  destination: DischargeDestination;
  note?: string | null | undefined;
  stayId: string | number;
};

/** From the home region's centre to a shelter's public locality: < 25 km, 25-50 km, 50-100 km, > 100 km. */
export type DistanceBand =
  | 'KM_25_TO_50'
  | 'KM_50_TO_100'
  | 'OVER_100_KM'
  | 'UNDER_25_KM';

/** At high risk only (HIGH/SEVERE, honour-related, perpetrator network): how far beyond the minimum distance to look first. */
export type DistancePreference =
  /** As far away as possible (default): the safety advice for high risk ("deliberately far"). */
  | 'FAR'
  /** Just beyond the minimum distance, e.g. to keep school or work within reach. */
  | 'NEAR_MINIMUM';

export type EmergencyPlacementInput = {
  avoidRegionIds?: Array<string | number>;
  clientReference?: string | null | undefined;
  /** Must be true. */
  consentToShare: boolean;
  homeRegionId: string | number;
  household: Array<HouseholdMemberInput>;
  /** Retrying with the same key returns the first result. */
  idempotencyKey?: string | null | undefined;
  needs?: NeedsInput | null | undefined;
  notes?: string | null | undefined;
  risk: RiskInput;
};

/** Calendar buckets in the report time zone (Europe/Amsterdam); weeks start on Monday. */
export type FlowGranularity =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type HouseholdMemberInput = {
  /** Age in years; children (under 18) are clients in their own right. */
  age: number;
  sex: Sex;
};

export type MarkReadyForOutflowInput = {
  /** What keeps the client from leaving; empty clears readiness. */
  blockers: Array<OutflowBlocker>;
  stayId: string | number;
};

export type NeedsInput = {
  languages?: Array<string>;
  pets?: boolean;
  wheelchair?: boolean;
};

export type NotAdmittedReason =
  | 'AMBULATORY_HELP_INSTEAD'
  | 'CLIENT_DECLINED'
  | 'CONTACT_LOST'
  | 'NEEDS_NOT_MET'
  | 'NO_CAPACITY'
  | 'ONLY_NEEDS_A_ROOF'
  | 'OTHER'
  | 'REFERRED_ELSEWHERE_FOR_SAFETY'
  | 'TOO_CLOSE_TO_PERPETRATOR'
  | 'TOO_FAR';

/** Why a client ready to leave cannot leave yet. */
export type OutflowBlocker =
  | 'BENEFITS'
  | 'DEBTS'
  | 'HOUSING'
  | 'OTHER'
  | 'RESIDENCE_STATUS';

/** Kind of shelter place (noodbed, crisisplaats, mannenopvang, ...). */
export type PlaceCategory =
  /** Crisisplaats (nationally accessible): average stay 6-9 weeks. */
  | 'CRISIS'
  /** Noodbed: immediate intake 24/7, average stay ~3 days. */
  | 'EMERGENCY'
  /** Vervolgopvang: longer stay after crisis, towards independent living. */
  | 'FOLLOW_ON'
  /** Honour-related violence: secret location, young women and girls. */
  | 'HONOUR_RELATED'
  /** Categorical shelter for victims of human trafficking. */
  | 'HUMAN_TRAFFICKING'
  /** Mannenopvang: male victims. */
  | 'MEN'
  /** Safe House: constant serious threat; police co-decide admission. */
  | 'SAFE_HOUSE';

/** A hold past its expiry reads as AVAILABLE, even before the sweep has run. */
export type PlaceStatus =
  | 'AVAILABLE'
  | 'HELD'
  | 'OCCUPIED'
  | 'OUT_OF_SERVICE';

export type ReferrerType =
  | 'GGD'
  | 'HONOUR_VIOLENCE_CENTRE'
  | 'POLICE'
  | 'PUBLIC_PROSECUTOR'
  | 'SHELTER'
  | 'TRAFFICKING_COORDINATION'
  | 'VEILIG_THUIS';

export type ReleaseClaimInput = {
  claimId: string | number;
  reason: string;
};

export type RequestStatus =
  | 'ADMITTED'
  | 'CANCELLED'
  | 'CLAIMED'
  | 'ESCALATED'
  | 'NOT_ADMITTED'
  | 'OPEN'
  /** On the waiting list: offered the first fitting place that becomes free. */
  | 'WAITING';

export type RiskInput = {
  firearmAccess?: boolean;
  honourRelated?: boolean;
  /** Screening instrument as used, e.g. RiHG, Veilig Thuis triage. */
  instrument?: string | null | undefined;
  level: RiskLevel;
  /** Threat from family or network. */
  perpetratorNetwork?: boolean;
  /** Police co-decided on a safe house (required for SAFE_HOUSE places). */
  policeCoDecision?: boolean;
  /** Score as given by the instrument. */
  score?: string | null | undefined;
  /** Confidential. */
  summary?: string | null | undefined;
  trafficking?: boolean;
};

/** opvangnet's own scale; the instrument's score is kept as given. */
export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'SEVERE';

export type SetPlaceStatusInput = {
  /** The version you last saw; a newer one gives CONFLICT. */
  expectedVersion: number;
  placeId: string | number;
  /** Why, in a few words (kept in the audit log). */
  reason: string;
  status: UpkeepStatus;
};

export type Sex =
  | 'FEMALE'
  | 'MALE'
  | 'X';

export type StayStatus =
  | 'ACTIVE'
  | 'DISCHARGED';

export type TransferStayInput = {
  reason: string;
  stayId: string | number;
  toPlaceIds: Array<string | number>;
};

/** Statuses intake may set directly; claims and admissions have their own mutations. */
export type UpkeepStatus =
  | 'AVAILABLE'
  | 'OUT_OF_SERVICE';

export type Urgency =
  /** Now; an emergency bed is acceptable. Escalates after 15 minutes without a claim. */
  | 'IMMEDIATE'
  /** Planned; does not escalate by time. */
  | 'PLANNED'
  /** Today. Escalates after 4 hours without a claim. */
  | 'WITHIN_24H';

export type OptionsList_OptionsFragment = { categories: Array<PlaceCategory>, regionsSearched: number | null, regionsInNetwork: number | null, excluded: Array<{ rule: string, places: number }>, options: Array<{ shelterId: string, shelterName: string, regionId: string, category: PlaceCategory, locality: string, distanceBand: DistanceBand, score: number, reasons: Array<string>, places: Array<{ id: string, label: string, beds: number }> }> } & { ' $fragmentName'?: 'OptionsList_OptionsFragment' };

export type RequestFacts_RequestFragment = { id: string, status: RequestStatus, urgency: Urgency, createdAt: string, householdSize: number, adults: number, children: number, escalatedAt: string | null, escalationReason: string | null, household: Array<{ sex: Sex, age: number | null, ageBand: string, isChild: boolean }>, risk: { level: RiskLevel, honourRelated: boolean, trafficking: boolean, perpetratorNetwork: boolean, policeCoDecision: boolean, firearmAccess: boolean } | null, needs: { wheelchair: boolean, pets: boolean, languages: Array<string> }, timeline: Array<{ kind: string, at: string, actor: string | null }> } & { ' $fragmentName'?: 'RequestFacts_RequestFragment' };

export type RegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsQuery = { regions: Array<{ id: string, name: string }> };

export type CoordinatorAuditEventsQueryVariables = Exact<{
  actor?: string | null | undefined;
  action?: string | null | undefined;
  entityType?: string | null | undefined;
  entityId?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  after?: string | null | undefined;
}>;


export type CoordinatorAuditEventsQuery = { auditEvents: { nodes: Array<{ id: string, at: string, actor: string, actorRole: string, action: string, entityType: string, entityId: string, statusBefore: string | null, statusAfter: string | null, detail: unknown }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CoordinatorSheltersQueryVariables = Exact<{ [key: string]: never; }>;


export type CoordinatorSheltersQuery = { shelters: { nodes: Array<{ id: string, name: string, region: { id: string, name: string } }> } };

export type CoordinatorEscalatedQueryVariables = Exact<{ [key: string]: never; }>;


export type CoordinatorEscalatedQuery = { placementRequests: { nodes: Array<{ id: string, status: RequestStatus, urgency: Urgency, homeRegionId: string, householdSize: number, createdAt: string, escalatedAt: string | null, escalationReason: string | null }> } };

export type CoordinatorEscalationsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CoordinatorEscalationsSubscription = { escalations: { id: string, status: RequestStatus, urgency: Urgency, homeRegionId: string, householdSize: number, createdAt: string, escalatedAt: string | null, escalationReason: string | null } };

export type CoordinatorEscalationsAvailabilitySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type CoordinatorEscalationsAvailabilitySubscription = { availabilityChanged: { regionId: string, category: PlaceCategory } };

export type NationalAvailabilityQueryVariables = Exact<{ [key: string]: never; }>;


export type NationalAvailabilityQuery = { availability: Array<{ regionId: string, category: PlaceCategory, placesTotal: number, available: number, freeBeds: number, largestHouseholdAdmissible: number, held: number, occupied: number, outOfService: number, stale: boolean }> };

export type NationalAvailabilityChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NationalAvailabilityChangedSubscription = { availabilityChanged: { regionId: string, category: PlaceCategory, placesTotal: number, available: number, freeBeds: number, largestHouseholdAdmissible: number, held: number, occupied: number, outOfService: number, stale: boolean } };

export type CoordinatorRegionSheltersQueryVariables = Exact<{
  regionId: string | number;
}>;


export type CoordinatorRegionSheltersQuery = { regions: Array<{ id: string, name: string }>, shelters: { nodes: Array<{ id: string, name: string, categories: Array<PlaceCategory>, statusConfirmedAt: string }> } };

export type FlowDashboardQueryVariables = Exact<{
  regionId?: string | number | null | undefined;
  from: string;
  to: string;
  granularity: FlowGranularity;
}>;


export type FlowDashboardQuery = { flowReport: { regionId: string | null, from: string, to: string, granularity: FlowGranularity, buckets: Array<{ start: string, end: string, inflow: { admissions: { value: number | null, suppressed: boolean } }, blockedOutflow: { atPeriodEnd: { value: number | null, suppressed: boolean }, byBlocker: Array<{ key: string, value: number | null, suppressed: boolean }> }, waitingList: { waitingAtEnd: { value: number | null, suppressed: boolean } }, occupancy: Array<{ category: string, rate: number | null }> }>, total: { start: string, end: string, inflow: { admissions: { value: number | null, suppressed: boolean }, persons: { value: number | null, suppressed: boolean }, byCategory: Array<{ key: string, value: number | null, suppressed: boolean }>, byOrigin: Array<{ key: string, value: number | null, suppressed: boolean }>, byReferrerType: Array<{ key: string, value: number | null, suppressed: boolean }>, bySexAndAgeBand: Array<{ key: string, value: number | null, suppressed: boolean }> }, throughflow: { transfers: { value: number | null, suppressed: boolean }, byMove: Array<{ key: string, value: number | null, suppressed: boolean }>, toOtherRegions: { value: number | null, suppressed: boolean }, fromOtherRegions: { value: number | null, suppressed: boolean }, daysBeforeMove: { p50: number | null, p90: number | null, observations: { value: number | null, suppressed: boolean } } }, outflow: { discharges: { value: number | null, suppressed: boolean }, byDestination: Array<{ key: string, value: number | null, suppressed: boolean }>, lengthOfStay: Array<{ category: string, p50Days: number | null, p90Days: number | null, normDays: number, overNormShare: number | null, overMaxShare: number | null, discharges: { value: number | null, suppressed: boolean } }> }, blockedOutflow: { daysWaitingP50: number | null, atPeriodEnd: { value: number | null, suppressed: boolean }, byBlocker: Array<{ key: string, value: number | null, suppressed: boolean }>, markedInPeriod: { value: number | null, suppressed: boolean } }, unmetDemand: { notAdmitted: { value: number | null, suppressed: boolean }, byReason: Array<{ key: string, value: number | null, suppressed: boolean }>, escalations: { value: number | null, suppressed: boolean }, hoursToClaim: { p50: number | null, p90: number | null, observations: { value: number | null, suppressed: boolean } }, hoursToAdmission: { p50: number | null, p90: number | null, observations: { value: number | null, suppressed: boolean } }, daysWithoutFreePlace: Array<{ key: string, value: number | null, suppressed: boolean }> }, waitingList: { waitingAtEnd: { value: number | null, suppressed: boolean }, leftList: { value: number | null, suppressed: boolean }, leftListBy: Array<{ key: string, value: number | null, suppressed: boolean }>, daysWaited: { p50: number | null, p90: number | null, observations: { value: number | null, suppressed: boolean } }, offersMade: { value: number | null, suppressed: boolean }, offersAccepted: { value: number | null, suppressed: boolean }, offersDeclined: { value: number | null, suppressed: boolean } }, occupancy: Array<{ category: string, rate: number | null, occupiedPlaceSamples: number, inServicePlaceSamples: number }>, placementMatrix: Array<{ originRegion: string, placementRegion: string, value: number | null, suppressed: boolean }> } } };

export type FlowRegionsQueryVariables = Exact<{ [key: string]: never; }>;


export type FlowRegionsQuery = { regions: Array<{ id: string, name: string, code: string }> };

export type IntakeRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type IntakeRequestsQuery = { placementRequests: { nodes: Array<{ id: string, status: RequestStatus, urgency: Urgency, householdSize: number, adults: number, children: number, homeRegionId: string, createdAt: string, escalatedAt: string | null, risk: { level: RiskLevel } | null }> } };

export type IntakeIncomingSubscriptionVariables = Exact<{
  regionId: string | number;
}>;


export type IntakeIncomingSubscription = { incomingPlacementRequests: { id: string, status: RequestStatus, escalatedAt: string | null } };

export type IntakeSheltersQueryVariables = Exact<{ [key: string]: never; }>;


export type IntakeSheltersQuery = { shelters: { nodes: Array<{ id: string, name: string, region: { id: string, name: string } }> } };

export type IntakeRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type IntakeRequestQuery = { placementRequest: (
    { id: string, status: RequestStatus, receivingShelter: { shelterId: string, name: string } | null }
    & { ' $fragmentRefs'?: { 'RequestFacts_RequestFragment': RequestFacts_RequestFragment } }
  ), placementOptions: { ' $fragmentRefs'?: { 'OptionsList_OptionsFragment': OptionsList_OptionsFragment } } };

export type IntakeRequestChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type IntakeRequestChangedSubscription = { placementRequestUpdated: { id: string, status: RequestStatus } };

export type IntakeClaimForRequestMutationVariables = Exact<{
  input: ClaimForRequestInput;
}>;


export type IntakeClaimForRequestMutation = { claimForRequest: { id: string, status: RequestStatus } };

export type IntakeDeclineMutationVariables = Exact<{
  input: CloseRequestInput;
}>;


export type IntakeDeclineMutation = { declinePlacementRequest: { id: string, status: RequestStatus } };

export type BoardClaimPlaceMutationVariables = Exact<{
  input: ClaimPlaceInput;
}>;


export type BoardClaimPlaceMutation = { claimPlace: { id: string, status: ClaimStatus, expiresAt: string } };

export type BoardReleaseClaimMutationVariables = Exact<{
  input: ReleaseClaimInput;
}>;


export type BoardReleaseClaimMutation = { releaseClaim: { id: string, status: ClaimStatus } };

export type BoardAdmitMutationVariables = Exact<{
  input: AdmitInput;
}>;


export type BoardAdmitMutation = { admit: { id: string, householdSize: number } };

export type BoardSetPlaceStatusMutationVariables = Exact<{
  input: SetPlaceStatusInput;
}>;


export type BoardSetPlaceStatusMutation = { setPlaceStatus: { id: string, status: PlaceStatus, version: number } };

export type BoardMarkReadyMutationVariables = Exact<{
  input: MarkReadyForOutflowInput;
}>;


export type BoardMarkReadyMutation = { markReadyForOutflow: { id: string, readyForOutflowAt: string | null, outflowBlockers: Array<OutflowBlocker> } };

export type BoardTransferMutationVariables = Exact<{
  input: TransferStayInput;
}>;


export type BoardTransferMutation = { transferStay: { id: string } };

export type BoardDischargeMutationVariables = Exact<{
  input: DischargeInput;
}>;


export type BoardDischargeMutation = { discharge: { id: string, status: StayStatus } };

export type IntakeBoardQueryVariables = Exact<{
  shelterId: string | number;
}>;


export type IntakeBoardQuery = { shelter: { id: string, name: string, regionId: string, statusConfirmedAt: string, places: Array<(
      { id: string, label: string, beds: number, status: PlaceStatus, version: number }
      & { ' $fragmentRefs'?: { 'PlaceRow_PlaceFragment': PlaceRow_PlaceFragment } }
    )> }, activeStays: Array<(
    { id: string, claimId: string, householdSize: number }
    & { ' $fragmentRefs'?: { 'PlaceRow_StayFragment': PlaceRow_StayFragment } }
  )>, claims: { nodes: Array<{ id: string, status: ClaimStatus, expiresAt: string, householdSize: number, places: Array<{ id: string }> }> } };

export type IntakePlacesChangedSubscriptionVariables = Exact<{
  shelterId: string | number;
}>;


export type IntakePlacesChangedSubscription = { shelterPlacesChanged: { shelterId: string, places: Array<{ id: string, status: PlaceStatus, version: number }> } };

export type PlaceRow_PlaceFragment = { id: string, label: string, category: PlaceCategory, beds: number, status: PlaceStatus, statusChangedAt: string, outOfServiceReason: string | null, nationalReserve: boolean } & { ' $fragmentName'?: 'PlaceRow_PlaceFragment' };

export type PlaceRow_StayFragment = { id: string, householdSize: number, adults: number, children: number, admittedAt: string, readyForOutflowAt: string | null, outflowBlockers: Array<OutflowBlocker> } & { ' $fragmentName'?: 'PlaceRow_StayFragment' };

export type BoardConfirmStatusMutationVariables = Exact<{
  shelterId: string | number;
}>;


export type BoardConfirmStatusMutation = { confirmShelterStatus: { id: string, statusConfirmedAt: string } };

export type ReferrerEmergencyMutationVariables = Exact<{
  input: EmergencyPlacementInput;
}>;


export type ReferrerEmergencyMutation = { requestEmergencyPlacement: { claim: { id: string, expiresAt: string } | null, receivingShelter: { ' $fragmentRefs'?: { 'ReceivingShelterCard_ShelterFragment': ReceivingShelterCard_ShelterFragment } } | null, request: { id: string, status: RequestStatus } } };

export type ReferrerMyRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferrerMyRequestsQuery = { placementRequests: { nodes: Array<{ id: string, status: RequestStatus, urgency: Urgency, householdSize: number, createdAt: string, clientReference: string | null }> } };

export type ReferrerRowChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ReferrerRowChangedSubscription = { placementRequestUpdated: { id: string, status: RequestStatus } };

export type ReferrerCreateRequestMutationVariables = Exact<{
  input: CreatePlacementRequestInput;
}>;


export type ReferrerCreateRequestMutation = { createPlacementRequest: { id: string, status: RequestStatus } };

export type ReceivingShelterCard_ShelterFragment = { name: string, intakePhone: string, meetingInstructions: string | null, holdExpiresAt: string | null } & { ' $fragmentName'?: 'ReceivingShelterCard_ShelterFragment' };

export type ReferrerRequestQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferrerRequestQuery = { placementRequest: (
    { id: string, status: RequestStatus, receivingShelter: { ' $fragmentRefs'?: { 'ReceivingShelterCard_ShelterFragment': ReceivingShelterCard_ShelterFragment } } | null }
    & { ' $fragmentRefs'?: { 'RequestFacts_RequestFragment': RequestFacts_RequestFragment } }
  ) };

export type ReferrerOptionsQueryVariables = Exact<{
  id: string | number;
}>;


export type ReferrerOptionsQuery = { placementOptions: { ' $fragmentRefs'?: { 'OptionsList_OptionsFragment': OptionsList_OptionsFragment } } };

export type ReferrerRequestChangedSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type ReferrerRequestChangedSubscription = { placementRequestUpdated: { id: string, status: RequestStatus } };

export type ReferrerAvailabilityChangedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ReferrerAvailabilityChangedSubscription = { availabilityChanged: { regionId: string, category: PlaceCategory, available: number } };

export const OptionsList_OptionsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OptionsList_options"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlacementOptions"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"regionsSearched"}},{"kind":"Field","name":{"kind":"Name","value":"regionsInNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"places"}}]}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelterId"}},{"kind":"Field","name":{"kind":"Name","value":"shelterName"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"locality"}},{"kind":"Field","name":{"kind":"Name","value":"distanceBand"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"beds"}}]}}]}}]}}]} as unknown as DocumentNode<OptionsList_OptionsFragment, unknown>;
export const RequestFacts_RequestFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestFacts_request"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlacementRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"adults"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"isChild"}}]}},{"kind":"Field","name":{"kind":"Name","value":"risk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"honourRelated"}},{"kind":"Field","name":{"kind":"Name","value":"trafficking"}},{"kind":"Field","name":{"kind":"Name","value":"perpetratorNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"policeCoDecision"}},{"kind":"Field","name":{"kind":"Name","value":"firearmAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wheelchair"}},{"kind":"Field","name":{"kind":"Name","value":"pets"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationReason"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]} as unknown as DocumentNode<RequestFacts_RequestFragment, unknown>;
export const PlaceRow_PlaceFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaceRow_place"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Place"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"beds"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outOfServiceReason"}},{"kind":"Field","name":{"kind":"Name","value":"nationalReserve"}}]}}]} as unknown as DocumentNode<PlaceRow_PlaceFragment, unknown>;
export const PlaceRow_StayFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaceRow_stay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stay"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"adults"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"admittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"readyForOutflowAt"}},{"kind":"Field","name":{"kind":"Name","value":"outflowBlockers"}}]}}]} as unknown as DocumentNode<PlaceRow_StayFragment, unknown>;
export const ReceivingShelterCard_ShelterFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivingShelterCard_shelter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReceivingShelter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"intakePhone"}},{"kind":"Field","name":{"kind":"Name","value":"meetingInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"holdExpiresAt"}}]}}]} as unknown as DocumentNode<ReceivingShelterCard_ShelterFragment, unknown>;
export const RegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RegionsQuery, RegionsQueryVariables>;
export const CoordinatorAuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorAuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"action"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityType"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"actor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actor"}}},{"kind":"Argument","name":{"kind":"Name","value":"action"},"value":{"kind":"Variable","name":{"kind":"Name","value":"action"}}},{"kind":"Argument","name":{"kind":"Name","value":"entityType"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityType"}}},{"kind":"Argument","name":{"kind":"Name","value":"entityId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entityId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"actorRole"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"statusBefore"}},{"kind":"Field","name":{"kind":"Name","value":"statusAfter"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorAuditEventsQuery, CoordinatorAuditEventsQueryVariables>;
export const CoordinatorSheltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorShelters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorSheltersQuery, CoordinatorSheltersQueryVariables>;
export const CoordinatorEscalatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorEscalated"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ESCALATED"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"homeRegionId"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationReason"}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorEscalatedQuery, CoordinatorEscalatedQueryVariables>;
export const CoordinatorEscalationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CoordinatorEscalations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"escalations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"homeRegionId"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationReason"}}]}}]}}]} as unknown as DocumentNode<CoordinatorEscalationsSubscription, CoordinatorEscalationsSubscriptionVariables>;
export const CoordinatorEscalationsAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"CoordinatorEscalationsAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availabilityChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}}]}}]} as unknown as DocumentNode<CoordinatorEscalationsAvailabilitySubscription, CoordinatorEscalationsAvailabilitySubscriptionVariables>;
export const NationalAvailabilityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NationalAvailability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availability"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"placesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"freeBeds"}},{"kind":"Field","name":{"kind":"Name","value":"largestHouseholdAdmissible"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"occupied"}},{"kind":"Field","name":{"kind":"Name","value":"outOfService"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}}]}}]} as unknown as DocumentNode<NationalAvailabilityQuery, NationalAvailabilityQueryVariables>;
export const NationalAvailabilityChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NationalAvailabilityChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availabilityChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"placesTotal"}},{"kind":"Field","name":{"kind":"Name","value":"available"}},{"kind":"Field","name":{"kind":"Name","value":"freeBeds"}},{"kind":"Field","name":{"kind":"Name","value":"largestHouseholdAdmissible"}},{"kind":"Field","name":{"kind":"Name","value":"held"}},{"kind":"Field","name":{"kind":"Name","value":"occupied"}},{"kind":"Field","name":{"kind":"Name","value":"outOfService"}},{"kind":"Field","name":{"kind":"Name","value":"stale"}}]}}]}}]} as unknown as DocumentNode<NationalAvailabilityChangedSubscription, NationalAvailabilityChangedSubscriptionVariables>;
export const CoordinatorRegionSheltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorRegionShelters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"shelters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"statusConfirmedAt"}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorRegionSheltersQuery, CoordinatorRegionSheltersQueryVariables>;
export const FlowDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FlowGranularity"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"flowReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"granularity"}},{"kind":"Field","name":{"kind":"Name","value":"buckets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"inflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockedOutflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atPeriodEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byBlocker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"waitingList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waitingAtEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"occupancy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}},{"kind":"Field","name":{"kind":"Name","value":"inflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"persons"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byOrigin"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byReferrerType"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bySexAndAgeBand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"throughflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transfers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byMove"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"toOtherRegions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fromOtherRegions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daysBeforeMove"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"outflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discharges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byDestination"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lengthOfStay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"discharges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"p50Days"}},{"kind":"Field","name":{"kind":"Name","value":"p90Days"}},{"kind":"Field","name":{"kind":"Name","value":"normDays"}},{"kind":"Field","name":{"kind":"Name","value":"overNormShare"}},{"kind":"Field","name":{"kind":"Name","value":"overMaxShare"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"blockedOutflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"atPeriodEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byBlocker"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daysWaitingP50"}},{"kind":"Field","name":{"kind":"Name","value":"markedInPeriod"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"unmetDemand"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notAdmitted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byReason"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hoursToClaim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}}]}},{"kind":"Field","name":{"kind":"Name","value":"hoursToAdmission"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daysWithoutFreePlace"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"waitingList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waitingAtEnd"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leftList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"leftListBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daysWaited"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"observations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"p50"}},{"kind":"Field","name":{"kind":"Name","value":"p90"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offersMade"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offersAccepted"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offersDeclined"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"occupancy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"occupiedPlaceSamples"}},{"kind":"Field","name":{"kind":"Name","value":"inServicePlaceSamples"}}]}},{"kind":"Field","name":{"kind":"Name","value":"placementMatrix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"originRegion"}},{"kind":"Field","name":{"kind":"Name","value":"placementRegion"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FlowDashboardQuery, FlowDashboardQueryVariables>;
export const FlowRegionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FlowRegions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]} as unknown as DocumentNode<FlowRegionsQuery, FlowRegionsQueryVariables>;
export const IntakeRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntakeRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"adults"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"homeRegionId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"risk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntakeRequestsQuery, IntakeRequestsQueryVariables>;
export const IntakeIncomingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IntakeIncoming"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incomingPlacementRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}}]}}]}}]} as unknown as DocumentNode<IntakeIncomingSubscription, IntakeIncomingSubscriptionVariables>;
export const IntakeSheltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntakeShelters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelters"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntakeSheltersQuery, IntakeSheltersQueryVariables>;
export const IntakeRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntakeRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivingShelter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelterId"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestFacts_request"}}]}},{"kind":"Field","name":{"kind":"Name","value":"placementOptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OptionsList_options"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestFacts_request"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlacementRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"adults"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"isChild"}}]}},{"kind":"Field","name":{"kind":"Name","value":"risk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"honourRelated"}},{"kind":"Field","name":{"kind":"Name","value":"trafficking"}},{"kind":"Field","name":{"kind":"Name","value":"perpetratorNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"policeCoDecision"}},{"kind":"Field","name":{"kind":"Name","value":"firearmAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wheelchair"}},{"kind":"Field","name":{"kind":"Name","value":"pets"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationReason"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OptionsList_options"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlacementOptions"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"regionsSearched"}},{"kind":"Field","name":{"kind":"Name","value":"regionsInNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"places"}}]}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelterId"}},{"kind":"Field","name":{"kind":"Name","value":"shelterName"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"locality"}},{"kind":"Field","name":{"kind":"Name","value":"distanceBand"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"beds"}}]}}]}}]}}]} as unknown as DocumentNode<IntakeRequestQuery, IntakeRequestQueryVariables>;
export const IntakeRequestChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IntakeRequestChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequestUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<IntakeRequestChangedSubscription, IntakeRequestChangedSubscriptionVariables>;
export const IntakeClaimForRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IntakeClaimForRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimForRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimForRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<IntakeClaimForRequestMutation, IntakeClaimForRequestMutationVariables>;
export const IntakeDeclineDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IntakeDecline"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declinePlacementRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<IntakeDeclineMutation, IntakeDeclineMutationVariables>;
export const BoardClaimPlaceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardClaimPlace"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ClaimPlaceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claimPlace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<BoardClaimPlaceMutation, BoardClaimPlaceMutationVariables>;
export const BoardReleaseClaimDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardReleaseClaim"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReleaseClaimInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"releaseClaim"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BoardReleaseClaimMutation, BoardReleaseClaimMutationVariables>;
export const BoardAdmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardAdmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AdmitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"admit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}}]}}]}}]} as unknown as DocumentNode<BoardAdmitMutation, BoardAdmitMutationVariables>;
export const BoardSetPlaceStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardSetPlaceStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPlaceStatusInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPlaceStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]} as unknown as DocumentNode<BoardSetPlaceStatusMutation, BoardSetPlaceStatusMutationVariables>;
export const BoardMarkReadyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardMarkReady"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkReadyForOutflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markReadyForOutflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"readyForOutflowAt"}},{"kind":"Field","name":{"kind":"Name","value":"outflowBlockers"}}]}}]}}]} as unknown as DocumentNode<BoardMarkReadyMutation, BoardMarkReadyMutationVariables>;
export const BoardTransferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferStayInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transferStay"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<BoardTransferMutation, BoardTransferMutationVariables>;
export const BoardDischargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardDischarge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DischargeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"discharge"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<BoardDischargeMutation, BoardDischargeMutationVariables>;
export const IntakeBoardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntakeBoard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelter"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"statusConfirmedAt"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"beds"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlaceRow_place"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activeStays"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shelterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"claimId"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"PlaceRow_stay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"claims"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shelterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaceRow_place"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Place"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"beds"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusChangedAt"}},{"kind":"Field","name":{"kind":"Name","value":"outOfServiceReason"}},{"kind":"Field","name":{"kind":"Name","value":"nationalReserve"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"PlaceRow_stay"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Stay"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"adults"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"admittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"readyForOutflowAt"}},{"kind":"Field","name":{"kind":"Name","value":"outflowBlockers"}}]}}]} as unknown as DocumentNode<IntakeBoardQuery, IntakeBoardQueryVariables>;
export const IntakePlacesChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IntakePlacesChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelterPlacesChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shelterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelterId"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]} as unknown as DocumentNode<IntakePlacesChangedSubscription, IntakePlacesChangedSubscriptionVariables>;
export const BoardConfirmStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"BoardConfirmStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"confirmShelterStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"shelterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"shelterId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"statusConfirmedAt"}}]}}]}}]} as unknown as DocumentNode<BoardConfirmStatusMutation, BoardConfirmStatusMutationVariables>;
export const ReferrerEmergencyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReferrerEmergency"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EmergencyPlacementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestEmergencyPlacement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claim"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"receivingShelter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceivingShelterCard_shelter"}}]}},{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivingShelterCard_shelter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReceivingShelter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"intakePhone"}},{"kind":"Field","name":{"kind":"Name","value":"meetingInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"holdExpiresAt"}}]}}]} as unknown as DocumentNode<ReferrerEmergencyMutation, ReferrerEmergencyMutationVariables>;
export const ReferrerMyRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferrerMyRequests"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"clientReference"}}]}}]}}]}}]} as unknown as DocumentNode<ReferrerMyRequestsQuery, ReferrerMyRequestsQueryVariables>;
export const ReferrerRowChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReferrerRowChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequestUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReferrerRowChangedSubscription, ReferrerRowChangedSubscriptionVariables>;
export const ReferrerCreateRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReferrerCreateRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePlacementRequestInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createPlacementRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReferrerCreateRequestMutation, ReferrerCreateRequestMutationVariables>;
export const ReferrerRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferrerRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivingShelter"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ReceivingShelterCard_shelter"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestFacts_request"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ReceivingShelterCard_shelter"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ReceivingShelter"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"intakePhone"}},{"kind":"Field","name":{"kind":"Name","value":"meetingInstructions"}},{"kind":"Field","name":{"kind":"Name","value":"holdExpiresAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestFacts_request"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlacementRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"urgency"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"householdSize"}},{"kind":"Field","name":{"kind":"Name","value":"adults"}},{"kind":"Field","name":{"kind":"Name","value":"children"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sex"}},{"kind":"Field","name":{"kind":"Name","value":"age"}},{"kind":"Field","name":{"kind":"Name","value":"ageBand"}},{"kind":"Field","name":{"kind":"Name","value":"isChild"}}]}},{"kind":"Field","name":{"kind":"Name","value":"risk"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"honourRelated"}},{"kind":"Field","name":{"kind":"Name","value":"trafficking"}},{"kind":"Field","name":{"kind":"Name","value":"perpetratorNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"policeCoDecision"}},{"kind":"Field","name":{"kind":"Name","value":"firearmAccess"}}]}},{"kind":"Field","name":{"kind":"Name","value":"needs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"wheelchair"}},{"kind":"Field","name":{"kind":"Name","value":"pets"}},{"kind":"Field","name":{"kind":"Name","value":"languages"}}]}},{"kind":"Field","name":{"kind":"Name","value":"escalatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"escalationReason"}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}}]}}]}}]} as unknown as DocumentNode<ReferrerRequestQuery, ReferrerRequestQueryVariables>;
export const ReferrerOptionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ReferrerOptions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementOptions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"requestId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"OptionsList_options"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OptionsList_options"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PlacementOptions"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"regionsSearched"}},{"kind":"Field","name":{"kind":"Name","value":"regionsInNetwork"}},{"kind":"Field","name":{"kind":"Name","value":"excluded"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"places"}}]}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shelterId"}},{"kind":"Field","name":{"kind":"Name","value":"shelterName"}},{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"locality"}},{"kind":"Field","name":{"kind":"Name","value":"distanceBand"}},{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"reasons"}},{"kind":"Field","name":{"kind":"Name","value":"places"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"beds"}}]}}]}}]}}]} as unknown as DocumentNode<ReferrerOptionsQuery, ReferrerOptionsQueryVariables>;
export const ReferrerRequestChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReferrerRequestChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"placementRequestUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<ReferrerRequestChangedSubscription, ReferrerRequestChangedSubscriptionVariables>;
export const ReferrerAvailabilityChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"ReferrerAvailabilityChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"availabilityChanged"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"regionId"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"available"}}]}}]}}]} as unknown as DocumentNode<ReferrerAvailabilityChangedSubscription, ReferrerAvailabilityChangedSubscriptionVariables>;