import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { AppLink } from '../common/AppLink';
import { OptionsList } from '../common/OptionsList';
import { RequestFacts } from '../common/RequestFacts';
import { useErrorText } from '../common/useErrorText';
import { graphql } from '../gql';
import { useLiveQuery } from '../graphql/useLiveQuery';
import { ReceivingShelterCard } from './ReceivingShelterCard';

const RequestQuery = graphql(`
  query ReferrerRequest($id: ID!) {
    placementRequest(id: $id) {
      id
      status
      receivingShelter {
        ...ReceivingShelterCard_shelter
      }
      ...RequestFacts_request
    }
  }
`);

const OptionsQuery = graphql(`
  query ReferrerOptions($id: ID!) {
    placementOptions(requestId: $id, limit: 10) {
      ...OptionsList_options
    }
  }
`);

const RequestChanged = graphql(`
  subscription ReferrerRequestChanged($id: ID!) {
    placementRequestUpdated(id: $id) {
      id
      status
    }
  }
`);

const AvailabilityChanged = graphql(`
  subscription ReferrerAvailabilityChanged {
    availabilityChanged {
      regionId
      category
      available
    }
  }
`);

const OPTIONS_REFRESH_MS = 10_000;

/** My request, live: status and timeline; while open, the options refresh when availability changes. */
export function RequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [{ data, error }, reexecute] = useLiveQuery({ query: RequestQuery, variables: { id } });
  const open = data?.placementRequest.status === 'OPEN' || data?.placementRequest.status === 'ESCALATED';
  const [options, refetchOptions] = useLiveQuery({ query: OptionsQuery, variables: { id }, pause: !open });
  useSubscription({ query: RequestChanged, variables: { id } }, (_p, e) => {
    reexecute({ requestPolicy: 'network-only' });
    return e;
  });
  // Availability anywhere may change the options; re-rank at most every 10 s.
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  useSubscription({ query: AvailabilityChanged, pause: !open }, (_p, e) => {
    if (!pending.current) {
      const wait = Math.max(0, last.current + OPTIONS_REFRESH_MS - Date.now());
      pending.current = setTimeout(() => {
        pending.current = undefined;
        last.current = Date.now();
        refetchOptions({ requestPolicy: 'network-only' });
      }, wait);
    }
    return e;
  });

  if (!data) return error ? <Paragraph>{errorText(error)}</Paragraph> : <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const request = data.placementRequest;
  return (
    <div className="opvangnet-stack">
      <AppLink to="/">{t('nav.myRequests')}</AppLink>
      <Heading1 tabIndex={-1}>{t('request.titleReferrer', { status: t(`requestStatus.${request.status}`) })}</Heading1>
      {request.receivingShelter ? <ReceivingShelterCard shelter={request.receivingShelter} showHold={request.status === 'CLAIMED'} /> : null}
      {request.status === 'ESCALATED' ? <Paragraph>{t('request.escalatedNext')}</Paragraph> : null}
      <RequestFacts request={request} />
      {open && options.data ? <OptionsList options={options.data.placementOptions} /> : null}
    </div>
  );
}
