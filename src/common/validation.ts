import { ArgumentMetadata, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldProblem } from './errors.js';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator on every @Args input; failures become BAD_USER_INPUT with the failing fields. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return DomainError.badInput(`Invalid input: ${fields.map((f) => f.field).join(', ')}`, fields);
    },
  });
}

// NUL and other C0 controls (tab and newlines aside) have no place in any input and PostgreSQL
// refuses NUL in text: such input is refused up front as BAD_USER_INPUT.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function findControl(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > 10) return undefined;
  if (typeof value === 'string') return CONTROL.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControl(item, `${path}.${i}`, depth + 1);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findControl(item, path ? `${path}.${key}` : key, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

// GqlParamtype.ARGS of @nestjs/graphql, which does not export the enum: only GraphQL arguments
// are client input; parents and the context are not scanned.
const GQL_ARGS = 3;

export class RejectControlCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if ((metadata.type as unknown) !== GQL_ARGS && metadata.type !== 'body' && metadata.type !== 'query') return value;
    const field = findControl(value, metadata.data ?? '');
    if (field) throw DomainError.badInput(`Invalid input: ${field || 'value'} contains control characters`, [{ field: field || 'value', problems: ['contains control characters'] }]);
    return value;
  }
}
