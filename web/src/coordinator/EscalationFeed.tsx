import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { AppLink } from '../common/AppLink';
import { beep } from '../common/beep';
import { CheckboxField } from '../common/fields';
import { useNow } from '../common/useNow';
import { useRegions } from '../common/useRegions';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';
import { useLiveQuery } from '../graphql/useLiveQuery';
import { useFormat } from '../i18n/format';

const EscalatedQuery = graphql(`
  query CoordinatorEscalated {
    placementRequests(status: ESCALATED, first: 50) { nodes {
      id
      status
      urgency
      homeRegionId
      householdSize
      createdAt
      escalatedAt
      escalationReason
    } }
  }
`);

const Escalations = graphql(`
  subscription CoordinatorEscalations {
    escalations {
      id
      status
      urgency
      homeRegionId
      householdSize
      createdAt
      escalatedAt
      escalationReason
    }
  }
`);

// Any claim anywhere changes availability: the cue to re-read which requests are still escalated.
const AnyClaim = graphql(`
  subscription CoordinatorEscalationsAvailability {
    availabilityChanged {
      regionId
      category
    }
  }
`);

/** The service's reason codes, in the reader's language; anything new is shown as the service wrote it. */
const REASONS: [RegExp, string][] = [
  [/^nobody claimed a place in time/, 'escalations.reasonTimeout'],
  [/^no emergency bed available/, 'escalations.reasonNoEmergencyBed'],
  [/^no place matches the request/, 'escalations.reasonNoMatch'],
];

/** Requests nobody could place, live: the coordinator opens one to see its options and claim. */
export function EscalationFeed() {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(15_000);
  const regions = useRegions();
  const [{ data }, reexecute] = useLiveQuery({ query: EscalatedQuery });
  // Pushed escalations show at once, until the re-read list has them (then the list is the truth).
  const [pushed, setPushed] = useState<NonNullable<typeof data>['placementRequests']['nodes'][number][]>([]);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const reread = () => reexecute({ requestPolicy: 'network-only' });
  useSubscription({ query: Escalations }, (_prev, event) => {
    const request = event.escalations;
    setPushed((list) => [request, ...list.filter((r) => r.id !== request.id)]);
    setFresh((ids) => new Set(ids).add(request.id));
    setAnnouncement(t('escalations.announce'));
    if (soundRef.current) beep();
    reread();
    return event;
  });
  useSubscription({ query: AnyClaim }, (_prev, event) => {
    reread();
    return event;
  });
  useEffect(() => {
    const listed = new Set(listOf(data?.placementRequests).map((r) => r.id));
    setPushed((list) => (list.some((r) => listed.has(r.id)) ? list.filter((r) => !listed.has(r.id)) : list));
  }, [data]);
  const byId = new Map(listOf(data?.placementRequests).map((r) => [r.id, r]));
  for (const r of pushed) if (!byId.has(r.id)) byId.set(r.id, r);
  const requests = [...byId.values()]
    .filter((r) => r.status === 'ESCALATED')
    .sort((a, b) => (b.escalatedAt ?? b.createdAt).localeCompare(a.escalatedAt ?? a.createdAt));
  const regionName = (id: string) => regions.find((r) => r.id === id)?.name ?? '';
  const reasonText = (reason: string | null | undefined) => {
    if (!reason) return t('escalations.reasonUnknown');
    const known = REASONS.find(([re]) => re.test(reason));
    return known ? t(known[1]) : reason;
  };

  return (
    <section aria-labelledby="escalations-heading" className="opvangnet-stack">
      <Heading2 id="escalations-heading">{t('escalations.title')}</Heading2>
      <div role="status" aria-live="polite" className={announcement ? 'opvangnet-new' : undefined}>
        {announcement}
      </div>
      <CheckboxField id="escalations-sound" label={t('escalations.sound')} checked={sound} onChange={setSound} />
      {!data ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : requests.length === 0 ? (
        <Paragraph>{t('escalations.none')}</Paragraph>
      ) : (
        <div className="opvangnet-table-scroll">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('incoming.request')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('escalations.age')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.urgency')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('escalations.region')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.household')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('escalations.why')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <AppLink to={`/intake/verzoek/${r.id}`}>{t('escalations.linkText', { region: regionName(r.homeRegionId), when: format.dateTime(r.createdAt) })}</AppLink>
                    {fresh.has(r.id) ? <strong className="opvangnet-new"> {t('incoming.new')}</strong> : null}
                  </TableCell>
                  <TableCell>{t('escalations.ageText', { relative: format.relative(r.createdAt, now) })}</TableCell>
                  <TableCell>{t(`urgency.${r.urgency}`)}</TableCell>
                  <TableCell>{regionName(r.homeRegionId)}</TableCell>
                  <TableCell>{t('household.persons', { count: r.householdSize })}</TableCell>
                  <TableCell>{reasonText(r.escalationReason)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
