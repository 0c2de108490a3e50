import { cell, suppressComplementary } from '../src/flows/suppression.js';

describe('small-count suppression', () => {
  it('withholds 1 to 4 and shows 0 and 5', () => {
    expect([0, 1, 4, 5].map((n) => cell(n).suppressed)).toEqual([false, true, true, false]);
  });

  it('withholds the smallest other cell when one withheld cell could be recovered from a visible total', () => {
    const total = cell(20);
    const cells = [cell(12), cell(3), cell(5)];
    suppressComplementary([{ total, cells }]);
    expect(cells.map((c) => c.suppressed)).toEqual([false, true, true]);
    expect(total.suppressed).toBe(false);
  });

  it('follows the chain: a complement withheld in one equation is protected in the next', () => {
    // January 8 and February 2 make 10 admissions; February's 2 all went to one category.
    const jan = cell(8);
    const feb = cell(2);
    const total = cell(10);
    const febCategory = cell(2);
    const janCategory = cell(8);
    suppressComplementary([
      { total, cells: [jan, feb] },
      { total: feb, cells: [febCategory] },
      { total: jan, cells: [janCategory] },
    ]);
    expect([jan, feb, febCategory, janCategory].every((c) => c.suppressed)).toBe(true);
    expect(total.suppressed).toBe(false);
  });

  it('leaves equations alone that already have two unknowns', () => {
    const cells = [cell(2), cell(3), cell(40)];
    suppressComplementary([{ total: cell(45), cells }]);
    expect(cells.map((c) => c.suppressed)).toEqual([true, true, false]);
  });
});
