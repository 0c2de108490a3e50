/**
 * Small-count suppression for municipal reports. A count from 1 to 4 could point at a person, so
 * it is withheld. A withheld cell must not be recoverable by subtraction either: wherever a group
 * of cells adds up to a total that is shown, one withheld cell is never left alone — the smallest
 * other non-zero cell is withheld with it (complementary suppression). Zero is shown: it names no one.
 */
export const SUPPRESS_BELOW = 5;

export interface Cell {
  value: number;
  suppressed: boolean;
}

export function cell(value: number): Cell {
  return { value, suppressed: value > 0 && value < SUPPRESS_BELOW };
}

/**
 * Complementary suppression over additive groups: each group is an equation, its cells adding up
 * to `total`. An equation with exactly one withheld member (cell or total) would give it away, so
 * the smallest other non-zero member is withheld too (a cell rather than the total). Repeated until
 * no equation has exactly one unknown, since withholding in one group can expose another.
 */
export function suppressComplementary(groups: { total: Cell | null; cells: Cell[] }[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const members = group.total ? [...group.cells, group.total] : group.cells;
      if (!group.total) continue;
      if (members.filter((c) => c.suppressed).length !== 1) continue;
      const candidates = members.filter((c) => !c.suppressed && c.value > 0);
      const next = candidates.filter((c) => c !== group.total).sort((a, b) => a.value - b.value)[0] ?? candidates[0];
      if (next) {
        next.suppressed = true;
        changed = true;
      }
    }
  }
}

/** What the API shows: the value, or null with suppressed: true. */
export function shown(c: Cell): { value: number | null; suppressed: boolean } {
  return { value: c.suppressed ? null : c.value, suppressed: c.suppressed };
}
