import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The flow report's counts per month (issue 12, "fast enough for a dashboard"): a year of the
 * whole country's placement matrix read 72,000 rows of flow_count (a row per day, placing region and
 * origin), inflow by category, origin and referrer another 17,000. flow_count_month holds the same
 * counts per calendar month (of the aggregates' local days), kept by statement triggers on
 * flow_count in the same transactions: an insert adds its rows, an update adds the difference,
 * a delete takes them away, a TRUNCATE (flow_aggregates_rebuild) empties it before the rebuild's
 * inserts count everything again. A report by month reads its whole months here and only the days
 * of a month the period cuts from flow_count.
 */
const delta = (rows: string) => `
  INSERT INTO flow_count_month AS f (figure, month, region_id, key, n)
  SELECT figure, month, region_id, key, sum(n)::int FROM (${rows}) x
   GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (figure, month, region_id, key) DO UPDATE SET n = f.n + EXCLUDED.n`;
const rowsOf = (table: string, sign: '' | '-') =>
  `SELECT figure, date_trunc('month', day)::date AS month, region_id, key, ${sign}n AS n FROM ${table}`;

const OPS = [
  { op: 'INSERT', referencing: 'REFERENCING NEW TABLE AS new_rows', body: delta(rowsOf('new_rows', '')) },
  { op: 'UPDATE', referencing: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows', body: delta(`${rowsOf('new_rows', '')} UNION ALL ${rowsOf('old_rows', '-')}`) },
  { op: 'DELETE', referencing: 'REFERENCING OLD TABLE AS old_rows', body: delta(rowsOf('old_rows', '-')) },
  { op: 'TRUNCATE', referencing: '', body: 'TRUNCATE flow_count_month' },
] as const;

export class FlowCountMonths1765100100000 implements MigrationInterface {
  name = 'FlowCountMonths1765100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE flow_count_month (
      figure text NOT NULL,
      month date NOT NULL CHECK (month = date_trunc('month', month)::date),
      region_id uuid NOT NULL,
      key text NOT NULL,
      n int NOT NULL,
      PRIMARY KEY (figure, month, region_id, key)
    )`);
    await q.query(`CREATE INDEX flow_count_month_region_idx ON flow_count_month (figure, region_id, month)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON flow_count_month TO opvangnet_service`);
    for (const { op, referencing, body } of OPS) {
      const fn = `flow_count_month_${op.toLowerCase()}`;
      await q.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          ${body};
          RETURN NULL;
        END $fn$`);
      await q.query(`CREATE TRIGGER ${fn} AFTER ${op} ON flow_count ${referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    }
    await q.query(delta(rowsOf('flow_count', '')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { op } of [...OPS].reverse()) {
      await q.query(`DROP TRIGGER flow_count_month_${op.toLowerCase()} ON flow_count`);
      await q.query(`DROP FUNCTION flow_count_month_${op.toLowerCase()}()`);
    }
    await q.query(`DROP TABLE flow_count_month`);
  }
}
