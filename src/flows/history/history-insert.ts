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

export const PROFILE = new Map<string, number>();

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
      const t0 = Date.now();
      await manager.query(this.sql, params);
      const key = this.sql.trim().slice(0, 40);
      PROFILE.set(key, (PROFILE.get(key) ?? 0) + Date.now() - t0);
    }
    for (let i = 0; i < this.columns.length; i++) this.columns[i] = [];
    return total;
  }
}
