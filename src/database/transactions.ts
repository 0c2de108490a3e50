import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditActor, AuditEntry, insertAuditEvents } from '../audit/audit-log.js';
import { takeMutationAudit } from '../audit/operation-audit.js';
import { DomainError, isConnectionError, isRetryableTransactionError, toDomainError } from '../common/errors.js';
import { PLACE_CHANGES_CHANNEL, PlaceChange } from '../common/place-changes.js';

/** Who is acting, for the audit log. */
export type Actor = AuditActor;

// pg_notify payloads must stay under 8000 bytes; keep a margin.
const MAX_NOTIFY_BYTES = 7000;

/**
 * One database transaction of a state change. Audit rows and the change notification are written
 * in the same transaction, so they exist exactly when the change does: PostgreSQL delivers NOTIFY
 * only on commit, and a rolled-back claim notifies nobody.
 */
export class Tx {
  private readonly audits: AuditEntry[] = [];
  private readonly changes = new Map<string, PlaceChange>();
  private readonly notices: [string, string][] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
  ) {}

  /** Rows of any statement, RETURNING included (the ORM's plain query() shapes UPDATEs differently). */
  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.manager.queryRunner!.query(sql, params, true);
    return (result.records ?? []) as T[];
  }

  audit(entry: AuditEntry): void {
    this.audits.push(entry);
  }

  placesChanged(changes: PlaceChange[]): void {
    for (const change of changes) this.changes.set(change.placeId, change);
  }

  /** A notification to every instance, delivered only if this transaction commits. */
  notify(channel: string, payload: unknown): void {
    this.notices.push([channel, JSON.stringify(payload)]);
  }

  /** Called once, just before COMMIT. */
  async flush(): Promise<void> {
    await insertAuditEvents((sql, params) => this.query(sql, params), this.actor, this.audits);
    for (const payload of chunkPayloads([...this.changes.values()])) {
      await this.query(`SELECT pg_notify($1, $2)`, [PLACE_CHANGES_CHANNEL, payload]);
    }
    for (const [channel, payload] of this.notices) {
      await this.query(`SELECT pg_notify($1, $2)`, [channel, payload]);
    }
  }
}

function chunkPayloads(changes: PlaceChange[]): string[] {
  const payloads: string[] = [];
  let batch: PlaceChange[] = [];
  for (const change of changes) {
    batch.push(change);
    if (JSON.stringify(batch).length > MAX_NOTIFY_BYTES) {
      batch.pop();
      payloads.push(JSON.stringify(batch));
      batch = [change];
    }
  }
  if (batch.length > 0) payloads.push(JSON.stringify(batch));
  return payloads;
}

interface ErrorEmitter {
  on(event: 'error', listener: (err: Error) => void): unknown;
  listenerCount(event: string): number;
}

/**
 * A pg client that loses its server emits 'error', sometimes twice (the FATAL message, then the
 * closed socket). TypeORM listens only until the first one, so the second would be an unhandled
 * 'error' event and crash the process. Every pooled client gets a permanent listener; pg-pool and
 * TypeORM still see the error and discard the client.
 */
function guardPoolClients(dataSource: DataSource, logger: Logger): void {
  const pool = (dataSource.driver as unknown as { master?: { on(e: 'connect', fn: (c: ErrorEmitter) => void): void; _clients?: ErrorEmitter[] } }).master;
  if (!pool) return;
  const guard = (client: ErrorEmitter) => client.on('error', (err) => logger.debug(`pooled connection lost: ${err.message}`));
  pool.on('connect', guard);
  for (const client of pool._clients ?? []) guard(client);
}

@Injectable()
export class Transactions {
  private readonly logger = new Logger('Transactions');

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {
    guardPoolClients(dataSource, this.logger);
  }

  /**
   * Runs `work` in one READ COMMITTED transaction (the pool's connection default). Deadlocks and serialization failures are
   * retried a few times (the work is re-run from scratch); a lost database becomes UNAVAILABLE.
   */
  async run<T>(actor: Actor, work: (tx: Tx) => Promise<T>, attempts = 4): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        // READ COMMITTED is the connection's default (data-source.ts): one statement, not two.
        await runner.startTransaction();
        const tx = new Tx(runner.manager, actor);
        const result = await work(tx);
        // The GraphQL mutation this transaction serves is recorded with it (audit/operation-audit.ts).
        const attempt = takeMutationAudit(actor);
        if (attempt) tx.audit(attempt.entry);
        await tx.flush();
        await runner.commitTransaction();
        attempt?.committed();
        return result;
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
        if (isRetryableTransactionError(err) && attempt < attempts) {
          await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
          continue;
        }
        if (isConnectionError(err)) {
          this.logger.warn(`transaction aborted, database unavailable: ${(err as Error).message}`);
        }
        throw toDomainError(err) ?? err;
      } finally {
        await runner.release().catch(() => undefined);
      }
    }
  }
}

export { DomainError };
