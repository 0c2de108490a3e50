import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** Metadata key of {@link SameAccessAs}; read by the global auth guard. */
export const HTTP_OPERATION = 'opvangnet:http-operation';

export interface HttpOperation {
  /** A policy-table entry, e.g. `Query.auditEvents`: the HTTP handler has exactly its roles. */
  operation: string;
  /** The per-principal rate budget the handler spends. */
  budget: 'export';
}

/** The verified caller of a marked HTTP handler (set by the auth guard). */
export interface HttpCaller {
  sub: string;
  role: string;
}

/**
 * Marks an HTTP handler as the same operation as a GraphQL field: the global auth guard demands a
 * bearer token, applies that field's entry of the policy table (one policy, deny by default) and
 * spends the given budget, then leaves the caller for {@link httpCallerOf}. Lets a lower layer
 * (audit) serve HTTP without importing auth.
 */
export const SameAccessAs = (operation: string, budget: HttpOperation['budget']) => SetMetadata(HTTP_OPERATION, { operation, budget } satisfies HttpOperation);

const CALLER = Symbol('opvangnet:http-caller');

export function setHttpCaller(req: Request, caller: HttpCaller): void {
  (req as unknown as Record<symbol, HttpCaller>)[CALLER] = caller;
}

export function httpCallerOf(req: Request): HttpCaller {
  const caller = (req as unknown as Record<symbol, HttpCaller | undefined>)[CALLER];
  if (!caller) throw new Error('httpCallerOf: the handler is not marked with SameAccessAs');
  return caller;
}
