import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import type { AuditEntry } from '../audit/audit-log.js';
import { DomainError } from '../common/errors.js';
import { Principal } from './principal.js';

/** What every resolver gets: the caller, the request id for logs and audit, per-request loaders. */
export interface GqlContext {
  req?: Request;
  res?: Response;
  principal?: Principal;
  /** Why authentication failed, reported by the guard (the context itself never throws). */
  authError?: DomainError;
  requestId: string;
  loaders: Record<string, unknown>;
  /** Confidential values revealed while answering; written to the audit log with the response. */
  confidentialReads: AuditEntry[];
}

export function gqlContextOf(context: ExecutionContext): GqlContext {
  return GqlExecutionContext.create(context).getContext<GqlContext>();
}

/** The verified caller; the guard has already refused requests without one. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = gqlContextOf(context).principal;
  if (!principal) throw DomainError.unauthenticated();
  return principal;
});
