import { Button, StatusBadge, TableCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Countdown } from '../common/Countdown';
import { useNow } from '../common/useNow';
import { graphql, useFragment, type FragmentType } from '../gql';
import { useFormat } from '../i18n/format';
import type { ActionKind } from './PlaceActions';

export const PlaceRowPlace = graphql(`
  fragment PlaceRow_place on Place {
    id
    label
    category
    beds
    status
    statusChangedAt
    outOfServiceReason
    nationalReserve
  }
`);

export const PlaceRowStay = graphql(`
  fragment PlaceRow_stay on Stay {
    id
    householdSize
    adults
    children
    admittedAt
    readyForOutflowAt
    outflowBlockers
  }
`);

export type RowHousehold =
  | { kind: 'hold'; claimId: string; householdSize: number; expiresAt: string }
  | { kind: 'stay'; stay: FragmentType<typeof PlaceRowStay> & { id: string; householdSize: number } };

function StayText({ stay }: { stay: FragmentType<typeof PlaceRowStay> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(60_000);
  const s = useFragment(PlaceRowStay, stay);
  const parts = [
    t('household.persons', { count: s.householdSize }),
    t('household.composition', { adults: s.adults, children: s.children }),
    t('household.daysIn', { count: format.daysSince(s.admittedAt, now) }),
  ];
  if (s.readyForOutflowAt) {
    parts.push(
      s.outflowBlockers.length
        ? t('household.readyBlocked', { blockers: s.outflowBlockers.map((b) => t(`blocker.${b}`)).join(', ') })
        : t('household.ready'),
    );
  }
  return <>{parts.join('; ')}</>;
}

/** One place: what it is, its status in words (never colour alone), who is in it, what can be done. */
export function PlaceRow(props: { place: FragmentType<typeof PlaceRowPlace>; household?: RowHousehold; onAction(kind: ActionKind): void }) {
  const { t } = useTranslation();
  const place = useFragment(PlaceRowPlace, props.place);
  const { household, onAction } = props;
  const button = (kind: ActionKind, appearance: 'primary-action-button' | 'secondary-action-button' = 'secondary-action-button') => (
    <Button key={kind} appearance={appearance} aria-label={t(`actions.${kind}`, { label: place.label })} onClick={() => onAction(kind)}>
      {t(`actions.${kind}Short`)}
    </Button>
  );
  const buttons =
    place.status === 'AVAILABLE'
      ? [button('claim', 'primary-action-button'), button('outOfService')]
      : place.status === 'HELD' && household?.kind === 'hold'
        ? [button('admit', 'primary-action-button'), button('release')]
        : place.status === 'OCCUPIED' && household?.kind === 'stay'
          ? [button('ready'), button('transfer'), button('discharge', 'primary-action-button')]
          : place.status === 'OUT_OF_SERVICE'
            ? [button('backInService')]
            : [];
  return (
    <TableRow>
      <TableHeaderCellRow label={place.label} reserve={place.nationalReserve} />
      <TableCell>{t(`category.${place.category}`)}</TableCell>
      <TableCell>{place.beds}</TableCell>
      <TableCell>
        <StatusBadge status={place.status.toLowerCase()}>{t(`status.${place.status}`)}</StatusBadge>
        {place.status === 'OUT_OF_SERVICE' && place.outOfServiceReason ? <> {t('board.reason', { reason: place.outOfServiceReason })}</> : null}
      </TableCell>
      <TableCell>
        {household?.kind === 'hold' ? (
          <>
            {t('household.heldFor', { count: household.householdSize })} <Countdown until={household.expiresAt} />
          </>
        ) : household?.kind === 'stay' ? (
          <StayText stay={household.stay} />
        ) : null}
      </TableCell>
      <TableCell>
        <div className="opvangnet-row-actions">{buttons}</div>
      </TableCell>
    </TableRow>
  );
}

function TableHeaderCellRow({ label, reserve }: { label: string; reserve: boolean }) {
  const { t } = useTranslation();
  return (
    <th scope="row" className="utrecht-table__header-cell">
      {label}
      {reserve ? <> ({t('board.nationalReserve')})</> : null}
    </th>
  );
}
