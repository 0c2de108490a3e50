import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode, toDomainError } from './errors.js';

/**
 * What the CSV (and HTML) exports under /exports/ share: the HTTP status of each error code, the
 * JSON error body with Retry-After, and the CSV fields, separator and byte-order mark.
 */
const STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 503,
};

/** Answers an error as `{ error: { code, message, ...details } }` with its status (never a stack). */
export function sendExportError(res: Response, err: unknown): void {
  const domain = toDomainError(err) ?? DomainError.internal();
  const retryAfter = domain.details.retryAfterSeconds;
  if (domain.code === ErrorCode.RATE_LIMITED && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.status(STATUS[domain.code] ?? 500).json({ error: { code: domain.code, message: domain.message, ...domain.details } });
}

/** One field: a leading =, +, - or @ is neutralised (spreadsheet formula injection), then quoted if needed. */
export function csvField(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || safe.includes('"') || safe.includes('\n') || safe.includes('\r') ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Comma by default; `sep=semicolon` (or `;`) for Excel in Dutch locales, which also needs a byte-order mark. */
export function csvFormat(sep: unknown): { separator: string; bom: string } {
  const semicolon = ['semicolon', ';'].includes(String(sep ?? '').toLowerCase());
  return semicolon ? { separator: ';', bom: '\uFEFF' } : { separator: ',', bom: '' };
}

/** Header and rows as CRLF-terminated lines. */
export function toCsv(header: string[], rows: string[][], separator: string): string {
  const line = (fields: string[]) => fields.map((f) => csvField(f, separator)).join(separator);
  return [header, ...rows].map(line).join('\r\n') + '\r\n';
}

/** Sends a CSV attachment. */
export function sendCsv(res: Response, filename: string, body: string, bom: string): void {
  res
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', `attachment; filename="${filename}"`)
    .send(`${bom}${body}`);
}

/** For export controllers that throw (also from the auth guard): the same answers as {@link sendExportError}. */
@Catch()
export class ExportErrorFilter implements ExceptionFilter {
  catch(err: unknown, host: ArgumentsHost): void {
    sendExportError(host.switchToHttp().getResponse<Response>(), err);
  }
}
