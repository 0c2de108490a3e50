import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { DomainError } from '../common/errors.js';
import { HTTP_OPERATION, HttpOperation, setHttpCaller } from '../common/http-operation.js';
import { gqlContextOf } from './gql-context.js';
import { OPERATIONS } from './policy.js';
import type { Principal } from './principal.js';
import { RateLimits } from './rate-limits.js';
import { TokenService } from './token.service.js';

/**
 * Global guard for GraphQL operations: a verified token, a role the policy table allows for the
 * operation (deny by default), and the caller's rate budget. Scope rules are applied where the
 * data is read. HTTP handlers marked with `SameAccessAs(operation, budget)` (the audit CSV export)
 * get the same check for that operation's entry, with a bearer token from the Authorization header.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(RateLimits) private readonly rateLimits: RateLimits,
    @Inject(TokenService) private readonly tokens: TokenService,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() === 'http') return this.http(context);
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = gqlContextOf(context);
    if (!ctx.principal) throw ctx.authError ?? DomainError.unauthenticated();
    const info = GqlExecutionContext.create(context).getInfo();
    const rule = this.allow(ctx.principal, `${info.parentType.name}.${info.fieldName}`, info.fieldName);
    await this.rateLimits.spend(rule.rate, ctx.principal.sub);
    return true;
  }

  /** The policy table's rule for an operation, or FORBIDDEN (deny by default). */
  private allow(principal: Principal, operation: string, name: string) {
    const rule = OPERATIONS[operation];
    if (!rule || !rule.roles.includes(principal.role)) throw DomainError.forbidden(`Role ${principal.role} may not use ${name}`);
    return rule;
  }

  /** Unmarked HTTP routes (console, health, flow exports) do their own checks. */
  private async http(context: ExecutionContext): Promise<boolean> {
    const marked = this.reflector.get<HttpOperation | undefined>(HTTP_OPERATION, context.getHandler());
    if (!marked) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const token = TokenService.extract(req.headers.authorization);
    if (!token) throw DomainError.unauthenticated();
    const principal = await this.tokens.verify(token);
    this.allow(principal, marked.operation, marked.operation.split('.').pop()!);
    await this.rateLimits.spend(marked.budget, principal.sub);
    setHttpCaller(req, { sub: principal.sub, role: principal.role });
    return true;
  }
}
