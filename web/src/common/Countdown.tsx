import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { useNow } from './useNow';

/** "verloopt over 12 min (om 23:41)": a hold's time left, in words and as a clock time. */
export function Countdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(10_000);
  const expired = new Date(until).getTime() <= now;
  return (
    <span>
      {expired ? t('hold.expired') : t('hold.expiresIn', { relative: format.relative(until, now), time: format.time(until) })}
    </span>
  );
}
