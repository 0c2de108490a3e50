import { Alert, Heading2, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ShownProblem {
  /** The id of the field the message belongs to. */
  fieldId: string;
  message: string;
}

/** gov.uk pattern: a summary at the top that takes focus and links to each field with a problem. */
export function ErrorSummary({ problems }: { problems: ShownProblem[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problems.length) ref.current?.focus();
  }, [problems]);
  if (!problems.length) return null;
  return (
    <div ref={ref} tabIndex={-1} className="opvangnet-error-summary" aria-labelledby="error-summary-title">
      <Alert type="error">
        <Heading2 id="error-summary-title">{t('errors.summaryTitle')}</Heading2>
        <UnorderedList>
          {problems.map((p) => (
            <UnorderedListItem key={`${p.fieldId}:${p.message}`}>
              <a
                href={`#${p.fieldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(p.fieldId)?.focus();
                }}
              >
                {p.message}
              </a>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </Alert>
    </div>
  );
}
