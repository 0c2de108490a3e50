import { Principal } from '../auth/principal.js';
import { Role } from '../common/enums.js';

export interface RequestScope {
  referrerSub: string;
  referrerRole: string;
  referrerOrganisationId: string | null;
  homeRegionId: string;
  receivingShelterId: string | null;
  status: string;
}

/**
 * The person who filed it, or a colleague in the same role at the same organisation. A token of
 * another role (or another organisation) never owns a request, whatever its `sub` says.
 */
export function ownsRequest(p: Principal, r: RequestScope): boolean {
  if (p.role !== r.referrerRole) return false;
  if (r.referrerOrganisationId) return p.organisationId === r.referrerOrganisationId;
  return !p.organisationId && r.referrerSub === p.sub;
}

/** Intake that searches for this request: of the client's home region, or of the receiving shelter. */
export function searchesForRequest(p: Principal, r: RequestScope, intakeRegionIds: string[]): boolean {
  if (p.role !== Role.INTAKE) return false;
  return (r.receivingShelterId !== null && p.shelterIds.includes(r.receivingShelterId)) || intakeRegionIds.includes(r.homeRegionId);
}

/**
 * Who may read a request at all. Any intake may read an open or escalated one (national
 * accessibility: a shelter elsewhere may be the one to take the client in), without its
 * confidential fields.
 */
export function canReadRequest(p: Principal, r: RequestScope, intakeRegionIds: string[]): boolean {
  if (p.role === Role.COORDINATOR || ownsRequest(p, r) || searchesForRequest(p, r, intakeRegionIds)) return true;
  return p.role === Role.INTAKE && (r.status === 'OPEN' || r.status === 'ESCALATED');
}

/**
 * canReadRequest as a SQL condition on `placement_request r`, so a page is filled with readable
 * requests instead of being cut short by filtering after the fetch. Keep the two in step: the
 * service still applies canReadRequest to every row it returns, so a mismatch can shorten a page
 * but never reveal a request.
 */
export function readableRequestsCondition(p: Principal, intakeRegionIds: string[], bind: (value: unknown) => string): string {
  if (p.role === Role.COORDINATOR) return 'TRUE';
  // ownsRequest in SQL: the filing role, and the organisation (or, without one, the same sub).
  const own = [
    p.organisationId
      ? `(r.referrer_role = ${bind(p.role)} AND r.referrer_organisation_id = ${bind(p.organisationId)})`
      : `(r.referrer_role = ${bind(p.role)} AND r.referrer_organisation_id IS NULL AND r.referrer_sub = ${bind(p.sub)})`,
  ];
  if (p.role === Role.INTAKE) {
    own.push(`r.receiving_shelter_id = ANY(${bind(p.shelterIds)}::uuid[])`);
    own.push(`r.home_region_id = ANY(${bind(intakeRegionIds)}::uuid[])`);
    own.push(`r.status IN ('OPEN', 'ESCALATED')`);
  }
  return `(${own.join(' OR ')})`;
}

/** Risk summary and notes: the referrer, the intake searching for it, the coordinator. */
export function canReadRequestDetails(p: Principal, r: RequestScope, intakeRegionIds: string[]): boolean {
  return p.role === Role.COORDINATOR || ownsRequest(p, r) || searchesForRequest(p, r, intakeRegionIds);
}

/** The client's pseudonym: the referrer and the receiving shelter only (not the coordinator). */
export function canReadClientReference(p: Principal, r: RequestScope): boolean {
  return ownsRequest(p, r) || (p.role === Role.INTAKE && r.receivingShelterId !== null && p.shelterIds.includes(r.receivingShelterId));
}
