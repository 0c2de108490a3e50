import { GraphQLSchemaHost } from '@nestjs/graphql';
import { execute, parse } from 'graphql';
import { Role } from '../src/common/enums.js';
import { ClaimExpirySweeper } from '../src/placement/claim-expiry.sweeper.js';
import { CLAIM, createShelter, ShelterFixture } from './support/fixtures.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { errorCode, startTestService, TestService } from './support/service.js';
import { subscribe, wsClient } from './support/ws.js';

const AVAILABILITY_CHANGED = `subscription($regionIds: [ID!], $categories: [PlaceCategory!]) {
  availabilityChanged(regionIds: $regionIds, categories: $categories) { regionId category available held placesTotal }
}`;

interface Row {
  regionId: string;
  category: string;
  available: number;
  held: number;
  placesTotal: number;
}

describe('live availability across two service instances', () => {
  let db: TestDatabase;
  let a: TestService;
  let b: TestService;
  let shelter: ShelterFixture;
  let coordinator: string;
  const clients: ReturnType<typeof wsClient>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two instances on one database, each with its own LISTEN connection and in-process fan-out.
    a = await startTestService({ db });
    b = await startTestService({ db });
    shelter = await createShelter(b, { category: 'SAFE_HOUSE', places: 4, beds: 3, regionCode: 'zwolle' });
    coordinator = await a.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await a.close();
    await b.close();
    await db.drop();
  });

  function client(token?: string) {
    const c = wsClient(a.service.url, token);
    clients.push(c);
    return c;
  }

  it('pushes the new row to a subscriber on instance A when a claim commits on instance B', async () => {
    const sub = await subscribe<Row>(client(coordinator), AVAILABILITY_CHANGED, { regionIds: [shelter.regionId], categories: ['SAFE_HOUSE'] });
    const claimed = await b.gql(CLAIM, { input: { placeIds: [shelter.placeIds[0]], householdSize: 2 } }, coordinator);
    expect(claimed.errors).toBeUndefined();
    const row = await sub.next();
    expect(row).toEqual({ regionId: shelter.regionId, category: 'SAFE_HOUSE', available: 3, held: 1, placesTotal: 4 });
  });

  it('pushes nothing for a claim that failed', async () => {
    const sub = await subscribe<Row>(client(coordinator), AVAILABILITY_CHANGED, { regionIds: [shelter.regionId] });
    const refused = await b.gql(CLAIM, { input: { placeIds: [shelter.placeIds[0]], householdSize: 1 } }, coordinator);
    expect(errorCode(refused)).toBe('CONFLICT');
    const tooBig = await b.gql(CLAIM, { input: { placeIds: [shelter.placeIds[1]], householdSize: 9 } }, coordinator);
    expect(errorCode(tooBig)).toBe('BAD_USER_INPUT');
    expect(await sub.quiet(700)).toBe(true);
    // A later successful change is the first thing the subscriber sees.
    await b.gql(CLAIM, { input: { placeIds: [shelter.placeIds[2]], householdSize: 1 } }, coordinator);
    expect(await sub.next()).toMatchObject({ available: 2, held: 2 });
    expect(sub.received).toHaveLength(1);
  });

  it('filters by the subscribed regions and categories', async () => {
    const elsewhere = await subscribe<Row>(client(coordinator), AVAILABILITY_CHANGED, { categories: ['MEN'] });
    await b.gql(CLAIM, { input: { placeIds: [shelter.placeIds[3]], householdSize: 1 } }, coordinator);
    expect(await elsewhere.quiet(700)).toBe(true);
  });

  it('delivers on both instances, each subscriber in its own shape, equal to what the availability query gives', async () => {
    const region = await createShelter(b, { category: 'CRISIS', places: 2, beds: 2, regionCode: 'groningen' });
    const intake = await b.token({ role: Role.INTAKE, shelterIds: [region.shelterId] });
    const shaped = `subscription S($r: [ID!], $withBeds: Boolean!) {
      row: availabilityChanged(regionIds: $r, categories: [CRISIS]) { where: regionId ...Counts beds: freeBeds @include(if: $withBeds) }
    } fragment Counts on AvailabilityRow { free: available held }`;
    const plain = `subscription($r: [ID!]) { availabilityChanged(regionIds: $r) { category available placesTotal } }`;
    const onA = await subscribe<Record<string, unknown>>(client(coordinator), shaped, { r: [region.regionId], withBeds: true });
    const onAPlain = await subscribe<Record<string, unknown>>(client(coordinator), shaped, { r: [region.regionId], withBeds: false });
    const bClient = wsClient(b.service.url, intake);
    clients.push(bClient);
    const onB = await subscribe<Record<string, unknown>>(bClient, plain, { r: [region.regionId] });
    // Many watchers of the same row on one instance share one execution, and all still get it.
    const crowd = await Promise.all(Array.from({ length: 20 }, () => subscribe<Record<string, unknown>>(client(coordinator), plain, { r: [region.regionId] })));
    const elsewhere = await subscribe<Record<string, unknown>>(client(coordinator), plain, { r: [shelter.regionId] });

    await a.gql(CLAIM, { input: { placeIds: [region.placeIds[0]], householdSize: 1 } }, coordinator);
    const expectedShaped = { where: region.regionId, free: 1, held: 1, beds: 2 };
    expect(await onA.next()).toEqual(expectedShaped);
    expect(await onAPlain.next()).toEqual({ where: region.regionId, free: 1, held: 1 });
    expect(await onB.next()).toEqual({ category: 'CRISIS', available: 1, placesTotal: 2 });
    for (const sub of crowd) expect(await sub.next()).toEqual({ category: 'CRISIS', available: 1, placesTotal: 2 });
    expect(await elsewhere.quiet(500)).toBe(true);

    // The normal execution path (a query) with the same selection gives the same row.
    const queried = await a.gql(
      `query Q($r: [ID!], $withBeds: Boolean!) { row: availability(regionIds: $r, categories: [CRISIS]) { where: regionId ...Counts beds: freeBeds @include(if: $withBeds) } }
       fragment Counts on AvailabilityRow { free: available held }`,
      { r: [region.regionId], withBeds: true },
      coordinator,
    );
    expect(queried.data?.row).toEqual([expectedShaped]);
  });

  it('shares availabilityChanged results only because executing a row reads nothing of the subscriber', async () => {
    // shared-execution.ts executes a row once per query text and gives the result to everyone: sound
    // only while nothing under the field reads the context (principal, loaders, ...). Apollo's
    // instrumentation looks up its own symbols, which graphql-ws contexts do not have.
    const schema = a.service.app.get(GraphQLSchemaHost).schema;
    const touched: PropertyKey[] = [];
    const contextValue = new Proxy({}, { get: (_target, key) => (touched.push(key), undefined) });
    const document = parse(`subscription { availabilityChanged { regionId category placesTotal available held occupied outOfService freeBeds largestHouseholdAdmissible stale updatedAt } }`);
    const row = {
      regionId: shelter.regionId, category: 'CRISIS', placesTotal: 3, available: 1, held: 1, occupied: 1, outOfService: 0,
      freeBeds: 2, largestHouseholdAdmissible: 2, stale: false, updatedAt: new Date('2026-01-01T00:00:00Z'),
    };
    const result = await execute({ schema, document, rootValue: row, contextValue });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ availabilityChanged: { ...row, updatedAt: '2026-01-01T00:00:00.000Z' } });
    const apollo = (k: PropertyKey) => typeof k === 'symbol' && String(k.description).startsWith('apolloServer');
    expect(touched.filter((k) => !apollo(k)).map(String)).toEqual([]);
  });

  it('tells a shelter\'s intake which of its places changed, and refuses another shelter\'s intake', async () => {
    const other = await createShelter(b, { places: 1 });
    const intake = await a.token({ role: Role.INTAKE, shelterIds: [other.shelterId] });
    const query = `subscription($id: ID!) { shelterPlacesChanged(shelterId: $id) { shelterId places { id status label } } }`;
    const own = await subscribe<{ shelterId: string; places: { id: string; status: string }[] }>(client(intake), query, { id: other.shelterId });
    await b.gql(CLAIM, { input: { placeIds: other.placeIds, householdSize: 1 } }, intake);
    // On a busy machine the announcement of the shelter's new place may still arrive first.
    let event = await own.next();
    if (event.places[0]?.status === 'AVAILABLE') event = await own.next();
    expect(event).toEqual({ shelterId: other.shelterId, places: [{ id: other.placeIds[0], status: 'HELD', label: 'P-001' }] });

    const foreign = await subscribe(client(intake), query, { id: shelter.shelterId });
    await new Promise((r) => setTimeout(r, 200));
    expect(JSON.stringify(foreign.errors)).toMatch(/FORBIDDEN/);
  });

  it('closes a socket without a valid token in connection_init', async () => {
    const anonymous = client();
    const sub = await subscribe(anonymous, AVAILABILITY_CHANGED);
    await new Promise((r) => setTimeout(r, 300));
    expect(sub.received).toEqual([]);
    expect(anonymous.closedWith()).toBe(4403);
  });

  it('closes a socket when its token expires', async () => {
    const shortLived = await a.token({ role: Role.COORDINATOR }, '1s');
    const c = client(shortLived);
    await subscribe(c, AVAILABILITY_CHANGED);
    const deadline = Date.now() + 5000;
    while (c.closedWith() === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(c.closedWith()).toBe(4401);
  });

  it('expires each lapsed hold exactly once when both instances sweep at the same time', async () => {
    const many = await createShelter(b, { places: 30, beds: 1, regionCode: 'arnhem' });
    const claims = await Promise.all(many.placeIds.map((id) => b.gql(CLAIM, { input: { placeIds: [id], householdSize: 1 } }, coordinator)));
    const ids = claims.map((c) => c.data!.claimPlace.id);
    await db.pool.query(`UPDATE claim SET expires_at = now() - interval '1 second' WHERE id = ANY($1)`, [ids]);
    await db.pool.query(`UPDATE place SET held_until = now() - interval '1 second' WHERE claim_id = ANY($1)`, [ids]);

    const sweepers = [a, b].map((instance) => instance.service.app.get(ClaimExpirySweeper));
    const counts = await Promise.all(sweepers.map((s) => s.sweep()));
    expect(counts.reduce((x, y) => x + y, 0)).toBe(30);

    const { rows: [audits] } = await db.pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS claims FROM audit_event WHERE action = 'claim.expired' AND entity_id = ANY($1)`,
      [ids],
    );
    expect(audits).toEqual({ n: 30, claims: 30 });
    const { rows: [places] } = await db.pool.query(`SELECT count(*)::int AS n FROM place WHERE id = ANY($1) AND status = 'AVAILABLE'`, [many.placeIds]);
    expect(places.n).toBe(30);
  });
});
