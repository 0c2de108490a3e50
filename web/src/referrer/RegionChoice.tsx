import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../common/fields';

/** Pick any of the 35 regions (regions to avoid, preferred regions), behind a native disclosure. */
export function RegionChoice(props: { id: string; legend: string; regions: { id: string; name: string }[]; chosen: string[]; onChange(ids: string[]): void }) {
  const { t } = useTranslation();
  const { id, legend, regions, chosen, onChange } = props;
  const names = regions.filter((r) => chosen.includes(r.id)).map((r) => r.name);
  return (
    <details>
      <summary>
        {legend}: {names.length ? names.join(', ') : t('regions.noneChosen')}
      </summary>
      <Fieldset>
        <FieldsetLegend>{legend}</FieldsetLegend>
        <div className="opvangnet-checkbox-columns">
          {regions.map((r) => (
            <CheckboxField
              key={r.id}
              id={`${id}-${r.id}`}
              label={r.name}
              checked={chosen.includes(r.id)}
              onChange={(on) => onChange(on ? [...chosen, r.id] : chosen.filter((x) => x !== r.id))}
            />
          ))}
        </div>
      </Fieldset>
    </details>
  );
}
