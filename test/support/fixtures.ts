import { Role } from '../../src/common/enums.js';
import { TestService } from './service.js';

export interface ShelterFixture {
  shelterId: string;
  regionId: string;
  placeIds: string[];
}

let counter = 0;

/** A shelter with `places` places of one category, built through the admin API itself. */
export async function createShelter(
  t: TestService,
  options: {
    regionCode?: string;
    category?: string;
    places?: number;
    beds?: number;
    name?: string;
    /** Overrides of the createShelter input (admittedSexes, minAge, maxBoyAge, wheelchairAccessible, ...). */
    shelter?: Record<string, unknown>;
  } = {},
): Promise<ShelterFixture> {
  const admin = await t.token({ role: Role.ADMIN });
  const category = options.category ?? 'CRISIS';
  const { rows: [region] } = await t.db.pool.query(`SELECT id, latitude, longitude FROM region WHERE code = $1`, [options.regionCode ?? 'utrecht']);
  const n = ++counter;
  const org = await t.gql(`mutation($name: String!) { createOrganisation(input: { name: $name }) { id } }`, { name: `Test Org ${n} ${Date.now()}` }, admin);
  if (org.errors) throw new Error(JSON.stringify(org.errors));
  const shelter = await t.gql(
    `mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }`,
    {
      input: {
        organisationId: org.data!.createOrganisation.id,
        regionId: region.id,
        name: options.name ?? `Test shelter ${n}`,
        categories: [category],
        intakePhone: '+31 88 000 0000',
        admittedSexes: ['FEMALE', 'MALE', 'X'],
        minAge: 0,
        languages: ['nl', 'en'],
        address: { street: 'Geheimstraat 1', postcode: '3511 AA', city: 'Utrecht' },
        latitude: region.latitude,
        longitude: region.longitude,
        ...options.shelter,
      },
    },
    admin,
  );
  if (shelter.errors) throw new Error(JSON.stringify(shelter.errors));
  const shelterId = shelter.data!.createShelter.id;
  const count = options.places ?? 3;
  const places = await t.gql(
    `mutation($input: CreatePlacesInput!) { createPlaces(input: $input) { id } }`,
    {
      input: {
        shelterId,
        places: Array.from({ length: count }, (_, i) => ({ category, label: `P-${String(i + 1).padStart(3, '0')}`, beds: options.beds ?? 4 })),
      },
    },
    admin,
  );
  if (places.errors) throw new Error(JSON.stringify(places.errors));
  return { shelterId, regionId: region.id, placeIds: places.data!.createPlaces.map((p: { id: string }) => p.id) };
}

export const CLAIM = `mutation Claim($input: ClaimPlaceInput!) {
  claimPlace(input: $input) { id status householdSize beds expiresAt claimedBy places { id status } }
}`;
export const RELEASE = `mutation Release($input: ReleaseClaimInput!) { releaseClaim(input: $input) { id status endReason } }`;
export const ADMIT = `mutation Admit($input: AdmitInput!) {
  admit(input: $input) { id status category householdSize adults children regionId household { sex age ageBand isChild } }
}`;
export const TRANSFER = `mutation Transfer($input: TransferStayInput!) { transferStay(input: $input) { id status category shelterId } }`;
export const READY = `mutation Ready($input: MarkReadyForOutflowInput!) { markReadyForOutflow(input: $input) { id readyForOutflowAt outflowBlockers } }`;
export const DISCHARGE = `mutation Discharge($input: DischargeInput!) { discharge(input: $input) { id status destination dischargedAt } }`;

/**
 * The invariant of the whole product, checked straight in the database: a place is HELD exactly
 * when one live claim holds it, OCCUPIED exactly when one active stay occupies it, never both.
 */
export async function invariantViolations(t: TestService): Promise<string[]> {
  const { rows } = await t.db.pool.query(`
    WITH holders AS (
      SELECT p.id, p.status, p.claim_id, p.stay_id,
             (SELECT count(*) FROM claim_place cp JOIN claim c ON c.id = cp.claim_id
               WHERE cp.place_id = p.id AND c.status = 'HELD') AS held_claims,
             (SELECT count(*) FROM stay_place sp JOIN stay s ON s.id = sp.stay_id
               WHERE sp.place_id = p.id AND sp.until_at IS NULL AND s.status = 'ACTIVE') AS active_stays
        FROM place p)
    SELECT id, status::text, held_claims::int, active_stays::int FROM holders
     WHERE held_claims + active_stays > 1
        OR (status = 'HELD') <> (held_claims = 1)
        OR (status = 'OCCUPIED') <> (active_stays = 1)`);
  return rows.map((r) => `${r.id}: ${r.status} with ${r.held_claims} held claims and ${r.active_stays} active stays`);
}
