import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { BinnedFigureName, binnedPercentilesSql, wholeMonths } from './binned-percentiles.js';
import { FlowReportFigures, Granularity, PeriodFigures, Percentiles } from './flow-report.js';
import { Cell, cell, suppressComplementary } from './suppression.js';

/** The calendar of the aggregates' days (migration FlowAggregates): another REPORT_TIME_ZONE reads the source rows. */
export const FLOW_AGGREGATE_TIME_ZONE = 'Europe/Amsterdam';
/** The region_id of the aggregates' rows for the whole country. */
const COUNTRY = '00000000-0000-0000-0000-000000000000';

type Row = Record<string, any>;

const DAY_MS = 86_400_000;
/** The ways off the waiting list, as the timeline records them. */
export const WAITING_EXITS = ['OFFER_ACCEPTED', 'WAITING_EXPIRED', 'CLOSED', 'CANCELLED'] as const;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const parse = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);

/** Calendar buckets of local dates, clipped to the report period (first and last may be partial). */
export function bucketsOf(from: string, to: string, granularity: Granularity): { start: string; end: string }[] {
  const last = parse(to);
  const buckets: { start: string; end: string }[] = [];
  let start = parse(from);
  while (start <= last) {
    let next: Date;
    if (granularity === 'DAY') next = addDays(start, 1);
    else if (granularity === 'WEEK') next = addDays(start, 7 - ((start.getUTCDay() + 6) % 7));
    else next = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const end = addDays(next, -1) < last ? addDays(next, -1) : last;
    buckets.push({ start: iso(start), end: iso(end) });
    start = next;
  }
  return buckets;
}

function emptyPeriod(start: string, end: string): PeriodFigures {
  const none = (): Percentiles => ({ observations: cell(0), p50: null, p90: null });
  return {
    start,
    end,
    inflow: {
      admissions: cell(0), persons: cell(0), adults: cell(0), children: cell(0),
      byCategory: new Map(), byOrigin: new Map(), byReferrerType: new Map(), bySexAndAgeBand: new Map(),
    },
    throughflow: { transfers: cell(0), byMove: new Map(), toOtherRegions: cell(0), fromOtherRegions: cell(0), daysBeforeMove: none() },
    outflow: { discharges: cell(0), byDestination: new Map(), lengthOfStay: new Map() },
    blockedOutflow: { atPeriodEnd: cell(0), byBlocker: new Map(), daysWaitingP50: null, markedInPeriod: cell(0) },
    unmetDemand: {
      notAdmitted: cell(0), byReason: new Map(), escalations: cell(0), hoursToClaim: none(), hoursToAdmission: none(),
      daysWithoutFreePlace: new Map(),
    },
    waitingList: {
      waitingAtEnd: cell(0), waitingAtEndByCategory: new Map(), leftList: cell(0), leftListBy: new Map(), daysWaited: none(),
      offersMade: cell(0), offersAccepted: cell(0), offersDeclined: cell(0), offersDeclinedByReason: new Map(),
    },
    occupancy: new Map(),
    placementMatrix: new Map(),
  };
}

function add(target: Cell, n: number): void {
  target.value += n;
}

function addTo(map: Map<string, Cell>, key: string, n: number): void {
  const current = map.get(key);
  if (current) current.value += n;
  else map.set(key, { value: n, suppressed: false });
}

/**
 * Puts every breakdown of `periods` in key order (`localeCompare`). Complementary suppression takes
 * the first of equally small cells, so the order must not depend on the order rows came back in
 * (query plans, aggregates). The keys of all breakdowns are ranked once and each breakdown sorted
 * by rank: a country's year has 13 placement matrices of 1,225 keys, and a collation per comparison
 * cost more than the rest of the report's arithmetic. (The presenter keeps this order.)
 */
function sortBreakdowns(periods: PeriodFigures[]): void {
  const maps: Map<unknown, unknown>[] = [];
  const collect = (value: unknown) => {
    if (value instanceof Map) maps.push(value);
    else if (value && typeof value === 'object' && !('suppressed' in value)) Object.values(value).forEach(collect);
  };
  periods.forEach(collect);
  const keys = [...new Set(maps.flatMap((m) => [...m.keys()].map(String)))].sort((a, b) => a.localeCompare(b));
  const rank = new Map(keys.map((key, i) => [key, i]));
  for (const map of maps) {
    const entries = [...map.entries()].map(([key, v]) => ({ at: rank.get(String(key))!, key, v })).sort((a, b) => a.at - b.at);
    map.clear();
    for (const { key, v } of entries) map.set(key, v);
  }
}

/** Re-derives every suppressed flag from the final values (1-4 withheld), before complementary suppression. */
function flagSmall(period: PeriodFigures): Cell[] {
  const cells: Cell[] = [];
  const visit = (value: unknown) => {
    if (value && typeof value === 'object' && 'value' in value && 'suppressed' in value) {
      const c = value as Cell;
      c.suppressed = cell(c.value).suppressed;
      cells.push(c);
    } else if (value instanceof Map) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(period);
  return cells;
}

const round = (x: number | null) => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);

/**
 * The flow report of the national framework (DOMAIN.md, "In-, through- and outflow"), counted from
 * the events the placement and request flows record. Every query is bounded by the period (and by
 * the region where one is asked for), on indexes of those columns: no query reads all history.
 */
@Injectable()
export class FlowsService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  /**
   * `aggregates` (default: FLOW_AGGREGATES) reads the per-day aggregates the database keeps
   * (migration FlowAggregates) instead of the source rows, for every figure they cover; the
   * answers are the same (test/flow-aggregates.e2e.spec.ts compares both).
   */
  async figures(
    regionId: string | null, from: string, to: string, granularity: Granularity, options: { aggregates?: boolean } = {},
  ): Promise<FlowReportFigures> {
    // Every query is sent at once (one round trip of waiting, not three); a well-formed id of no
    // region is a mistake, not a region where nothing happened (checked when all have answered).
    const lookup: Promise<Row[]> = regionId ? this.dataSource.query(`SELECT code FROM region WHERE id = $1`, [regionId]) : Promise.resolve([]);
    const buckets = bucketsOf(from, to, granularity).map((b) => emptyPeriod(b.start, b.end));
    const total = emptyPeriod(from, to);
    const byKey = new Map(buckets.map((b) => [b.start, b]));
    const tz = this.config.REPORT_TIME_ZONE;
    const aggregated = (options.aggregates ?? this.config.FLOW_AGGREGATES === 'on') && tz === FLOW_AGGREGATE_TIME_ZONE;
    const unit = granularity.toLowerCase();
    const q = (sql: string, extra: unknown[] = []) => this.dataSource.query(sql, [from, to, unit, regionId, tz, ...extra]) as Promise<Row[]>;
    // A percentile of a country-year sorts ~200,000 values: in memory, not in temporary files (a
    // region's fit in the default work_mem, and save the transaction's round trips).
    const sorted = (sql: string, extra: unknown[] = []) =>
      regionId ? q(sql, extra) : this.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL work_mem = '64MB'`);
        return (await m.query(sql, [from, to, unit, regionId, tz, ...extra])) as Row[];
      });
    // Rows are grouped on the bucket's date and only the groups' dates are written out as text:
    // to_char on every row, and sorting on text in the collation, cost more than the rest of a query.
    const bucketKey = (col: string) => `greatest(date_trunc($3, ${col} AT TIME ZONE $5)::date, $1::date)`;
    const bucket = (col: string) => `to_char(${bucketKey(col)}, 'YYYY-MM-DD')`;
    const within = (col: string) => `${col} >= ($1::date::timestamp AT TIME ZONE $5) AND ${col} < (($2::date + 1)::timestamp AT TIME ZONE $5)`;
    const region = (col: string) => `($4::uuid IS NULL OR ${col} = $4::uuid)`;
    // The same buckets and period for the aggregates' local days (every query takes the same parameters).
    const dayKey = (col: string) => `greatest(date_trunc($3, ${col}::timestamp)::date, $1::date)`;
    const day = (col: string) => `to_char(${dayKey(col)}, 'YYYY-MM-DD')`;
    const counted = (col: string) => `${col} = coalesce($4::uuid, '${COUNTRY}'::uuid)`;
    const days = (col: string) => `${col} BETWEEN $1::date AND $2::date AND $5::text IS NOT NULL`;
    // By month, a whole month of counts is one row of flow_count_month (migration FlowCountMonths);
    // only the days of a month the period cuts are read per day (the dates are this function's own).
    const months = wholeMonths(from, to);
    const countRows = granularity === 'MONTH' && months
      ? `(SELECT figure, month AS day, region_id, key, n FROM flow_count_month WHERE month BETWEEN '${months.first}'::date AND '${months.last}'::date
          UNION ALL
          SELECT figure, day, region_id, key, n FROM flow_count WHERE day < '${months.first}'::date OR day > '${months.last}'::date)`
      : 'flow_count';
    const each = (rows: Row[], apply: (p: PeriodFigures, r: Row) => void) => {
      for (const r of rows) {
        const period = byKey.get(r.bucket);
        if (period) apply(period, r);
        apply(total, r);
      }
    };
    const percentiles = (rows: Row[], pick: (p: PeriodFigures) => Percentiles) => {
      for (const r of rows) {
        const period = r.bucket === null ? total : byKey.get(r.bucket);
        if (!period) continue;
        Object.assign(pick(period), { observations: cell(r.n), p50: round(r.p50), p90: round(r.p90) });
      }
    };

    // The end of each bucket (now, for a bucket that has not ended) for the stocks at a bucket's end,
    // computed once per bucket: joined inline, the time zone conversion ran for every row and bucket.
    const bucketEnds = `b AS MATERIALIZED (SELECT bb.start, least(((bb.last_day::date + 1)::timestamp AT TIME ZONE $5), now()) AS end_at
                                           FROM unnest($6::text[], $7::text[]) AS bb(start, last_day))`;

    // Waiting spells, from the timeline: a WAITING event until the first way off the list after it
    // (a request can wait again after an accepted offer's claim lapsed: each spell counts).
    const spells = `
      SELECT w.request_id, w.at AS started_at, x.at AS ended_at, x.kind AS exit_kind, r.waiting_categories
        FROM request_event w JOIN placement_request r ON r.id = w.request_id
        LEFT JOIN LATERAL (SELECT e.at, e.kind FROM request_event e
                            WHERE e.request_id = w.request_id AND e.id > w.id AND e.kind IN (${WAITING_EXITS.map((k) => `'${k}'`).join(', ')})
                            ORDER BY e.id LIMIT 1) x ON true
       WHERE w.kind = 'WAITING' AND w.at < (($2::date + 1)::timestamp AT TIME ZONE $5) AND ${region('r.home_region_id')}`;
    const waitingList = Promise.all([
      q(`WITH spells AS (${spells}), ${bucketEnds}
         SELECT b.start AS bucket, c.category, count(DISTINCT s.request_id)::int AS n
           FROM b
           JOIN spells s ON s.started_at < b.end_at AND (s.ended_at IS NULL OR s.ended_at >= b.end_at)
           CROSS JOIN LATERAL unnest(coalesce(s.waiting_categories::text[], '{}') || ARRAY['*']) AS c(category)
          WHERE $1::date <= $2::date AND $3::text IS NOT NULL
          GROUP BY 1, 2`, [buckets.map((b) => b.start), buckets.map((b) => b.end)]),
      q(`WITH spells AS (${spells})
         SELECT ${bucket('s.ended_at')} AS bucket, s.exit_kind, count(*)::int AS n FROM spells s
          WHERE s.ended_at IS NOT NULL AND ${within('s.ended_at')} GROUP BY ${bucketKey('s.ended_at')}, 2`),
      q(`WITH spells AS (${spells})
         SELECT ${bucket('s.ended_at')} AS bucket, count(*)::int AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.ended_at - s.started_at) / 86400) AS p50,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.ended_at - s.started_at) / 86400) AS p90
           FROM spells s WHERE s.ended_at IS NOT NULL AND ${within('s.ended_at')}
          GROUP BY GROUPING SETS ((${bucketKey('s.ended_at')}), ())`),
      q(`SELECT ${bucket('o.created_at')} AS bucket, count(*)::int AS n
           FROM placement_offer o JOIN placement_request r ON r.id = o.request_id
          WHERE ${within('o.created_at')} AND ${region('r.home_region_id')} GROUP BY ${bucketKey('o.created_at')}`),
      q(`SELECT ${bucket('o.decided_at')} AS bucket, o.status::text AS status, o.decline_reason::text AS reason, count(*)::int AS n
           FROM placement_offer o JOIN placement_request r ON r.id = o.request_id
          WHERE o.status IN ('ACCEPTED', 'DECLINED') AND o.decided_at IS NOT NULL AND ${within('o.decided_at')} AND ${region('r.home_region_id')}
          GROUP BY ${bucketKey('o.decided_at')}, 2, 3`),
    ]);

    const skip = Promise.resolve([] as Row[]);
    // The whole country's months: percentiles from the value bins, reading only the values they
    // need instead of sorting a year of them (binned-percentiles.ts; the same answers).
    const binned = aggregated && regionId === null && granularity === 'MONTH';
    const normDays = [this.config.NORM_EMERGENCY_DAYS, this.config.NORM_CRISIS_DAYS, this.config.NORM_MAX_STAY_DAYS];
    const fromBins = (figures: BinnedFigureName[]) => this.dataSource.query(binnedPercentilesSql(figures), [
      from, to, buckets.map((b) => b.start), buckets.map((b) => b.end),
      months?.first ?? iso(addDays(parse(to), 1)), months?.last ?? iso(addDays(parse(from), -1)), ...normDays,
    ]) as Promise<Row[]>;
    // With the aggregates, blocked outflow starts from the marks open at some time in the period (on
    // two indexes) instead of all of a region's marks and every transfer into it: the same rows.
    const openReadiness = `(SELECT * FROM outflow_readiness WHERE cleared_at IS NULL
                            UNION ALL
                            SELECT * FROM outflow_readiness WHERE cleared_at >= ($1::date::timestamp AT TIME ZONE $5))`;
    const [[reported], [waitingAtEnd, leftList, daysWaited, offersMade, offersDecided],
      [inflow, persons, matrix, transfers, moveTimes, inbound, outflow, stayLengths, marked, blocked, notAdmitted, escalations, toClaim, toAdmission, noFreePlace, occupancy, inflowBy]] =
      await Promise.all([lookup, waitingList, Promise.all([
        aggregated ? skip : q(`SELECT ${bucket('s.admitted_at')} AS bucket, s.admitted_category::text AS category,
                  CASE WHEN s.origin_region_id = s.admitted_region_id THEN 'OWN_REGION' ELSE o.code END AS origin,
                  coalesce(s.referrer_type, 'UNKNOWN') AS referrer, count(*)::int AS n
             FROM stay s JOIN region o ON o.id = s.origin_region_id
            WHERE ${within('s.admitted_at')} AND ${region('s.admitted_region_id')}
            GROUP BY ${bucketKey('s.admitted_at')}, 2, 3, 4`),
        aggregated
          ? q(`SELECT ${day('c.day')} AS bucket, split_part(c.key, ' ', 1) AS sex, split_part(c.key, ' ', 2) AS band,
                      split_part(c.key, ' ', 3)::boolean AS is_child, sum(c.n)::int AS n
                 FROM ${countRows} c WHERE c.figure = 'member' AND ${days('c.day')} AND ${counted('c.region_id')}
                GROUP BY ${dayKey('c.day')}, 2, 3, 4 HAVING sum(c.n) > 0`)
          : q(`SELECT ${bucket('s.admitted_at')} AS bucket, m.sex::text AS sex, m.age_band::text AS band, m.is_child, count(*)::int AS n
             FROM stay s JOIN stay_member m ON m.stay_id = s.id
            WHERE ${within('s.admitted_at')} AND ${region('s.admitted_region_id')}
            GROUP BY ${bucketKey('s.admitted_at')}, 2, 3, 4`),
        aggregated
          // Summed per region id (a region's code is unique), the codes looked up per cell, not per row.
          ? q(`SELECT to_char(g.bucket, 'YYYY-MM-DD') AS bucket, o.code AS origin, a.code AS placed, g.n
                 FROM (SELECT ${dayKey('x.day')} AS bucket, x.origin_id, x.placed_id, sum(x.n)::int AS n
                         FROM (SELECT c.day, c.key AS origin_id, c.region_id AS placed_id, c.n FROM ${countRows} c
                                WHERE c.figure = 'admit.origin' AND ${days('c.day')} AND ${region('c.region_id')} AND c.region_id <> '${COUNTRY}'::uuid
                               UNION ALL
                               SELECT c.day, c.region_id::text, c.key::uuid, c.n FROM ${countRows} c
                                WHERE c.figure = 'admit.placed' AND ${days('c.day')} AND $4::uuid IS NOT NULL AND c.region_id = $4::uuid AND c.key <> $4::text) x
                        GROUP BY 1, 2, 3 HAVING sum(x.n) > 0) g
                 JOIN region o ON o.id = g.origin_id::uuid JOIN region a ON a.id = g.placed_id`)
          : q(`SELECT ${bucket('s.admitted_at')} AS bucket, o.code AS origin, a.code AS placed, count(*)::int AS n
             FROM stay s JOIN region o ON o.id = s.origin_region_id JOIN region a ON a.id = s.admitted_region_id
            WHERE ${within('s.admitted_at')} AND ($4::uuid IS NULL OR s.admitted_region_id = $4::uuid OR s.origin_region_id = $4::uuid)
            GROUP BY ${bucketKey('s.admitted_at')}, 2, 3`),
        aggregated
          ? q(`SELECT ${day('c.day')} AS bucket, split_part(c.key, ' ', 1) AS move, split_part(c.key, ' ', 2)::boolean AS other_region, sum(c.n)::int AS n
                 FROM ${countRows} c WHERE c.figure = 'transfer' AND ${days('c.day')} AND ${counted('c.region_id')}
                GROUP BY ${dayKey('c.day')}, 2, 3 HAVING sum(c.n) > 0`)
          : q(`SELECT ${bucket('t.transferred_at')} AS bucket, t.from_category::text || '>' || t.to_category::text AS move,
                  (t.to_region_id <> t.from_region_id) AS other_region, count(*)::int AS n
             FROM transfer t WHERE ${within('t.transferred_at')} AND ${region('t.from_region_id')}
            GROUP BY ${bucketKey('t.transferred_at')}, 2, 3`),
        q(`SELECT ${bucket('t.transferred_at')} AS bucket, count(*)::int AS n,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days_before_move) AS p50,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY t.days_before_move) AS p90
             FROM transfer t WHERE ${within('t.transferred_at')} AND ${region('t.from_region_id')}
            GROUP BY GROUPING SETS ((${bucketKey('t.transferred_at')}), ())`),
        regionId && aggregated
          ? q(`SELECT ${day('c.day')} AS bucket, sum(c.n)::int AS n FROM ${countRows} c
                WHERE c.figure = 'transfer.in' AND ${days('c.day')} AND c.region_id = $4::uuid GROUP BY ${dayKey('c.day')} HAVING sum(c.n) > 0`)
          : regionId
          ? q(`SELECT ${bucket('t.transferred_at')} AS bucket, count(*)::int AS n FROM transfer t
                WHERE ${within('t.transferred_at')} AND t.to_region_id = $4::uuid AND t.from_region_id <> $4::uuid GROUP BY ${bucketKey('t.transferred_at')}`)
          : Promise.resolve([]),
        aggregated
          ? q(`SELECT ${day('c.day')} AS bucket, c.key AS destination, sum(c.n)::int AS n
                 FROM ${countRows} c WHERE c.figure = 'discharge' AND ${days('c.day')} AND ${counted('c.region_id')}
                GROUP BY ${dayKey('c.day')}, 2 HAVING sum(c.n) > 0`)
          : q(`SELECT ${bucket('s.discharged_at')} AS bucket, s.destination::text AS destination, count(*)::int AS n
             FROM stay s WHERE s.discharged_at IS NOT NULL AND ${within('s.discharged_at')} AND ${region('s.region_id')}
            GROUP BY ${bucketKey('s.discharged_at')}, 2`),
        binned
          ? fromBins(['stay_length']).then((rows) => rows.map((r): Row => ({ ...r, category: r.key })))
          : aggregated
          ? sorted(`SELECT ${day('l.day')} AS bucket, l.category::text AS category, count(*)::int AS n,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY l.days_f) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY l.days_f) AS p90,
                      count(*) FILTER (WHERE l.days > CASE l.category WHEN 'EMERGENCY' THEN $6::numeric WHEN 'CRISIS' THEN $7::numeric ELSE $8::numeric END)::int AS over_norm,
                      count(*) FILTER (WHERE l.days > $8::numeric)::int AS over_max
                 FROM flow_stay_length l WHERE ${days('l.day')} AND ${region('l.region_id')}
                GROUP BY GROUPING SETS ((${dayKey('l.day')}, l.category), (l.category))`, [this.config.NORM_EMERGENCY_DAYS, this.config.NORM_CRISIS_DAYS, this.config.NORM_MAX_STAY_DAYS])
          : q(`SELECT ${bucket('s.discharged_at')} AS bucket, s.category::text AS category, count(*)::int AS n,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY l.days) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY l.days) AS p90,
                  count(*) FILTER (WHERE l.days > CASE s.category WHEN 'EMERGENCY' THEN $6::numeric WHEN 'CRISIS' THEN $7::numeric ELSE $8::numeric END)::int AS over_norm,
                  count(*) FILTER (WHERE l.days > $8::numeric)::int AS over_max
             FROM stay s CROSS JOIN LATERAL (SELECT extract(epoch FROM s.discharged_at - s.admitted_at) / 86400 AS days) l
            WHERE s.discharged_at IS NOT NULL AND ${within('s.discharged_at')} AND ${region('s.region_id')}
            GROUP BY GROUPING SETS ((${bucketKey('s.discharged_at')}, s.category), (s.category))`, [this.config.NORM_EMERGENCY_DAYS, this.config.NORM_CRISIS_DAYS, this.config.NORM_MAX_STAY_DAYS]),
        q(`SELECT ${bucket('r.marked_at')} AS bucket, count(DISTINCT r.stay_id)::int AS n
             FROM outflow_readiness r WHERE ${within('r.marked_at')} AND ${region('r.region_id')}
              AND NOT EXISTS (SELECT 1 FROM outflow_readiness e WHERE e.stay_id = r.stay_id AND e.cleared_because = 'blockers changed'
                                AND e.cleared_at = r.marked_at)
            GROUP BY ${bucketKey('r.marked_at')}`),
        // At the end of each bucket (now, for a bucket that has not ended), in the region where the
        // stay is at that moment: where it was marked, or where its last move since then took it.
        // (A move into the region counts only before the period's end: later ones move no stay that is
        // counted at a bucket's end, so only those are read.)
        // Days waiting count from the first mark of that readiness (a change of blockers is no new
        // mark), read from the marks themselves: the stay's ready_for_outflow_at is only the latest.
        q(`WITH ready AS MATERIALIZED (
             SELECT r.stay_id, r.region_id, r.marked_at, r.cleared_at, r.blockers
               FROM ${aggregated ? openReadiness : 'outflow_readiness'} r
              WHERE r.marked_at < (($2::date + 1)::timestamp AT TIME ZONE $5)
                AND (r.cleared_at IS NULL OR r.cleared_at >= ($1::date::timestamp AT TIME ZONE $5))
                AND ($4::uuid IS NULL OR r.region_id = $4::uuid
                     OR r.stay_id IN (SELECT t.stay_id FROM transfer t WHERE t.to_region_id = $4::uuid
                                         AND t.transferred_at < (($2::date + 1)::timestamp AT TIME ZONE $5)))),
           ${bucketEnds},
           ends AS MATERIALIZED (SELECT array_agg(b.start ORDER BY b.start) AS starts, array_agg(b.end_at ORDER BY b.start) AS at FROM b),
           -- The bucket ends each mark is open at (marked before the end, not cleared before it): the
           -- ends are in order, so they are a range found by binary search (width_bucket: how many
           -- ends are at or before a time), not every mark tested against every end. Counted in the
           -- region where the stay is at that end.
           open AS MATERIALIZED (
             SELECT r.stay_id, r.marked_at, r.blockers, e.starts[i] AS start, e.at[i] AS end_at
               FROM ready r CROSS JOIN ends e
              CROSS JOIN LATERAL generate_series(width_bucket(r.marked_at, e.at) + 1,
                                                 CASE WHEN r.cleared_at IS NULL THEN cardinality(e.at) ELSE width_bucket(r.cleared_at, e.at) END) AS i
              WHERE ($4::uuid IS NULL
                     OR coalesce((SELECT t.to_region_id FROM transfer t
                                   WHERE t.stay_id = r.stay_id AND t.transferred_at >= r.marked_at AND t.transferred_at < e.at[i]
                                   ORDER BY t.transferred_at DESC LIMIT 1), r.region_id) = $4::uuid)),
           -- The first mark of each readiness open at some end (most marks of a period are open at none).
           first_mark AS MATERIALIZED (
             SELECT m.stay_id, m.marked_at,
                    (SELECT max(f.marked_at) FROM outflow_readiness f
                      WHERE f.stay_id = m.stay_id AND f.marked_at <= m.marked_at
                        AND NOT EXISTS (SELECT 1 FROM outflow_readiness e WHERE e.stay_id = f.stay_id
                                          AND e.cleared_because = 'blockers changed' AND e.cleared_at = f.marked_at)) AS since
               FROM (SELECT DISTINCT stay_id, marked_at FROM open) m)
           SELECT o.start AS bucket, x.blocker, count(DISTINCT o.stay_id)::int AS n,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.end_at - fm.since) / 86400) AS p50
             FROM open o
             JOIN first_mark fm ON fm.stay_id = o.stay_id AND fm.marked_at = o.marked_at
             CROSS JOIN LATERAL unnest(o.blockers::text[] || ARRAY['*']) AS x(blocker)
            WHERE $3::text IS NOT NULL -- every query takes the same parameters
            GROUP BY 1, 2`, [buckets.map((b) => b.start), buckets.map((b) => b.end)]),
        aggregated
          ? q(`SELECT ${day('c.day')} AS bucket, nullif(c.key, '') AS reason, sum(c.n)::int AS n
                 FROM ${countRows} c WHERE c.figure = 'not_admitted' AND ${days('c.day')} AND ${counted('c.region_id')}
                GROUP BY ${dayKey('c.day')}, 2 HAVING sum(c.n) > 0`)
          : q(`SELECT ${bucket('r.closed_at')} AS bucket, r.close_reason::text AS reason, count(*)::int AS n
             FROM placement_request r WHERE r.status = 'NOT_ADMITTED' AND ${within('r.closed_at')} AND ${region('r.home_region_id')}
            GROUP BY ${bucketKey('r.closed_at')}, 2`),
        aggregated
          ? q(`SELECT ${day('c.day')} AS bucket, sum(c.n)::int AS n
                 FROM ${countRows} c WHERE c.figure = 'escalation' AND ${days('c.day')} AND ${counted('c.region_id')}
                GROUP BY ${dayKey('c.day')} HAVING sum(c.n) > 0`)
          : q(`SELECT ${bucket('r.escalated_at')} AS bucket, count(*)::int AS n
             FROM placement_request r WHERE r.escalated_at IS NOT NULL AND ${within('r.escalated_at')} AND ${region('r.home_region_id')}
            GROUP BY ${bucketKey('r.escalated_at')}`),
        binned
          ? fromBins(['hours_to_claim', 'hours_to_admission'])
          : aggregated
          // Both request percentiles in one pass over the requests (hours to admission: split out below).
          ? sorted(`SELECT ${day('t.day')} AS bucket, count(*) FILTER (WHERE t.hours_to_claim_f IS NOT NULL)::int AS n,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours_to_claim_f) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours_to_claim_f) AS p90,
                      count(*) FILTER (WHERE t.admitted)::int AS admitted_n,
                      percentile_cont(0.5) WITHIN GROUP (ORDER BY t.hours_to_admission_f) FILTER (WHERE t.admitted) AS admitted_p50,
                      percentile_cont(0.9) WITHIN GROUP (ORDER BY t.hours_to_admission_f) FILTER (WHERE t.admitted) AS admitted_p90
                 FROM flow_request_time t WHERE ${days('t.day')} AND ${region('t.region_id')} AND (t.hours_to_claim_f IS NOT NULL OR t.admitted)
                GROUP BY GROUPING SETS ((${dayKey('t.day')}), ())`)
          : q(`SELECT ${bucket('r.created_at')} AS bucket, count(*)::int AS n,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY c.hours) AS p50, percentile_cont(0.9) WITHIN GROUP (ORDER BY c.hours) AS p90
             FROM placement_request r
             CROSS JOIN LATERAL (SELECT extract(epoch FROM min(e.at) - r.created_at) / 3600 AS hours
                                   FROM request_event e WHERE e.request_id = r.id AND e.kind = 'CLAIMED') c
            WHERE ${within('r.created_at')} AND ${region('r.home_region_id')} AND c.hours IS NOT NULL
            GROUP BY GROUPING SETS ((${bucketKey('r.created_at')}), ())`),
        aggregated
          ? skip
          : q(`SELECT ${bucket('r.created_at')} AS bucket, count(*)::int AS n,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.created_at) / 3600) AS p50,
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.closed_at - r.created_at) / 3600) AS p90
             FROM placement_request r
            WHERE r.status = 'ADMITTED' AND ${within('r.created_at')} AND ${region('r.home_region_id')}
            GROUP BY GROUPING SETS ((${bucketKey('r.created_at')}), ())`),
        q(`SELECT to_char(greatest(date_trunc($3, d.day)::date, $1::date), 'YYYY-MM-DD') AS bucket, d.category, count(*)::int AS n
             FROM (SELECT DISTINCT a.region_id, a.category::text AS category, (a.taken_at AT TIME ZONE $5)::date::timestamp AS day
                     FROM availability_snapshot a
                    WHERE ${within('a.taken_at')} AND ${region('a.region_id')} AND a.available = 0 AND a.places > a.out_of_service) d
            GROUP BY 1, 2`),
        // Summed per moment and category first (one row per sample, hashed, no sort for the distinct
        // count), the bucket computed once per sample instead of once per region's row.
        q(`SELECT to_char(s.bucket, 'YYYY-MM-DD') AS bucket, s.category::text AS category, sum(s.occupied)::float AS occupied,
                  sum(s.in_service)::float AS in_service, count(*)::int AS samples
             FROM (SELECT ${bucketKey('a.taken_at')} AS bucket, a.category, sum(a.occupied) AS occupied, sum(a.places - a.out_of_service) AS in_service
                     FROM availability_snapshot a WHERE ${within('a.taken_at')} AND ${region('a.region_id')}
                    GROUP BY a.taken_at, a.category) s
            GROUP BY GROUPING SETS ((s.bucket, s.category), (s.category))`),
        aggregated
          ? q(`SELECT ${day('c.day')} AS bucket, c.figure AS dim,
                      CASE WHEN c.figure <> 'admit.origin' OR c.key = 'OWN_REGION' THEN c.key WHEN c.key = c.region_id::text THEN 'OWN_REGION' ELSE o.code END AS key,
                      sum(c.n)::int AS n
                 FROM ${countRows} c
                 LEFT JOIN region o ON o.id = (CASE WHEN c.figure = 'admit.origin' AND c.key <> 'OWN_REGION' THEN c.key END)::uuid
                WHERE c.figure IN ('admit.category', 'admit.origin', 'admit.referrer') AND ${days('c.day')} AND ${counted('c.region_id')}
                GROUP BY ${dayKey('c.day')}, 2, 3 HAVING sum(c.n) > 0`)
          : skip,
      ])]);
    if (regionId && !reported) throw DomainError.notFound('Region', regionId);

    each(inflow, (p, r) => {
      add(p.inflow.admissions, r.n);
      addTo(p.inflow.byCategory, r.category, r.n);
      addTo(p.inflow.byOrigin, r.origin, r.n);
      addTo(p.inflow.byReferrerType, r.referrer, r.n);
    });
    each(inflowBy, (p, r) => {
      if (r.dim === 'admit.category') {
        add(p.inflow.admissions, r.n);
        addTo(p.inflow.byCategory, r.key, r.n);
      } else addTo(r.dim === 'admit.origin' ? p.inflow.byOrigin : p.inflow.byReferrerType, r.key, r.n);
    });
    each(persons, (p, r) => {
      add(p.inflow.persons, r.n);
      add(r.is_child ? p.inflow.children : p.inflow.adults, r.n);
      addTo(p.inflow.bySexAndAgeBand, `${r.sex} ${r.band}`, r.n);
    });
    each(matrix, (p, r) => addTo(p.placementMatrix, `${r.origin}>${r.placed}`, r.n));
    each(transfers, (p, r) => {
      add(p.throughflow.transfers, r.n);
      addTo(p.throughflow.byMove, r.move, r.n);
      if (r.other_region) add(p.throughflow.toOtherRegions, r.n);
    });
    percentiles(moveTimes, (p) => p.throughflow.daysBeforeMove);
    each(inbound, (p, r) => add(p.throughflow.fromOtherRegions, r.n));
    each(outflow, (p, r) => {
      add(p.outflow.discharges, r.n);
      addTo(p.outflow.byDestination, r.destination, r.n);
    });
    const norms: Record<string, number> = { EMERGENCY: this.config.NORM_EMERGENCY_DAYS, CRISIS: this.config.NORM_CRISIS_DAYS };
    for (const r of stayLengths) {
      const period = r.bucket === null ? total : byKey.get(r.bucket);
      period?.outflow.lengthOfStay.set(r.category, {
        discharges: cell(r.n), p50: round(r.p50), p90: round(r.p90), normDays: norms[r.category] ?? this.config.NORM_MAX_STAY_DAYS,
        overNorm: r.over_norm, overMax: r.over_max,
      });
    }
    each(marked, (p, r) => add(p.blockedOutflow.markedInPeriod, r.n));
    for (const r of blocked) {
      const period = byKey.get(r.bucket)!;
      const periods = r.bucket === buckets[buckets.length - 1].start ? [period, total] : [period];
      for (const p of periods) {
        if (r.blocker === '*') {
          p.blockedOutflow.atPeriodEnd = cell(r.n);
          p.blockedOutflow.daysWaitingP50 = round(r.p50);
        } else p.blockedOutflow.byBlocker.set(r.blocker, cell(r.n));
      }
    }
    each(notAdmitted, (p, r) => {
      add(p.unmetDemand.notAdmitted, r.n);
      addTo(p.unmetDemand.byReason, r.reason, r.n);
    });
    each(escalations, (p, r) => add(p.unmetDemand.escalations, r.n));
    percentiles(binned ? toClaim.filter((r) => r.figure === 'hours_to_claim') : toClaim, (p) => p.unmetDemand.hoursToClaim);
    percentiles(binned ? toClaim.filter((r) => r.figure === 'hours_to_admission')
      : aggregated ? toClaim.map((r) => ({ bucket: r.bucket, n: r.admitted_n, p50: r.admitted_p50, p90: r.admitted_p90 })) : toAdmission,
      (p) => p.unmetDemand.hoursToAdmission);
    each(noFreePlace, (p, r) => p.unmetDemand.daysWithoutFreePlace.set(r.category, (p.unmetDemand.daysWithoutFreePlace.get(r.category) ?? 0) + r.n));
    for (const r of occupancy) {
      const period = r.bucket === null ? total : byKey.get(r.bucket);
      period?.occupancy.set(r.category, { occupied: r.occupied, inService: r.in_service, samples: r.samples });
    }

    for (const r of waitingAtEnd) {
      const period = byKey.get(r.bucket)!;
      const periods = r.bucket === buckets[buckets.length - 1].start ? [period, total] : [period];
      for (const p of periods) {
        if (r.category === '*') p.waitingList.waitingAtEnd = cell(r.n);
        else p.waitingList.waitingAtEndByCategory.set(r.category, cell(r.n));
      }
    }
    each(leftList, (p, r) => {
      add(p.waitingList.leftList, r.n);
      addTo(p.waitingList.leftListBy, r.exit_kind, r.n);
    });
    percentiles(daysWaited, (p) => p.waitingList.daysWaited);
    each(offersMade, (p, r) => add(p.waitingList.offersMade, r.n));
    each(offersDecided, (p, r) => {
      if (r.status === 'ACCEPTED') add(p.waitingList.offersAccepted, r.n);
      else {
        add(p.waitingList.offersDeclined, r.n);
        addTo(p.waitingList.offersDeclinedByReason, r.reason ?? 'OTHER', r.n);
      }
    });

    const report = { regionId, from, to, granularity, buckets, total };
    this.suppress(report, reported?.code ?? null);
    return report;
  }

  /**
   * Withholds 1-4, then complementary cells over every additive relation a reader can see: each
   * breakdown against its total, adults and children against the age bands, the placement matrix
   * against inflow by origin, a figure shown twice (its twin), buckets against the period total.
   */
  private suppress(report: FlowReportFigures, regionCode: string | null): void {
    const periods = [...report.buckets, report.total];
    sortBreakdowns(periods);
    periods.forEach(flagSmall);
    const groups: { total: Cell | null; cells: Cell[] }[] = [];
    const twin = (a: Cell, b: Cell) => groups.push({ total: a, cells: [b] });
    for (const p of periods) {
      const { inflow, throughflow, outflow, unmetDemand } = p;
      const bands = [...inflow.bySexAndAgeBand.entries()];
      groups.push(
        { total: inflow.admissions, cells: [...inflow.byCategory.values()] },
        { total: inflow.admissions, cells: [...inflow.byOrigin.values()] },
        { total: inflow.admissions, cells: [...inflow.byReferrerType.values()] },
        { total: inflow.persons, cells: [...inflow.bySexAndAgeBand.values()] },
        { total: inflow.persons, cells: [inflow.adults, inflow.children] },
        { total: inflow.children, cells: bands.filter(([key]) => key.endsWith(' 0-17')).map(([, c]) => c) },
        { total: inflow.adults, cells: bands.filter(([key]) => !key.endsWith(' 0-17')).map(([, c]) => c) },
        { total: throughflow.transfers, cells: [...throughflow.byMove.values()] },
        { total: outflow.discharges, cells: [...outflow.byDestination.values()] },
        { total: outflow.discharges, cells: [...outflow.lengthOfStay.values()].map((l) => l.discharges) },
        { total: unmetDemand.notAdmitted, cells: [...unmetDemand.byReason.values()] },
        { total: p.waitingList.leftList, cells: [...p.waitingList.leftListBy.values()] },
        { total: p.waitingList.offersDeclined, cells: [...p.waitingList.offersDeclinedByReason.values()] },
      );
      twin(p.waitingList.leftList, p.waitingList.daysWaited.observations);
      // An accepted offer takes its request off the list in the same transaction: the same count twice.
      const leftByAccept = p.waitingList.leftListBy.get('OFFER_ACCEPTED');
      if (leftByAccept) twin(p.waitingList.offersAccepted, leftByAccept);
      // The percentile of moves counts the same transfers.
      twin(throughflow.transfers, throughflow.daysBeforeMove.observations);
      // The matrix cells placed in the region (every cell, for the country) are the admissions,
      // and by origin (the diagonal is OWN_REGION) they are inflow by origin.
      const placedHere = [...p.placementMatrix].filter(([key]) => regionCode === null || key.split('>')[1] === regionCode);
      groups.push({ total: inflow.admissions, cells: placedHere.map(([, c]) => c) });
      const byOriginKey = new Map<string, Cell[]>();
      for (const [key, c] of placedHere) {
        const [origin, placed] = key.split('>');
        const originKey = origin === placed ? 'OWN_REGION' : origin;
        const cells = byOriginKey.get(originKey);
        if (cells) cells.push(c);
        else byOriginKey.set(originKey, [c]);
      }
      for (const [originKey, cells] of byOriginKey) {
        const total = inflow.byOrigin.get(originKey);
        if (total) groups.push({ total, cells });
      }
    }
    // Across periods: the buckets of an additive figure add up to the report's total.
    const additive = (pick: (p: PeriodFigures) => Cell | undefined) =>
      groups.push({ total: pick(report.total) ?? null, cells: report.buckets.map(pick).filter((c): c is Cell => !!c) });
    const keys = (pick: (p: PeriodFigures) => Map<string, Cell>) => new Set(periods.flatMap((p) => [...pick(p).keys()]));
    for (const pick of [
      (p: PeriodFigures) => p.inflow.admissions, (p: PeriodFigures) => p.inflow.persons, (p: PeriodFigures) => p.inflow.adults,
      (p: PeriodFigures) => p.inflow.children, (p: PeriodFigures) => p.throughflow.transfers, (p: PeriodFigures) => p.throughflow.toOtherRegions,
      (p: PeriodFigures) => p.throughflow.fromOtherRegions, (p: PeriodFigures) => p.outflow.discharges,
      (p: PeriodFigures) => p.blockedOutflow.markedInPeriod, (p: PeriodFigures) => p.unmetDemand.notAdmitted,
      (p: PeriodFigures) => p.unmetDemand.escalations, (p: PeriodFigures) => p.throughflow.daysBeforeMove.observations,
      (p: PeriodFigures) => p.unmetDemand.hoursToClaim.observations, (p: PeriodFigures) => p.unmetDemand.hoursToAdmission.observations,
      (p: PeriodFigures) => p.waitingList.leftList, (p: PeriodFigures) => p.waitingList.daysWaited.observations,
      (p: PeriodFigures) => p.waitingList.offersMade, (p: PeriodFigures) => p.waitingList.offersAccepted,
      (p: PeriodFigures) => p.waitingList.offersDeclined,
    ]) additive(pick);
    for (const pickMap of [
      (p: PeriodFigures) => p.inflow.byCategory, (p: PeriodFigures) => p.inflow.byOrigin, (p: PeriodFigures) => p.inflow.byReferrerType,
      (p: PeriodFigures) => p.inflow.bySexAndAgeBand, (p: PeriodFigures) => p.throughflow.byMove, (p: PeriodFigures) => p.outflow.byDestination,
      (p: PeriodFigures) => p.unmetDemand.byReason, (p: PeriodFigures) => p.placementMatrix,
      (p: PeriodFigures) => new Map([...p.outflow.lengthOfStay].map(([category, l]) => [category, l.discharges])),
      (p: PeriodFigures) => p.waitingList.leftListBy, (p: PeriodFigures) => p.waitingList.offersDeclinedByReason,
    ]) {
      for (const key of keys(pickMap)) additive((p) => pickMap(p).get(key));
    }
    // Stocks at the end of a period: the report's total is its last bucket, shown twice.
    const last = report.buckets[report.buckets.length - 1];
    twin(report.total.blockedOutflow.atPeriodEnd, last.blockedOutflow.atPeriodEnd);
    twin(report.total.waitingList.waitingAtEnd, last.waitingList.waitingAtEnd);
    for (const [stock, lastStock] of [
      [report.total.blockedOutflow.byBlocker, last.blockedOutflow.byBlocker],
      [report.total.waitingList.waitingAtEndByCategory, last.waitingList.waitingAtEndByCategory],
    ]) {
      for (const [key, c] of stock) {
        const lastCell = lastStock.get(key);
        if (lastCell) twin(c, lastCell);
      }
    }
    suppressComplementary(groups);
    // A percentile of fewer than five stays describes those few people: withheld with them.
    for (const p of periods) {
      for (const pct of [p.throughflow.daysBeforeMove, p.unmetDemand.hoursToClaim, p.unmetDemand.hoursToAdmission, p.waitingList.daysWaited]) {
        if (pct.observations.value < 5) Object.assign(pct, { p50: null, p90: null });
      }
      for (const los of p.outflow.lengthOfStay.values()) {
        if (los.discharges.value < 5) Object.assign(los, { p50: null, p90: null });
      }
      if (p.blockedOutflow.atPeriodEnd.value < 5) p.blockedOutflow.daysWaitingP50 = null;
    }
  }
}
