import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * The flow report's percentiles (issue 12, "fast enough for a dashboard"): percentile_cont orders
 * double precision, so every numeric length of stay and hours to claim / to admission was converted
 * (through its text form) for every row of every report. A stored double of each value, made by
 * the same cast (`numeric::float8`), gives percentile_cont the very same inputs: identical answers.
 * The numeric values stay for the comparisons with the norms (over_norm, over_max), which are exact.
 * Generated columns: the triggers and flow_aggregates_rebuild() fill them without a change.
 */
export class FlowPercentileFloats1765000000000 implements MigrationInterface {
  name = 'FlowPercentileFloats1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE flow_stay_length ADD COLUMN days_f float8 GENERATED ALWAYS AS (days::float8) STORED`);
    await q.query(`ALTER TABLE flow_request_time
      ADD COLUMN hours_to_claim_f float8 GENERATED ALWAYS AS (hours_to_claim::float8) STORED,
      ADD COLUMN hours_to_admission_f float8 GENERATED ALWAYS AS (hours_to_admission::float8) STORED`);
    await q.query(`DROP INDEX flow_stay_length_day_idx`);
    await q.query(`DROP INDEX flow_stay_length_region_idx`);
    await q.query(`CREATE INDEX flow_stay_length_day_idx ON flow_stay_length (day) INCLUDE (category, days, days_f)`);
    await q.query(`CREATE INDEX flow_stay_length_region_idx ON flow_stay_length (region_id, day) INCLUDE (category, days, days_f)`);
    await q.query(`DROP INDEX flow_request_time_day_idx`);
    await q.query(`DROP INDEX flow_request_time_region_idx`);
    await q.query(`CREATE INDEX flow_request_time_day_idx ON flow_request_time (day) INCLUDE (admitted, hours_to_claim_f, hours_to_admission_f)`);
    await q.query(`CREATE INDEX flow_request_time_region_idx ON flow_request_time (region_id, day) INCLUDE (admitted, hours_to_claim_f, hours_to_admission_f)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX flow_request_time_region_idx`);
    await q.query(`DROP INDEX flow_request_time_day_idx`);
    await q.query(`DROP INDEX flow_stay_length_region_idx`);
    await q.query(`DROP INDEX flow_stay_length_day_idx`);
    await q.query(`ALTER TABLE flow_request_time DROP COLUMN hours_to_admission_f, DROP COLUMN hours_to_claim_f`);
    await q.query(`ALTER TABLE flow_stay_length DROP COLUMN days_f`);
    await q.query(`CREATE INDEX flow_stay_length_day_idx ON flow_stay_length (day) INCLUDE (category, days)`);
    await q.query(`CREATE INDEX flow_stay_length_region_idx ON flow_stay_length (region_id, day) INCLUDE (category, days)`);
    await q.query(`CREATE INDEX flow_request_time_day_idx ON flow_request_time (day) INCLUDE (admitted, hours_to_claim, hours_to_admission)`);
    await q.query(`CREATE INDEX flow_request_time_region_idx ON flow_request_time (region_id, day) INCLUDE (admitted, hours_to_claim, hours_to_admission)`);
  }
}
