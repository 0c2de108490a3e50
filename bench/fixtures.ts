import { GraphQLHttpClient } from './support.js';

export interface BenchShelter {
  shelterId: string;
  regionId: string;
  category: string;
  places: Array<{ id: string; version: number }>;
}

/** Region ids by code, e.g. `utrecht`, from the API itself. */
export async function regionIds(gql: GraphQLHttpClient, token: string): Promise<Map<string, string>> {
  const data = await gql.call<{ regions: Array<{ id: string; code: string }> }>(`{ regions { id code } }`, {}, token);
  return new Map(data.regions.map((r) => [r.code, r.id]));
}

/**
 * A fresh organisation and shelter with `places` one-household places, built through the admin
 * API like test/support/fixtures.ts does, so the bench touches only places nobody else uses.
 */
export async function createBenchShelter(
  gql: GraphQLHttpClient,
  adminToken: string,
  options: { name: string; regionId: string; category: string; places: number; beds?: number },
): Promise<BenchShelter> {
  const stamp = `${options.name} ${new Date().toISOString()}`;
  const org = await gql.call<{ createOrganisation: { id: string } }>(
    `mutation($name: String!) { createOrganisation(input: { name: $name }) { id } }`,
    { name: `Bench org: ${stamp}` },
    adminToken,
  );
  const shelter = await gql.call<{ createShelter: { id: string } }>(
    `mutation($input: CreateShelterInput!) { createShelter(input: $input) { id } }`,
    {
      input: {
        organisationId: org.createOrganisation.id,
        regionId: options.regionId,
        name: `Bench shelter: ${stamp}`,
        categories: [options.category],
        intakePhone: '+31 88 000 0000',
        admittedSexes: ['FEMALE', 'MALE', 'X'],
        minAge: 0,
        languages: ['nl', 'en'],
        address: { street: 'Benchstraat 1', postcode: '3511 AA', city: 'Utrecht' },
        latitude: 52.09,
        longitude: 5.12,
        // The public locality must lie within 10 km of the exact location (issue 13).
        locality: { name: 'Benchdorp', latitude: 52.09, longitude: 5.12 },
      },
    },
    adminToken,
  );
  const shelterId = shelter.createShelter.id;
  const created = await gql.call<{ createPlaces: Array<{ id: string; version: number; label: string }> }>(
    `mutation($input: CreatePlacesInput!) { createPlaces(input: $input) { id version label } }`,
    {
      input: {
        shelterId,
        places: Array.from({ length: options.places }, (_, i) => ({
          category: options.category,
          label: `B-${String(i + 1).padStart(3, '0')}`,
          beds: options.beds ?? 4,
        })),
      },
    },
    adminToken,
  );
  // Keep the order of the labels, so place i is the same place in every run.
  const places = [...created.createPlaces].sort((a, b) => a.label.localeCompare(b.label)).map(({ id, version }) => ({ id, version }));
  return { shelterId, regionId: options.regionId, category: options.category, places };
}
