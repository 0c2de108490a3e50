import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../common/errors.js';
import { gqlContextOf } from './gql-context.js';
import { OPERATIONS } from './policy.js';
import { RateLimits } from './rate-limits.js';

/**
 * Global guard for GraphQL operations: a verified token, a role the policy table allows for the
 * operation (deny by default), and the caller's rate budget. Scope rules are applied where the
 * data is read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(RateLimits) private readonly rateLimits: RateLimits) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = gqlContextOf(context);
    if (!ctx.principal) throw ctx.authError ?? DomainError.unauthenticated();
    const info = GqlExecutionContext.create(context).getInfo();
    const operation = `${info.parentType.name}.${info.fieldName}`;
    const rule = OPERATIONS[operation];
    if (!rule || !rule.roles.includes(ctx.principal.role)) {
      throw DomainError.forbidden(`Role ${ctx.principal.role} may not use ${info.fieldName}`);
    }
    await this.rateLimits.spend(rule.rate, ctx.principal.sub);
    return true;
  }
}
