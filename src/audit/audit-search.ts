/** The filters of `auditEvents` and of GET /exports/audit.csv. */
export interface AuditFilters {
  actor?: string;
  /** Exact action, or a prefix ending in `*`. */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  statusBefore: string | null;
  statusAfter: string | null;
  detail: unknown;
  requestId: string | null;
}

/** The action prefix of every read of a shelter's secret address, coordinates or meeting instructions (written by read_shelter_secrets). */
export const SECRET_READ_PREFIX = 'read Shelter.';

/** Newest first: at most `limit` rows matching the filters, older than `beforeId` when given. */
export async function searchAuditEvents(
  query: (sql: string, params: unknown[]) => Promise<AuditRow[]>,
  filters: AuditFilters,
  limit: number,
  beforeId?: string,
): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (filters.actor) add('actor = ?', filters.actor);
  if (filters.action?.endsWith('*')) add(`action LIKE ? || '%'`, filters.action.slice(0, -1).replace(/[%_\\]/g, '\\$&'));
  else if (filters.action) add('action = ?', filters.action);
  if (filters.entityType) add('entity_type = ?', filters.entityType);
  // A grouped read lists its entities in detail.entityIds (one row per operation and kind).
  if (filters.entityId) add(`(entity_id = ? OR detail->'entityIds' @> jsonb_build_array(?::text))`, filters.entityId);
  if (filters.from) add('at >= ?', filters.from);
  if (filters.to) add('at < ?', filters.to);
  if (beforeId) add('audit_event.id < ?::bigint', beforeId);
  params.push(limit);
  return query(
    `SELECT id::text, at, actor, actor_role AS "actorRole", action, entity_type AS "entityType", entity_id AS "entityId",
            status_before AS "statusBefore", status_after AS "statusAfter", detail, request_id AS "requestId"
       FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_event.id DESC LIMIT $${params.length}`,
    params,
  );
}
