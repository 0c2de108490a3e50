import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditActor, AuditEntry } from './audit-log.js';

/**
 * The audit row of one GraphQL mutation attempt ("graphql.mutation": its root fields and outcome).
 *
 * A mutation that succeeds writes it inside its own state-change transaction (Transactions.run
 * asks `takeMutationAudit`), so the attempt and the change commit together and the service does
 * not pay a separate INSERT and commit per mutation. Whatever did not commit it that way (a
 * refusal, a rolled-back transaction, an error after the commit) is written by the GraphQL audit
 * plugin when the response goes out, with the outcome.
 */
export interface MutationAttempt {
  sub: string;
  role: string;
  fields: string[];
  /** True once a transaction that carried the row has committed. */
  recorded: boolean;
}

export interface OperationScope {
  mutation?: MutationAttempt;
}

const scopes = new AsyncLocalStorage<OperationScope>();

/** Runs `next` (the rest of one HTTP request's handling) with its own operation scope. */
export function withOperationScope(next: () => void): void {
  scopes.run({}, next);
}

/** The scope of the request being handled, if this code runs inside one. */
export function operationScope(): OperationScope | undefined {
  return scopes.getStore();
}

export function mutationAuditEntry(fields: string[], outcome: string, afterCommit = false): AuditEntry {
  return {
    action: 'graphql.mutation',
    entityType: 'operation',
    // Root fields only: the operation name is the client's free text and the log is append-only.
    entityId: fields.join(','),
    detail: afterCommit ? { fields, outcome, afterCommit: true } : { fields, outcome },
  };
}

/**
 * For a transaction about to commit on behalf of `actor`: the mutation's "OK" row, when this
 * request is a mutation by the same actor whose row no transaction has committed yet. Call
 * `committed()` after COMMIT succeeded.
 */
export function takeMutationAudit(actor: AuditActor): { entry: AuditEntry; committed(): void } | undefined {
  const attempt = scopes.getStore()?.mutation;
  if (!attempt || attempt.recorded || attempt.sub !== actor.sub || attempt.role !== actor.role) return undefined;
  // With several root fields one transaction's commit says nothing of the others: the plugin
  // writes the attempt with the overall outcome when the response goes out.
  if (attempt.fields.length !== 1) return undefined;
  return { entry: mutationAuditEntry(attempt.fields, 'OK'), committed: () => (attempt.recorded = true) };
}
