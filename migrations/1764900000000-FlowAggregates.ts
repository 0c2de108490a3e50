import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Aggregates of the flow report (issue 12), kept by triggers in the same transaction as every write
 * to their source rows, so the report of a year reads thousands of rows instead of a million.
 *
 * - flow_count: how many per figure, region, LOCAL day (Europe/Amsterdam, the reports' calendar)
 *   and key (a category, destination, reason, ...), and per figure, day and key for the whole
 *   country (region COUNTRY). Counts only: no ids, no free text.
 * - flow_stay_length and flow_request_time: one narrow row per discharged stay / request with the
 *   exact value the percentiles of the report order by (length of stay in days, hours to claim and
 *   to admission), computed with the report's own expressions, so percentile_cont gives the same
 *   answer. The stay or request id is kept only to update that row; no other personal data.
 *
 * Statement-level triggers with transition tables: a bulk INSERT ... SELECT (the history generator)
 * costs one aggregated upsert per statement, a single admission one small one. An update counts
 * as "minus the old row, plus the new one", so any change of a counted column is followed.
 * Upserts go in key order, so two transactions lock shared rows in the same order.
 *
 * flow_aggregates_rebuild() recomputes everything from the source tables (also the back-fill here);
 * call it in READ COMMITTED (the default), writers wait for it.
 */
export const FLOW_AGGREGATE_TIME_ZONE = 'Europe/Amsterdam';

const day = (col: string) => `flow_day(${col})`;

/** (figure, region_id, day, key) of the stay rows in `src`, members included. */
const stayCounts = (src: string) => `
  SELECT 'admit.category' AS figure, s.admitted_region_id AS region_id, ${day('s.admitted_at')} AS day, s.admitted_category::text AS key FROM ${src} s
  UNION ALL SELECT 'admit.origin', s.admitted_region_id, ${day('s.admitted_at')}, s.origin_region_id::text FROM ${src} s
  UNION ALL SELECT 'admit.placed', s.origin_region_id, ${day('s.admitted_at')}, s.admitted_region_id::text FROM ${src} s
  UNION ALL SELECT 'admit.referrer', s.admitted_region_id, ${day('s.admitted_at')}, coalesce(s.referrer_type, 'UNKNOWN') FROM ${src} s
  UNION ALL SELECT 'discharge', s.region_id, ${day('s.discharged_at')}, s.destination::text FROM ${src} s WHERE s.discharged_at IS NOT NULL
  UNION ALL SELECT 'member', s.admitted_region_id, ${day('s.admitted_at')}, m.sex::text || ' ' || m.age_band::text || ' ' || m.is_child::text
              FROM ${src} s JOIN stay_member m ON m.stay_id = s.id`;

/** Members whose stay exists (a stay written after its members counts them itself). */
const memberCounts = (src: string) => `
  SELECT 'member' AS figure, s.admitted_region_id AS region_id, ${day('s.admitted_at')} AS day,
         m.sex::text || ' ' || m.age_band::text || ' ' || m.is_child::text AS key
    FROM ${src} m JOIN stay s ON s.id = m.stay_id`;

const transferCounts = (src: string) => `
  SELECT 'transfer' AS figure, t.from_region_id AS region_id, ${day('t.transferred_at')} AS day,
         t.from_category::text || '>' || t.to_category::text || ' ' || (t.to_region_id <> t.from_region_id)::text AS key FROM ${src} t
  UNION ALL SELECT 'transfer.in', t.to_region_id, ${day('t.transferred_at')}, t.from_region_id::text FROM ${src} t WHERE t.to_region_id <> t.from_region_id`;

const requestCounts = (src: string) => `
  SELECT 'not_admitted' AS figure, r.home_region_id AS region_id, ${day('r.closed_at')} AS day, coalesce(r.close_reason::text, '') AS key
    FROM ${src} r WHERE r.status = 'NOT_ADMITTED' AND r.closed_at IS NOT NULL
  UNION ALL SELECT 'escalation', r.home_region_id, ${day('r.escalated_at')}, '' FROM ${src} r WHERE r.escalated_at IS NOT NULL`;

/** The region_id of the whole country's rows. */
export const COUNTRY = '00000000-0000-0000-0000-000000000000';

/**
 * Adds the counts of `plus` and takes away those of `minus` (either may be absent), each also in
 * the whole country's row (region_id COUNTRY; origin there is OWN_REGION or the origin region),
 * except the two figures that only a region's report reads.
 */
function upsertCounts(plus: string | null, minus: string | null): string {
  const parts = [plus && `SELECT figure, region_id, day, key, 1 AS n FROM (${plus}) p`, minus && `SELECT figure, region_id, day, key, -1 AS n FROM (${minus}) m`]
    .filter(Boolean)
    .join(' UNION ALL ');
  return `INSERT INTO flow_count AS f (figure, region_id, day, key, n)
    WITH c AS (${parts})
    SELECT figure, region_id, day, key, sum(n)::int FROM (
      SELECT figure, region_id, day, key, n FROM c
      UNION ALL
      SELECT figure, '${COUNTRY}'::uuid, day, CASE WHEN figure = 'admit.origin' AND key = region_id::text THEN 'OWN_REGION' ELSE key END, n
        FROM c WHERE figure NOT IN ('admit.placed', 'transfer.in')) x
     GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 3, 2, 4
    ON CONFLICT (figure, day, region_id, key) DO UPDATE SET n = f.n + EXCLUDED.n`;
}

/** The length-of-stay rows of the stays in `ids`, recomputed from the stay table. */
const refreshStayLengths = (ids: string) => `
  DELETE FROM flow_stay_length WHERE stay_id IN (${ids});
  INSERT INTO flow_stay_length (stay_id, region_id, day, category, days)
  SELECT s.id, s.region_id, ${day('s.discharged_at')}, s.category, extract(epoch FROM s.discharged_at - s.admitted_at) / 86400
    FROM stay s WHERE s.id IN (${ids}) AND s.discharged_at IS NOT NULL ORDER BY s.id;`;

/** The hours of the requests in `ids`, recomputed from the request and its timeline (a row per request). */
const refreshRequestTimes = (ids: string) => `
  INSERT INTO flow_request_time AS f (request_id, region_id, day, admitted, hours_to_claim, hours_to_admission)
  SELECT r.id, r.home_region_id, ${day('r.created_at')}, r.status = 'ADMITTED',
         (SELECT extract(epoch FROM min(e.at) - r.created_at) / 3600 FROM request_event e WHERE e.request_id = r.id AND e.kind = 'CLAIMED'),
         CASE WHEN r.status = 'ADMITTED' THEN extract(epoch FROM r.closed_at - r.created_at) / 3600 END
    FROM placement_request r WHERE r.id IN (${ids}) ORDER BY r.id
  ON CONFLICT (request_id) DO UPDATE SET region_id = EXCLUDED.region_id, day = EXCLUDED.day, admitted = EXCLUDED.admitted,
     hours_to_claim = EXCLUDED.hours_to_claim, hours_to_admission = EXCLUDED.hours_to_admission;
  DELETE FROM flow_request_time f WHERE f.request_id IN (${ids}) AND NOT EXISTS (SELECT 1 FROM placement_request r WHERE r.id = f.request_id);`;

interface Source {
  table: string;
  counts: ((src: string) => string) | null;
  refresh?: (ids: string) => string;
  /** The ids whose narrow rows to refresh, from a transition table. */
  ids?: (src: string) => string;
}

const SOURCES: Source[] = [
  { table: 'stay', counts: stayCounts, refresh: refreshStayLengths, ids: (src) => `SELECT id FROM ${src}` },
  { table: 'stay_member', counts: memberCounts },
  { table: 'transfer', counts: transferCounts },
  { table: 'placement_request', counts: requestCounts, refresh: refreshRequestTimes, ids: (src) => `SELECT id FROM ${src}` },
  { table: 'request_event', counts: null, refresh: refreshRequestTimes, ids: (src) => `SELECT request_id FROM ${src} WHERE kind = 'CLAIMED'` },
];

const OPS = [
  { op: 'INSERT', referencing: 'NEW TABLE AS new_rows', plus: 'new_rows', minus: null },
  { op: 'UPDATE', referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', plus: 'new_rows', minus: 'old_rows' },
  { op: 'DELETE', referencing: 'OLD TABLE AS old_rows', plus: null, minus: 'old_rows' },
] as const;

function triggerBody(source: Source, plus: string | null, minus: string | null): string {
  const statements: string[] = [];
  if (source.counts) statements.push(`${upsertCounts(plus && source.counts(plus), minus && source.counts(minus))};`);
  if (source.refresh && source.ids) {
    const ids = [plus, minus].filter((t): t is string => !!t).map((t) => source.ids!(t)).join(' UNION ');
    statements.push(source.refresh(ids));
  }
  return statements.join('\n');
}

export class FlowAggregates1764900000000 implements MigrationInterface {
  name = 'FlowAggregates1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION flow_day(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN (at AT TIME ZONE '${FLOW_AGGREGATE_TIME_ZONE}')::date`);
    await q.query(`CREATE TABLE flow_count (
      figure text NOT NULL,
      day date NOT NULL,
      region_id uuid NOT NULL,
      key text NOT NULL,
      n int NOT NULL,
      PRIMARY KEY (figure, day, region_id, key)
    )`);
    await q.query(`CREATE INDEX flow_count_region_idx ON flow_count (figure, region_id, day)`);
    await q.query(`CREATE TABLE flow_stay_length (
      stay_id uuid PRIMARY KEY,
      region_id uuid NOT NULL,
      day date NOT NULL,
      category place_category NOT NULL,
      days numeric NOT NULL
    )`);
    await q.query(`CREATE INDEX flow_stay_length_day_idx ON flow_stay_length (day) INCLUDE (category, days)`);
    await q.query(`CREATE INDEX flow_stay_length_region_idx ON flow_stay_length (region_id, day) INCLUDE (category, days)`);
    await q.query(`CREATE TABLE flow_request_time (
      request_id uuid PRIMARY KEY,
      region_id uuid NOT NULL,
      day date NOT NULL,
      admitted boolean NOT NULL,
      hours_to_claim numeric,
      hours_to_admission numeric
    )`);
    await q.query(`CREATE INDEX flow_request_time_day_idx ON flow_request_time (day) INCLUDE (admitted, hours_to_claim, hours_to_admission)`);
    await q.query(`CREATE INDEX flow_request_time_region_idx ON flow_request_time (region_id, day) INCLUDE (admitted, hours_to_claim, hours_to_admission)`);

    // Blocked outflow of a period starts from the marks still open or cleared since its start.
    await q.query(`CREATE INDEX outflow_readiness_cleared_idx ON outflow_readiness (cleared_at) WHERE cleared_at IS NOT NULL`);

    for (const source of SOURCES) {
      for (const { op, referencing, plus, minus } of OPS) {
        const fn = `flow_${source.table}_${op.toLowerCase()}`;
        await q.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN
            ${triggerBody(source, plus, minus)}
            RETURN NULL;
          END $fn$`);
        await q.query(`CREATE TRIGGER ${fn} AFTER ${op} ON ${source.table} REFERENCING ${referencing}
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
    }

    await q.query(`CREATE FUNCTION flow_aggregates_rebuild() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        -- TRUNCATE waits for every writer that has counted something and blocks the others until
        -- commit; each statement below then reads (READ COMMITTED) all that those committed.
        TRUNCATE flow_count, flow_stay_length, flow_request_time;
        ${upsertCounts(`${stayCounts('stay')} UNION ALL ${transferCounts('transfer')} UNION ALL ${requestCounts('placement_request')}`, null)};
        INSERT INTO flow_stay_length (stay_id, region_id, day, category, days)
        SELECT s.id, s.region_id, ${day('s.discharged_at')}, s.category, extract(epoch FROM s.discharged_at - s.admitted_at) / 86400
          FROM stay s WHERE s.discharged_at IS NOT NULL;
        INSERT INTO flow_request_time (request_id, region_id, day, admitted, hours_to_claim, hours_to_admission)
        SELECT r.id, r.home_region_id, ${day('r.created_at')}, r.status = 'ADMITTED',
               extract(epoch FROM c.first_claim - r.created_at) / 3600,
               CASE WHEN r.status = 'ADMITTED' THEN extract(epoch FROM r.closed_at - r.created_at) / 3600 END
          FROM placement_request r
          LEFT JOIN (SELECT request_id, min(at) AS first_claim FROM request_event WHERE kind = 'CLAIMED' GROUP BY 1) c ON c.request_id = r.id;
      END $fn$`);
    await q.query(`SELECT flow_aggregates_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION flow_aggregates_rebuild()`);
    for (const source of [...SOURCES].reverse()) {
      for (const { op } of OPS) {
        const fn = `flow_${source.table}_${op.toLowerCase()}`;
        await q.query(`DROP TRIGGER ${fn} ON ${source.table}`);
        await q.query(`DROP FUNCTION ${fn}()`);
      }
    }
    await q.query(`DROP INDEX outflow_readiness_cleared_idx`);
    await q.query(`DROP TABLE flow_request_time`);
    await q.query(`DROP TABLE flow_stay_length`);
    await q.query(`DROP TABLE flow_count`);
    await q.query(`DROP FUNCTION flow_day(timestamptz)`);
  }
}
