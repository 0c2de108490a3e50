import { DataList, DataListItem, DataListKey, DataListValue, Heading2, OrderedList, OrderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../gql';
import { useFormat } from '../i18n/format';

export const RequestFactsFragment = graphql(`
  fragment RequestFacts_request on PlacementRequest {
    id
    status
    urgency
    createdAt
    householdSize
    adults
    children
    household {
      sex
      age
      ageBand
      isChild
    }
    risk {
      level
      honourRelated
      trafficking
      perpetratorNetwork
      policeCoDecision
      firearmAccess
    }
    needs {
      wheelchair
      pets
      languages
    }
    escalatedAt
    escalationReason
    timeline {
      kind
      at
      actor
    }
  }
`);

/** What a request is about: household, risk, needs and what happened, in that order. */
export function RequestFacts(props: { request: FragmentType<typeof RequestFactsFragment> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const r = useFragment(RequestFactsFragment, props.request);
  const flags = (
    [
      ['honourRelated', r.risk?.honourRelated],
      ['trafficking', r.risk?.trafficking],
      ['perpetratorNetwork', r.risk?.perpetratorNetwork],
      ['policeCoDecision', r.risk?.policeCoDecision],
      ['firearmAccess', r.risk?.firearmAccess],
    ] as const
  )
    .filter(([, on]) => on)
    .map(([flag]) => t(`risk.${flag}`));
  const needs = [r.needs.wheelchair ? t('needs.wheelchair') : '', r.needs.pets ? t('needs.pets') : '', r.needs.languages.length ? t('needs.languagesList', { languages: r.needs.languages.join(', ') }) : ''].filter(Boolean);
  return (
    <>
      <DataList>
        <DataListItem>
          <DataListKey>{t('request.status')}</DataListKey>
          <DataListValue>{t(`requestStatus.${r.status}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('request.urgency')}</DataListKey>
          <DataListValue>{t(`urgency.${r.urgency}`)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('request.household')}</DataListKey>
          <DataListValue>
            {t('household.persons', { count: r.householdSize })}: {r.household.map((m) => t('household.member', { sex: t(`sex.${m.sex}`), age: m.age ?? m.ageBand })).join(', ')}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('request.risk')}</DataListKey>
          <DataListValue>
            {r.risk ? t(`riskLevel.${r.risk.level}`) : t('request.notShared')}
            {flags.length ? `; ${flags.join(', ')}` : ''}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('request.needs')}</DataListKey>
          <DataListValue>{needs.length ? needs.join(', ') : t('needs.none')}</DataListValue>
        </DataListItem>
        {r.escalatedAt ? (
          <DataListItem>
            <DataListKey>{t('request.escalated')}</DataListKey>
            <DataListValue>{t('request.escalatedText', { when: format.dateTime(r.escalatedAt) })}</DataListValue>
          </DataListItem>
        ) : null}
      </DataList>
      <Heading2>{t('request.timeline')}</Heading2>
      <OrderedList>
        {r.timeline.map((e, i) => (
          <OrderedListItem key={i}>
            {format.dateTime(e.at)}: {t(`timeline.${e.kind}`, { defaultValue: e.kind })}
          </OrderedListItem>
        ))}
      </OrderedList>
    </>
  );
}
