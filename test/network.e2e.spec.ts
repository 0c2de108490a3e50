import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { errorCode, startTestService, TestService } from './support/service.js';

const AVAILABILITY = `query Availability($regionIds: [ID!], $categories: [PlaceCategory!]) {
  availability(regionIds: $regionIds, categories: $categories) {
    regionId category placesTotal available held occupied outOfService freeBeds largestHouseholdAdmissible updatedAt stale
  }
}`;

const SET_STATUS = `mutation Set($input: SetPlaceStatusInput!) {
  setPlaceStatus(input: $input) { id status version outOfServiceReason }
}`;

describe('network: availability, upkeep, secret addresses', () => {
  let t: TestService;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    coordinator = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());

  async function somePlace(status = 'AVAILABLE') {
    const { rows } = await t.db.pool.query(
      `SELECT p.id, p.shelter_id, p.version, s.region_id, p.category FROM place p JOIN shelter s ON s.id = p.shelter_id
        WHERE p.status = $1 ORDER BY p.id LIMIT 1`,
      [status],
    );
    return rows[0] as { id: string; shelter_id: string; version: number; region_id: string; category: string };
  }

  it('returns one row per region and category, adding up to the places in the database per status', async () => {
    const res = await t.gql(AVAILABILITY, {}, coordinator);
    expect(res.errors).toBeUndefined();
    const rows = res.data!.availability as Record<string, number>[];
    const { rows: [{ regions }] } = await t.db.pool.query(`SELECT count(*)::int AS regions FROM region`);
    expect(regions).toBe(35);
    expect(rows).toHaveLength(35 * 7);

    const { rows: counts } = await t.db.pool.query(
      `SELECT status::text, count(*)::int AS n, sum(beds)::int AS beds FROM place GROUP BY status`,
    );
    const inDb = Object.fromEntries(counts.map((c) => [c.status, c.n]));
    const sum = (key: string) => rows.reduce((acc, r) => acc + r[key], 0);
    expect(sum('placesTotal')).toBe(counts.reduce((acc, c) => acc + c.n, 0));
    expect(sum('available')).toBe(inDb.AVAILABLE ?? 0);
    expect(sum('held')).toBe(inDb.HELD ?? 0);
    expect(sum('occupied')).toBe(inDb.OCCUPIED ?? 0);
    expect(sum('outOfService')).toBe(inDb.OUT_OF_SERVICE ?? 0);
    expect(sum('freeBeds')).toBe(counts.find((c) => c.status === 'AVAILABLE')?.beds ?? 0);
    for (const row of rows) {
      expect(row.placesTotal).toBe(row.available + row.held + row.occupied + row.outOfService);
    }
  });

  it('reports the largest free unit of a row', async () => {
    const place = await somePlace();
    const { rows: [{ largest }] } = await t.db.pool.query(
      `SELECT max(p.beds)::int AS largest FROM place p JOIN shelter s ON s.id = p.shelter_id
        WHERE s.region_id = $1 AND p.category = $2 AND p.status = 'AVAILABLE'`,
      [place.region_id, place.category],
    );
    const res = await t.gql(AVAILABILITY, { regionIds: [place.region_id], categories: [place.category] }, coordinator);
    expect(res.data!.availability).toHaveLength(1);
    expect(res.data!.availability[0].largestHouseholdAdmissible).toBe(largest);
  });

  it('marks a row stale once a shelter in it has not confirmed its status for 24 hours, and fresh after confirming', async () => {
    const place = await somePlace();
    await t.db.pool.query(`UPDATE shelter SET status_confirmed_at = now() WHERE region_id = $1`, [place.region_id]);
    const before = await t.gql(AVAILABILITY, { regionIds: [place.region_id], categories: [place.category] }, coordinator);
    expect(before.data!.availability[0].stale).toBe(false);

    await t.db.pool.query(`UPDATE shelter SET status_confirmed_at = now() - interval '25 hours' WHERE id = $1`, [place.shelter_id]);
    const stale = await t.gql(AVAILABILITY, { regionIds: [place.region_id], categories: [place.category] }, coordinator);
    expect(stale.data!.availability[0].stale).toBe(true);

    const intake = await t.token({ role: Role.INTAKE, shelterIds: [place.shelter_id] });
    const confirmed = await t.gql(
      `mutation($id: ID!) { confirmShelterStatus(shelterId: $id) { id statusConfirmedAt } }`,
      { id: place.shelter_id },
      intake,
    );
    expect(confirmed.errors).toBeUndefined();
    const fresh = await t.gql(AVAILABILITY, { regionIds: [place.region_id], categories: [place.category] }, coordinator);
    expect(fresh.data!.availability[0].stale).toBe(false);
  });

  it('takes a place out of service and back with the current version', async () => {
    const place = await somePlace();
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [place.shelter_id] });
    const out = await t.gql(SET_STATUS, {
      input: { placeId: place.id, status: 'OUT_OF_SERVICE', reason: 'water damage', expectedVersion: place.version },
    }, intake);
    expect(out.errors).toBeUndefined();
    expect(out.data!.setPlaceStatus).toEqual({
      id: place.id, status: 'OUT_OF_SERVICE', version: place.version + 1, outOfServiceReason: 'water damage',
    });
    const back = await t.gql(SET_STATUS, {
      input: { placeId: place.id, status: 'AVAILABLE', reason: 'repaired', expectedVersion: place.version + 1 },
    }, intake);
    expect(back.data!.setPlaceStatus.status).toBe('AVAILABLE');
    const { rows } = await t.db.pool.query(
      `SELECT action, status_before, status_after FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [place.id],
    );
    expect(rows).toEqual([
      { action: 'place.status_set', status_before: 'AVAILABLE', status_after: 'OUT_OF_SERVICE' },
      { action: 'place.status_set', status_before: 'OUT_OF_SERVICE', status_after: 'AVAILABLE' },
    ]);
  });

  it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const place = await somePlace();
    const before = (await t.db.pool.query(`SELECT status, version, status_changed_at FROM place WHERE id = $1`, [place.id])).rows[0];
    const auditsBefore = (await t.db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action <> 'graphql.mutation'`)).rows[0].n;
    const res = await t.gql(SET_STATUS, {
      input: { placeId: place.id, status: 'OUT_OF_SERVICE', reason: 'repairs', expectedVersion: place.version - 1 || 99 },
    }, coordinator);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].extensions!.currentVersion).toBe(place.version);
    const after = (await t.db.pool.query(`SELECT status, version, status_changed_at FROM place WHERE id = $1`, [place.id])).rows[0];
    expect(after).toEqual(before);
    const auditsAfter = (await t.db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE action <> 'graphql.mutation'`)).rows[0].n;
    expect(auditsAfter).toBe(auditsBefore);
  });

  it('refuses to set an OCCUPIED place out of service: that is not an upkeep transition', async () => {
    const place = await somePlace('OCCUPIED');
    const res = await t.gql(SET_STATUS, {
      input: { placeId: place.id, status: 'OUT_OF_SERVICE', reason: 'x', expectedVersion: place.version },
    }, coordinator);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/is OCCUPIED/);
  });

  it('forbids intake staff from changing another shelter\'s place', async () => {
    const place = await somePlace();
    const { rows: [other] } = await t.db.pool.query(`SELECT id FROM shelter WHERE id <> $1 LIMIT 1`, [place.shelter_id]);
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [other.id] });
    const res = await t.gql(SET_STATUS, {
      input: { placeId: place.id, status: 'OUT_OF_SERVICE', reason: 'x', expectedVersion: place.version },
    }, intake);
    expect(errorCode(res)).toBe('FORBIDDEN');
  });

  it.each([
    ['an unknown enum value', { status: 'DEMOLISHED' }],
    ['an empty reason', { reason: '   ' }],
    ['a 10 kB reason', { reason: 'x'.repeat(10_240) }],
    ['a malformed id', { placeId: 'not-a-uuid' }],
    ['a version below 1', { expectedVersion: -3 }],
    ['a version of the wrong type', { expectedVersion: 'one' }],
  ])('answers %s with BAD_USER_INPUT', async (_, override) => {
    const place = await somePlace();
    const input = { placeId: place.id, status: 'OUT_OF_SERVICE', reason: 'ok', expectedVersion: place.version, ...override };
    const res = await t.gql(SET_STATUS, { input }, coordinator);
    expect(res.status).toBeLessThan(500);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('answers negative beds and unknown categories in createPlaces with BAD_USER_INPUT', async () => {
    const admin = await t.token({ role: Role.ADMIN });
    const place = await somePlace();
    const mutation = `mutation($input: CreatePlacesInput!) { createPlaces(input: $input) { id } }`;
    const negative = await t.gql(mutation, { input: { shelterId: place.shelter_id, places: [{ category: place.category, label: 'N-1', beds: -2 }] } }, admin);
    expect(errorCode(negative)).toBe('BAD_USER_INPUT');
    expect(negative.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: 'places.0.beds' })]);
    const literal = await t.gql(`mutation { createPlaces(input: {shelterId: "${place.shelter_id}", places: [{category: CASTLE, label: "x", beds: 2}]}) { id } }`, {}, admin);
    expect(errorCode(literal)).toBe('BAD_USER_INPUT');
  });

  it('requires a token: UNAUTHENTICATED without one or with a bad one', async () => {
    const none = await t.gql(AVAILABILITY, {});
    expect(errorCode(none)).toBe('UNAUTHENTICATED');
    const forged = await t.gql(AVAILABILITY, {}, `${coordinator.slice(0, -4)}AAAA`);
    expect(errorCode(forged)).toBe('UNAUTHENTICATED');
    const expired = await t.token({ role: Role.COORDINATOR }, Math.floor(Date.now() / 1000) - 3600);
    const late = await t.gql(AVAILABILITY, {}, expired);
    expect(errorCode(late)).toBe('UNAUTHENTICATED');
    expect(late.errors![0].message).toMatch(/expired/);
  });

  describe('the secret address', () => {
    const SHELTER = `query($id: ID!) { shelter(id: $id) { id name address { street postcode city } location { latitude longitude } places { id } } }`;

    it.each([
      ['a REFERRER', { role: Role.REFERRER, referrerType: 'POLICE' }],
      ['a MUNICIPALITY', { role: Role.MUNICIPALITY }],
      ['INTAKE of another shelter', { role: Role.INTAKE, shelterIds: ['00000000-0000-4000-8000-000000000000'] }],
    ])('is null for %s', async (_, claims) => {
      const place = await somePlace();
      const token = await t.token(claims as never);
      const res = await t.gql(SHELTER, { id: place.shelter_id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.shelter.address).toBeNull();
      expect(res.data!.shelter.location).toBeNull();
      expect(res.data!.shelter.places.length).toBeGreaterThan(0);
    });

    it('is null through nested paths and aliases too', async () => {
      const token = await t.token({ role: Role.REFERRER, referrerType: 'VEILIG_THUIS' } as never);
      const res = await t.gql(`{ shelters(first: 100) { nodes { a: address { street } b: location { latitude } } } regions { shelters(first: 10) { c: address { city } } } }`, {}, token);
      expect(res.errors).toBeUndefined();
      const shelters = [...res.data!.shelters.nodes, ...res.data!.regions.flatMap((r: { shelters: unknown[] }) => r.shelters)];
      expect(shelters.length).toBeGreaterThan(50);
      expect(shelters.every((s: { a?: unknown; b?: unknown; c?: unknown }) => !s.a && !s.b && !s.c)).toBe(true);
    });

    it('is present for the shelter\'s own intake and for a coordinator', async () => {
      const place = await somePlace();
      const { rows: [secret] } = await t.db.pool.query(
        `SELECT address_street AS street, address_postcode AS postcode, address_city AS city FROM shelter WHERE id = $1`,
        [place.shelter_id],
      );
      for (const token of [await t.token({ role: Role.INTAKE, shelterIds: [place.shelter_id] }), coordinator]) {
        const res = await t.gql(SHELTER, { id: place.shelter_id }, token);
        expect(res.data!.shelter.address).toEqual(secret);
        expect(typeof res.data!.shelter.location.latitude).toBe('number');
      }
    });
  });

  it('costs a constant number of queries for nested lists (DataLoader), whatever the number of shelters', async () => {
    const queries = async () => {
      const res = await request(t.service.url).get('/metrics');
      return Number(/^opvangnet_db_queries_total (\d+)/m.exec(res.text)![1]);
    };
    const nested = `{ shelters(first: 100) { nodes { organisation { name } region { code } places(first: 20) { id status shelter { id } } } } }`;
    const before = await queries();
    const res = await t.gql(nested, {}, coordinator);
    expect(res.errors).toBeUndefined();
    const used = (await queries()) - before;
    // a page of shelters, organisations, regions, places, shelters: one each.
    expect(used).toBeLessThanOrEqual(6);
  });
});
