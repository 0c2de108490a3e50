import { Controller, Get, Inject, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { csvFormat, ExportErrorFilter, sendCsv, toCsv } from '../common/csv-export.js';
import { DomainError, FieldProblem } from '../common/errors.js';
import { httpCallerOf, SameAccessAs } from '../common/http-operation.js';
import { AuditLog } from './audit-log.js';
import { AuditFilters, AuditRow, searchAuditEvents, SECRET_READ_PREFIX } from './audit-search.js';

/** Most rows one export holds; beyond it the file says so (header X-Export-Truncated and a last line). */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

/** An ISO 8601 date-time with a time zone (Z or ±hh:mm), as the GraphQL DateTime values. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const TEXT_BOUNDS: Record<string, number> = { actor: 200, action: 200, entityType: 100, entityId: 100 };
const KNOWN = new Set([...Object.keys(TEXT_BOUNDS), 'from', 'to', 'sep']);

const HEADER = ['id', 'at', 'actor', 'actorRole', 'action', 'secretRead', 'entityType', 'entityId', 'statusBefore', 'statusAfter', 'requestId', 'detail'];

/** The same filters and bounds as `auditEvents`, from query-string values; BAD_USER_INPUT names every wrong one. */
export function checkAuditExportQuery(query: Record<string, unknown>): AuditFilters {
  const problems: FieldProblem[] = [];
  const filters: AuditFilters = {};
  for (const [name, value] of Object.entries(query)) {
    if (!KNOWN.has(name)) problems.push({ field: name, problems: ['unknown parameter'] });
    else if (typeof value !== 'string') problems.push({ field: name, problems: ['give it once, as text'] });
  }
  for (const [name, max] of Object.entries(TEXT_BOUNDS)) {
    const value = query[name];
    if (typeof value !== 'string' || value === '') continue;
    if (value.length > max) problems.push({ field: name, problems: [`at most ${max} characters`] });
    else filters[name as 'actor' | 'action' | 'entityType' | 'entityId'] = value;
  }
  for (const name of ['from', 'to'] as const) {
    const value = query[name];
    if (typeof value !== 'string' || value === '') continue;
    const at = new Date(value);
    if (!DATE_TIME.test(value) || Number.isNaN(at.getTime())) {
      problems.push({ field: name, problems: ['must be an ISO 8601 date-time with a time zone, e.g. 2026-12-03T09:00:00Z'] });
    } else filters[name] = at;
  }
  if (problems.length) throw DomainError.badInput(`Invalid export parameters: ${problems.map((p) => p.field).join(', ')}`, problems);
  if (filters.from && filters.to && filters.from > filters.to) {
    throw DomainError.badInput('from must not be after to', [{ field: 'to', problems: ['before from'] }]);
  }
  return filters;
}

const row = (e: AuditRow) => [
  e.id,
  new Date(e.at).toISOString(),
  e.actor,
  e.actorRole,
  e.action,
  String(e.action.startsWith(SECRET_READ_PREFIX)),
  e.entityType,
  e.entityId,
  e.statusBefore ?? '',
  e.statusAfter ?? '',
  e.requestId ?? '',
  e.detail === null || e.detail === undefined ? '' : JSON.stringify(e.detail),
];

/**
 * GET /exports/audit.csv: the audit log with the filters of `auditEvents`, newest first, for whoever
 * the policy table lets read `auditEvents` (coordinators and admins), on the export budget. Each
 * export is itself audited (who, which filters, how many rows).
 */
@Controller('exports')
@UseFilters(ExportErrorFilter)
export class AuditExportController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get('audit.csv')
  @SameAccessAs('Query.auditEvents', 'export')
  async csv(@Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const caller = httpCallerOf(req);
    const filters = checkAuditExportQuery(query);
    const { separator, bom } = csvFormat(query.sep);
    const found = await searchAuditEvents((sql, params) => this.dataSource.query(sql, params), filters, AUDIT_EXPORT_MAX_ROWS + 1);
    const truncated = found.length > AUDIT_EXPORT_MAX_ROWS;
    const rows = found.slice(0, AUDIT_EXPORT_MAX_ROWS);
    // No audit row, no file.
    await this.audit.write({ sub: caller.sub, role: caller.role, requestId: requestIdOf(req) }, [
      {
        action: 'export audit.csv',
        entityType: 'audit_event',
        entityId: `${rows.length} rows`,
        detail: {
          filters: { ...filters, from: filters.from?.toISOString(), to: filters.to?.toISOString() },
          rows: rows.length,
          truncated,
          ...(rows.length ? { newestId: rows[0].id, oldestId: rows[rows.length - 1].id } : {}),
        },
      },
    ]);
    const lines = rows.map(row);
    if (truncated) lines.push([`# truncated: only the newest ${AUDIT_EXPORT_MAX_ROWS} rows (narrow from/to for older ones)`]);
    res.setHeader('X-Export-Rows', String(rows.length));
    res.setHeader('X-Export-Truncated', String(truncated));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
    sendCsv(res, `audit-${stamp}.csv`, toCsv(HEADER, lines, separator), bom);
  }
}

function requestIdOf(req: Request): string | undefined {
  const id = (req as Request & { id?: unknown }).id;
  return id === undefined || id === null ? undefined : String(id);
}
