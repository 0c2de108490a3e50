/** Turning the flow report's counts into chart rows and table cells: withheld counts stay "<5", never 0. */

export interface Shown {
  value: number | null;
  suppressed: boolean;
}
export interface Keyed extends Shown {
  key: string;
}

/**
 * When a chart would mislead: fewer than this many counted in total, or more than half of its
 * cells withheld. The table is shown instead (its "<5" cells say what is known).
 */
export const MIN_OBSERVATIONS = 10;

export function tooFew(cells: Shown[]): boolean {
  const counted = cells.reduce((sum, c) => sum + (c.value ?? 0), 0);
  const nonZero = cells.filter((c) => c.suppressed || (c.value ?? 0) > 0);
  const withheld = cells.filter((c) => c.suppressed).length;
  return counted < MIN_OBSERVATIONS || withheld * 2 > nonZero.length;
}

/** A count of nothing, for a key one report has and the other lacks. */
export const ZERO: Shown = { value: 0, suppressed: false };

/** A count for a chart: null where it is withheld (a line breaks there, a bar is left out), never 0. */
export const count = (c: Shown): number | null => (c.suppressed ? null : c.value);

export type NumberFormat = (n: number, digits?: number) => string;

/** "<5" for a withheld count, "–" for no figure, else the number. */
export function cell(c: Shown | null | undefined, num: NumberFormat): string {
  if (!c) return '–';
  if (c.suppressed) return '<5';
  return c.value === null ? '–' : num(c.value);
}

export function decimal(v: number | null | undefined, num: NumberFormat, digits = 1): string {
  return v === null || v === undefined ? '–' : num(v, digits);
}

export function percent(v: number | null | undefined, num: NumberFormat): string {
  return v === null || v === undefined ? '–' : `${num(v * 100, 1)} %`;
}

/** The keys of two reports' lists, in the first's order, then any only the second has. */
export function keysOf(a: Keyed[], b: Keyed[] | undefined): string[] {
  const keys = a.map((k) => k.key);
  for (const k of b ?? []) if (!keys.includes(k.key)) keys.push(k.key);
  return keys;
}

export const find = (list: Keyed[] | undefined, key: string): Keyed | undefined => list?.find((k) => k.key === key);
