import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { createShelter, ShelterFixture } from './support/fixtures.js';
import { errorCode, startTestService, TestService } from './support/service.js';
import { wsClient } from './support/ws.js';

/**
 * Who sees how much of a request, at every moment: other regions' intake only what it needs to
 * offer a place; subscriptions lose access when queries would; ownership needs role and
 * organisation, not just a matching `sub`.
 */
const CREATE = `mutation Create($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id } }`;
const READ = `query($id: ID!) { placementRequest(id: $id) {
  id status urgency householdSize categories needs { wheelchair } residenceStatus referrerType avoidRegionIds preferredRegionIds
  risk { level honourRelated perpetratorNetwork firearmAccess instrument }
  household { sex age ageBand isChild } timeline { kind actor } } }`;

describe('request access, minimisation and ownership', () => {
  let t: TestService;
  let utrecht: ShelterFixture;
  let amsterdam: ShelterFixture;
  let police: string;
  let requestInput: (overrides?: Record<string, unknown>) => Record<string, unknown>;

  beforeAll(async () => {
    t = await startTestService();
    utrecht = await createShelter(t, { regionCode: 'utrecht', places: 3, beds: 3, name: 'Utrecht crisis' });
    amsterdam = await createShelter(t, { regionCode: 'amsterdam', places: 3, beds: 3, name: 'Amsterdam crisis' });
    police = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-utrecht', sub: 'officer-1' });
    const { rows } = await t.db.pool.query(`SELECT id, code FROM region WHERE code IN ('utrecht', 'zwolle')`);
    const region = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    requestInput = (overrides = {}) => ({
      urgency: 'WITHIN_24H',
      risk: { level: 'MEDIUM', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: true, policeCoDecision: false, instrument: 'RiHG', score: '7' },
      household: [{ sex: 'FEMALE', age: 31 }, { sex: 'MALE', age: 9 }],
      homeRegionId: utrecht.regionId,
      avoidRegionIds: [region.zwolle],
      preferredRegionIds: [],
      residenceStatus: 'B8/3',
      consentToShare: true,
      clientReference: 'POL-UTR-77',
      ...overrides,
    });
  });
  afterAll(async () => t.close());

  async function file(token = police, overrides: Record<string, unknown> = {}): Promise<string> {
    const res = await t.gql(CREATE, { input: requestInput(overrides) }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.createPlacementRequest.id;
  }

  it('other regions\' intake read an open request without risk details, exact ages, avoided regions, residence status or people', async () => {
    const id = await file();
    const elsewhere = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], organisationId: 'blijf-groep', sub: 'intake-ams' });
    const searching = await t.token({ role: Role.INTAKE, shelterIds: [utrecht.shelterId], organisationId: 'utrecht-org', sub: 'intake-utr' });

    const other = await t.gql(READ, { id }, elsewhere);
    expect(other.errors).toBeUndefined();
    expect(other.data!.placementRequest).toEqual({
      id, status: 'OPEN', urgency: 'WITHIN_24H', householdSize: 2, categories: ['CRISIS'], needs: { wheelchair: false },
      residenceStatus: null, referrerType: null, avoidRegionIds: null, preferredRegionIds: null, risk: null,
      household: [{ sex: 'FEMALE', age: null, ageBand: '31-40', isChild: false }, { sex: 'MALE', age: null, ageBand: '0-17', isChild: true }],
      timeline: [{ kind: 'CREATED', actor: null }],
    });

    const full = await t.gql(READ, { id }, searching);
    expect(full.data!.placementRequest).toMatchObject({
      residenceStatus: 'B8/3', referrerType: 'POLICE', avoidRegionIds: [expect.any(String)], preferredRegionIds: [],
      risk: { level: 'MEDIUM', perpetratorNetwork: false, firearmAccess: true, instrument: 'RiHG' },
      household: [{ age: 31 }, { age: 9 }],
      timeline: [{ kind: 'CREATED', actor: 'officer-1' }],
    });
  });

  it('a subscription of another region\'s intake ends with FORBIDDEN when the request is claimed elsewhere, without its data', async () => {
    const id = await file();
    const elsewhere = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], sub: 'intake-ams-2' });
    const client = wsClient(t.service.url, elsewhere);
    const events: { data?: unknown; errors?: { extensions?: { code?: string } }[] }[] = [];
    let completed!: () => void;
    const done = new Promise<void>((resolve) => (completed = resolve));
    client.subscribe(
      { query: `subscription($id: ID!) { placementRequestUpdated(id: $id) { id status claimId household { sex age } } }`, variables: { id } },
      { next: (value) => void events.push(value as never), error: (err) => { events.push({ errors: [err as never] }); completed(); }, complete: () => completed() },
    );
    await new Promise((r) => setTimeout(r, 200));

    const intake = await t.token({ role: Role.INTAKE, shelterIds: [utrecht.shelterId], sub: 'intake-utr-2' });
    const claimed = await t.gql(`mutation($input: ClaimForRequestInput!) { claimForRequest(input: $input) { status claimId } }`,
      { input: { requestId: id, placeIds: [utrecht.placeIds[0]] } }, intake);
    expect(claimed.data!.claimForRequest.status).toBe('CLAIMED');

    let timer: NodeJS.Timeout | undefined;
    await Promise.race([done, new Promise((_, fail) => (timer = setTimeout(() => fail(new Error('subscription did not end')), 5000)))]);
    clearTimeout(timer);
    // On a busy machine the filing's own OPEN update (which this intake may see, minimised) can
    // reach the subscription after it started; after the claim, nothing but FORBIDDEN.
    const afterFiling = events.filter((e) => (e.data as { placementRequestUpdated?: { status?: string } } | null)?.placementRequestUpdated?.status !== 'OPEN');
    expect(events.length - afterFiling.length).toBeLessThanOrEqual(1);
    expect(afterFiling).toHaveLength(1);
    expect(afterFiling[0].data ?? null).toBeNull();
    expect(afterFiling[0].errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(events)).not.toContain(claimed.data!.claimForRequest.claimId);
    await client.dispose();
  });

  it('a matching sub is not enough to own a request: role and organisation must match too', async () => {
    const id = await file();
    const sameSubAsCoordinator = await t.token({ role: Role.COORDINATOR, sub: 'officer-1' });
    const sameSubAsIntake = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], sub: 'officer-1' });
    const sameSubOtherOrg = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-rotterdam', sub: 'officer-1' });
    const colleague = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-utrecht', sub: 'officer-2' });
    const reference = `query($id: ID!) { placementRequest(id: $id) { clientReference } }`;

    expect((await t.gql(reference, { id }, sameSubAsCoordinator)).data!.placementRequest.clientReference).toBeNull();
    expect((await t.gql(reference, { id }, sameSubAsIntake)).data!.placementRequest.clientReference).toBeNull();
    expect(errorCode(await t.gql(reference, { id }, sameSubOtherOrg))).toBe('NOT_FOUND');
    expect((await t.gql(reference, { id }, colleague)).data!.placementRequest.clientReference).toBe('POL-UTR-77');

    const cancel = `mutation($id: ID!) { cancelPlacementRequest(id: $id) { status } }`;
    expect(errorCode(await t.gql(cancel, { id }, sameSubAsIntake))).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(errorCode(await t.gql(cancel, { id }, sameSubOtherOrg))).toBe('NOT_FOUND');
    expect((await t.gql(cancel, { id }, colleague)).data!.cancelPlacementRequest.status).toBe('CANCELLED');
  });

  it('the timeline carries decline reasons for everyone who reads it, and notes only for the searching parties', async () => {
    const id = await file();
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [utrecht.shelterId], sub: 'intake-utr-3' });
    const claimed = await t.gql(`mutation($input: ClaimForRequestInput!) { claimForRequest(input: $input) { status } }`,
      { input: { requestId: id, placeIds: [utrecht.placeIds[1]] } }, intake);
    expect(claimed.data!.claimForRequest.status).toBe('CLAIMED');
    const declined = await t.gql(`mutation($input: CloseRequestInput!) { declinePlacementRequest(input: $input) { status } }`,
      { input: { requestId: id, reason: 'NEEDS_NOT_MET', note: 'no wheelchair access after all' } }, intake);
    expect(declined.data!.declinePlacementRequest.status).toBe('OPEN');
    const timeline = `query($id: ID!) { placementRequest(id: $id) { timeline { kind reason note } } }`;
    const mine = await t.gql(timeline, { id }, police);
    expect(mine.data!.placementRequest.timeline.find((e: { kind: string }) => e.kind === 'DECLINED'))
      .toEqual({ kind: 'DECLINED', reason: 'NEEDS_NOT_MET', note: 'no wheelchair access after all' });
    const elsewhere = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], sub: 'intake-ams-3' });
    const theirs = await t.gql(timeline, { id }, elsewhere);
    expect(theirs.data!.placementRequest.timeline.find((e: { kind: string }) => e.kind === 'DECLINED'))
      .toEqual({ kind: 'DECLINED', reason: 'NEEDS_NOT_MET', note: null });
  });

  it('an unknown region id is reported on the field that holds it', async () => {
    const res = await t.gql(CREATE, { input: requestInput({ avoidRegionIds: ['00000000-0000-4000-8000-00000000abcd'] }) }, police);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.fields).toEqual([{ field: 'avoidRegionIds', problems: ['no region has this id'] }]);
  });

  it('reasons come in Dutch for a Dutch browser or language: NL, in English otherwise', async () => {
    const id = await file();
    const query = `query($id: ID!, $language: Language) { placementOptions(requestId: $id, language: $language) { options { reasons } excluded { rule description } } }`;
    const english = await t.gql(query, { id }, police);
    expect(english.data!.placementOptions.options[0].reasons[0]).toBe('own region (Utrecht)');
    const dutch = await t.gql(query, { id, language: 'NL' }, police);
    expect(dutch.data!.placementOptions.options[0].reasons[0]).toBe('eigen regio (Utrecht)');
    const header = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${police}`)
      .set('Accept-Language', 'nl-NL,nl;q=0.9,en;q=0.5').send({ query, variables: { id } });
    expect(header.body.data.placementOptions.options[0].reasons).toContain('plek voor 1 volwassene + 1 kind in één unit');
  });

  describe('what other regions\' intake cannot work out (security review)', () => {
    it('trying another shelter\'s place in claimForRequest says only FORBIDDEN, never which hard rule failed', async () => {
      const zwolle = await createShelter(t, { regionCode: 'zwolle', places: 1, beds: 3, name: 'Zwolle crisis' });
      const id = await file(); // avoids Zwolle
      const elsewhere = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], sub: 'intake-ams-probe' });
      const probe = await t.gql(`mutation($input: ClaimForRequestInput!) { claimForRequest(input: $input) { status } }`,
        { input: { requestId: id, placeIds: [zwolle.placeIds[0]] } }, elsewhere);
      expect(errorCode(probe)).toBe('FORBIDDEN');
      expect(JSON.stringify(probe.errors)).not.toMatch(/avoid/i);
    });

    it('placementOptions shows another region\'s intake only its own fitting places, without reasons or exclusions', async () => {
      const id = await file();
      const elsewhere = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], sub: 'intake-ams-options' });
      const res = await t.gql(`query($id: ID!) { placementOptions(requestId: $id, limit: 20) { options { shelterId reasons score } excluded { rule } } }`, { id }, elsewhere);
      expect(res.errors).toBeUndefined();
      expect(res.data!.placementOptions).toEqual({ options: [{ shelterId: amsterdam.shelterId, reasons: [], score: 0 }], excluded: [] });
      const full = await t.gql(`query($id: ID!) { placementOptions(requestId: $id, limit: 20) { options { shelterId reasons } } }`, { id }, police);
      expect(full.data!.placementOptions.options.length).toBeGreaterThan(1);
      expect(full.data!.placementOptions.options[0].reasons.length).toBeGreaterThan(0);
    });

    it('once claimed elsewhere, claiming or declining it again answers NOT_FOUND, not its status', async () => {
      const id = await file();
      const intake = await t.token({ role: Role.INTAKE, shelterIds: [utrecht.shelterId], sub: 'intake-utr-probe' });
      const claimed = await t.gql(`mutation($input: ClaimForRequestInput!) { claimForRequest(input: $input) { status } }`,
        { input: { requestId: id, placeIds: [utrecht.placeIds[2]] } }, intake);
      expect(claimed.data!.claimForRequest.status).toBe('CLAIMED');
      const elsewhere = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], sub: 'intake-ams-status' });
      const again = await t.gql(`mutation($input: ClaimForRequestInput!) { claimForRequest(input: $input) { status } }`,
        { input: { requestId: id, placeIds: [amsterdam.placeIds[0]] } }, elsewhere);
      expect(errorCode(again)).toBe('NOT_FOUND');
      const decline = await t.gql(`mutation($input: CloseRequestInput!) { declinePlacementRequest(input: $input) { status } }`,
        { input: { requestId: id, reason: 'NO_CAPACITY' } }, elsewhere);
      expect(errorCode(decline)).toBe('NOT_FOUND');
      // Release it again for the next tests.
      await t.gql(`mutation($input: CloseRequestInput!) { declinePlacementRequest(input: $input) { status } }`, { input: { requestId: id, reason: 'NO_CAPACITY' } }, intake);
    });

    it('a replayed emergency placement returns nothing to a token of the same sub in another organisation', async () => {
      const input = { risk: requestInput().risk, household: [{ sex: 'FEMALE', age: 30 }], homeRegionId: utrecht.regionId, consentToShare: true, idempotencyKey: 'replay-probe-1' };
      const mutation = `mutation($input: EmergencyPlacementInput!) { requestEmergencyPlacement(input: $input) { request { id } receivingShelter { meetingInstructions } } }`;
      const first = await t.gql(mutation, { input }, police);
      expect(first.errors).toBeUndefined();
      const impostor = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-rotterdam', sub: 'officer-1' });
      const replay = await t.gql(mutation, { input }, impostor);
      expect(errorCode(replay)).toBe('CONFLICT');
      expect(JSON.stringify(replay)).not.toContain(first.data!.requestEmergencyPlacement.request.id);
    });

    it('an out-of-service reason is for the shelter\'s own intake, not for referrers', async () => {
      const admin = await t.token({ role: Role.ADMIN });
      const place = (await t.gql(`query($id: ID!) { shelter(id: $id) { places { id version status } } }`, { id: amsterdam.shelterId }, admin)).data!.shelter.places
        .find((p: { status: string }) => p.status === 'AVAILABLE');
      const set = await t.gql(`mutation($input: SetPlaceStatusInput!) { setPlaceStatus(input: $input) { id } }`,
        { input: { placeId: place.id, status: 'OUT_OF_SERVICE', reason: 'mevrouw K. belde over lekkage', expectedVersion: place.version } }, admin);
      expect(set.errors).toBeUndefined();
      const read = `query($id: ID!) { shelter(id: $id) { places { id outOfServiceReason } } }`;
      const byPolice = (await t.gql(read, { id: amsterdam.shelterId }, police)).data!.shelter.places.find((p: { id: string }) => p.id === place.id);
      expect(byPolice.outOfServiceReason).toBeNull();
      const own = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId] });
      const byIntake = (await t.gql(read, { id: amsterdam.shelterId }, own)).data!.shelter.places.find((p: { id: string }) => p.id === place.id);
      expect(byIntake.outOfServiceReason).toBe('mevrouw K. belde over lekkage');
    });

    it('the audit log records a mutation by its root fields, not by the client\'s operation name', async () => {
      await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${police}`).set('x-request-id', 'req-opname-1')
        .send({ query: `mutation Sluit_Fatima_Yilmaz($id: ID!) { cancelPlacementRequest(id: $id) { status } }`, variables: { id: '00000000-0000-4000-8000-000000000999' } });
      const { rows } = await t.db.pool.query(`SELECT entity_id FROM audit_event WHERE request_id = 'req-opname-1'`);
      expect(rows).toEqual([{ entity_id: 'cancelPlacementRequest' }]);
    });
  });
});
