import { useTranslation } from 'react-i18next';

/**
 * The one place the distance of an option is shown. The API will replace `distanceKm` by a coarse
 * band ("< 25 km"); then this component takes the band and shows it as is.
 */
export function Distance({ km }: { km: number }) {
  const { t } = useTranslation();
  return <>{t('options.distance', { km })}</>;
}
