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

/** Risk summary and notes: the referrer, the intake searching for it, the coordinator. */
export function canReadRequestDetails(p: Principal, r: RequestScope, intakeRegionIds: string[]): boolean {
  return p.role === Role.COORDINATOR || ownsRequest(p, r) || searchesForRequest(p, r, intakeRegionIds);
}

/** The client's pseudonym: the referrer and the receiving shelter only (not the coordinator). */
export function canReadClientReference(p: Principal, r: RequestScope): boolean {
  return ownsRequest(p, r) || (p.role === Role.INTAKE && r.receivingShelterId !== null && p.shelterIds.includes(r.receivingShelterId));
}
