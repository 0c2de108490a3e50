import type { TFunction } from 'i18next';
import { Button, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from './fields';

export type SexValue = 'FEMALE' | 'MALE' | 'X';
export interface MemberDraft {
  sex: SexValue | '';
  age: string;
}

/** Everyone who needs a bed: sex and age per person; children are clients in their own right. */
export function HouseholdFields(props: {
  prefix: string;
  members: MemberDraft[];
  onChange(members: MemberDraft[]): void;
  errorFor(fieldId: string): string | undefined;
  fixedCount?: boolean;
}) {
  const { t } = useTranslation();
  const { prefix, members, onChange, errorFor, fixedCount } = props;
  const update = (i: number, patch: Partial<MemberDraft>) => onChange(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <Fieldset>
      <FieldsetLegend>{t('household.legend')}</FieldsetLegend>
      {members.map((m, i) => (
        <div key={i} className="opvangnet-household-member" role="group" aria-label={t('household.person', { n: i + 1 })}>
          <SelectField
            id={`${prefix}-household-${i}-sex`}
            label={t('household.sexOf', { n: i + 1 })}
            value={m.sex}
            placeholder={t('signIn.choose')}
            options={(['FEMALE', 'MALE', 'X'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) }))}
            onChange={(sex) => update(i, { sex })}
            error={errorFor(`${prefix}-household-${i}-sex`)}
          />
          <TextField
            id={`${prefix}-household-${i}-age`}
            label={t('household.ageOf', { n: i + 1 })}
            type="number"
            value={m.age}
            onChange={(age) => update(i, { age })}
            error={errorFor(`${prefix}-household-${i}-age`)}
          />
          {!fixedCount && members.length > 1 ? (
            <Button appearance="subtle-button" onClick={() => onChange(members.filter((_, j) => j !== i))}>
              {t('household.remove', { n: i + 1 })}
            </Button>
          ) : null}
        </div>
      ))}
      {!fixedCount ? (
        <Button appearance="secondary-action-button" onClick={() => onChange([...members, { sex: '', age: '' }])}>
          {t('household.add')}
        </Button>
      ) : null}
    </Fieldset>
  );
}

/** Checks before sending: every person has a sex and a whole age (the API checks its bounds). Returns [fieldId, message] pairs. */
export function checkHousehold(prefix: string, members: MemberDraft[], t: TFunction) {
  const problems: { fieldId: string; message: string }[] = [];
  members.forEach((m, i) => {
    if (!m.sex) problems.push({ fieldId: `${prefix}-household-${i}-sex`, message: t('validation.sexRequired', { n: i + 1 }) });
    if (!/^\d{1,3}$/.test(m.age.trim())) {
      problems.push({ fieldId: `${prefix}-household-${i}-age`, message: t('validation.ageInvalid', { n: i + 1 }) });
    }
  });
  return problems;
}

export function householdInput(members: MemberDraft[]) {
  return members.map((m) => ({ sex: m.sex as SexValue, age: Number(m.age) }));
}
