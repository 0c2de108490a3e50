import { Sex } from '../common/enums.js';
import { DistancePreference, NotAdmittedReason, RequestStatus, RiskLevel, Urgency } from './referral.enums.js';

/** A placement request as read from the database (camelCase), the parent of its GraphQL type. */
export interface RequestRecord {
  id: string;
  status: RequestStatus;
  urgency: Urgency;
  riskLevel: RiskLevel;
  honourRelated: boolean;
  trafficking: boolean;
  perpetratorNetwork: boolean;
  firearmAccess: boolean;
  riskInstrument: string | null;
  riskScore: string | null;
  riskSummary: string | null;
  policeCoDecision: boolean;
  needsWheelchair: boolean;
  needsPets: boolean;
  languages: string[];
  homeRegionId: string;
  avoidRegionIds: string[];
  preferredRegionIds: string[];
  distancePreference: DistancePreference;
  residenceStatus: string | null;
  clientReference: string | null;
  notes: string | null;
  householdSize: number;
  adults: number;
  children: number;
  referrerSub: string;
  referrerRole: string;
  referrerType: string | null;
  referrerOrganisationId: string | null;
  createdAt: Date;
  escalateAt: Date | null;
  escalatedAt: Date | null;
  escalationReason: string | null;
  claimId: string | null;
  receivingShelterId: string | null;
  closedAt: Date | null;
  waitingSince: Date | null;
  waitingExpiresAt: Date | null;
  prioritisedAt: Date | null;
  closeReason: NotAdmittedReason | null;
  household: { sex: Sex; age: number; ageBand: string; isChild: boolean }[];
}

export const REQUEST_SELECT = `
  SELECT r.id, r.status::text AS status, r.urgency::text AS urgency, r.risk_level::text AS "riskLevel",
         r.honour_related AS "honourRelated", r.trafficking, r.perpetrator_network AS "perpetratorNetwork",
         r.firearm_access AS "firearmAccess", r.risk_instrument AS "riskInstrument", r.risk_score AS "riskScore",
         r.risk_summary AS "riskSummary", r.police_co_decision AS "policeCoDecision",
         r.needs_wheelchair AS "needsWheelchair", r.needs_pets AS "needsPets", r.languages,
         r.home_region_id AS "homeRegionId", r.avoid_region_ids::text[] AS "avoidRegionIds",
         r.preferred_region_ids::text[] AS "preferredRegionIds", r.distance_preference::text AS "distancePreference", r.residence_status AS "residenceStatus",
         r.client_reference AS "clientReference", r.notes, r.household_size AS "householdSize", r.adults, r.children,
         r.referrer_sub AS "referrerSub", r.referrer_role AS "referrerRole", r.referrer_type AS "referrerType",
         r.referrer_organisation_id AS "referrerOrganisationId", r.created_at AS "createdAt",
         r.escalate_at AS "escalateAt", r.escalated_at AS "escalatedAt", r.escalation_reason AS "escalationReason",
         r.claim_id AS "claimId", r.receiving_shelter_id AS "receivingShelterId", r.closed_at AS "closedAt",
         r.waiting_since AS "waitingSince", r.waiting_expires_at AS "waitingExpiresAt", r.prioritised_at AS "prioritisedAt",
         r.close_reason::text AS "closeReason",
         coalesce((SELECT json_agg(json_build_object('sex', m.sex, 'age', m.age, 'ageBand', m.age_band, 'isChild', m.is_child) ORDER BY m.id)
                     FROM request_member m WHERE m.request_id = r.id), '[]') AS household
    FROM placement_request r`;
