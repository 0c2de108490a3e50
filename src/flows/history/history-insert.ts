import type { EntityManager } from 'typeorm';

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
