import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useSubscription } from 'urql';
import { useSession } from '../auth/session';
import { AppLink } from '../common/AppLink';
import { SelectField } from '../common/fields';
import { OptionsList } from '../common/OptionsList';
import { RequestFacts } from '../common/RequestFacts';
import { useErrorText } from '../common/useErrorText';
import { graphql } from '../gql';
import { useLiveQuery } from '../graphql/useLiveQuery';

const RequestQuery = graphql(`
  query IntakeRequest($id: ID!) {
    placementRequest(id: $id) {
      id
      status
      receivingShelter {
        shelterId
        name
      }
      ...RequestFacts_request
    }
    placementOptions(requestId: $id, limit: 10) {
      ...OptionsList_options
    }
  }
`);

const RequestChanged = graphql(`
  subscription IntakeRequestChanged($id: ID!) {
    placementRequestUpdated(id: $id) {
      id
      status
    }
  }
`);

const ClaimForRequest = graphql(`
  mutation IntakeClaimForRequest($input: ClaimForRequestInput!) {
    claimForRequest(input: $input) {
      id
      status
    }
  }
`);

const Decline = graphql(`
  mutation IntakeDecline($input: CloseRequestInput!) {
    declinePlacementRequest(input: $input) {
      id
      status
    }
  }
`);

const DECLINE_REASONS = ['NO_CAPACITY', 'NEEDS_NOT_MET', 'TOO_CLOSE_TO_PERPETRATOR', 'TOO_FAR', 'CLIENT_DECLINED', 'OTHER'] as const;

/** One request for the intake desk: facts, ranked options with reasons, claim one of my places, or decline. */
export function IntakeRequestPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { session } = useSession();
  const [{ data, error }, reexecute] = useLiveQuery({ query: RequestQuery, variables: { id } });
  useSubscription({ query: RequestChanged, variables: { id } }, (_p, e) => {
    reexecute({ requestPolicy: 'network-only' });
    return e;
  });
  const [{ fetching: claiming }, claim] = useMutation(ClaimForRequest);
  const [{ fetching: declining }, decline] = useMutation(Decline);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [reason, setReason] = useState<(typeof DECLINE_REASONS)[number] | ''>('');

  const mine = (shelterId: string) => session?.person.role !== 'INTAKE' || session.person.shelterIds.includes(shelterId);
  const onClaim = async (placeId: string, label: string) => {
    const result = await claim({ input: { requestId: id, placeIds: [placeId], idempotencyKey: crypto.randomUUID() } });
    setMessage(result.error ? { type: 'error', text: errorText(result.error, 'claim', t('options.claimFor', { label })) } : { type: 'ok', text: t('done.claimForRequest', { label }) });
    reexecute({ requestPolicy: 'network-only' });
  };
  const onDecline = async () => {
    if (!reason) return;
    const result = await decline({ input: { requestId: id, reason } });
    setMessage(result.error ? { type: 'error', text: errorText(result.error, 'request', t('decline.action')) } : { type: 'ok', text: t('done.decline') });
    reexecute({ requestPolicy: 'network-only' });
  };

  if (!data) return error ? <Paragraph>{errorText(error)}</Paragraph> : <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const request = data.placementRequest;
  const receivingIsMine = request.receivingShelter ? mine(request.receivingShelter.shelterId) : false;
  return (
    <div className="opvangnet-stack">
      <AppLink to="/">{t('nav.backToBoard')}</AppLink>
      <Heading1 tabIndex={-1}>{t('request.titleIntake')}</Heading1>
      {message ? (
        <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}>
          <Paragraph>{message.text}</Paragraph>
        </Alert>
      ) : null}
      {request.receivingShelter ? <Paragraph>{t('request.claimedBy', { shelter: request.receivingShelter.name })}</Paragraph> : null}
      <RequestFacts request={request} />
      {request.status === 'OPEN' || request.status === 'ESCALATED' ? (
        <OptionsList options={data.placementOptions} canClaim={mine} onClaim={(p, l) => void onClaim(p, l)} busy={claiming} />
      ) : null}
      {request.status === 'CLAIMED' && receivingIsMine ? (
        <section aria-labelledby="decline-heading" className="opvangnet-panel">
          <Heading2 id="decline-heading">{t('decline.title')}</Heading2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void onDecline();
            }}
          >
            <SelectField
              id="decline-reason"
              label={t('decline.reason')}
              value={reason}
              placeholder={t('signIn.choose')}
              options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`notAdmitted.${r}`) }))}
              onChange={setReason}
            />
            <Button type="submit" appearance="secondary-action-button" disabled={declining || !reason}>
              {t('decline.action')}
            </Button>
          </form>
        </section>
      ) : null}
    </div>
  );
}
