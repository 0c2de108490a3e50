import { useTranslation } from 'react-i18next';

const TIME_ZONE = 'Europe/Amsterdam';

function locale(lng: string): string {
  return lng === 'en' ? 'en-GB' : 'nl-NL';
}

/** Dates and times in Europe/Amsterdam, whatever the device's zone; relative times via Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const loc = locale(i18n.language);
  return {
    dateTime(iso: string | null | undefined): string {
      if (!iso) return '';
      return new Intl.DateTimeFormat(loc, { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
    },
    time(iso: string): string {
      return new Intl.DateTimeFormat(loc, { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
    },
    /** "over 12 min", "3 uur geleden". */
    relative(iso: string, now: number): string {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      const rtf = new Intl.RelativeTimeFormat(loc, { numeric: 'auto', style: 'short' });
      const abs = Math.abs(seconds);
      if (abs < 60) return rtf.format(seconds, 'second');
      if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
      if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
      return rtf.format(Math.round(seconds / 86400), 'day');
    },
    daysSince(iso: string, now: number): number {
      return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 86_400_000));
    },
  };
}
