// Inserts: column batches, foreign keys suspended for the load, and the writer of stays in foreign-key order.
import type { EntityManager } from 'typeorm';
import { HISTORY_ACTOR } from './history-model.js';

/**
 * Bulk writing for the history generator: column arrays, one `INSERT ... SELECT FROM unnest(...)`
 * per chunk. Timestamps travel as epoch milliseconds (float8) and become timestamptz in SQL via
 * `ms(x)`, which avoids formatting millions of ISO strings in JS.
 */
export const CHUNK_ROWS = 40_000;

/** SQL for epoch milliseconds to timestamptz; NULL stays NULL. */
export function ms(column: string): string {
  return `to_timestamp(${column} / 1000.0)`;
}

export class ColumnBatch {
  readonly columns: unknown[][];

  constructor(
    private readonly sql: string,
    width: number,
  ) {
    this.columns = Array.from({ length: width }, () => []);
  }

  get length(): number {
    return this.columns[0].length;
  }

  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.columns[i].push(values[i]);
  }

  /** Writes everything collected (in chunks) and empties the batch; returns the rows written. */
  async flush(manager: EntityManager): Promise<number> {
    const total = this.length;
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      const params = this.columns.map((c) => (start === 0 && total <= CHUNK_ROWS ? c : c.slice(start, start + CHUNK_ROWS)));
      await manager.query(this.sql, params);
    }
    for (let i = 0; i < this.columns.length; i++) this.columns[i] = [];
    return total;
  }
}

/** A foreign key as PostgreSQL itself prints it, so it can be put back exactly. */
export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * Drops the foreign keys of `tables` for a bulk load ("Populating a Database" in the PostgreSQL
 * manual): per-row checks cost more than the rows themselves. Call inside a transaction and call
 * restoreForeignKeys before it commits: re-adding them checks every row at once, and a failure
 * anywhere rolls the drop back with everything else. Holds ACCESS EXCLUSIVE locks meanwhile.
 */
export async function dropForeignKeys(manager: EntityManager, tables: readonly string[]): Promise<ForeignKey[]> {
  const keys: ForeignKey[] = await manager.query(
    `SELECT c.conrelid::regclass::text AS "table", format('%I', c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
      ORDER BY 1, 2`,
    [tables],
  );
  for (const [table, group] of byTable(keys)) {
    await manager.query(`ALTER TABLE ${table} ${group.map((k) => `DROP CONSTRAINT ${k.name}`).join(', ')}`);
  }
  return keys;
}

export async function restoreForeignKeys(manager: EntityManager, keys: readonly ForeignKey[]): Promise<void> {
  for (const [table, group] of byTable(keys)) {
    await manager.query(`ALTER TABLE ${table} ${group.map((k) => `ADD CONSTRAINT ${k.name} ${k.definition}`).join(', ')}`);
  }
}

function byTable(keys: readonly ForeignKey[]): Map<string, ForeignKey[]> {
  const tables = new Map<string, ForeignKey[]>();
  for (const key of keys) tables.set(key.table, [...(tables.get(key.table) ?? []), key]);
  return tables;
}

// ---------------------------------------------------------------------------------------------
// Writing: column batches in foreign-key order

export class StayWriter {
  readonly claims: ColumnBatch;
  readonly claimPlaces = new ColumnBatch(
    `INSERT INTO claim_place (claim_id, place_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
    2,
  );
  readonly stays = new ColumnBatch(
    `INSERT INTO stay (id, claim_id, status, shelter_id, region_id, category, origin_region_id, referrer_type, household_size,
                       adults, children, admitted_at, admitted_by, ready_for_outflow_at, outflow_blockers, discharged_at,
                       destination, admitted_region_id, admitted_shelter_id, admitted_category)
     SELECT t.id, t.claim_id, 'DISCHARGED', t.shelter_id, t.region_id, t.category::place_category, t.origin_region_id,
            t.referrer_type, t.household_size, t.adults, t.children, ${ms('t.admitted_at')}, '${HISTORY_ACTOR}',
            ${ms('t.ready_at')}, CASE WHEN t.blockers = '' THEN '{}'::outflow_blocker[] ELSE string_to_array(t.blockers, ',')::outflow_blocker[] END,
            ${ms('t.discharged_at')}, t.destination::discharge_destination, t.admitted_region_id, t.admitted_shelter_id,
            t.admitted_category::place_category
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::uuid[], $7::text[], $8::int[], $9::int[],
                   $10::int[], $11::float8[], $12::float8[], $13::text[], $14::float8[], $15::text[], $16::uuid[], $17::uuid[], $18::text[])
         AS t(id, claim_id, shelter_id, region_id, category, origin_region_id, referrer_type, household_size, adults, children,
              admitted_at, ready_at, blockers, discharged_at, destination, admitted_region_id, admitted_shelter_id, admitted_category)`,
    18,
  );
  readonly stayMembers = new ColumnBatch(
    `INSERT INTO stay_member (stay_id, sex, age, age_band, is_child)
     SELECT t.stay_id, t.sex::sex, t.age, t.age_band::age_band, t.is_child
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::boolean[]) AS t(stay_id, sex, age, age_band, is_child)`,
    5,
  );
  readonly stayPlaces = new ColumnBatch(
    `INSERT INTO stay_place (stay_id, place_id, from_at, until_at)
     SELECT t.stay_id, t.place_id, ${ms('t.from_at')}, ${ms('t.until_at')}
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[]) AS t(stay_id, place_id, from_at, until_at)`,
    4,
  );
  readonly transfers = new ColumnBatch(
    `INSERT INTO transfer (id, stay_id, transferred_at, from_shelter_id, to_shelter_id, from_region_id, to_region_id,
                           from_category, to_category, days_before_move, reason, transferred_by)
     SELECT t.id, t.stay_id, ${ms('t.at')}, t.from_shelter, t.to_shelter, t.from_region, t.to_region,
            t.from_category::place_category, t.to_category::place_category, t.days::numeric(10,2), t.reason, '${HISTORY_ACTOR}'
       FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::uuid[], $5::uuid[], $6::uuid[], $7::uuid[], $8::text[], $9::text[],
                   $10::text[], $11::text[])
         AS t(id, stay_id, at, from_shelter, to_shelter, from_region, to_region, from_category, to_category, days, reason)`,
    11,
  );
  readonly readiness = new ColumnBatch(
    `INSERT INTO outflow_readiness (stay_id, region_id, blockers, marked_at, cleared_at, cleared_because)
     SELECT t.stay_id, t.region_id, string_to_array(t.blockers, ',')::outflow_blocker[], ${ms('t.marked_at')}, ${ms('t.cleared_at')}, t.because
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::float8[], $6::text[])
         AS t(stay_id, region_id, blockers, marked_at, cleared_at, because)`,
    6,
  );
  readonly requests = new ColumnBatch(
    `INSERT INTO placement_request (id, status, urgency, risk_level, honour_related, trafficking, perpetrator_network,
        firearm_access, risk_instrument, police_co_decision, languages, home_region_id, avoid_region_ids, consent_to_share,
        household_size, adults, children, referrer_sub, referrer_role, referrer_type, created_at, escalate_at, escalated_at,
        escalation_reason, claim_id, receiving_shelter_id, closed_at, close_reason, version)
     SELECT t.id, t.status::request_status, t.urgency::request_urgency, t.risk::risk_level, t.honour, t.trafficking, t.network,
            t.firearm, t.instrument, t.police, string_to_array(t.languages, ','), t.home,
            CASE WHEN t.avoid = '' THEN '{}'::uuid[] ELSE string_to_array(t.avoid, ',')::uuid[] END, true,
            t.household_size, t.adults, t.children, t.referrer_sub, t.referrer_role, t.referrer_type, ${ms('t.created_at')},
            ${ms('t.escalate_at')}, ${ms('t.escalated_at')}, t.escalation_reason, t.claim_id, t.receiving, ${ms('t.closed_at')},
            t.close_reason::not_admitted_reason, t.version
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::boolean[], $7::boolean[], $8::boolean[],
                   $9::text[], $10::boolean[], $11::text[], $12::uuid[], $13::text[], $14::int[], $15::int[], $16::int[],
                   $17::text[], $18::text[], $19::text[], $20::float8[], $21::float8[], $22::float8[], $23::text[], $24::uuid[],
                   $25::uuid[], $26::float8[], $27::text[], $28::int[])
         AS t(id, status, urgency, risk, honour, trafficking, network, firearm, instrument, police, languages, home, avoid,
              household_size, adults, children, referrer_sub, referrer_role, referrer_type, created_at, escalate_at,
              escalated_at, escalation_reason, claim_id, receiving, closed_at, close_reason, version)`,
    28,
  );
  readonly requestMembers = new ColumnBatch(
    `INSERT INTO request_member (request_id, sex, age, age_band, is_child)
     SELECT t.request_id, t.sex::sex, t.age, t.age_band::age_band, t.is_child
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::boolean[]) AS t(request_id, sex, age, age_band, is_child)`,
    5,
  );
  readonly events = new ColumnBatch(
    `INSERT INTO request_event (request_id, at, kind, actor, detail)
     SELECT t.request_id, ${ms('t.at')}, t.kind, t.actor, t.detail::jsonb
       FROM unnest($1::uuid[], $2::float8[], $3::text[], $4::text[], $5::text[]) AS t(request_id, at, kind, actor, detail)`,
    5,
  );
  /** Only when the foreign keys are enforced: the claim learns its request after the request exists. */
  readonly claimRequests = new ColumnBatch(
    `UPDATE claim c SET request_id = t.request_id
       FROM unnest($1::uuid[], $2::uuid[]) AS t(claim_id, request_id)
      WHERE c.id = t.claim_id`,
    2,
  );

  /**
   * claim.request_id and placement_request.claim_id point at each other: with the foreign keys
   * suspended a claim is written with its request id; otherwise it learns it by UPDATE afterwards.
   */
  constructor(
    private readonly manager: EntityManager,
    readonly linksClaimsOnInsert: boolean,
  ) {
    this.claims = new ColumnBatch(
      `INSERT INTO claim (id, status, shelter_id, household_size, beds, expires_at, claimed_by, claimed_by_role, created_at,
                          ended_at, end_reason, request_id)
       SELECT t.id, 'ADMITTED', t.shelter_id, t.household_size, t.beds, ${ms('t.expires_at')}, '${HISTORY_ACTOR}', 'INTAKE',
              ${ms('t.created_at')}, ${ms('t.ended_at')}, 'admitted', ${linksClaimsOnInsert ? 't.request_id' : 'NULL'}
         FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::int[], $5::float8[], $6::float8[], $7::float8[], $8::uuid[])
           AS t(id, shelter_id, household_size, beds, expires_at, created_at, ended_at, request_id)`,
      8,
    );
  }

  async flush(): Promise<void> {
    for (const batch of [
      this.claims, this.claimPlaces, this.stays, this.stayMembers, this.stayPlaces, this.transfers, this.readiness,
      this.requests, this.requestMembers, this.events, this.claimRequests,
    ]) {
      await batch.flush(this.manager);
    }
  }
}
