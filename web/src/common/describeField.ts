import type { TFunction } from 'i18next';

/** The API's field problems (class-validator, English) in plain words of the console's language. */
export function describeField(t: TFunction, field: string, problems: string[]): string {
  const last = field.split('.').pop() ?? field;
  const index = /\.(\d+)\./.exec(field)?.[1];
  const n = index === undefined ? undefined : Number(index) + 1;
  const known: Record<string, string> = {
    age: t('validation.ageRange', { n }),
    languages: t('validation.languages'),
    consentToShare: t('validation.consent'),
    householdSize: t('validation.householdSize'),
    holdMinutes: t('validation.holdMinutes'),
    reason: t('validation.reasonRequired'),
    homeRegionId: t('validation.homeRegion'),
  };
  return known[last] ?? t('validation.generic', { field: last, problem: problems.join(', ') });
}
