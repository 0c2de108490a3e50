import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { AppLink } from '../common/AppLink';
import { beep } from '../common/beep';
import { CheckboxField } from '../common/fields';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';
import { useLiveQuery } from '../graphql/useLiveQuery';
import { useFormat } from '../i18n/format';

const RequestsQuery = graphql(`
  query IntakeRequests {
    placementRequests(first: 100) { nodes {
      id
      status
      urgency
      householdSize
      adults
      children
      homeRegionId
      createdAt
      escalatedAt
      risk {
        level
      }
    } }
  }
`);

const Incoming = graphql(`
  subscription IntakeIncoming($regionId: ID!) {
    incomingPlacementRequests(regionId: $regionId) {
      id
      status
      escalatedAt
    }
  }
`);

const OPEN = new Set(['OPEN', 'ESCALATED', 'CLAIMED']);

/** Requests of clients from my region, live; new and escalated ones are marked in words. */
export function IncomingRequests({ regionId, regionName }: { regionId: string; regionName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data }, reexecute] = useLiveQuery({ query: RequestsQuery });
  const [fresh, setFresh] = useState<Record<string, 'NEW' | 'ESCALATED'>>({});
  const [announcement, setAnnouncement] = useState('');
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  useSubscription({ query: Incoming, variables: { regionId } }, (_prev, event) => {
    const request = event.incomingPlacementRequests;
    const kind = request.status === 'ESCALATED' ? 'ESCALATED' : 'NEW';
    setFresh((f) => ({ ...f, [request.id]: kind }));
    setAnnouncement(kind === 'ESCALATED' ? t('incoming.announceEscalated') : t('incoming.announceNew'));
    if (soundRef.current) beep();
    reexecute({ requestPolicy: 'network-only' });
    return event;
  });
  const requests = listOf(data?.placementRequests)
    .filter((r) => OPEN.has(r.status) && r.homeRegionId === regionId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="incoming-heading" className="opvangnet-stack">
      <Heading2 id="incoming-heading">{t('incoming.title', { region: regionName })}</Heading2>
      <div role="status" aria-live="polite" className={announcement ? 'opvangnet-new' : undefined}>
        {announcement}
      </div>
      <CheckboxField id="incoming-sound" label={t('incoming.sound')} checked={sound} onChange={setSound} />
      {requests.length === 0 ? (
        <Paragraph>{t('incoming.none')}</Paragraph>
      ) : (
        <div className="opvangnet-table-scroll">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('incoming.request')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.urgency')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.household')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.risk')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <AppLink to={`/intake/verzoek/${r.id}`}>{t('incoming.linkText', { when: format.dateTime(r.createdAt) })}</AppLink>
                    {fresh[r.id] ? <strong className="opvangnet-new"> {t(fresh[r.id] === 'NEW' ? 'incoming.new' : 'incoming.escalated')}</strong> : null}
                  </TableCell>
                  <TableCell>{t(`requestStatus.${r.status}`)}</TableCell>
                  <TableCell>{t(`urgency.${r.urgency}`)}</TableCell>
                  <TableCell>{t('household.composition', { adults: r.adults, children: r.children })}</TableCell>
                  <TableCell>{r.risk ? t(`riskLevel.${r.risk.level}`) : t('request.notShared')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
