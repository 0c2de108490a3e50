import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { PlaceCategory, PlaceStatus, ReferrerType, Sex } from '../../common/enums.js';
import { ADULT_AGE_BANDS, ageBandOf } from '../../placement/household.js';
import { mulberry32 } from '../../common/seeded-random.js';

/*
 * A deterministic demo of the national network: the same seed always gives the same organisations,
 * locations, places, occupancy and households (ids and timestamps relative to `now` aside).
 * Sizes follow DOMAIN.md: ~20 providers, ~100 locations over the 35 regions, ~1,400 places.
 */

// ---------------------------------------------------------------------------------------------
// Category rules

interface CategoryRule {
  /** Distinct per category, so labels never collide inside a shelter. */
  labelPrefix: string;
  /** Relative weight of 1, 2, ... 6 beds per place (a place is a household unit). */
  bedWeights: readonly number[];
  occupiedShare: number;
  /** Active stays were admitted at most this many days ago (emergency beds turn over in days). */
  maxStayDays: number;
  /** National accessibility: the share of clients who come from another region. */
  fromOtherRegionShare: number;
  /** Chance that a household in a multi-bed place brings children. */
  withChildrenShare: number;
  referrers: Partial<Record<DemoReferrer, number>>;
}

/** The referrer types the demo uses; the specialised ones are left to real traffic. */
type DemoReferrer =
  | ReferrerType.POLICE
  | ReferrerType.VEILIG_THUIS
  | ReferrerType.GGD
  | ReferrerType.SHELTER
  | ReferrerType.PUBLIC_PROSECUTOR;

const CATEGORY_RULES: Record<PlaceCategory, CategoryRule> = {
  [PlaceCategory.EMERGENCY]: {
    labelPrefix: 'E',
    bedWeights: [3, 3, 2, 2],
    occupiedShare: 0.6,
    maxStayDays: 7,
    fromOtherRegionShare: 0.3,
    withChildrenShare: 0.7,
    referrers: { POLICE: 4, VEILIG_THUIS: 3, GGD: 1, PUBLIC_PROSECUTOR: 1, SHELTER: 1 },
  },
  [PlaceCategory.CRISIS]: {
    labelPrefix: 'C',
    bedWeights: [1, 3, 3, 2, 1, 0.5],
    occupiedShare: 0.8,
    maxStayDays: 90,
    fromOtherRegionShare: 0.3,
    withChildrenShare: 0.75,
    referrers: { VEILIG_THUIS: 5, POLICE: 2, SHELTER: 2, GGD: 1, PUBLIC_PROSECUTOR: 0.5 },
  },
  [PlaceCategory.FOLLOW_ON]: {
    labelPrefix: 'V',
    bedWeights: [1, 3, 3, 2, 1.5, 0.5],
    occupiedShare: 0.85,
    maxStayDays: 120,
    fromOtherRegionShare: 0.25,
    withChildrenShare: 0.75,
    referrers: { SHELTER: 6, VEILIG_THUIS: 2, GGD: 1 },
  },
  [PlaceCategory.MEN]: {
    labelPrefix: 'M',
    bedWeights: [6, 3, 1],
    occupiedShare: 0.75,
    maxStayDays: 90,
    fromOtherRegionShare: 0.4,
    withChildrenShare: 0.3,
    referrers: { POLICE: 3, VEILIG_THUIS: 4, GGD: 1, SHELTER: 1 },
  },
  [PlaceCategory.HONOUR_RELATED]: {
    labelPrefix: 'H',
    bedWeights: [4, 1],
    occupiedShare: 0.7,
    maxStayDays: 120,
    // Honour cases are placed deliberately far from home and the perpetrator's network.
    fromOtherRegionShare: 1,
    withChildrenShare: 0,
    referrers: { POLICE: 5, PUBLIC_PROSECUTOR: 2, VEILIG_THUIS: 2 },
  },
  [PlaceCategory.HUMAN_TRAFFICKING]: {
    labelPrefix: 'T',
    bedWeights: [4, 2, 1],
    occupiedShare: 0.8,
    maxStayDays: 120,
    fromOtherRegionShare: 0.6,
    withChildrenShare: 0.25,
    referrers: { POLICE: 6, PUBLIC_PROSECUTOR: 1, SHELTER: 2, GGD: 1 },
  },
  [PlaceCategory.SAFE_HOUSE]: {
    labelPrefix: 'S',
    bedWeights: [0, 1, 2, 2, 1],
    occupiedShare: 0.6,
    maxStayDays: 120,
    fromOtherRegionShare: 0.7,
    withChildrenShare: 0.8,
    referrers: { POLICE: 8, PUBLIC_PROSECUTOR: 2 },
  },
};

/** Reserve beds are kept for acute requests from other regions, so they are more often free. */
const NATIONAL_RESERVE_OCCUPIED_SHARE = 0.4;
const OUT_OF_SERVICE_SHARE = 0.03;
const STALE_STATUS_SHARE = 0.03;

// ---------------------------------------------------------------------------------------------
// Who admits whom: shelter profiles by kind of location

type LocationKind = 'REGIONAL' | 'MEN' | 'HONOUR' | 'TRAFFICKING_ADULTS' | 'TRAFFICKING_MINORS' | 'SAFE_HOUSE';

interface ShelterProfile {
  admittedSexes: Sex[];
  /** Chance the location also admits clients registered as X. */
  alsoAdmitsXShare: number;
  minAge: number;
  maxAge: number | null;
  /** Candidate boy-age limits; null means "no limit". */
  maxBoyAges: ReadonlyArray<number | null>;
}

const SHELTER_PROFILES: Record<LocationKind, ShelterProfile> = {
  REGIONAL: { admittedSexes: [Sex.FEMALE], alsoAdmitsXShare: 0.08, minAge: 18, maxAge: null, maxBoyAges: [12, 12, 14, 14, 15, 16, 16, null] },
  MEN: { admittedSexes: [Sex.MALE], alsoAdmitsXShare: 0.3, minAge: 18, maxAge: null, maxBoyAges: [null] },
  HONOUR: { admittedSexes: [Sex.FEMALE], alsoAdmitsXShare: 0, minAge: 12, maxAge: 23, maxBoyAges: [null] },
  TRAFFICKING_ADULTS: { admittedSexes: [Sex.FEMALE], alsoAdmitsXShare: 0.1, minAge: 18, maxAge: null, maxBoyAges: [12, 14, null] },
  TRAFFICKING_MINORS: { admittedSexes: [Sex.FEMALE], alsoAdmitsXShare: 0, minAge: 12, maxAge: 17, maxBoyAges: [null] },
  SAFE_HOUSE: { admittedSexes: [Sex.FEMALE], alsoAdmitsXShare: 0, minAge: 18, maxAge: null, maxBoyAges: [12, 16, null] },
};

// ---------------------------------------------------------------------------------------------
// The network: providers, region sizes, specialised sites

const REGIONAL_PROVIDERS: ReadonlyArray<{ name: string; regions: readonly string[] }> = [
  { name: 'Stichting Vrouwenopvang Noord', regions: ['groningen'] },
  { name: 'Stichting Friese Vrouwenopvang De Terp', regions: ['leeuwarden'] },
  { name: 'Stichting Drentse Opvang De Brink', regions: ['emmen'] },
  { name: 'Stichting Veilig Onderdak Oost', regions: ['enschede', 'deventer', 'zwolle'] },
  { name: 'Stichting Opvang Veluwe en Vallei', regions: ['apeldoorn', 'ede', 'arnhem'] },
  { name: 'Stichting Huis aan de Waal', regions: ['nijmegen'] },
  { name: 'Stichting Toevlucht Flevoland-Gooi', regions: ['almere', 'hilversum'] },
  { name: 'Stichting Amstelhuis Vrouwenopvang', regions: ['amsterdam', 'zaanstad'] },
  { name: 'Stichting Kustlicht Opvang', regions: ['alkmaar', 'den-helder', 'haarlem'] },
  { name: 'Stichting Domstad Vrouwenopvang', regions: ['utrecht', 'amersfoort'] },
  { name: 'Stichting De Vluchtheuvel', regions: ['den-haag', 'delft'] },
  { name: 'Stichting Rijnmond Veilig Thuisfront', regions: ['rotterdam', 'vlaardingen', 'dordrecht'] },
  { name: 'Stichting Groene Hart Opvang', regions: ['leiden', 'gouda'] },
  { name: 'Stichting Zeeuwse Haven', regions: ['middelburg'] },
  { name: 'Stichting Opvang West- en Midden-Brabant', regions: ['breda', 'tilburg'] },
  { name: 'Stichting Meierij Vrouwenopvang', regions: ['s-hertogenbosch', 'eindhoven', 'helmond'] },
  { name: 'Stichting Maasland Opvang', regions: ['venlo', 'heerlen', 'maastricht'] },
];
/** Serves any region an operator added beyond the reference list. */
const FALLBACK_PROVIDER = 'Stichting Vrouwenopvang Nederland';

const MEN_PROVIDER = 'Stichting Mannenopvang Nederland';
const TRAFFICKING_PROVIDER = 'Stichting Schakel Opvang Mensenhandel';
const HONOUR_PROVIDER = 'Stichting Veilig Verder Eergerelateerd';

/** Relative size of a region's regular capacity; regions not listed weigh 1. */
const REGION_WEIGHT: Readonly<Record<string, number>> = {
  amsterdam: 2, rotterdam: 2, 'den-haag': 2, utrecht: 2,
  eindhoven: 1.4, groningen: 1.4, tilburg: 1.3, arnhem: 1.3, nijmegen: 1.3, enschede: 1.3, breda: 1.3,
  's-hertogenbosch': 1.3, haarlem: 1.3, leeuwarden: 1.3, zwolle: 1.2, apeldoorn: 1.2, almere: 1.2,
  delft: 0.7, vlaardingen: 0.7, 'den-helder': 0.7, gouda: 0.7, middelburg: 0.8, helmond: 0.8, hilversum: 0.8,
};

interface SpecialisedSite {
  /** Left out when the region's own provider runs the site. */
  provider?: string;
  kind: LocationKind;
  region: string;
  name: string;
  category: PlaceCategory;
  places: number;
  /** Sites outside the centre municipality (Assen lies in the Emmen region). */
  city?: { name: string; latitude: number; longitude: number };
}

const SPECIALISED_SITES: readonly SpecialisedSite[] = [
  { provider: MEN_PROVIDER, kind: 'MEN', region: 'amsterdam', name: 'Mannenopvang Amsterdam', category: PlaceCategory.MEN, places: 9 },
  { provider: MEN_PROVIDER, kind: 'MEN', region: 'rotterdam', name: 'Mannenopvang Rotterdam', category: PlaceCategory.MEN, places: 9 },
  { provider: MEN_PROVIDER, kind: 'MEN', region: 'den-haag', name: 'Mannenopvang Den Haag', category: PlaceCategory.MEN, places: 7 },
  { provider: MEN_PROVIDER, kind: 'MEN', region: 'utrecht', name: 'Mannenopvang Utrecht', category: PlaceCategory.MEN, places: 6 },
  { provider: MEN_PROVIDER, kind: 'MEN', region: 'tilburg', name: 'Mannenopvang Tilburg', category: PlaceCategory.MEN, places: 5 },
  { provider: MEN_PROVIDER, kind: 'MEN', region: 'zwolle', name: 'Mannenopvang Zwolle', category: PlaceCategory.MEN, places: 4 },
  { provider: TRAFFICKING_PROVIDER, kind: 'TRAFFICKING_ADULTS', region: 'rotterdam', name: 'Opvang Mensenhandel Rotterdam', category: PlaceCategory.HUMAN_TRAFFICKING, places: 15 },
  { provider: TRAFFICKING_PROVIDER, kind: 'TRAFFICKING_ADULTS', region: 'amsterdam', name: 'Opvang Mensenhandel Amsterdam', category: PlaceCategory.HUMAN_TRAFFICKING, places: 13 },
  {
    provider: TRAFFICKING_PROVIDER, kind: 'TRAFFICKING_ADULTS', region: 'emmen', name: 'Opvang Mensenhandel Assen',
    category: PlaceCategory.HUMAN_TRAFFICKING, places: 12, city: { name: 'Assen', latitude: 52.993, longitude: 6.562 },
  },
  { provider: TRAFFICKING_PROVIDER, kind: 'TRAFFICKING_MINORS', region: 'leeuwarden', name: 'Jeugdopvang Mensenhandel Leeuwarden', category: PlaceCategory.HUMAN_TRAFFICKING, places: 10 },
  { provider: HONOUR_PROVIDER, kind: 'HONOUR', region: 'tilburg', name: 'Beschermde Opvang Tilburg', category: PlaceCategory.HONOUR_RELATED, places: 8 },
  { provider: HONOUR_PROVIDER, kind: 'HONOUR', region: 'leeuwarden', name: 'Beschermde Opvang Leeuwarden', category: PlaceCategory.HONOUR_RELATED, places: 8 },
  { kind: 'SAFE_HOUSE', region: 'utrecht', name: 'Safe House Midden', category: PlaceCategory.SAFE_HOUSE, places: 4 },
  { kind: 'SAFE_HOUSE', region: 'zwolle', name: 'Safe House Oost', category: PlaceCategory.SAFE_HOUSE, places: 3 },
  { kind: 'SAFE_HOUSE', region: 'breda', name: 'Safe House Zuid', category: PlaceCategory.SAFE_HOUSE, places: 3 },
];

/** Extra regular locations of the larger regions, in the order they are added. */
const EXTRA_LOCATION_NAMES = ['Gezinsopvang', 'Vrouwenhuis', 'Kortverblijf'];
const FOLLOW_ON_REGION_SHARE = 0.85;

/** First two postcode digits per region, so fake addresses look local; others draw at random. */
const POSTCODE_AREA: Readonly<Record<string, number>> = {
  alkmaar: 18, almere: 13, amersfoort: 38, amsterdam: 10, apeldoorn: 73, arnhem: 68, breda: 48, delft: 26,
  'den-haag': 25, 'den-helder': 17, deventer: 74, dordrecht: 33, ede: 67, eindhoven: 56, emmen: 78, enschede: 75,
  gouda: 28, groningen: 97, haarlem: 20, heerlen: 64, helmond: 57, hilversum: 12, leeuwarden: 89, leiden: 23,
  maastricht: 62, middelburg: 43, nijmegen: 65, rotterdam: 30, 's-hertogenbosch': 52, tilburg: 50, utrecht: 35,
  venlo: 59, vlaardingen: 31, zaanstad: 15, zwolle: 80, assen: 94,
};
const STREETS = [
  'Lindelaan', 'Esdoornstraat', 'Kastanjehof', 'Wilgenweg', 'Berkenlaan', 'Meidoornpad', 'Populierenstraat',
  'Vlierhof', 'Eikenlaan', 'Hazelaarweg', 'Klaprooslaan', 'Korenbloemstraat', 'Madeliefweg', 'Zonnebloemhof',
  'Reigerstraat', 'Merelhof', 'Zwanenweg', 'Kievitlaan', 'Molenstraat', 'Kerkpad',
];
const MEETING_INSTRUCTIONS = [
  'Call the intake number from the railway station; a staff member collects the client at the main entrance.',
  'Bring the client to the police station front desk and call intake; we meet you there within 30 minutes.',
  'Call intake on departure; a staff member meets you at the agreed public meeting point and takes over.',
  'Report to the reception of the municipal health centre and ask for the shelter duty officer.',
  'Call intake 15 minutes before arrival; we meet you in the hospital entrance hall.',
];
const OUT_OF_SERVICE_REASONS = [
  'Water damage, repairs scheduled',
  'Renovation of the unit',
  'Deep clean after pest control',
  'Awaiting replacement furniture',
  'Temporarily closed: staff shortage',
];
const EXTRA_LANGUAGES = ['ar', 'tr', 'pl', 'ti', 'so', 'fr', 'uk'];


const INSERT_CHUNK_ROWS = 5000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// ---------------------------------------------------------------------------------------------
// Rows as they are written

interface RegionRow {
  id: string;
  code: string;
  centre_municipality: string;
  latitude: number;
  longitude: number;
}

interface OrganisationRow {
  id: string;
  name: string;
}

interface ShelterRow {
  id: string;
  organisation_id: string;
  region_id: string;
  name: string;
  categories: PlaceCategory[];
  intake_phone: string;
  meeting_instructions: string;
  admitted_sexes: Sex[];
  min_age: number;
  max_age: number | null;
  max_boy_age: number | null;
  wheelchair_accessible: boolean;
  pets_allowed: boolean;
  languages: string[];
  address_street: string;
  address_postcode: string;
  address_city: string;
  latitude: number;
  longitude: number;
  locality_name: string;
  locality_latitude: number;
  locality_longitude: number;
  status_confirmed_at: string;
}

interface PlaceRow {
  id: string;
  shelter_id: string;
  category: PlaceCategory;
  label: string;
  beds: number;
  status: PlaceStatus;
  status_changed_at: string;
  national_reserve: boolean;
  out_of_service_reason: string | null;
  stay_id: string | null;
}

interface ClaimRow {
  id: string;
  shelter_id: string;
  household_size: number;
  beds: number;
  created_at: string;
  expires_at: string;
  ended_at: string;
}

interface StayRow {
  id: string;
  claim_id: string;
  shelter_id: string;
  region_id: string;
  category: PlaceCategory;
  origin_region_id: string;
  referrer_type: DemoReferrer;
  household_size: number;
  adults: number;
  children: number;
  admitted_at: string;
}

interface StayMemberRow {
  stay_id: string;
  sex: Sex;
  age: number;
  age_band: string;
  is_child: boolean;
}

interface DemoRows {
  organisations: OrganisationRow[];
  shelters: ShelterRow[];
  places: PlaceRow[];
  claims: ClaimRow[];
  claimPlaces: Array<{ claim_id: string; place_id: string }>;
  stays: StayRow[];
  stayMembers: StayMemberRow[];
  stayPlaces: Array<{ stay_id: string; place_id: string; from_at: string }>;
}

// ---------------------------------------------------------------------------------------------
// Entry point

/**
 * Writes a demo network into a database whose regions are already upserted, all in one
 * transaction. `scale` N writes N copies of the locations and places (rounded to a whole number,
 * at least 1); organisations stay the same ~20.
 */
export async function loadDemoNetwork(
  dataSource: DataSource,
  options: { scale?: number; seed?: number; now?: Date } = {},
): Promise<{ organisations: number; shelters: number; places: number }> {
  const scale = options.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`demo network: scale must be a positive number, got ${scale}`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new Error(`demo network: seed must be a number, got ${seed}`);

  // Whole copies of the network keep every per-region rule (EMERGENCY and CRISIS everywhere) intact.
  const copies = Math.max(1, Math.round(scale));
  const regions: RegionRow[] = await dataSource.query(
    `SELECT id, code, centre_municipality, latitude, longitude FROM region ORDER BY code`,
  );
  const rows = new DemoNetworkBuilder(regions, mulberry32(seed), options.now ?? new Date()).build(copies);

  await dataSource.transaction(async (manager) => {
    await insertAll(manager, rows);
  });
  return { organisations: rows.organisations.length, shelters: rows.shelters.length, places: rows.places.length };
}

// ---------------------------------------------------------------------------------------------
// Generation

interface LocationPlan {
  provider: string;
  kind: LocationKind;
  region: RegionRow;
  name: string;
  places: Array<{ category: PlaceCategory; count: number }>;
  city?: SpecialisedSite['city'];
}

class DemoNetworkBuilder {
  private readonly rows: DemoRows = {
    organisations: [],
    shelters: [],
    places: [],
    claims: [],
    claimPlaces: [],
    stays: [],
    stayMembers: [],
    stayPlaces: [],
  };
  private readonly organisationIds = new Map<string, string>();
  private readonly shelterNames = new Map<string, Set<string>>();
  private readonly regionsByCode: Map<string, RegionRow>;
  private readonly providerOfRegion = new Map<string, string>();

  constructor(
    private readonly regions: RegionRow[],
    private readonly random: () => number,
    private readonly now: Date,
  ) {
    if (regions.length === 0) throw new Error('demo network: the region table is empty; upsert the regions first');
    this.regionsByCode = new Map(regions.map((r) => [r.code, r]));
    for (const site of SPECIALISED_SITES) {
      if (!this.regionsByCode.has(site.region)) {
        throw new Error(`demo network: region "${site.region}" is missing; upsert the reference regions first`);
      }
    }
    for (const provider of REGIONAL_PROVIDERS) for (const code of provider.regions) this.providerOfRegion.set(code, provider.name);
  }

  build(copies: number): DemoRows {
    for (let copy = 0; copy < copies; copy++) {
      for (const region of this.regions) this.addRegionalLocations(region);
      for (const site of SPECIALISED_SITES) this.addSpecialisedSite(site);
    }
    return this.rows;
  }

  private addRegionalLocations(region: RegionRow): void {
    const weight = REGION_WEIGHT[region.code] ?? 1;
    const provider = this.providerOfRegion.get(region.code) ?? FALLBACK_PROVIDER;
    const city = region.centre_municipality;
    const sized = (min: number, max: number) => Math.max(1, Math.round(weight * this.between(min, max)));

    const locations: LocationPlan[] = [
      {
        provider, kind: 'REGIONAL', region, name: `Crisiscentrum ${city}`,
        places: [
          { category: PlaceCategory.EMERGENCY, count: sized(3, 6) },
          { category: PlaceCategory.CRISIS, count: sized(8, 14) },
        ],
      },
      this.chance(FOLLOW_ON_REGION_SHARE)
        ? { provider, kind: 'REGIONAL', region, name: `Vervolgopvang ${city}`, places: [{ category: PlaceCategory.FOLLOW_ON, count: sized(6, 12) }] }
        : {
            provider, kind: 'REGIONAL', region, name: `Crisisopvang ${city}-Oost`,
            places: [
              { category: PlaceCategory.EMERGENCY, count: this.integer(1, 2) },
              { category: PlaceCategory.CRISIS, count: sized(4, 8) },
            ],
          },
    ];
    const extraLocations = Math.min(EXTRA_LOCATION_NAMES.length, Math.max(0, Math.round((weight - 1) * 2)));
    for (let i = 0; i < extraLocations; i++) {
      locations.push({
        provider, kind: 'REGIONAL', region, name: `${EXTRA_LOCATION_NAMES[i]} ${city}`,
        places: [
          { category: PlaceCategory.CRISIS, count: sized(3, 6) },
          { category: PlaceCategory.FOLLOW_ON, count: sized(3, 6) },
        ],
      });
    }

    const regionalPlaces = locations.flatMap((location) => this.addLocation(location));
    this.markNationalReserve(regionalPlaces.filter((p) => p.category === PlaceCategory.EMERGENCY || p.category === PlaceCategory.CRISIS));
    for (const place of regionalPlaces) this.settleStatus(place);
  }

  private addSpecialisedSite(site: SpecialisedSite): void {
    const region = this.regionsByCode.get(site.region)!;
    const provider = site.provider ?? this.providerOfRegion.get(site.region) ?? FALLBACK_PROVIDER;
    const places = this.addLocation({
      provider, kind: site.kind, region, name: site.name, city: site.city,
      places: [{ category: site.category, count: site.places }],
    });
    for (const place of places) this.settleStatus(place);
  }

  /** Creates the shelter and its places (all AVAILABLE); status is settled afterwards. */
  private addLocation(plan: LocationPlan): PlacedUnit[] {
    const profile = SHELTER_PROFILES[plan.kind];
    const organisationId = this.organisationId(plan.provider);
    const admittedSexes = this.chance(profile.alsoAdmitsXShare) ? [...profile.admittedSexes, Sex.X] : [...profile.admittedSexes];
    const centre = plan.city ?? { name: plan.region.centre_municipality, latitude: plan.region.latitude, longitude: plan.region.longitude };
    const postcodeArea = POSTCODE_AREA[plan.city ? plan.city.name.toLowerCase() : plan.region.code] ?? this.integer(10, 99);
    const confirmedHoursAgo = this.chance(STALE_STATUS_SHARE) ? this.between(30, 96) : this.between(0, 20);

    const shelter: ShelterRow = {
      id: randomUUID(),
      organisation_id: organisationId,
      region_id: plan.region.id,
      name: this.uniqueShelterName(organisationId, plan.name),
      categories: Object.values(PlaceCategory).filter((c) => plan.places.some((p) => p.category === c && p.count > 0)),
      intake_phone: `+31 88 ${this.integer(100, 999)} ${String(this.integer(0, 9999)).padStart(4, '0')}`,
      meeting_instructions: this.pick(MEETING_INSTRUCTIONS),
      admitted_sexes: admittedSexes,
      min_age: profile.minAge,
      max_age: profile.maxAge,
      max_boy_age: this.pick(profile.maxBoyAges),
      wheelchair_accessible: this.chance(0.3),
      pets_allowed: this.chance(0.15),
      languages: this.languages(),
      address_street: `${this.pick(STREETS)} ${this.integer(1, 180)}`,
      address_postcode: this.postcode(postcodeArea),
      address_city: centre.name,
      // At most ~8.6 km from the town: the database keeps every shelter within 10 km of its locality.
      latitude: round(centre.latitude + this.between(-0.06, 0.06), 5),
      longitude: round(centre.longitude + this.between(-0.08, 0.08), 5),
      // The public locality is the town.
      locality_name: centre.name,
      locality_latitude: centre.latitude,
      locality_longitude: centre.longitude,
      status_confirmed_at: this.ago(confirmedHoursAgo * HOUR_MS),
    };
    this.rows.shelters.push(shelter);

    const units: PlacedUnit[] = [];
    for (const { category, count } of plan.places) {
      const rule = CATEGORY_RULES[category];
      for (let n = 1; n <= count; n++) {
        const place: PlaceRow = {
          id: randomUUID(),
          shelter_id: shelter.id,
          category,
          label: `${rule.labelPrefix}-${String(n).padStart(2, '0')}`,
          beds: this.weighted(rule.bedWeights) + 1,
          status: PlaceStatus.AVAILABLE,
          status_changed_at: this.ago(this.between(1, 72) * HOUR_MS),
          national_reserve: false,
          out_of_service_reason: null,
          stay_id: null,
        };
        this.rows.places.push(place);
        units.push({ place, shelter, region: plan.region, category });
      }
    }
    return units;
  }

  private markNationalReserve(candidates: PlacedUnit[]): void {
    let toMark = Math.min(candidates.length, this.integer(1, 3));
    const pool = [...candidates];
    while (toMark-- > 0) {
      const [chosen] = pool.splice(this.integer(0, pool.length - 1), 1);
      chosen.place.national_reserve = true;
    }
  }

  private settleStatus(unit: PlacedUnit): void {
    const { place, category } = unit;
    if (this.chance(OUT_OF_SERVICE_SHARE)) {
      place.status = PlaceStatus.OUT_OF_SERVICE;
      place.out_of_service_reason = this.pick(OUT_OF_SERVICE_REASONS);
      place.status_changed_at = this.ago(this.between(1, 30) * DAY_MS);
      return;
    }
    const occupiedShare = place.national_reserve ? NATIONAL_RESERVE_OCCUPIED_SHARE : CATEGORY_RULES[category].occupiedShare;
    if (this.chance(occupiedShare)) this.admitHousehold(unit);
  }

  /** Records the whole admission trail the live system would have left: claim, stay, members. */
  private admitHousehold({ place, shelter, region, category }: PlacedUnit): void {
    const rule = CATEGORY_RULES[category];
    const members = this.household(shelter, place.beds, rule);
    // At least an hour ago, so the claim's hold has expired (expires_at lies in the past).
    const admittedAt = this.now.getTime() - HOUR_MS - this.between(0, rule.maxStayDays) * DAY_MS;
    const claimedAt = admittedAt - this.between(20, 240) * 60_000;
    const holdExpiresAt = Math.min(claimedAt + 6 * HOUR_MS, this.now.getTime() - 60_000);
    const children = members.filter((m) => m.is_child).length;

    const claimId = randomUUID();
    const stayId = randomUUID();
    this.rows.claims.push({
      id: claimId,
      shelter_id: shelter.id,
      household_size: members.length,
      beds: place.beds,
      created_at: iso(claimedAt),
      expires_at: iso(holdExpiresAt),
      ended_at: iso(admittedAt),
    });
    this.rows.claimPlaces.push({ claim_id: claimId, place_id: place.id });
    this.rows.stays.push({
      id: stayId,
      claim_id: claimId,
      shelter_id: shelter.id,
      region_id: region.id,
      category,
      origin_region_id: this.chance(rule.fromOtherRegionShare) ? this.otherRegion(region).id : region.id,
      referrer_type: this.weightedKey(rule.referrers),
      household_size: members.length,
      adults: members.length - children,
      children,
      admitted_at: iso(admittedAt),
    });
    for (const member of members) this.rows.stayMembers.push({ ...member, stay_id: stayId });
    this.rows.stayPlaces.push({ stay_id: stayId, place_id: place.id, from_at: iso(admittedAt) });

    place.status = PlaceStatus.OCCUPIED;
    place.stay_id = stayId;
    place.status_changed_at = iso(admittedAt);
  }

  /** A client the shelter admits, plus children when the unit has room; never more than its beds. */
  private household(shelter: ShelterRow, beds: number, rule: CategoryRule): Array<Omit<StayMemberRow, 'stay_id'>> {
    const clientSex = shelter.admitted_sexes.includes(Sex.X) && this.chance(0.1) ? Sex.X : shelter.admitted_sexes[0];
    const clientAge =
      shelter.max_age !== null ? this.integer(shelter.min_age, shelter.max_age) : this.adultAge(shelter.min_age);
    const members = [member(clientSex, clientAge)];

    if (beds > 1 && clientAge >= 18 && this.chance(rule.withChildrenShare)) {
      // Families mostly fill their unit; a spare bed is common too.
      const size = this.chance(0.65) ? beds : beds - 1;
      // Sons only where the shelter admits no women, so a men's shelter houses fathers with sons.
      const onlyBoys = !shelter.admitted_sexes.includes(Sex.FEMALE);
      const oldestChildAge = Math.min(17, clientAge - 16);
      for (let i = 1; i < size; i++) {
        const sex = onlyBoys || this.chance(0.5) ? Sex.MALE : Sex.FEMALE;
        const ageLimit = sex === Sex.MALE && shelter.max_boy_age !== null ? Math.min(oldestChildAge, shelter.max_boy_age) : oldestChildAge;
        members.push(member(sex, this.integer(0, Math.max(0, ageLimit))));
      }
    }
    return members;
  }

  private adultAge(minAge: number): number {
    const band = ADULT_AGE_BANDS[this.weighted(ADULT_AGE_BANDS.map((b) => b.weight))];
    return this.integer(Math.max(minAge, band.from), Math.max(minAge, band.to));
  }

  private otherRegion(home: RegionRow): RegionRow {
    if (this.regions.length === 1) return home;
    const index = this.integer(0, this.regions.length - 2);
    const candidate = this.regions[index];
    return candidate.id === home.id ? this.regions[this.regions.length - 1] : candidate;
  }

  private organisationId(name: string): string {
    let id = this.organisationIds.get(name);
    if (!id) {
      id = randomUUID();
      this.organisationIds.set(name, id);
      this.rows.organisations.push({ id, name });
    }
    return id;
  }

  /** UNIQUE (organisation_id, name): later copies of a location get " 2", " 3", ... */
  private uniqueShelterName(organisationId: string, name: string): string {
    let taken = this.shelterNames.get(organisationId);
    if (!taken) this.shelterNames.set(organisationId, (taken = new Set()));
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = `${name} ${n}`;
    taken.add(candidate);
    return candidate;
  }

  private languages(): string[] {
    const languages = ['nl'];
    if (this.chance(0.85)) languages.push('en');
    const extra = this.integer(0, 3);
    const pool = [...EXTRA_LANGUAGES];
    for (let i = 0; i < extra; i++) languages.push(pool.splice(this.integer(0, pool.length - 1), 1)[0]);
    return languages;
  }

  /** Dutch postcodes never start with 0 and never use the letter pairs SA, SD or SS. */
  private postcode(area: number): string {
    const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
    let pair: string;
    do pair = this.pick([...letters]) + this.pick([...letters]);
    while (pair === 'SA' || pair === 'SD' || pair === 'SS');
    return `${area}${String(this.integer(0, 99)).padStart(2, '0')} ${pair}`;
  }

  private ago(ms: number): string {
    return iso(this.now.getTime() - ms);
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private between(min: number, max: number): number {
    return min + this.random() * (max - min);
  }

  private integer(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Index drawn in proportion to its weight. */
  private weighted(weights: readonly number[]): number {
    const total = weights.reduce((sum, w) => sum + w, 0);
    let r = this.random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  private weightedKey<K extends string>(weights: Partial<Record<K, number>>): K {
    const entries = Object.entries(weights) as Array<[K, number]>;
    return entries[this.weighted(entries.map(([, w]) => w))][0];
  }
}

interface PlacedUnit {
  place: PlaceRow;
  shelter: ShelterRow;
  region: RegionRow;
  category: PlaceCategory;
}

function member(sex: Sex, age: number): Omit<StayMemberRow, 'stay_id'> {
  return { sex, age, age_band: ageBandOf(age), is_child: age < 18 };
}


function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * FK order: a stay must exist before the place that points at it, the place before its links.
 * The demo actor 'demo' marks every claim and stay written here, so demo data stays recognisable.
 */
async function insertAll(manager: EntityManager, rows: DemoRows): Promise<void> {
  await insertChunks(
    manager,
    `INSERT INTO organisation (id, name)
     SELECT r.id, r.name FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text)`,
    rows.organisations,
  );
  await insertChunks(
    manager,
    `INSERT INTO shelter (id, organisation_id, region_id, name, categories, intake_phone, meeting_instructions,
       admitted_sexes, min_age, max_age, max_boy_age, wheelchair_accessible, pets_allowed, languages,
       address_street, address_postcode, address_city, latitude, longitude,
       locality_name, locality_latitude, locality_longitude, status_confirmed_at)
     SELECT r.id, r.organisation_id, r.region_id, r.name, r.categories, r.intake_phone, r.meeting_instructions,
       r.admitted_sexes, r.min_age, r.max_age, r.max_boy_age, r.wheelchair_accessible, r.pets_allowed, r.languages,
       r.address_street, r.address_postcode, r.address_city, r.latitude, r.longitude,
       r.locality_name, r.locality_latitude, r.locality_longitude, r.status_confirmed_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, organisation_id uuid, region_id uuid, name text,
       categories place_category[], intake_phone text, meeting_instructions text, admitted_sexes sex[],
       min_age int, max_age int, max_boy_age int, wheelchair_accessible boolean, pets_allowed boolean,
       languages text[], address_street text, address_postcode text, address_city text,
       latitude double precision, longitude double precision, locality_name text,
       locality_latitude double precision, locality_longitude double precision, status_confirmed_at timestamptz)`,
    rows.shelters,
  );
  await insertChunks(
    manager,
    `INSERT INTO claim (id, status, shelter_id, household_size, beds, expires_at, claimed_by, claimed_by_role,
       created_at, ended_at, end_reason)
     SELECT r.id, 'ADMITTED', r.shelter_id, r.household_size, r.beds, r.expires_at, 'demo', 'INTAKE',
       r.created_at, r.ended_at, 'admitted'
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shelter_id uuid, household_size int, beds int,
       created_at timestamptz, expires_at timestamptz, ended_at timestamptz)`,
    rows.claims,
  );
  await insertChunks(
    manager,
    `INSERT INTO stay (id, claim_id, status, shelter_id, region_id, category, origin_region_id, referrer_type,
       household_size, adults, children, admitted_at, admitted_by, admitted_region_id, admitted_shelter_id, admitted_category)
     SELECT r.id, r.claim_id, 'ACTIVE', r.shelter_id, r.region_id, r.category, r.origin_region_id, r.referrer_type,
       r.household_size, r.adults, r.children, r.admitted_at, 'demo', r.region_id, r.shelter_id, r.category
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, claim_id uuid, shelter_id uuid, region_id uuid,
       category place_category, origin_region_id uuid, referrer_type text, household_size int, adults int,
       children int, admitted_at timestamptz)`,
    rows.stays,
  );
  await insertChunks(
    manager,
    `INSERT INTO place (id, shelter_id, category, label, beds, status, status_changed_at, national_reserve,
       out_of_service_reason, stay_id)
     SELECT r.id, r.shelter_id, r.category, r.label, r.beds, r.status, r.status_changed_at, r.national_reserve,
       r.out_of_service_reason, r.stay_id
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, shelter_id uuid, category place_category, label text,
       beds int, status place_status, status_changed_at timestamptz, national_reserve boolean,
       out_of_service_reason text, stay_id uuid)`,
    rows.places,
  );
  await insertChunks(
    manager,
    `INSERT INTO claim_place (claim_id, place_id)
     SELECT r.claim_id, r.place_id FROM jsonb_to_recordset($1::jsonb) AS r(claim_id uuid, place_id uuid)`,
    rows.claimPlaces,
  );
  await insertChunks(
    manager,
    `INSERT INTO stay_place (stay_id, place_id, from_at)
     SELECT r.stay_id, r.place_id, r.from_at
     FROM jsonb_to_recordset($1::jsonb) AS r(stay_id uuid, place_id uuid, from_at timestamptz)`,
    rows.stayPlaces,
  );
  await insertChunks(
    manager,
    `INSERT INTO stay_member (stay_id, sex, age, age_band, is_child)
     SELECT r.stay_id, r.sex, r.age, r.age_band, r.is_child
     FROM jsonb_to_recordset($1::jsonb) AS r(stay_id uuid, sex sex, age int, age_band age_band, is_child boolean)`,
    rows.stayMembers,
  );
}

async function insertChunks(manager: EntityManager, sql: string, rows: readonly object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK_ROWS) {
    await manager.query(sql, [JSON.stringify(rows.slice(start, start + INSERT_CHUNK_ROWS))]);
  }
}
