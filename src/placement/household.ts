import { Sex } from '../common/enums.js';

export const AGE_BANDS = ['0-17', '18-22', '23-30', '31-40', '41-50', '51-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The national monitor's age bands. */
export function ageBandOf(age: number): AgeBand {
  if (age < 18) return '0-17';
  if (age <= 22) return '18-22';
  if (age <= 30) return '23-30';
  if (age <= 40) return '31-40';
  if (age <= 50) return '41-50';
  if (age <= 64) return '51-64';
  return '65+';
}

export interface HouseholdMember {
  sex: Sex;
  age: number;
}

export function describeHousehold(members: HouseholdMember[]): { adults: number; children: number } {
  const children = members.filter((m) => m.age < 18).length;
  return { adults: members.length - children, children };
}

/** The monitor's age bands (0-17, 18-22, ...), with how often each band heads a household. */
export const ADULT_AGE_BANDS: ReadonlyArray<{ from: number; to: number; weight: number }> = [
  { from: 18, to: 22, weight: 12 },
  { from: 23, to: 30, weight: 30 },
  { from: 31, to: 40, weight: 33 },
  { from: 41, to: 50, weight: 17 },
  { from: 51, to: 64, weight: 7 },
  { from: 65, to: 80, weight: 1 },
];
