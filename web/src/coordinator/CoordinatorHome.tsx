import { Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { navigate } from '../app/router';
import { AppLink } from '../common/AppLink';
import { SelectField } from '../common/fields';
import { graphql } from '../gql';
import { listOf } from '../graphql/lists';
import { EscalationFeed } from './EscalationFeed';
import { NationalBoard } from './NationalBoard';

const SheltersQuery = graphql(`
  query CoordinatorShelters {
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

/** Drill down from the country to one shelter's places (the intake board, read and act as coordinator). */
function ShelterChoice() {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: SheltersQuery });
  const shelters = listOf(data?.shelters).sort(
    (a, b) => a.region.name.localeCompare(b.region.name, 'nl') || a.name.localeCompare(b.name, 'nl'),
  );
  return (
    <section aria-labelledby="drill-heading" className="opvangnet-stack">
      <Heading2 id="drill-heading">{t('coordinator.drillTitle')}</Heading2>
      <SelectField
        id="shelter-choice"
        label={t('board.chooseShelter')}
        description={t('coordinator.drillHelp')}
        value=""
        placeholder={t('signIn.choose')}
        options={shelters.map((s) => ({ value: s.id, label: `${s.name} (${s.region.name})` }))}
        onChange={(id) => navigate(`/intake/opvang/${id}`)}
      />
    </section>
  );
}

/** The national coordinator's home: the whole country live, what nobody claimed, and a way into any shelter. */
export function CoordinatorHome() {
  const { t } = useTranslation();
  return (
    <div className="opvangnet-stack">
      <Heading1 tabIndex={-1}>{t('coordinator.title')}</Heading1>
      <Paragraph>{t('coordinator.intro')}</Paragraph>
      <Paragraph>
        <AppLink to="/coordinator/audit">{t('coordinator.auditLink')}</AppLink>
      </Paragraph>
      <Paragraph>
        <AppLink to="/coordinator/stromen">{t('coordinator.flowsLink')}</AppLink>
      </Paragraph>
      <EscalationFeed />
      <NationalBoard />
      <ShelterChoice />
    </div>
  );
}
