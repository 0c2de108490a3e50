import { GraphQLError } from 'graphql';
import { ErrorCode, formatGraphQLError, toDomainError } from '../src/common/errors.js';

describe('error mapping', () => {
  const format = (original: unknown) =>
    formatGraphQLError({ message: 'x' }, new GraphQLError('x', { originalError: original as Error }), () => undefined).extensions?.code;

  it('maps a lost database to UNAVAILABLE, also when graphql-js wrapped a non-Error value', () => {
    const refused = Object.assign(Object.create(null), { errno: -111, code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
    expect(format(refused)).toBe(ErrorCode.UNAVAILABLE);
    // graphql-js' NonErrorThrown keeps the original value in thrownValue.
    const wrapped = Object.assign(new Error('Unexpected error value'), { name: 'NonErrorThrown', thrownValue: refused });
    expect(format(wrapped)).toBe(ErrorCode.UNAVAILABLE);
    expect(toDomainError({ driverError: { code: '57P01' } })?.code).toBe(ErrorCode.UNAVAILABLE);
    expect(toDomainError(new Error('Connection terminated unexpectedly'))?.code).toBe(ErrorCode.UNAVAILABLE);
  });

  it('never shows an unknown error\'s message', () => {
    const res = formatGraphQLError({ message: 'secret SQL here' }, new GraphQLError('secret SQL here', { originalError: new Error('SELECT * FROM shelter') }), () => undefined);
    expect(res).toEqual({ message: 'Internal error; it has been logged', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
