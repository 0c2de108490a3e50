import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Logger as Pino } from 'pino';
import { catchError, Observable, throwError } from 'rxjs';
import { DomainError, toDomainError } from './errors.js';
import { ROOT_LOGGER } from './tokens.js';

/**
 * Every error leaving a resolver becomes a DomainError with a code: known ones are mapped
 * (a lost database is UNAVAILABLE, a lock conflict CONFLICT), anything else is logged once with
 * its stack and reaches the client only as INTERNAL_SERVER_ERROR.
 */
@Injectable()
export class ErrorMappingInterceptor implements NestInterceptor {
  constructor(@Inject(ROOT_LOGGER) private readonly log: Pino) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((err: unknown) => {
        const mapped = toDomainError(err);
        if (mapped) return throwError(() => mapped);
        const requestId = context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext<{ requestId?: string }>().requestId : undefined;
        this.log.error({ err, handler: context.getHandler().name, requestId }, 'unexpected error in a resolver');
        return throwError(() => DomainError.internal());
      }),
    );
  }
}
