import { Principal } from '../auth/principal.js';
import { Role } from '../common/enums.js';
import { DomainError } from '../common/errors.js';
import { FlowGranularity } from './models/flow.models.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_BUCKETS = 400;

export interface FlowQuery {
  regionId: string | null;
  from: string;
  to: string;
  granularity: FlowGranularity;
}

/** The same rules for GraphQL and the CSV export: municipalities their own region only. */
export function checkFlowQuery(principal: Principal, query: { regionId?: string | null; from?: string; to?: string; granularity?: string }): FlowQuery {
  if (principal.role !== Role.MUNICIPALITY && principal.role !== Role.COORDINATOR) {
    throw DomainError.forbidden('Flow reports are for centre municipalities and coordinators');
  }
  const problems: { field: string; problems: string[] }[] = [];
  const validDate = (s: string | undefined) => !!s && DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  if (!validDate(query.from)) problems.push({ field: 'from', problems: ['must be a date YYYY-MM-DD'] });
  if (!validDate(query.to)) problems.push({ field: 'to', problems: ['must be a date YYYY-MM-DD'] });
  const granularity = String(query.granularity ?? 'MONTH').toUpperCase();
  if (!(granularity in FlowGranularity)) problems.push({ field: 'granularity', problems: ['must be DAY, WEEK or MONTH'] });
  const regionId = query.regionId || null;
  if (regionId && !/^[0-9a-f-]{36}$/i.test(regionId)) problems.push({ field: 'regionId', problems: ['must be a region id'] });
  if (problems.length) throw DomainError.badInput('Invalid report parameters', problems);
  const from = query.from!;
  const to = query.to!;
  if (from > to) throw DomainError.badInput('from must not be after to', [{ field: 'to', problems: ['before from'] }]);
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  const buckets = granularity === 'DAY' ? days : granularity === 'WEEK' ? days / 7 : days / 30;
  if (buckets > MAX_BUCKETS) {
    throw DomainError.badInput(`At most ${MAX_BUCKETS} buckets; choose a coarser granularity or a shorter period`, [{ field: 'granularity', problems: ['too many buckets'] }]);
  }
  if (principal.role === Role.MUNICIPALITY && (!regionId || regionId !== principal.regionId)) {
    throw DomainError.forbidden('A municipality sees the report of its own region only');
  }
  return { regionId, from, to, granularity: granularity as FlowGranularity };
}
