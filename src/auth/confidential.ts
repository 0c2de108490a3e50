import type { GqlContext } from './gql-context.js';
import { CONFIDENTIAL_FIELDS } from './policy.js';
import { canSeeShelterAddress } from './principal.js';

/**
 * The one gate for confidential fields: the policy table's roles, then the caller's scope. A value
 * that is revealed is recorded for the audit log (written when the response is sent); everyone
 * else gets null, through any path, alias or subscription.
 */
export function revealConfidential<T>(
  ctx: GqlContext,
  field: keyof typeof CONFIDENTIAL_FIELDS,
  entity: { type: string; id: string },
  inScope: boolean,
  value: T | null | undefined,
): T | null {
  const principal = ctx.principal;
  const rule = CONFIDENTIAL_FIELDS[field];
  if (!principal || !rule || !rule.roles.includes(principal.role) || !inScope) return null;
  if (value === null || value === undefined) return null;
  ctx.confidentialReads.push({ action: `read ${field}`, entityType: entity.type, entityId: entity.id });
  return value;
}

/**
 * The policy half for a shelter's secret columns (address, location, meeting instructions): the
 * value itself is read through the database's audited function, which writes the audit row.
 */
export function revealsSecret(ctx: GqlContext, field: 'Shelter.address' | 'Shelter.location' | 'Shelter.meetingInstructions', shelterId: string): boolean {
  const principal = ctx.principal;
  const rule = CONFIDENTIAL_FIELDS[field];
  return !!principal && rule.roles.includes(principal.role) && canSeeShelterAddress(principal, shelterId);
}
