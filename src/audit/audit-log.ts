import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AuditActor {
  sub: string;
  role: string;
  requestId?: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  statusBefore?: string | null;
  statusAfter?: string | null;
  detail?: Record<string, unknown>;
}

/** One INSERT for many audit rows; used inside transactions and for reads outside them. */
export async function insertAuditEvents(
  query: (sql: string, params: unknown[]) => Promise<unknown>,
  actor: AuditActor,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await query(
    `INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id, status_before, status_after, detail, request_id)
     SELECT $1, $2, a.action, a.entity_type, a.entity_id, a.status_before, a.status_after, a.detail, $3
       FROM jsonb_to_recordset($4::jsonb) AS a(action text, entity_type text, entity_id text,
            status_before text, status_after text, detail jsonb)`,
    [
      actor.sub,
      actor.role,
      actor.requestId ?? null,
      JSON.stringify(
        entries.map((a) => ({
          action: a.action,
          entity_type: a.entityType,
          entity_id: a.entityId,
          status_before: a.statusBefore ?? null,
          status_after: a.statusAfter ?? null,
          detail: a.detail ?? null,
        })),
      ),
    ],
  );
}

/** Audit rows that are not part of a state change: reads of confidential fields, mutation attempts. */
@Injectable()
export class AuditLog {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  write(actor: AuditActor, entries: AuditEntry[]): Promise<void> {
    return insertAuditEvents((sql, params) => this.dataSource.query(sql, params), actor, entries);
  }
}
