import { LOCALITY_RADIUS_KM } from './locality.js';
import { HttpException, IntrinsicException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

/** The codes a client can act on; every error leaving the service carries one of them. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAVAILABLE = 'UNAVAILABLE',
  RATE_LIMITED = 'RATE_LIMITED',
  /** Refused before execution: the response could hold more values than MAX_QUERY_COST. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Stopped: the statement or the query ran past its time limit. Ask for less; retrying as is will not help. */
  TIMEOUT = 'TIMEOUT',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** An expected refusal with a code for the client. Intrinsic: Nest does not log it as a crash. */
export class DomainError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(message: string, fields: FieldProblem[] = []): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, fields.length ? { fields } : {});
  }
  static notFound(entity: string, id: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${entity} ${id} does not exist`, { entity, id });
  }
  static conflict(message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message, details);
  }
  static forbidden(message = 'Your role does not allow this'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }
  static unauthenticated(message = 'A valid bearer token is required'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
  static internal(): DomainError {
    return new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error; it has been logged');
  }
  static timeout(message = 'The query took too long and was stopped; ask for less (smaller pages, fewer fields)'): DomainError {
    return new DomainError(ErrorCode.TIMEOUT, message);
  }
  static unavailable(message = 'The database is unavailable; nothing was changed. Try again shortly.'): DomainError {
    return new DomainError(ErrorCode.UNAVAILABLE, message);
  }
}

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is not established/i,
  /the database system is (starting up|shutting down)/i,
  /terminating connection due to administrator command/i,
  /Client was closed and is not queryable/i,
  // TypeORM releases a transaction's query runner when its connection dies mid-transaction.
  /Query runner already released/i,
  /connection provided by a query runner was already released/i,
];

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** graphql-js wraps thrown values that are not `Error`s of its realm; look through the wrapper. */
function unwrap(err: unknown): unknown {
  const thrown = (err as { thrownValue?: unknown } | null)?.thrownValue;
  return thrown === undefined ? err : thrown;
}

function messageOf(err: unknown): string {
  const message = (err as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(err);
}

/** PostgreSQL went away, is restarting or cannot be reached: the caller may simply retry. */
export function isConnectionError(raw: unknown): boolean {
  const err = unwrap(raw);
  const code = pgCode(err);
  if (code && (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
  if (code && CONNECTION_ERRNOS.has(code)) return true;
  const message = messageOf(err);
  return CONNECTION_MESSAGES.some((re) => re.test(message));
}

/** Serialization failure or deadlock: the whole transaction may be retried as is. */
export function isRetryableTransactionError(err: unknown): boolean {
  const code = pgCode(err);
  return code === '40001' || code === '40P01';
}

/** Maps anything thrown below a resolver to a DomainError; unknown errors become INTERNAL. */
export function toDomainError(raw: unknown): DomainError | undefined {
  const err = unwrap(raw);
  if (err instanceof DomainError) return err;
  if (isConnectionError(err)) return DomainError.unavailable();
  const code = pgCode(err);
  switch (code) {
    case '22P02': // invalid text representation (e.g. a malformed uuid)
    case '22001': // string too long
    case '22003': // numeric out of range
      return DomainError.badInput('A value has the wrong form or is out of range');
    case '23505':
      return DomainError.conflict('This would duplicate an existing record');
    case '23503':
      return DomainError.badInput('A referenced record does not exist');
    case '23514':
      if ((err as { constraint?: string; driverError?: { constraint?: string } }).driverError?.constraint === 'shelter_near_locality'
        || (err as { constraint?: string }).constraint === 'shelter_near_locality') {
        return DomainError.badInput(`The exact location must lie within ${LOCALITY_RADIUS_KM} km of the shelter's locality`, [
          { field: 'locality', problems: [`more than ${LOCALITY_RADIUS_KM} km from the exact location`] },
        ]);
      }
      return DomainError.conflict('This change would break a consistency rule of the network');
    case '40001':
    case '40P01':
      return DomainError.conflict('Too many simultaneous changes to the same places; try again');
    case '57014': // query_canceled: the statement timeout (DB_STATEMENT_TIMEOUT_MS) stopped it
      return DomainError.timeout();
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const body = err.getResponse() as { message?: unknown };
    const text = Array.isArray(body?.message) ? body.message.join('; ') : String(body?.message ?? err.message);
    if (status === 400) return DomainError.badInput(text);
    if (status === 401) return DomainError.unauthenticated();
    if (status === 403) return DomainError.forbidden();
    if (status === 404) return new DomainError(ErrorCode.NOT_FOUND, text);
    if (status === 409) return DomainError.conflict(text);
    if (status === 429) return new DomainError(ErrorCode.FORBIDDEN, 'Too many requests', { retryable: true });
  }
  return undefined;
}

const PASSTHROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  ErrorCode.QUERY_TOO_COMPLEX,
  ErrorCode.TIMEOUT,
]);

// graphql-js gives up coercing variables after 50 errors; it is still the client's input.
const TOO_MANY_INPUT_ERRORS = /^Too many errors processing variables/;

// GraphQL's own coercion messages for input literals: these are the client's input, not a bug.
const INPUT_VALIDATION = /(Expected value of type|cannot represent|Value ".*" does not exist in|is not defined by type|of required type|was not provided|Expected type)/;

/**
 * The single place where errors become what the client sees: a message, a code in
 * `extensions.code` and, for bad input, the failing fields. Never a stack trace or SQL.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logUnexpected: (err: unknown) => void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const domain = toDomainError(original);
  if (domain) {
    return {
      message: domain.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: domain.code, ...domain.details },
    };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (TOO_MANY_INPUT_ERRORS.test(formatted.message)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (PASSTHROUGH_CODES.has(code) || (original instanceof GraphQLError && !original.originalError)) {
    const asInput = code === 'GRAPHQL_VALIDATION_FAILED' && INPUT_VALIDATION.test(formatted.message);
    // The price and the limit tell a client how much smaller to ask.
    const figures = code === ErrorCode.QUERY_TOO_COMPLEX ? { cost: formatted.extensions?.cost, limit: formatted.extensions?.limit } : {};
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: asInput ? ErrorCode.BAD_USER_INPUT : code || 'GRAPHQL_VALIDATION_FAILED', ...figures },
    };
  }
  logUnexpected(original);
  return {
    message: 'Internal error; it has been logged',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
