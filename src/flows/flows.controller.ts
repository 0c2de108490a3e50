import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { RateLimits } from '../auth/rate-limits.js';
import { TokenService } from '../auth/token.service.js';
import { csvFormat, sendCsv, sendExportError, toCsv } from '../common/csv-export.js';
import { DomainError } from '../common/errors.js';
import { checkFlowQuery } from './flows.access.js';
import { FlowsService } from './flows.service.js';
import { presentReport, tidyRows, TidyRow } from './flow-presenter.js';

const HEADER = ['bucket', 'measure', 'dimension', 'value', 'suppressed'];
const csvRows = (rows: TidyRow[]) => rows.map((r) => [r.bucket, r.measure, r.dimension, r.value === null ? '' : String(r.value), String(r.suppressed)]);

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain table per bucket that pastes into a word processor as a table. */
function toHtml(rows: TidyRow[], title: string): string {
  const buckets = [...new Set(rows.map((r) => r.bucket))];
  const sections = buckets.map((bucket) => {
    const body = rows
      .filter((r) => r.bucket === bucket)
      .map((r) => `<tr><td>${escapeHtml(r.measure)}</td><td>${escapeHtml(r.dimension)}</td><td style="text-align:right">${r.suppressed ? '&lt;5' : r.value === null ? '' : r.value}</td></tr>`)
      .join('\n');
    return `<h2>${escapeHtml(bucket)}</h2>\n<table border="1" cellspacing="0" cellpadding="3"><thead><tr><th>measure</th><th>dimension</th><th>value</th></tr></thead><tbody>\n${body}\n</tbody></table>`;
  });
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n<h1>${escapeHtml(title)}</h1>\n<p>Counts from 1 to 4 are shown as &lt;5, as are cells that would reveal them.</p>\n${sections.join('\n')}\n</body></html>\n`;
}

/** GET /exports/flows.csv (and .html): the flow report with the same bearer token and rules. */
@Controller('exports')
export class FlowsExportController {
  constructor(
    @Inject(FlowsService) private readonly flows: FlowsService,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(RateLimits) private readonly rateLimits: RateLimits,
  ) {}

  @Get('flows.csv')
  async csv(@Headers('authorization') authorization: string | undefined, @Query() query: Record<string, string>, @Res() res: Response) {
    await this.export(authorization, query, res, 'csv');
  }

  @Get('flows.html')
  async html(@Headers('authorization') authorization: string | undefined, @Query() query: Record<string, string>, @Res() res: Response) {
    await this.export(authorization, query, res, 'html');
  }

  private async export(authorization: string | undefined, query: Record<string, string>, res: Response, format: 'csv' | 'html') {
    try {
      const token = TokenService.extract(authorization);
      if (!token) throw DomainError.unauthenticated();
      const principal = await this.tokens.verify(token);
      // Each export computes a whole report: its own per-principal budget, shared by all instances.
      await this.rateLimits.spend('export', principal.sub);
      const checked = checkFlowQuery(principal, query);
      const report = presentReport(await this.flows.figures(checked.regionId, checked.from, checked.to, checked.granularity));
      const rows = tidyRows(report);
      const name = `flows-${checked.regionId ?? 'nl'}-${checked.from}-${checked.to}`;
      if (format === 'html') {
        res.type('text/html; charset=utf-8').send(toHtml(rows, `Opvangnet flows ${checked.from} – ${checked.to}`));
        return;
      }
      const { separator, bom } = csvFormat(query.sep);
      // Excel (nl-NL) reads ;-separated files as UTF-8 only with a byte-order mark.
      sendCsv(res, `${name}.csv`, toCsv(HEADER, csvRows(rows), separator), bom);
    } catch (err) {
      sendExportError(res, err);
    }
  }
}
