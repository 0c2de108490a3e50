import { PlaceCategory, Sex } from '../src/common/enums.js';
import { CandidatePlace, CandidateShelter, matchPlaces, MatchRequest, MatchSettings, RegionPoint } from '../src/referral/matching/matching.rules.js';
import { Language, renderReason } from '../src/referral/matching/matching.texts.js';
import { DistancePreference, RiskLevel, Urgency } from '../src/referral/referral.enums.js';

/**
 * The ranking on constructed cases: what the weights are meant to do, independent of the demo
 * network. Pure functions, no database: nothing here touches one.
 */
const NOW = new Date('2026-12-02T03:00:00Z');
const home: RegionPoint = { id: 'home', name: 'Utrecht', latitude: 52.09, longitude: 5.12 };
const regions = new Map<string, RegionPoint>([['home', home]]);
const settings: MatchSettings = { now: NOW, regions, minDistanceKm: 50, staleAfterHours: 24 };

let n = 0;
/** A shelter with one free crisis unit whose locality lies `km` due north of the home centre. */
function shelterAt(km: number, confirmedHoursAgo = 0.5, name = `s${++n}`): CandidatePlace {
  const regionId = `r-${name}`;
  regions.set(regionId, { id: regionId, name: `Region ${name}`, latitude: 0, longitude: 0 });
  const shelter: CandidateShelter = {
    id: name, name, regionId, admittedSexes: [Sex.FEMALE], minAge: 0, maxAge: null, maxBoyAge: null,
    wheelchairAccessible: false, petsAllowed: false, languages: [],
    locality: { name: `Town ${name}`, latitude: home.latitude + km / 111.2, longitude: home.longitude },
    statusConfirmedAt: new Date(NOW.getTime() - confirmedHoursAgo * 3_600_000), occupancyRate: 0,
  };
  return { id: `${name}-p1`, label: '1', beds: 4, category: PlaceCategory.CRISIS, nationalReserve: false, shelter };
}

function request(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    urgency: Urgency.WITHIN_24H, riskLevel: RiskLevel.LOW, honourRelated: false, trafficking: false, perpetratorNetwork: false,
    policeCoDecision: false, household: [{ sex: Sex.FEMALE, age: 30 }], needsWheelchair: false, needsPets: false, languages: [],
    homeRegionId: 'home', avoidRegionIds: [], preferredRegionIds: [], distancePreference: DistancePreference.FAR, ...overrides,
  };
}

const order = (req: MatchRequest, places: CandidatePlace[]) => matchPlaces(req, places, settings, 20).options.map((o) => o.shelter.name);

describe('ranking outside the own region', () => {
  it('same freshness: nearest first', () => {
    const places = [shelterAt(54, 1, 'd54'), shelterAt(28, 1, 'd28'), shelterAt(39, 1, 'd39'), shelterAt(33, 1, 'd33')];
    expect(order(request(), places)).toEqual(['d28', 'd33', 'd39', 'd54']);
  });

  it('freshness within the stale limit does not overturn geography (the issue\'s 28 km option came 9th)', () => {
    const places = [shelterAt(28, 20, 'near-confirmed-20h-ago'), shelterAt(35, 0.1, 'further-confirmed-just-now')];
    expect(order(request(), places)).toEqual(['near-confirmed-20h-ago', 'further-confirmed-just-now']);
  });

  it('freshness breaks a tie', () => {
    expect(order(request(), [shelterAt(30, 10, 'older'), shelterAt(30, 1, 'fresher')])).toEqual(['fresher', 'older']);
  });

  it('a shelter stale for days goes below the fresh ones at similar distance, and says why', () => {
    const places = [shelterAt(30, 72, 'stale'), shelterAt(40, 1, 'fresh-40'), shelterAt(45, 2, 'fresh-45')];
    const result = matchPlaces(request(), places, settings, 20);
    expect(result.options.map((o) => o.shelter.name)).toEqual(['fresh-40', 'fresh-45', 'stale']);
    const stale = result.options.find((o) => o.shelter.name === 'stale')!;
    expect(stale.reasons.map((r) => renderReason(r, Language.EN))).toContain('status not confirmed for 72 h: may be out of date');
  });
});

describe('ranking at high risk', () => {
  const places = () => [shelterAt(75, 1, 'd75'), shelterAt(140, 1, 'd140'), shelterAt(230, 1, 'd230')];

  it('by default as far away as possible, and the reason says so', () => {
    const result = matchPlaces(request({ riskLevel: RiskLevel.HIGH }), places(), settings, 20);
    expect(result.options.map((o) => o.shelter.name)).toEqual(['d230', 'd140', 'd75']);
    expect(renderReason(result.options[0].reasons[1], Language.EN)).toBe('as far away as possible: the safety advice at high risk');
  });

  it('near the minimum distance when the referrer asks for it', () => {
    const result = matchPlaces(request({ riskLevel: RiskLevel.HIGH, distancePreference: DistancePreference.NEAR_MINIMUM }), places(), settings, 20);
    expect(result.options.map((o) => o.shelter.name)).toEqual(['d75', 'd140', 'd230']);
    expect(renderReason(result.options[0].reasons[1], Language.NL)).toBe('dicht bij de minimumafstand (50 km), zoals gevraagd: school en werk binnen bereik');
  });

  it('never below the minimum distance plus the locality radius, whatever the preference', () => {
    const result = matchPlaces(request({ riskLevel: RiskLevel.HIGH, distancePreference: DistancePreference.NEAR_MINIMUM }), [shelterAt(55, 1, 'd55')], settings, 20);
    expect(result.options).toEqual([]);
    expect(result.excluded.get('TOO_CLOSE')).toBe(1);
  });
});

describe('reasons in plain words', () => {
  it('names the destination, not the home region, as where the shelter is', () => {
    const [option] = matchPlaces(request(), [shelterAt(39, 1, 'haarlem')], settings, 20).options;
    expect(renderReason(option.reasons[0], Language.EN)).toBe('in Town haarlem (Region haarlem), 25-50 km from the home region Utrecht');
    expect(renderReason(option.reasons[0], Language.NL)).toBe('in Town haarlem (Region haarlem), 25-50 km van de woonregio Utrecht');
  });

  it('a 17-year-old alone is the client, not "1 child"', () => {
    const [option] = matchPlaces(request({ household: [{ sex: Sex.FEMALE, age: 17 }] }), [shelterAt(30)], settings, 20).options;
    const fits = option.reasons.find((r) => r.code === 'FITS')!;
    expect(renderReason(fits, Language.EN)).toBe('fits a client of 17 in one unit');
    expect(renderReason(fits, Language.NL)).toBe('plek voor een cliënt van 17 in één unit');
  });

  it('a mother with three children', () => {
    const household = [{ sex: Sex.FEMALE, age: 38 }, { sex: Sex.MALE, age: 9 }, { sex: Sex.FEMALE, age: 6 }, { sex: Sex.FEMALE, age: 2 }];
    const [option] = matchPlaces(request({ household }), [shelterAt(30)], settings, 20).options;
    expect(renderReason(option.reasons.find((r) => r.code === 'FITS')!, Language.EN)).toBe('fits 1 adult + 3 children in one unit');
  });
});
