import { Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../app/config';
import { AppLink } from '../common/AppLink';
import { useNow } from '../common/useNow';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';
import { useLiveQuery } from '../graphql/useLiveQuery';
import { useFormat } from '../i18n/format';

const RegionShelters = graphql(`
  query CoordinatorRegionShelters($regionId: ID!) {
    regions {
      id
      name
    }
    shelters(regionId: $regionId, first: 100) { nodes {
      id
      name
      categories
      statusConfirmedAt
    } }
  }
`);

/** Drill down from the national board: a region's shelters, and since when each has confirmed its status. */
export function RegionPage({ regionId }: { regionId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(60_000);
  const { staleAfterHours } = useSettings();
  const [{ data, error }] = useLiveQuery({ query: RegionShelters, variables: { regionId } });
  if (!data) return error ? <Paragraph>{t('errors.notFound')}</Paragraph> : <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const region = data.regions.find((r) => r.id === regionId);
  const shelters = listOf(data.shelters).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  return (
    <div className="opvangnet-stack">
      <AppLink to="/">{t('coordinator.back')}</AppLink>
      <Heading1 tabIndex={-1}>{t('coordinator.regionTitle', { region: region?.name ?? '' })}</Heading1>
      <Paragraph>
        <AppLink to={`/coordinator/stromen?regio=${encodeURIComponent(regionId)}`}>{t('coordinator.regionFlows', { region: region?.name ?? '' })}</AppLink>
      </Paragraph>
      <div className="opvangnet-table-scroll">
        <Table>
          <TableCaption>{t('coordinator.regionCaption', { count: shelters.length })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('board.chooseShelter')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('coordinator.kinds')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('coordinator.confirmed')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shelters.map((s) => {
              const stale = now - new Date(s.statusConfirmedAt).getTime() > staleAfterHours * 3_600_000;
              return (
                <TableRow key={s.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={`/intake/opvang/${s.id}`}>{s.name}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{s.categories.map((c) => t(`category.${c}`)).join(', ')}</TableCell>
                  <TableCell>
                    {t('coordinator.confirmedAt', { when: format.dateTime(s.statusConfirmedAt), relative: format.relative(s.statusConfirmedAt, now) })}
                    {stale ? (
                      <>
                        <br />
                        <span className="opvangnet-stale">
                          <span aria-hidden="true">⚠ </span>
                          {t('national.stale')}
                        </span>
                      </>
                    ) : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
