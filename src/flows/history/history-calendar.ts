// Calendar: time constants, seasonal demand and the daily snapshot times (03:00 Europe/Amsterdam).
/**
 * Time helpers of the history generator: seasonality of demand and the daily snapshot times.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365.2425 * DAY_MS;

/** The reports' calendar (REPORT_TIME_ZONE's default); history snapshots are taken at 03:00 there. */
export const SNAPSHOT_TIME_ZONE = 'Europe/Amsterdam';
export const SNAPSHOT_LOCAL_HOUR = 3;

// Demand peaks around the Christmas holidays (centred on 1 January) and the summer holidays
// (centred on 27 July); the bumps are Gaussian in the day of the year.
const WINTER_CENTRE_DAY = 0;
const WINTER_WIDTH_DAYS = 20;
const SUMMER_CENTRE_DAY = 207;
const SUMMER_WIDTH_DAYS = 25;
/** Mean of the two bumps over a year, so the seasonal factor averages about 1. */
const BUMP_MEAN = ((WINTER_WIDTH_DAYS + SUMMER_WIDTH_DAYS) * Math.sqrt(2 * Math.PI)) / 365.2425;
const AMPLITUDE = 0.2;

function circularDistance(day: number, centre: number): number {
  const d = Math.abs(day - centre) % 365.2425;
  return Math.min(d, 365.2425 - d);
}

/**
 * Relative demand for shelter at an instant: about 1.2 at the holiday peaks, about 0.91 in the
 * quiet months (spring, autumn), averaging ~1 over the year.
 */
export function seasonalDemand(epochMs: number): number {
  // Day of the year, close enough for a seasonal curve (1 January 1970 was day 0).
  const day = ((epochMs % YEAR_MS) + YEAR_MS) % YEAR_MS / DAY_MS;
  const w = circularDistance(day, WINTER_CENTRE_DAY);
  const s = circularDistance(day, SUMMER_CENTRE_DAY);
  const bumps =
    Math.exp(-(w * w) / (2 * WINTER_WIDTH_DAYS * WINTER_WIDTH_DAYS)) +
    Math.exp(-(s * s) / (2 * SUMMER_WIDTH_DAYS * SUMMER_WIDTH_DAYS));
  return 1 + (AMPLITUDE * (bumps - BUMP_MEAN)) / (1 - BUMP_MEAN);
}

const formatter = new Intl.DateTimeFormat('en-US', {
  timeZone: SNAPSHOT_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function localParts(epochMs: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(epochMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

/** Offset of local time from UTC at an instant, in ms. */
function offsetMs(epochMs: number): number {
  const p = localParts(epochMs);
  const localAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return localAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant of a local wall-clock hour on a local date. */
function localToUtc(year: number, monthIndex: number, day: number, hour: number): number {
  const guess = Date.UTC(year, monthIndex, day, hour);
  const first = guess - offsetMs(guess);
  return guess - offsetMs(first);
}

/**
 * Every 03:00 (Europe/Amsterdam) in [from, until): one snapshot per local day. The hour is on the
 * hour, like the live snapshots (date_trunc('hour', now())), so a history day never collides with
 * a live hourly row except on the same instant (then the live row wins: ON CONFLICT DO NOTHING).
 */
export function dailySnapshotTimes(from: number, until: number): number[] {
  const times: number[] = [];
  const start = localParts(from);
  let cursor = Date.UTC(start.year, start.month - 1, start.day);
  for (;;) {
    const date = new Date(cursor);
    const at = localToUtc(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), SNAPSHOT_LOCAL_HOUR);
    if (at >= until) break;
    if (at >= from) times.push(at);
    cursor += DAY_MS;
  }
  return times;
}
