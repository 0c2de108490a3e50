import type { GqlContext } from './gql-context.js';
import { CONFIDENTIAL_FIELDS } from './policy.js';

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
