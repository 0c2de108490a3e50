import { PlaceCategory } from '../common/enums.js';

/**
 * The whole country's percentiles per month and over the period, exact, from the value bins
 * (migration FlowValueBins): the counts per month and bin say which one or two values
 * percentile_cont would interpolate between, and only the bin that holds each is read and sorted.
 */

/** Where the values of one figure are: their rows, the value percentile_cont orders, its bin. */
interface BinnedFigure {
  table: string;
  value: string;
  bin: string;
  where: string;
  /** The column a figure is broken down by (a place category), or none. */
  key: string | null;
}

export const BINNED_FIGURES = {
  stay_length: { table: 'flow_stay_length', value: 'days_f', bin: 'bin', where: 'true', key: 'category' },
  hours_to_claim: { table: 'flow_request_time', value: 'hours_to_claim_f', bin: 'claim_bin', where: 'x.hours_to_claim_f IS NOT NULL', key: null },
  hours_to_admission: { table: 'flow_request_time', value: 'hours_to_admission_f', bin: 'admission_bin', where: 'x.admitted', key: null },
} satisfies Record<string, BinnedFigure>;
export type BinnedFigureName = keyof typeof BINNED_FIGURES;

/** A period's whole months (first day of the first, last day of the last), or none. */
export function wholeMonths(from: string, to: string): { first: string; last: string } | null {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const first = fd === 1 ? new Date(Date.UTC(fy, fm - 1, 1)) : new Date(Date.UTC(fy, fm, 1));
  const endOfTo = new Date(Date.UTC(ty, tm, 0));
  const last = endOfTo.getUTCDate() === td ? endOfTo : new Date(Date.UTC(ty, tm - 1, 0));
  return first <= last ? { first: first.toISOString().slice(0, 10), last: last.toISOString().slice(0, 10) } : null;
}

/**
 * One query for `figures`, MONTH buckets over the whole country. Parameters: $1 from, $2 to, $3 and
 * $4 the buckets' first and last days, $5 and $6 the whole months (first day of the first, last
 * day of the last; $5 after $6 when there are none), $7-$9 the norms in days (EMERGENCY, CRISIS,
 * the rest and the maximum). Rows: figure, key ('' without one), bucket (null: the period), n,
 * p50, p90, and for the length of stay over_norm and over_max.
 *
 * percentile_cont(p) of n values is v[lo] + (v[hi] - v[lo]) * (pos - lo) in double precision, with
 * pos = p * (n - 1), lo = floor(pos), hi = ceil(pos) (v[lo] alone when they are equal): computed
 * here the same way, on the same doubles. Over the norm: every value of a bin above the norm's bin
 * is over it (bins only grow with the value), so only the norm's own bin is compared value by value.
 */
export function binnedPercentilesSql(figures: BinnedFigureName[]): string {
  // Each figure and key (a category, or '' for a figure without one) is a small number from here on:
  // sorting and grouping on text in the database's collation cost more than all the counting.
  const groups = figures.flatMap((figure) => (BINNED_FIGURES[figure].key ? Object.values(PlaceCategory) : ['']).map((key) => ({ figure, key })));
  const keys = `(VALUES ${groups.map((g, i) => `(${i}, '${g.figure}', '${g.key}')`).join(', ')}) AS gk(gid, figure, key)`;
  const partial = figures.map((name) => {
    const f: BinnedFigure = BINNED_FIGURES[name];
    return `SELECT gk.gid, greatest(date_trunc('month', x.day)::date, $1::date), x.${f.bin}, 1
              FROM ${f.table} x JOIN ${keys} ON gk.figure = '${name}' AND gk.key = ${f.key ? `x.${f.key}::text` : `''`}
             WHERE ${f.where} AND x.day BETWEEN $1::date AND $2::date AND (x.day < $5::date OR x.day > $6::date)`;
  });
  const lookup = (name: BinnedFigureName) => {
    const f: BinnedFigure = BINNED_FIGURES[name];
    return `(SELECT x.${f.value} FROM ${f.table} x
              WHERE ${f.where} AND ${f.key ? `x.${f.key} = k.key::place_category` : 'true'} AND x.${f.bin} = c.bin AND x.day BETWEEN k.lo AND k.hi
              ORDER BY x.${f.value} OFFSET k.rank - c.before LIMIT 1)`;
  };
  const norm = (key: string) => `CASE ${key} WHEN 'EMERGENCY' THEN $7::numeric WHEN 'CRISIS' THEN $8::numeric ELSE $9::numeric END`;
  const overCount = (limit: string) => `(SELECT count(*) FROM flow_stay_length x
      WHERE x.category = g.key::place_category AND x.bin = flow_bin((${limit})::float8) AND x.day BETWEEN g.lo AND g.hi AND x.days > ${limit})`;
  const hasStayLength = figures.includes('stay_length');
  return `
    WITH counts AS (
      SELECT gk.gid, m.month AS b, m.bin, m.n FROM flow_value_month m JOIN ${keys} ON (gk.figure, gk.key) = (m.figure, m.key)
       WHERE m.figure IN (${figures.map((f) => `'${f}'`).join(', ')}) AND m.month BETWEEN $5::date AND $6::date
      ${partial.map((q) => `UNION ALL ${q}`).join('\n')}
    ), h AS (
      SELECT gid, coalesce(b, '-infinity'::date) AS b, bin, sum(n)::int AS n FROM counts
       GROUP BY GROUPING SETS ((gid, b, bin), (gid, bin)) HAVING sum(n) > 0
    ), c AS MATERIALIZED (
      SELECT h.*, sum(h.n) OVER (PARTITION BY h.gid, h.b ORDER BY h.bin) - h.n AS before, sum(h.n) OVER (PARTITION BY h.gid, h.b) AS total FROM h
    ), g AS MATERIALIZED (
      SELECT c.gid, min(gk.figure) AS figure, min(gk.key) AS key, c.b, min(c.total) AS total,
             coalesce(sum(c.n) FILTER (WHERE c.bin > flow_bin((${norm('gk.key')})::float8)), 0) AS above_norm,
             coalesce(sum(c.n) FILTER (WHERE c.bin > flow_bin($9::numeric::float8)), 0) AS above_max,
             coalesce(min(bk.start), $1::date) AS lo, coalesce(min(bk.last), $2::date) AS hi
        FROM c JOIN ${keys} ON gk.gid = c.gid LEFT JOIN unnest($3::date[], $4::date[]) AS bk(start, last) ON bk.start = c.b
       GROUP BY c.gid, c.b
    ), k AS MATERIALIZED (
      -- The places percentile_cont reads: pos = p * (n - 1), and the values at floor(pos) and ceil(pos).
      SELECT g.gid, g.figure, g.key, g.b, g.lo, g.hi, p.p, p.pos, r.rank
        FROM g
       CROSS JOIN LATERAL (SELECT q.p, q.p * (g.total - 1)::float8 AS pos FROM (VALUES (0.5::float8), (0.9::float8)) AS q(p)) p
       CROSS JOIN LATERAL (SELECT DISTINCT x FROM unnest(ARRAY[floor(p.pos)::bigint, ceil(p.pos)::bigint]) AS x) r(rank)
    ), v AS (
      SELECT k.gid, k.b, k.p, k.pos, k.rank,
             CASE k.figure ${figures.map((name) => `WHEN '${name}' THEN ${lookup(name)}`).join(' ')} END AS value
        FROM k JOIN c ON c.gid = k.gid AND c.b = k.b AND k.rank >= c.before AND k.rank < c.before + c.n
    ), pv AS (
      SELECT gid, b,
             CASE WHEN floor(pos) = ceil(pos) THEN max(value)
                  ELSE max(value) FILTER (WHERE rank = floor(pos)::bigint)
                       + (max(value) FILTER (WHERE rank = ceil(pos)::bigint) - max(value) FILTER (WHERE rank = floor(pos)::bigint)) * (pos - floor(pos))
             END AS value, p
        FROM v GROUP BY gid, b, p, pos
    )
    SELECT g.figure, g.key, CASE WHEN g.b = '-infinity'::date THEN NULL ELSE to_char(g.b, 'YYYY-MM-DD') END AS bucket, g.total::int AS n,
           p50.value AS p50, p90.value AS p90,
           ${hasStayLength ? `CASE WHEN g.figure = 'stay_length' THEN (g.above_norm + ${overCount(norm('g.key'))})::int END` : 'NULL::int'} AS over_norm,
           ${hasStayLength ? `CASE WHEN g.figure = 'stay_length' THEN (g.above_max + ${overCount('$9::numeric')})::int END` : 'NULL::int'} AS over_max
      FROM g JOIN pv p50 ON p50.gid = g.gid AND p50.b = g.b AND p50.p = 0.5::float8
             JOIN pv p90 ON p90.gid = g.gid AND p90.b = g.b AND p90.p = 0.9::float8`;
}
