import type { CombinedError } from 'urql';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** The first `extensions.code` of an error, or NETWORK when the service could not be reached. */
export function errorCode(error: CombinedError): string | undefined {
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (typeof code === 'string') return code;
  if (error.networkError) return 'NETWORK';
  return undefined;
}

/** BAD_USER_INPUT carries the failing fields as `extensions.fields`. */
export function fieldProblems(error: CombinedError): FieldProblem[] {
  const fields = error.graphQLErrors[0]?.extensions?.fields;
  return Array.isArray(fields) ? (fields as FieldProblem[]) : [];
}
