import { Button, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../gql';
import { Distance } from './Distance';
import { reasonText } from './reasons';

export const OptionsFragment = graphql(`
  fragment OptionsList_options on PlacementOptions {
    categories
    regionsSearched
    regionsInNetwork
    excluded {
      rule
      places
    }
    options {
      shelterId
      shelterName
      regionId
      category
      locality
      distanceBand
      score
      reasons
      places {
        id
        label
        beds
      }
    }
  }
`);

/** Ranked options with their reasons, and how many places fell away and why, in plain words. */
export function OptionsList(props: {
  options: FragmentType<typeof OptionsFragment>;
  /** Intake: may claim places of these shelters (all when null) for the request. */
  canClaim?: (shelterId: string) => boolean;
  onClaim?: (placeId: string, label: string) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const data = useFragment(OptionsFragment, props.options);
  const { canClaim, onClaim, busy } = props;
  return (
    <section aria-labelledby="options-heading" className="opvangnet-stack">
      <Heading2 id="options-heading">{t('options.title')}</Heading2>
      {data.options.length === 0 ? <Paragraph>{t('options.none')}</Paragraph> : null}
      <ol className="opvangnet-stack">
        {data.options.map((o) => (
          <li key={`${o.shelterId}:${o.category}`}>
            <Heading3>{o.shelterName}</Heading3>
            <Paragraph>
              {t(`category.${o.category}`)}, <Distance locality={o.locality} band={o.distanceBand} />, {t('options.places', { count: o.places.length, labels: o.places.map((p) => p.label).join(', ') })}
            </Paragraph>
            <UnorderedList aria-label={t('options.reasonsFor', { shelter: o.shelterName })}>
              {o.reasons.map((r) => (
                <UnorderedListItem key={r}>{reasonText(t, r)}</UnorderedListItem>
              ))}
            </UnorderedList>
            {onClaim && canClaim?.(o.shelterId) ? (
              <div className="opvangnet-row-actions">
                {o.places.map((p) => (
                  <Button key={p.id} appearance="primary-action-button" disabled={busy} onClick={() => onClaim(p.id, p.label)}>
                    {t('options.claimFor', { label: p.label })}
                  </Button>
                ))}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {data.excluded.length ? (
        <>
          <Heading3>{t('options.excludedTitle')}</Heading3>
          {data.regionsSearched != null && data.regionsInNetwork != null && data.regionsSearched < data.regionsInNetwork ? (
            <Paragraph>{t('options.regionsSearched', { searched: data.regionsSearched, total: data.regionsInNetwork })}</Paragraph>
          ) : null}
          <UnorderedList>
            {data.excluded.map((e) => (
              <UnorderedListItem key={e.rule}>{t('options.excludedLine', { count: e.places, reason: t(`exclusion.${e.rule}`) })}</UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
    </section>
  );
}
