import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Exact percentiles of the whole country's monthly flow report without sorting every value of the
 * year (issue 12, "fast enough for a dashboard"; a country-year sorted about 214,000 lengths of
 * stay and 180,000 request times, twice each).
 *
 * - flow_bin(x): the number of a value's bin, `width_bucket` over fixed thresholds 2^(i/64) - 1
 *   (1,280 of them, each 1.1 % wider than the one before, up to about a million). It only ever
 *   grows with x, so the k-th smallest value of a set lies in the bin where the set's count per
 *   bin, added up in bin order, passes k, at place k minus the counts of the bins before it.
 * - The value rows get their bin as a stored column (the same cast to double precision that
 *   percentile_cont applies, then flow_bin), indexed with the day so that one bin of one period is
 *   a short range.
 * - flow_value_month: per figure (stay_length by category; hours_to_claim, hours_to_admission),
 *   month and bin, how many values the whole country has; kept by statement triggers on the value
 *   rows in the same transactions (and so by flow_aggregates_rebuild(): its TRUNCATE empties the
 *   figures here, its inserts count them again).
 *
 * The report reads the months' counts, finds the one or two bins that hold the values
 * percentile_cont would interpolate between, and reads only those values (FlowsService,
 * binnedPercentiles). Counts only: no ids, no free text.
 */
export const FLOW_BIN_THRESHOLDS = Array.from({ length: 1280 }, (_, i) => 2 ** ((i + 1) / 64) - 1);

/** The figures' rows of the value rows in `src` (a table or transition table), with +1 or -1. */
const stayBins = (src: string, n: number) =>
  `SELECT 'stay_length' AS figure, date_trunc('month', v.day)::date AS month, v.category::text AS key, v.bin, ${n} AS n FROM ${src} v`;
const requestBins = (src: string, n: number) => `
  SELECT 'hours_to_claim' AS figure, date_trunc('month', v.day)::date AS month, '' AS key, v.claim_bin AS bin, ${n} AS n FROM ${src} v WHERE v.hours_to_claim_f IS NOT NULL
  UNION ALL
  SELECT 'hours_to_admission', date_trunc('month', v.day)::date, '', v.admission_bin, ${n} FROM ${src} v WHERE v.admitted`;

function upsert(rows: string): string {
  // In key order, so two transactions lock shared rows in the same order.
  return `INSERT INTO flow_value_month AS f (figure, month, key, bin, n)
    SELECT figure, month, key, bin, sum(n)::int FROM (${rows}) x GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (figure, month, key, bin) DO UPDATE SET n = f.n + EXCLUDED.n`;
}

const TABLES = [
  { table: 'flow_stay_length', bins: stayBins, figures: `'stay_length'` },
  { table: 'flow_request_time', bins: requestBins, figures: `'hours_to_claim', 'hours_to_admission'` },
];

const OPS = [
  { op: 'INSERT', referencing: 'REFERENCING NEW TABLE AS new_rows', rows: (bins: typeof stayBins) => bins('new_rows', 1) },
  { op: 'UPDATE', referencing: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows', rows: (bins: typeof stayBins) => `${bins('new_rows', 1)} UNION ALL ${bins('old_rows', -1)}` },
  { op: 'DELETE', referencing: 'REFERENCING OLD TABLE AS old_rows', rows: (bins: typeof stayBins) => bins('old_rows', -1) },
] as const;

export class FlowValueBins1765100000000 implements MigrationInterface {
  name = 'FlowValueBins1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION flow_bin(x float8) RETURNS smallint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN width_bucket(x, '{${FLOW_BIN_THRESHOLDS.join(',')}}'::float8[])::smallint`);
    await q.query(`ALTER TABLE flow_stay_length ADD COLUMN bin smallint GENERATED ALWAYS AS (flow_bin(days::float8)) STORED`);
    await q.query(`ALTER TABLE flow_request_time
      ADD COLUMN claim_bin smallint GENERATED ALWAYS AS (flow_bin(hours_to_claim::float8)) STORED,
      ADD COLUMN admission_bin smallint GENERATED ALWAYS AS (flow_bin(hours_to_admission::float8)) STORED`);
    await q.query(`CREATE INDEX flow_stay_length_bin_idx ON flow_stay_length (category, bin, day) INCLUDE (days_f, days)`);
    await q.query(`CREATE INDEX flow_request_time_claim_bin_idx ON flow_request_time (claim_bin, day) INCLUDE (hours_to_claim_f)
                     WHERE hours_to_claim_f IS NOT NULL`);
    await q.query(`CREATE INDEX flow_request_time_admission_bin_idx ON flow_request_time (admission_bin, day) INCLUDE (hours_to_admission_f)
                     WHERE admitted`);
    await q.query(`CREATE TABLE flow_value_month (
      figure text NOT NULL CHECK (figure IN ('stay_length', 'hours_to_claim', 'hours_to_admission')),
      month date NOT NULL CHECK (month = date_trunc('month', month)::date),
      key text NOT NULL,
      bin smallint NOT NULL,
      n int NOT NULL,
      PRIMARY KEY (figure, month, key, bin)
    )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON flow_value_month TO opvangnet_service`);
    for (const { table, bins, figures } of TABLES) {
      for (const { op, referencing, rows } of OPS) {
        const fn = `${table}_bins_${op.toLowerCase()}`;
        await q.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
          BEGIN
            ${upsert(rows(bins))};
            RETURN NULL;
          END $fn$`);
        await q.query(`CREATE TRIGGER ${fn} AFTER ${op} ON ${table} ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      }
      // flow_aggregates_rebuild() truncates the value rows and inserts them again: the bins follow.
      const fn = `${table}_bins_truncate`;
      await q.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          DELETE FROM flow_value_month WHERE figure IN (${figures});
          RETURN NULL;
        END $fn$`);
      await q.query(`CREATE TRIGGER ${fn} AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
      await q.query(`${upsert(bins(table, 1))}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of [...TABLES].reverse()) {
      for (const op of ['truncate', 'delete', 'update', 'insert']) {
        await q.query(`DROP TRIGGER ${table}_bins_${op} ON ${table}`);
        await q.query(`DROP FUNCTION ${table}_bins_${op}()`);
      }
    }
    await q.query(`DROP TABLE flow_value_month`);
    await q.query(`DROP INDEX flow_request_time_admission_bin_idx`);
    await q.query(`DROP INDEX flow_request_time_claim_bin_idx`);
    await q.query(`DROP INDEX flow_stay_length_bin_idx`);
    await q.query(`ALTER TABLE flow_request_time DROP COLUMN admission_bin, DROP COLUMN claim_bin`);
    await q.query(`ALTER TABLE flow_stay_length DROP COLUMN bin`);
    await q.query(`DROP FUNCTION flow_bin(float8)`);
  }
}
