import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/errors.js';
import { Role } from '../common/enums.js';
import { ALLOWED_ROLES } from './roles.decorator.js';
import { gqlContextOf } from './gql-context.js';

/** Global guard for GraphQL operations: a verified token, and a role the operation allows. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = gqlContextOf(context);
    if (!ctx.principal) throw ctx.authError ?? DomainError.unauthenticated();
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!allowed || !allowed.includes(ctx.principal.role)) {
      throw DomainError.forbidden(`Role ${ctx.principal.role} may not do this`);
    }
    return true;
  }
}
