import {
  Alert,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';
import { useLiveQuery } from '../graphql/useLiveQuery';
import { PlaceActions, type BoardAction } from './PlaceActions';
import { PlaceRow, type RowHousehold } from './PlaceRow';
import { StatusConfirmation } from './StatusConfirmation';

const BoardQuery = graphql(`
  query IntakeBoard($shelterId: ID!) {
    shelter(id: $shelterId) {
      id
      name
      regionId
      statusConfirmedAt
      places {
        id
        label
        beds
        status
        version
        ...PlaceRow_place
      }
    }
    activeStays(shelterId: $shelterId) {
      id
      claimId
      householdSize
      ...PlaceRow_stay
    }
    claims(shelterId: $shelterId, first: 100) { nodes {
      id
      status
      expiresAt
      householdSize
      places {
        id
      }
    } }
  }
`);

const PlacesChanged = graphql(`
  subscription IntakePlacesChanged($shelterId: ID!) {
    shelterPlacesChanged(shelterId: $shelterId) {
      shelterId
      places {
        id
        status
        version
      }
    }
  }
`);

/** Every place of one shelter, live: a change anywhere re-fetches the board. */
export function PlaceBoard({ shelterId }: { shelterId: string }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<BoardAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [{ data, error }, reexecute] = useLiveQuery({ query: BoardQuery, variables: { shelterId } });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useSubscription({ query: PlacesChanged, variables: { shelterId } }, (_prev, event) => {
    refresh();
    return event;
  });

  if (!data) {
    return error ? null : <Paragraph role="status">{t('app.loading')}</Paragraph>;
  }
  const claims = listOf(data.claims);
  const stays = listOf(data.activeStays);
  const households = new Map<string, RowHousehold>();
  for (const claim of claims) {
    if (claim.status === 'HELD') {
      for (const place of claim.places) households.set(place.id, { kind: 'hold', claimId: claim.id, householdSize: claim.householdSize, expiresAt: claim.expiresAt });
    }
    if (claim.status === 'ADMITTED') {
      const stay = stays.find((s) => s.claimId === claim.id);
      if (stay) for (const place of claim.places) households.set(place.id, { kind: 'stay', stay });
    }
  }
  const places = [...data.shelter.places].sort((a, b) => a.label.localeCompare(b.label, 'nl', { numeric: true }));
  const chosen = action ? places.find((p) => p.id === action.placeId) : undefined;
  return (
    <section aria-labelledby="board-heading" className="opvangnet-stack">
      <Heading2 id="board-heading">{t('board.places')}</Heading2>
      <StatusConfirmation shelterId={shelterId} confirmedAt={data.shelter.statusConfirmedAt} onConfirmed={refresh} />
      {notice ? (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      ) : null}
      {chosen && action ? (
        <PlaceActions
          key={`${action.kind}:${action.placeId}`}
          action={action}
          place={chosen}
          household={households.get(chosen.id)}
          shelterRegionId={data.shelter.regionId}
          freePlaces={places.filter((p) => p.status === 'AVAILABLE')}
          onDone={(message) => {
            setAction(null);
            setNotice(message);
            refresh();
          }}
          onCancel={() => setAction(null)}
          onStale={refresh}
        />
      ) : null}
      <div className="opvangnet-table-scroll">
        <Table>
          <TableCaption>{t('board.caption', { count: places.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('board.place')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('board.category')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('board.beds')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('board.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('board.household')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('board.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {places.map((place) => (
              <PlaceRow
                key={place.id}
                place={place}
                household={households.get(place.id)}
                onAction={(kind) => {
                  setNotice(null);
                  setAction({ kind, placeId: place.id });
                }}
              />
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
