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
 *
 * Passes go through the groups in order, as often as one withholds something; each group's count of
 * withheld members is kept as cells are withheld (a country's year has thousands of groups and
 * needs several passes), so a pass only looks into the groups with exactly one.
 */
export function suppressComplementary(groups: { total: Cell | null; cells: Cell[] }[]): void {
  const equations = groups.filter((g): g is { total: Cell; cells: Cell[] } => g.total !== null)
    .map((g) => ({ total: g.total, members: [...g.cells, g.total], unknown: 0 }));
  const memberOf = new Map<Cell, (typeof equations)[number][]>();
  for (const e of equations) {
    for (const c of e.members) {
      if (c.suppressed) e.unknown++;
      const list = memberOf.get(c);
      if (list) list.push(e);
      else memberOf.set(c, [e]);
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of equations) {
      if (e.unknown !== 1) continue;
      const candidates = e.members.filter((c) => !c.suppressed && c.value > 0);
      const next = candidates.filter((c) => c !== e.total).sort((a, b) => a.value - b.value)[0] ?? candidates[0];
      if (next) {
        next.suppressed = true;
        for (const other of memberOf.get(next)!) other.unknown++;
        changed = true;
      }
    }
  }
}

/** What the API shows: the value, or null with suppressed: true. */
export function shown(c: Cell): { value: number | null; suppressed: boolean } {
  return { value: c.suppressed ? null : c.value, suppressed: c.suppressed };
}
