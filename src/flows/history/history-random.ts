// Randomness: the seeded generator and the distributions and weight tables the phases draw from.
import { mulberry32 } from '../../common/seeded-random.js';

export { mulberry32 };

export class Random {
  private spareNormal: number | null = null;

  constructor(private readonly next: () => number) {}

  float(): number {
    return this.next();
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn in proportion to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  weightedKey<K extends string>(table: WeightTable<K>): K {
    return table.keys[this.weighted(table.weights)];
  }

  /** Standard normal (Box-Muller, both values used). */
  normal(): number {
    if (this.spareNormal !== null) {
      const value = this.spareNormal;
      this.spareNormal = null;
      return value;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = radius * Math.sin(2 * Math.PI * v);
    return radius * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median; sigma is the spread of its logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    let u = 0;
    while (u === 0) u = this.next();
    return -mean * Math.log(u);
  }
}

/** Keys with weights, in a fixed order (so draws do not depend on object key order at runtime). */
export interface WeightTable<K extends string> {
  keys: K[];
  weights: number[];
}

export function weightTable<K extends string>(weights: Partial<Record<K, number>>): WeightTable<K> {
  const entries = Object.entries(weights) as Array<[K, number]>;
  return { keys: entries.map(([k]) => k), weights: entries.map(([, w]) => w) };
}

export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}
