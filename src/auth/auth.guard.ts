import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../config/app-config.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { gqlContextOf } from './gql-context.js';
import { OPERATIONS } from './policy.js';

/**
 * Global guard for GraphQL operations: a verified token, a role the policy table allows for the
 * operation (deny by default), and the caller's rate budget. Scope rules are applied where the
 * data is read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiters: Record<'standard' | 'strict', RateLimiterMemory>;

  constructor(@Inject(AppConfig) config: AppConfig) {
    this.limiters = {
      standard: new RateLimiterMemory({ keyPrefix: 'standard', points: config.RATE_LIMIT_READS_PER_MINUTE, duration: 60 }),
      strict: new RateLimiterMemory({ keyPrefix: 'strict', points: config.RATE_LIMIT_WRITES_PER_MINUTE, duration: 60 }),
    };
  }

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
    try {
      await this.limiters[rule.rate].consume(ctx.principal.sub);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      throw new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests; slow down', {
        retryAfterSeconds: Math.ceil(err.msBeforeNext / 1000),
      });
    }
    return true;
  }
}
