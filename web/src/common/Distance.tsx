import { useTranslation } from 'react-i18next';
import type { DistanceBand } from '../gql/graphql';

/**
 * The one place the distance of an option is shown: the shelter's public town and a coarse band
 * from the home region ("25-50 km"). Exact distances would let anyone locate a shelter.
 */
export function Distance({ locality, band }: { locality: string; band: DistanceBand }) {
  const { t } = useTranslation();
  return <>{t('options.distance', { locality, band: t(`distanceBand.${band}`) })}</>;
}
