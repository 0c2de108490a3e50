/**
 * The waiting list's order, in one place (the README's table is this file in words).
 *
 * 1. Requests a coordinator moved up (with a recorded reason) come first, among themselves in the
 *    order below.
 * 2. Urgency: IMMEDIATE, then WITHIN_24H, then PLANNED.
 * 3. Risk: SEVERE, HIGH, MEDIUM, LOW.
 * 4. Time waiting: who waits longest goes first.
 *
 * A request's place in line is counted among the waiting requests that compete with it: those
 * that may use at least one of the same categories, in its own region and nationally.
 */
import { PlaceCategory } from '../../common/enums.js';
import { RiskLevel, Urgency } from '../referral.enums.js';
import { Language } from '../matching/matching.texts.js';

export interface WaitingEntry {
  id: string;
  urgency: Urgency;
  riskLevel: RiskLevel;
  waitingSince: Date;
  prioritisedAt: Date | null;
  homeRegionId: string;
  categories: PlaceCategory[];
  householdSize: number;
}

const URGENCY_RANK: Record<Urgency, number> = { IMMEDIATE: 0, WITHIN_24H: 1, PLANNED: 2 };
const RISK_RANK: Record<RiskLevel, number> = { SEVERE: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

export function compareWaiting(a: WaitingEntry, b: WaitingEntry): number {
  return (
    Number(!a.prioritisedAt) - Number(!b.prioritisedAt) ||
    URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency] ||
    RISK_RANK[a.riskLevel] - RISK_RANK[b.riskLevel] ||
    a.waitingSince.getTime() - b.waitingSince.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export interface WaitingPosition {
  inRegion: number;
  nationally: number;
  explanation: string;
}

const competes = (a: WaitingEntry, b: WaitingEntry) => a.categories.some((c) => b.categories.includes(c));

const ordinal = (n: number, lang: Language) => (lang === Language.NL ? `${n}e` : `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`);

const CATEGORY_WORDS: Record<Language, Partial<Record<PlaceCategory, string>>> = {
  EN: { EMERGENCY: 'an emergency bed', CRISIS: 'a crisis place', MEN: 'a place in men\'s shelter', HONOUR_RELATED: 'an honour-related violence place', HUMAN_TRAFFICKING: 'a human trafficking place', SAFE_HOUSE: 'a safe house', FOLLOW_ON: 'a follow-on place' },
  NL: { EMERGENCY: 'een noodbed', CRISIS: 'een crisisplaats', MEN: 'een plek in de mannenopvang', HONOUR_RELATED: 'een plek voor eergerelateerd geweld', HUMAN_TRAFFICKING: 'een plek voor slachtoffers van mensenhandel', SAFE_HOUSE: 'een Safe House', FOLLOW_ON: 'een plek in de vervolgopvang' },
};

/** Where `entry` stands among `waiting` (all waiting requests), with the sentence a referrer reads. */
export function positionOf(entry: WaitingEntry, waiting: WaitingEntry[], lang: Language): WaitingPosition {
  const rivals = waiting.filter((w) => competes(w, entry)).sort(compareWaiting);
  const nationally = rivals.findIndex((w) => w.id === entry.id) + 1;
  const inRegion = rivals.filter((w) => w.homeRegionId === entry.homeRegionId).findIndex((w) => w.id === entry.id) + 1;
  const what = entry.categories.map((c) => CATEGORY_WORDS[lang][c] ?? c).join(lang === Language.NL ? ' of ' : ' or ');
  const explanation =
    lang === Language.NL
      ? `${ordinal(inRegion, lang)} voor ${what} voor een huishouden van ${entry.householdSize} in de eigen regio; ${ordinal(nationally, lang)} landelijk`
      : `${ordinal(inRegion, lang)} for ${what} for a household of ${entry.householdSize} in your region; ${ordinal(nationally, lang)} nationally`;
  return { inRegion, nationally, explanation };
}
