/**
 * The words of matching, in Dutch and English: why an option was ranked as it was, and why free
 * places were excluded. The rules produce reason codes with parameters; this file turns them into
 * what a person reads in the console or the API.
 */
import { registerEnumType } from '@nestjs/graphql';

export enum Language {
  NL = 'NL',
  EN = 'EN',
}
registerEnumType(Language, { name: 'Language', description: 'Language of reasons and descriptions: Dutch or English.' });

/** `language` argument first, else the Accept-Language header (nl… → Dutch), else English. */
export function languageOf(explicit: Language | undefined, acceptLanguage: string | undefined): Language {
  if (explicit) return explicit;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('nl') ? Language.NL : Language.EN;
}

export type ExclusionReason =
  | 'CATEGORY'
  | 'AVOIDED_REGION'
  | 'HOME_REGION_AT_HIGH_RISK'
  | 'TOO_CLOSE'
  | 'NATIONAL_RESERVE'
  | 'SEX_NOT_ADMITTED'
  | 'AGE_OUTSIDE_LIMITS'
  | 'BOY_ABOVE_AGE_LIMIT'
  | 'NOT_WHEELCHAIR_ACCESSIBLE'
  | 'NO_PETS'
  | 'HOUSEHOLD_DOES_NOT_FIT';

export const EXCLUSION_TEXT: Record<Language, Record<ExclusionReason, string>> = {
  EN: {
    CATEGORY: 'category does not suit the request',
    AVOIDED_REGION: 'in a region to avoid (perpetrator or network)',
    HOME_REGION_AT_HIGH_RISK: 'in the home region while the risk requires leaving it',
    TOO_CLOSE: 'too close to the home region or an avoided region',
    NATIONAL_RESERVE: 'national reserve (only for acute requests from another region)',
    SEX_NOT_ADMITTED: 'does not admit the client\'s sex',
    AGE_OUTSIDE_LIMITS: 'client\'s age outside the location\'s limits',
    BOY_ABOVE_AGE_LIMIT: 'a son is older than the location accepts',
    NOT_WHEELCHAIR_ACCESSIBLE: 'not wheelchair accessible',
    NO_PETS: 'no pets allowed',
    HOUSEHOLD_DOES_NOT_FIT: 'no free unit large enough',
  },
  NL: {
    CATEGORY: 'soort plek past niet bij de aanvraag',
    AVOIDED_REGION: 'in een regio die vermeden moet worden (pleger of netwerk)',
    HOME_REGION_AT_HIGH_RISK: 'in de woonregio, terwijl het risico vraagt die te verlaten',
    TOO_CLOSE: 'te dicht bij de woonregio of een te vermijden regio',
    NATIONAL_RESERVE: 'landelijke reserve (alleen voor acute aanvragen uit een andere regio)',
    SEX_NOT_ADMITTED: 'neemt het geslacht van de cliënt niet op',
    AGE_OUTSIDE_LIMITS: 'leeftijd van de cliënt valt buiten de grenzen van de locatie',
    BOY_ABOVE_AGE_LIMIT: 'een zoon is ouder dan de locatie toelaat',
    NOT_WHEELCHAIR_ACCESSIBLE: 'niet rolstoeltoegankelijk',
    NO_PETS: 'geen huisdieren toegestaan',
    HOUSEHOLD_DOES_NOT_FIT: 'geen vrije unit die groot genoeg is',
  },
};

/** One reason for an option: a code and what it needs to be said. */
export type Reason =
  | { code: 'OWN_REGION'; region: string }
  | { code: 'ELSEWHERE'; locality: string; region: string; band: string; home: string }
  | { code: 'AWAY'; locality: string; region: string; band: string; avoided: boolean }
  | { code: 'FAR_PREFERRED' }
  | { code: 'NEAR_MINIMUM_PREFERRED'; minimumKm: number }
  | { code: 'PREFERRED_REGION' }
  | { code: 'FITS'; adults: number; children: number; minorClientAge: number | null; units: number }
  | { code: 'EMERGENCY_BED' }
  | { code: 'STATUS_CONFIRMED'; minutes: number; stale: boolean }
  | { code: 'LANGUAGES'; languages: string[] };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function household(r: Extract<Reason, { code: 'FITS' }>, lang: Language): string {
  if (lang === Language.NL) {
    const parts = [
      r.minorClientAge !== null ? `een cliënt van ${r.minorClientAge}` : r.adults ? plural(r.adults, 'volwassene', 'volwassenen') : '',
      r.children ? plural(r.children, 'kind', 'kinderen') : '',
    ];
    return parts.filter(Boolean).join(' + ');
  }
  const parts = [
    r.minorClientAge !== null ? `a client of ${r.minorClientAge}` : r.adults ? plural(r.adults, 'adult', 'adults') : '',
    r.children ? plural(r.children, 'child', 'children') : '',
  ];
  return parts.filter(Boolean).join(' + ');
}

function ago(minutes: number, lang: Language): string {
  if (lang === Language.NL) return minutes < 90 ? `${minutes} min geleden` : `${Math.round(minutes / 60)} uur geleden`;
  return minutes < 90 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

export function renderReason(reason: Reason, lang: Language): string {
  const nl = lang === Language.NL;
  switch (reason.code) {
    case 'OWN_REGION':
      return nl ? `eigen regio (${reason.region})` : `own region (${reason.region})`;
    case 'ELSEWHERE':
      return nl
        ? `in ${reason.locality} (${reason.region}), ${reason.band} van de woonregio ${reason.home}`
        : `in ${reason.locality} (${reason.region}), ${reason.band} from the home region ${reason.home}`;
    case 'AWAY': {
      const avoided = reason.avoided ? (nl ? ', buiten alle te vermijden regio\'s' : ', outside all avoided regions') : '';
      return nl
        ? `in ${reason.locality} (${reason.region}), ${reason.band} van de woonregio${avoided}`
        : `in ${reason.locality} (${reason.region}), ${reason.band} from the home region${avoided}`;
    }
    case 'FAR_PREFERRED':
      return nl ? 'zo ver mogelijk weg: het veiligheidsadvies bij hoog risico' : 'as far away as possible: the safety advice at high risk';
    case 'NEAR_MINIMUM_PREFERRED':
      return nl
        ? `dicht bij de minimumafstand (${reason.minimumKm} km), zoals gevraagd: school en werk binnen bereik`
        : `close to the minimum distance (${reason.minimumKm} km), as asked: school and work within reach`;
    case 'PREFERRED_REGION':
      return nl ? 'voorkeursregio' : 'preferred region';
    case 'FITS': {
      const units = reason.units === 1 ? (nl ? 'één unit' : 'one unit') : nl ? `${reason.units} units` : `${reason.units} units`;
      return nl ? `plek voor ${household(reason, lang)} in ${units}` : `fits ${household(reason, lang)} in ${units}`;
    }
    case 'EMERGENCY_BED':
      return nl ? 'noodbed, intake 24/7' : 'emergency bed, intake 24/7';
    case 'STATUS_CONFIRMED':
      if (reason.stale) {
        const hours = Math.round(reason.minutes / 60);
        return nl ? `status al ${hours} uur niet bevestigd: mogelijk verouderd` : `status not confirmed for ${hours} h: may be out of date`;
      }
      return nl ? `status ${ago(reason.minutes, lang)} bevestigd` : `status confirmed ${ago(reason.minutes, lang)}`;
    case 'LANGUAGES':
      return nl ? `medewerkers spreken ${reason.languages.join(', ')}` : `staff speak ${reason.languages.join(', ')}`;
  }
}
