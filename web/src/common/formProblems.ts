import { useState } from 'react';
import type { CombinedError } from 'urql';
import { fieldProblems } from '../graphql/errors';
import type { ShownProblem } from './ErrorSummary';

/** `input.household.0.age` of form `req` is the field with id `req-household-0-age`. */
export function fieldIdOf(prefix: string, apiField: string): string {
  return `${prefix}-${apiField.replace(/^input\./, '').replace(/\./g, '-')}`;
}

/**
 * The problems a form shows: from its own checks (before sending) or from the API's
 * BAD_USER_INPUT `extensions.fields`, each next to its field and in the summary at the top.
 */
export function useFormProblems(prefix: string, describe: (field: string, problems: string[]) => string) {
  const [problems, setProblems] = useState<ShownProblem[]>([]);
  return {
    problems,
    errorFor: (fieldId: string) => problems.find((p) => p.fieldId === fieldId)?.message,
    clear: () => setProblems([]),
    set: setProblems,
    fromError(error: CombinedError, fallbackFieldId: string, fallbackMessage: string) {
      const fields = fieldProblems(error);
      if (!fields.length) {
        setProblems([{ fieldId: fallbackFieldId, message: fallbackMessage }]);
        return;
      }
      setProblems(
        fields.map((f) => {
          const id = fieldIdOf(prefix, f.field);
          return { fieldId: document.getElementById(id) ? id : fallbackFieldId, message: describe(f.field, f.problems) };
        }),
      );
    },
  };
}
