/** Report periods as local dates (YYYY-MM-DD, Europe/Amsterdam), as the flow report takes them. */

export type Preset = 'thisMonth' | 'lastQuarter' | 'last12Months' | 'year' | 'custom';
export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

export interface Period {
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

/** Today in the report time zone. */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The period of a preset, relative to today (year: that calendar year). */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, day: string, year?: number): Period {
  const [y, m, d] = day.split('-').map(Number);
  switch (preset) {
    case 'thisMonth':
      return { from: iso(y, m, 1), to: iso(y, m, d) };
    case 'lastQuarter': {
      const q = Math.floor((m - 1) / 3); // this quarter, 0-3
      return { from: iso(y, q * 3 - 2, 1), to: iso(y, q * 3 + 1, 0) };
    }
    case 'last12Months':
      return { from: iso(y - 1, m, d + 1), to: day };
    case 'year': {
      const chosen = year ?? y - 1;
      return { from: iso(chosen, 1, 1), to: chosen === y ? day : iso(chosen, 12, 31) };
    }
  }
}

/** The same period a year earlier (29 February becomes 28 February). */
export function yearEarlier(p: Period): Period {
  const shift = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return iso(y - 1, m, m === 2 && d === 29 ? 28 : d);
  };
  return { from: shift(p.from), to: shift(p.to) };
}

/** A sensible bucket size for a period: days up to a month, weeks up to a quarter, months beyond. */
export function defaultGranularity(p: Period): Granularity {
  const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1;
  return days <= 31 ? 'DAY' : days <= 92 ? 'WEEK' : 'MONTH';
}

export const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));
