import { Role } from '../common/enums.js';

/**
 * The single policy table: every GraphQL operation and every confidential field, the roles that
 * may use it and the scope rule that narrows it further (enforced where the data is read).
 * Anything not in this table is refused (deny by default); a test fails when an operation of the
 * schema has no entry here.
 */
const { INTAKE, REFERRER, MUNICIPALITY, COORDINATOR, ADMIN } = Role;
const ALL = [INTAKE, REFERRER, MUNICIPALITY, COORDINATOR, ADMIN];

export type RateClass = 'standard' | 'strict';

export interface OperationRule {
  roles: Role[];
  scope: string;
  /** Claims and requests spend the stricter per-principal budget. */
  rate: RateClass;
}

export const OPERATIONS: Record<string, OperationRule> = {
  // network
  'Query.regions': { roles: ALL, scope: 'all regions (reference data)', rate: 'standard' },
  'Query.availability': { roles: ALL, scope: 'aggregate counts per region and category; no client data', rate: 'standard' },
  'Query.shelters': { roles: ALL, scope: 'directory without secret address, coordinates or meeting instructions (see fields)', rate: 'standard' },
  'Query.shelter': { roles: ALL, scope: 'as shelters', rate: 'standard' },
  'Query.places': { roles: ALL, scope: 'as shelters (places carry no secret fields)', rate: 'standard' },
  'Query.organisations': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'all organisations', rate: 'standard' },
  'Mutation.setPlaceStatus': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: places of its own shelters', rate: 'standard' },
  'Mutation.confirmShelterStatus': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: its own shelters', rate: 'standard' },
  'Mutation.createOrganisation': { roles: [ADMIN], scope: 'network upkeep', rate: 'standard' },
  'Mutation.createShelter': { roles: [ADMIN], scope: 'network upkeep', rate: 'standard' },
  'Mutation.updateShelter': { roles: [ADMIN], scope: 'network upkeep', rate: 'standard' },
  'Mutation.createPlaces': { roles: [ADMIN], scope: 'network upkeep', rate: 'standard' },
  'Subscription.availabilityChanged': { roles: ALL, scope: 'aggregate rows, as availability', rate: 'standard' },
  'Subscription.shelterPlacesChanged': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: its own shelters', rate: 'standard' },
  // placement
  'Query.claim': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: claims on its own shelters', rate: 'standard' },
  'Query.claims': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: its own shelters', rate: 'standard' },
  'Query.stay': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: stays in its own shelters', rate: 'standard' },
  'Query.activeStays': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: its own shelters', rate: 'standard' },
  'Mutation.claimPlace': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: places of its own shelters', rate: 'strict' },
  'Mutation.releaseClaim': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: claims on its own shelters', rate: 'standard' },
  'Mutation.admit': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: claims on its own shelters', rate: 'standard' },
  'Mutation.transferStay': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: from and to its own shelters', rate: 'standard' },
  'Mutation.markReadyForOutflow': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: stays in its own shelters', rate: 'standard' },
  'Mutation.discharge': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: stays in its own shelters', rate: 'standard' },
  // referral
  'Query.placementRequest': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'REFERRER: own and own organisation\'s; INTAKE: home region, receiving shelter, or open ones', rate: 'standard' },
  'Query.placementRequests': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as placementRequest', rate: 'standard' },
  'Query.placementOptions': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as placementRequest', rate: 'standard' },
  'Mutation.createPlacementRequest': { roles: [REFERRER, INTAKE], scope: 'files a request as the caller', rate: 'strict' },
  'Mutation.claimForRequest': { roles: [INTAKE, COORDINATOR], scope: 'INTAKE: places of its own shelters that pass the request\'s hard rules', rate: 'strict' },
  'Mutation.requestEmergencyPlacement': { roles: [REFERRER], scope: 'referrer types POLICE, VEILIG_THUIS, PUBLIC_PROSECUTOR, GGD', rate: 'strict' },
  'Mutation.declinePlacementRequest': { roles: [INTAKE, COORDINATOR], scope: 'INTAKE: the receiving shelter', rate: 'standard' },
  'Mutation.closePlacementRequest': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the referrer (or organisation), searching intake', rate: 'standard' },
  'Mutation.cancelPlacementRequest': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the referrer (or organisation)', rate: 'standard' },
  'Subscription.placementRequestUpdated': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as placementRequest', rate: 'standard' },
  'Subscription.incomingPlacementRequests': { roles: [INTAKE, COORDINATOR], scope: 'INTAKE: a region of its shelters', rate: 'standard' },
  'Subscription.escalations': { roles: [COORDINATOR], scope: 'all escalations', rate: 'standard' },
  // waiting list
  'Mutation.putOnWaitingList': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the request\'s owners, the searching intake, coordinators', rate: 'standard' },
  'Mutation.prioritiseWaitingRequest': { roles: [COORDINATOR], scope: 'any waiting request, with a recorded reason', rate: 'standard' },
  'Mutation.acceptPlacementOffer': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the request\'s owners, the offering shelter\'s intake, coordinators', rate: 'strict' },
  'Mutation.declinePlacementOffer': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as acceptPlacementOffer', rate: 'standard' },
  'Query.placementOffers': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'INTAKE: its shelters\' offers; REFERRER: its requests\'; COORDINATOR: all', rate: 'standard' },
  'Subscription.placementOffers': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as the query, checked per event', rate: 'standard' },
  // flows
  'Query.flowReport': { roles: [MUNICIPALITY, COORDINATOR], scope: 'MUNICIPALITY: its own region; aggregates only, small counts withheld', rate: 'standard' },
  // audit
  'Query.auditEvents': { roles: [COORDINATOR, ADMIN], scope: 'the audit log', rate: 'standard' },
};

export interface FieldRule {
  roles: Role[];
  scope: string;
}

/** Confidential fields: resolved only for these roles and scopes (null for everyone else), and every read is audited. */
export const CONFIDENTIAL_FIELDS: Record<string, FieldRule> = {
  'Shelter.address': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: its own shelters' },
  'Shelter.location': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: its own shelters' },
  'Shelter.meetingInstructions': { roles: [INTAKE, COORDINATOR, ADMIN], scope: 'INTAKE: its own shelters' },
  'PlacementRequest.receivingShelter': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the referrer, searching intake; phone and meeting instructions only' },
  'PlacementRequest.riskSummary': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the referrer, searching intake' },
  'PlacementRequest.notes': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the referrer, searching intake' },
  // Data minimisation: any intake may read an open request to offer a place, but only the searching
  // and receiving parties see these; other regions' intake get null (and age bands, not ages).
  'PlacementRequest.risk': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'the referrer, searching and receiving intake; null for other regions\' intake' },
  'PlacementRequest.avoidRegionIds': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as risk' },
  'PlacementRequest.preferredRegionIds': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as risk' },
  'PlacementRequest.residenceStatus': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as risk' },
  'PlacementRequest.referrerType': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'as risk' },
  'RequestEvent.note': { roles: [REFERRER, INTAKE, COORDINATOR], scope: 'free text of a timeline step: as risk' },
  'PlacementRequest.clientReference': { roles: [REFERRER, INTAKE], scope: 'the referrer, the receiving shelter; never coordinators' },
};
