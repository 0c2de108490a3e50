import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubscription } from 'urql';
import { AppLink } from '../common/AppLink';
import { SelectField } from '../common/fields';
import { useRegions } from '../common/useRegions';
import { graphql } from '../gql';
import type { PlaceCategory } from '../gql/graphql';
import { useLiveQuery } from '../graphql/useLiveQuery';

const AvailabilityQuery = graphql(`
  query NationalAvailability {
    availability {
      regionId
      category
      placesTotal
      available
      freeBeds
      largestHouseholdAdmissible
      held
      occupied
      outOfService
      stale
    }
  }
`);

const AvailabilityChanged = graphql(`
  subscription NationalAvailabilityChanged {
    availabilityChanged {
      regionId
      category
      placesTotal
      available
      freeBeds
      largestHouseholdAdmissible
      held
      occupied
      outOfService
      stale
    }
  }
`);

export const CATEGORIES: PlaceCategory[] = ['EMERGENCY', 'CRISIS', 'MEN', 'HONOUR_RELATED', 'HUMAN_TRAFFICKING', 'SAFE_HOUSE', 'FOLLOW_ON'];
const HOUSEHOLD_SIZES = [1, 2, 3, 4, 5, 6, 7, 8];
/** How long a changed cell stays marked: long enough for the eye to find it. */
const MARK_MS = 8000;

interface Row {
  regionId: string;
  category: PlaceCategory;
  placesTotal: number;
  available: number;
  freeBeds: number;
  largestHouseholdAdmissible: number;
  held: number;
  occupied: number;
  outOfService: number;
  stale: boolean;
}

const keyOf = (regionId: string, category: string) => `${regionId}:${category}`;

function Cell({ row, changed, householdSize }: { row: Row | undefined; changed: boolean; householdSize: number | null }) {
  const { t } = useTranslation();
  if (!row || row.placesTotal === 0) {
    return <TableCell>{t('national.noPlaces')}</TableCell>;
  }
  const fits = householdSize === null || row.largestHouseholdAdmissible >= householdSize;
  return (
    <TableCell className={changed ? 'opvangnet-cell opvangnet-changed' : 'opvangnet-cell'}>
      {changed ? (
        <span className="opvangnet-new">
          <span aria-hidden="true">● </span>
          {t('national.changed')}
          <br />
        </span>
      ) : null}
      <strong>{t('national.available', { count: row.available })}</strong>
      <br />
      {t('national.beds', { count: row.freeBeds, largest: row.largestHouseholdAdmissible })}
      <br />
      {t('national.others', { held: row.held, occupied: row.occupied, outOfService: row.outOfService })}
      {householdSize !== null ? (
        <>
          <br />
          <span className="opvangnet-new">{fits ? t('national.fits', { count: householdSize }) : t('national.doesNotFit')}</span>
        </>
      ) : null}
      {row.stale ? (
        <>
          <br />
          <span className="opvangnet-stale">
            <span aria-hidden="true">⚠ </span>
            {t('national.stale')}
          </span>
        </>
      ) : null}
    </TableCell>
  );
}

/** Every region x category of the country, live through `availabilityChanged`; a changed cell is marked in words. */
export function NationalBoard() {
  const { t } = useTranslation();
  const regions = useRegions();
  const [{ data }] = useLiveQuery({ query: AvailabilityQuery });
  const [live, setLive] = useState<Map<string, Row>>(new Map());
  const [changed, setChanged] = useState<Record<string, number>>({});
  const [announcement, setAnnouncement] = useState('');
  const [category, setCategory] = useState<PlaceCategory | ''>('');
  const [householdSize, setHouseholdSize] = useState('');
  const regionNames = useRef(new Map<string, string>());
  regionNames.current = new Map(regions.map((r) => [r.id, r.name]));
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  // A fresh load (also after a reconnect) is newer than what the socket pushed before it.
  useEffect(() => setLive(new Map()), [data]);

  useSubscription({ query: AvailabilityChanged }, (_prev, event) => {
    const row = event.availabilityChanged;
    const key = keyOf(row.regionId, row.category);
    setLive((m) => new Map(m).set(key, row));
    const mark = Date.now();
    setChanged((c) => ({ ...c, [key]: mark }));
    timers.current.push(
      setTimeout(() => setChanged((c) => {
        if (c[key] !== mark) return c;
        const { [key]: _gone, ...rest } = c;
        return rest;
      }), MARK_MS),
    );
    setAnnouncement(
      t('national.announce', {
        category: t(`category.${row.category}`),
        region: regionNames.current.get(row.regionId) ?? '',
        count: row.available,
      }),
    );
    return event;
  });

  const rows = new Map<string, Row>();
  for (const row of data?.availability ?? []) rows.set(keyOf(row.regionId, row.category), row);
  for (const [key, row] of live) rows.set(key, row);

  const categories = category ? [category] : CATEGORIES;
  const size = householdSize ? Number(householdSize) : null;
  const shown = regions.filter(
    (region) => size === null || categories.some((c) => (rows.get(keyOf(region.id, c))?.largestHouseholdAdmissible ?? 0) >= size),
  );

  return (
    <section aria-labelledby="national-heading" className="opvangnet-stack">
      <Heading2 id="national-heading">{t('national.title')}</Heading2>
      <div className="opvangnet-filters">
        <SelectField
          id="national-category"
          label={t('national.filterCategory')}
          value={category}
          placeholder={t('national.allCategories')}
          options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
          onChange={setCategory}
        />
        <SelectField
          id="national-household"
          label={t('national.filterHousehold')}
          description={t('national.filterHouseholdHelp')}
          value={householdSize}
          placeholder={t('national.anyHousehold')}
          options={HOUSEHOLD_SIZES.map((n) => ({ value: String(n), label: t('household.persons', { count: n }) }))}
          onChange={setHouseholdSize}
        />
      </div>
      <div role="status" aria-live="polite" className="opvangnet-visually-hidden">
        {announcement}
      </div>
      {!data ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : (
        // Wide on a small screen: the box scrolls by keyboard too, and is named after its table.
        <div className="opvangnet-table-scroll" tabIndex={0} role="region" aria-labelledby="national-caption">
          <Table>
            <TableCaption id="national-caption">
              {size === null ? t('national.caption', { count: shown.length }) : t('national.captionFits', { count: shown.length, size })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('national.region')}</TableHeaderCell>
                {categories.map((c) => (
                  <TableHeaderCell scope="col" key={c}>
                    {t(`category.${c}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((region) => (
                <TableRow key={region.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/coordinator/regio/${region.id}`}>{region.name}</AppLink>
                  </TableHeaderCell>
                  {categories.map((c) => {
                    const key = keyOf(region.id, c);
                    return <Cell key={c} row={rows.get(key)} changed={key in changed} householdSize={size} />;
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {size !== null && shown.length === 0 ? <Paragraph>{t('national.nowhere', { count: size })}</Paragraph> : null}
    </section>
  );
}
