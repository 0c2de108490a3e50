import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { navigate } from '../app/router';
import { useSession } from '../auth/session';
import { SelectField } from '../common/fields';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';
import { IncomingRequests } from './IncomingRequests';
import { PlaceBoard } from './PlaceBoard';

const SheltersQuery = graphql(`
  query IntakeShelters {
    shelters(first: 100) { nodes {
      id
      name
      region {
        id
        name
      }
    } }
  }
`);

/** The intake desk: pick one of my shelters (coordinators: any), its board and the region's requests. */
export function IntakeHome({ shelterId }: { shelterId?: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const [{ data }] = useQuery({ query: SheltersQuery });
  const mine = session?.person.role === 'INTAKE' ? session.person.shelterIds : null;
  const shelters = listOf(data?.shelters).filter((s) => !mine || mine.includes(s.id));
  const chosen = shelterId ?? (mine?.length ? mine[0] : undefined);
  const current = shelters.find((s) => s.id === chosen);
  return (
    <div className="opvangnet-stack">
      <Heading1 tabIndex={-1}>{current ? t('board.title', { shelter: current.name }) : t('board.titleNone')}</Heading1>
      {shelters.length > 1 || !chosen ? (
        <SelectField
          id="shelter-choice"
          label={t('board.chooseShelter')}
          value={chosen ?? ''}
          placeholder={t('signIn.choose')}
          options={shelters.map((s) => ({ value: s.id, label: `${s.name} (${s.region.name})` }))}
          onChange={(id) => navigate(`/intake/opvang/${id}`)}
        />
      ) : null}
      {chosen ? (
        <>
          <PlaceBoard shelterId={chosen} />
          {current ? <IncomingRequests regionId={current.region.id} regionName={current.region.name} /> : null}
        </>
      ) : (
        <Paragraph>{t('board.pickFirst')}</Paragraph>
      )}
    </div>
  );
}
