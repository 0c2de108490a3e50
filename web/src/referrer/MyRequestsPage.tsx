import { ButtonGroup, Heading1, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { AppLink } from '../common/AppLink';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';
import { useLiveQuery } from '../graphql/useLiveQuery';
import { useFormat } from '../i18n/format';

const MyRequestsQuery = graphql(`
  query ReferrerMyRequests {
    placementRequests(first: 100) { nodes {
      id
      status
      urgency
      householdSize
      createdAt
      clientReference
    } }
  }
`);

const RowChanged = graphql(`
  subscription ReferrerRowChanged($id: ID!) {
    placementRequestUpdated(id: $id) {
      id
      status
    }
  }
`);

/** Follows one open request so the list shows its new status without reload. */
function FollowRequest({ id, onChange }: { id: string; onChange(): void }) {
  useSubscription({ query: RowChanged, variables: { id } }, (_p, e) => {
    onChange();
    return e;
  });
  return null;
}

const OPEN = new Set(['OPEN', 'ESCALATED', 'CLAIMED']);

export function MyRequestsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [{ data }, reexecute] = useLiveQuery({ query: MyRequestsQuery });
  const requests = listOf(data?.placementRequests).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <div className="opvangnet-stack">
      <Heading1 tabIndex={-1}>{t('myRequests.title')}</Heading1>
      <ButtonGroup>
        <AppLink to="/verwijzer/spoed">{t('nav.emergency')}</AppLink>
        <AppLink to="/verwijzer/nieuw">{t('nav.newRequest')}</AppLink>
      </ButtonGroup>
      {requests.filter((r) => OPEN.has(r.status)).map((r) => (
        <FollowRequest key={r.id} id={r.id} onChange={refresh} />
      ))}
      {requests.length === 0 ? (
        <Paragraph>{t('myRequests.none')}</Paragraph>
      ) : (
        <div className="opvangnet-table-scroll">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('incoming.request')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.urgency')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('request.household')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <AppLink to={`/verwijzer/verzoek/${r.id}`}>
                      {r.clientReference ? `${r.clientReference}, ` : ''}
                      {format.dateTime(r.createdAt)}
                    </AppLink>
                  </TableCell>
                  <TableCell>{t(`requestStatus.${r.status}`)}</TableCell>
                  <TableCell>{t(`urgency.${r.urgency}`)}</TableCell>
                  <TableCell>{t('household.persons', { count: r.householdSize })}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
