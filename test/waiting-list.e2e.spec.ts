import { Role } from '../src/common/enums.js';
import { ClaimExpirySweeper } from '../src/placement/claim-expiry.sweeper.js';
import { WaitingListService } from '../src/referral/waiting/waiting-list.service.js';
import { ADMIT, CLAIM, createShelter, DISCHARGE, ShelterFixture } from './support/fixtures.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { errorCode, GqlResponse, startTestService, TestService } from './support/service.js';
import { subscribe, wsClient } from './support/ws.js';

/**
 * The waiting list moves by itself: a place freed anywhere is offered to the first request on the
 * list that it fits, live to the shelter and the referrer, and moves on when declined or lapsed.
 * Every test gets its own database so that no other test's waiting requests compete.
 */
const CREATE = `mutation($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id status } }`;
const WAIT = `mutation($id: ID!) { putOnWaitingList(id: $id) { id status waitingPosition { inRegion nationally explanation } } }`;
const OFFERS = `query { placementOffers { id requestId shelterId status expiresAt } }`;
const REQUEST = `query($id: ID!) { placementRequest(id: $id) { status claimId receivingShelter { name intakePhone }
  offers { status declineReason } timeline { kind reason } } }`;
const OFFER_FIELDS = `id requestId shelterId shelterName intakePhone locality category beds status expiresAt claimId`;

interface World {
  db: TestDatabase;
  t: TestService;
  police: string;
  coordinator: string;
  close(): Promise<void>;
}

async function world(instances = 1): Promise<World & { others: TestService[] }> {
  const db = await createTestDatabase();
  // The sweeps are driven by the tests; live rounds run on place changes.
  const env = { CLAIM_SWEEP_INTERVAL_MS: '60000' };
  const t = await startTestService({ db, env });
  const others = await Promise.all(Array.from({ length: instances - 1 }, () => startTestService({ db, env })));
  return {
    db, t, others,
    police: await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-utrecht', sub: 'officer-w' }),
    coordinator: await t.token({ role: Role.COORDINATOR, sub: 'coordinator-w' }),
    async close() {
      await t.close();
      for (const o of others) await o.close();
      await db.drop();
    },
  };
}

function ok(res: GqlResponse): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

/** A shelter whose places are all occupied by one admitted household; returns how to free them. */
async function fullShelter(w: World, options: { places: number; beds: number; shelter?: Record<string, unknown> }) {
  const shelter = await createShelter(w.t, { regionCode: 'utrecht', places: options.places, beds: options.beds, shelter: options.shelter });
  const intake = await w.t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId], sub: `intake-${shelter.shelterId.slice(0, 6)}` });
  const size = options.places * options.beds;
  const claim = ok(await w.t.gql(CLAIM, { input: { placeIds: shelter.placeIds, householdSize: size } }, intake)).claimPlace;
  const household = Array.from({ length: size }, (_, i) => ({ sex: 'FEMALE', age: i === 0 ? 35 : 5 }));
  const stay = ok(await w.t.gql(ADMIT, { input: { claimId: claim.id, household, originRegionId: shelter.regionId } }, intake)).admit;
  return {
    shelter,
    intake,
    free: async () => ok(await w.t.gql(DISCHARGE, { input: { stayId: stay.id, destination: 'INDEPENDENT_HOUSING' } }, intake)),
  };
}

async function waitingRequest(w: World, shelter: ShelterFixture, overrides: Record<string, unknown> = {}) {
  const created = ok(await w.t.gql(CREATE, {
    input: {
      urgency: 'WITHIN_24H',
      risk: { level: 'LOW', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false },
      household: [{ sex: 'FEMALE', age: 33 }, { sex: 'FEMALE', age: 7 }],
      homeRegionId: shelter.regionId, avoidRegionIds: [], preferredRegionIds: [], consentToShare: true,
      ...overrides,
    },
  }, w.police)).createPlacementRequest;
  expect(created.status).toBe('ESCALATED'); // nothing fits now
  return ok(await w.t.gql(WAIT, { id: created.id }, w.police)).putOnWaitingList as { id: string; status: string; waitingPosition: { inRegion: number; nationally: number; explanation: string } };
}

describe('the waiting list', () => {
  it('a household waits; a discharge frees a fitting place; the offer reaches intake and referrer live; accept gives a claim', async () => {
    const w = await world();
    try {
      const { shelter, intake, free } = await fullShelter(w, { places: 1, beds: 3 });
      const waiting = await waitingRequest(w, shelter);
      expect(waiting.status).toBe('WAITING');
      expect(waiting.waitingPosition).toEqual({ inRegion: 1, nationally: 1, explanation: '1st for a crisis place for a household of 2 in your region; 1st nationally' });

      const forIntake = await subscribe<Record<string, string>>(wsClient(w.t.service.url, intake), `subscription { placementOffers { ${OFFER_FIELDS} } }`);
      const forPolice = await subscribe<Record<string, string>>(wsClient(w.t.service.url, w.police), `subscription { placementOffers { ${OFFER_FIELDS} } }`);
      await free();
      const seenByIntake = await forIntake.next(1000);
      const seenByPolice = await forPolice.next(1000);
      expect(seenByIntake).toMatchObject({ requestId: waiting.id, shelterId: shelter.shelterId, status: 'OFFERED', category: 'CRISIS', beds: 3 });
      expect(seenByPolice).toEqual(seenByIntake);
      expect(JSON.stringify(seenByPolice)).not.toMatch(/street|postcode|latitude/i);

      const accepted = ok(await w.t.gql(`mutation($id: ID!) { acceptPlacementOffer(offerId: $id) { status claimId } }`, { id: seenByPolice.id }, w.police)).acceptPlacementOffer;
      expect(accepted.status).toBe('ACCEPTED');
      const request = ok(await w.t.gql(REQUEST, { id: waiting.id }, w.police)).placementRequest;
      expect(request).toMatchObject({ status: 'CLAIMED', claimId: accepted.claimId, receivingShelter: { intakePhone: '+31 88 000 0000' } });
      expect(request.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['WAITING', 'OFFERED', 'OFFER_ACCEPTED', 'CLAIMED']));
      // A second answer to the same offer is refused.
      expect(errorCode(await w.t.gql(`mutation($id: ID!) { acceptPlacementOffer(offerId: $id) { status } }`, { id: seenByPolice.id }, w.police))).toBe('CONFLICT');
    } finally {
      await w.close();
    }
  });

  it('decline moves the place to the next in line; the one who declined keeps waiting and is not offered it again', async () => {
    const w = await world();
    try {
      const { shelter, free } = await fullShelter(w, { places: 1, beds: 3 });
      const first = await waitingRequest(w, shelter);
      const second = await waitingRequest(w, shelter);
      expect(second.waitingPosition.inRegion).toBe(2);
      await free();
      const offersNow = async () => ok(await w.t.gql(OFFERS, {}, w.coordinator)).placementOffers as { id: string; requestId: string; status: string }[];
      await waitFor(async () => (await offersNow()).length === 1);
      const [offer] = await offersNow();
      expect(offer.requestId).toBe(first.id);
      ok(await w.t.gql(`mutation($input: DeclineOfferInput!) { declinePlacementOffer(input: $input) { status } }`,
        { input: { offerId: offer.id, reason: 'CLIENT_DECLINED', note: 'wants to stay near her mother' } }, w.police));
      await waitFor(async () => (await offersNow()).some((o) => o.requestId === second.id));
      expect((await offersNow()).map((o) => o.requestId)).toEqual([second.id]);
      const firstNow = ok(await w.t.gql(REQUEST, { id: first.id }, w.police)).placementRequest;
      expect(firstNow.status).toBe('WAITING');
      expect(firstNow.offers).toEqual([{ status: 'DECLINED', declineReason: 'CLIENT_DECLINED' }]);
    } finally {
      await w.close();
    }
  });

  it('two places freed at once go to two different households', async () => {
    const w = await world();
    try {
      const { shelter, free } = await fullShelter(w, { places: 2, beds: 3 });
      const a = await waitingRequest(w, shelter);
      const b = await waitingRequest(w, shelter);
      await free();
      await waitFor(async () => (ok(await w.t.gql(OFFERS, {}, w.coordinator)).placementOffers as unknown[]).length === 2);
      const { rows } = await w.db.pool.query(
        `SELECT o.request_id, cp.place_id FROM placement_offer o JOIN claim_place cp ON cp.claim_id = o.claim_id WHERE o.status = 'OFFERED'`,
      );
      expect(rows.map((r) => r.request_id).sort()).toEqual([a.id, b.id].sort());
      expect(new Set(rows.map((r) => r.place_id)).size).toBe(2);
    } finally {
      await w.close();
    }
  });

  it('a lapsed offer moves on exactly once with two instances running', async () => {
    const w = await world(2);
    try {
      const { shelter, free } = await fullShelter(w, { places: 1, beds: 3 });
      const first = await waitingRequest(w, shelter);
      const second = await waitingRequest(w, shelter);
      await free();
      await waitFor(async () => (await w.db.pool.query(`SELECT 1 FROM placement_offer WHERE status = 'OFFERED'`)).rowCount === 1);
      // Time passes: the hold runs out with nobody answering.
      await w.db.pool.query(`UPDATE claim SET expires_at = now() - interval '1 s' WHERE id IN (SELECT claim_id FROM placement_offer)`);
      await w.db.pool.query(`UPDATE place SET held_until = now() - interval '1 s' WHERE status = 'HELD'`);
      await w.db.pool.query(`UPDATE placement_offer SET expires_at = now() - interval '1 s'`);
      const instances = [w.t, ...w.others];
      await Promise.all(instances.map((s) => s.service.app.get(ClaimExpirySweeper).sweep()));
      await Promise.all(instances.map((s) => s.service.app.get(WaitingListService).sweep()));
      await waitFor(async () => (await w.db.pool.query(`SELECT 1 FROM placement_offer WHERE status = 'OFFERED'`)).rowCount === 1);
      const { rows } = await w.db.pool.query(`SELECT request_id, status::text FROM placement_offer ORDER BY created_at`);
      expect(rows).toEqual([{ request_id: first.id, status: 'LAPSED' }, { request_id: second.id, status: 'OFFERED' }]);
      const { rows: lapses } = await w.db.pool.query(`SELECT count(*)::int AS n FROM request_event WHERE kind = 'OFFER_LAPSED'`);
      expect(lapses[0].n).toBe(1);
    } finally {
      await w.close();
    }
  });

  it('nobody on the list fits: the place stays free and nothing is offered', async () => {
    const w = await world();
    try {
      const { shelter, free } = await fullShelter(w, { places: 1, beds: 3, shelter: { wheelchairAccessible: false } });
      await waitingRequest(w, shelter, { needs: { wheelchair: true, pets: false, languages: [] } });
      await free();
      await w.t.service.app.get(WaitingListService).sweep();
      const { rows: offers } = await w.db.pool.query(`SELECT count(*)::int AS n FROM placement_offer`);
      expect(offers[0].n).toBe(0);
      const { rows: places } = await w.db.pool.query(`SELECT status::text FROM place WHERE shelter_id = $1`, [shelter.shelterId]);
      expect(places).toEqual([{ status: 'AVAILABLE' }]);
    } finally {
      await w.close();
    }
  });

  it('orders by urgency, then risk, then time; a coordinator moves a request up with a reason', async () => {
    const w = await world();
    try {
      const { shelter } = await fullShelter(w, { places: 1, beds: 3 });
      const planned = await waitingRequest(w, shelter, { urgency: 'PLANNED' });
      const today = await waitingRequest(w, shelter);
      const position = async (id: string) => ok(await w.t.gql(`query($id: ID!) { placementRequest(id: $id) { waitingPosition { inRegion } } }`, { id }, w.police)).placementRequest.waitingPosition.inRegion;
      expect([await position(today.id), await position(planned.id)]).toEqual([1, 2]);
      expect(errorCode(await w.t.gql(`mutation($input: PrioritiseInput!) { prioritiseWaitingRequest(input: $input) { id } }`,
        { input: { requestId: planned.id, reason: 'school exams next week' } }, w.police))).toBe('FORBIDDEN');
      ok(await w.t.gql(`mutation($input: PrioritiseInput!) { prioritiseWaitingRequest(input: $input) { id } }`,
        { input: { requestId: planned.id, reason: 'school exams next week' } }, w.coordinator));
      expect([await position(planned.id), await position(today.id)]).toEqual([1, 2]);
    } finally {
      await w.close();
    }
  });

  it('a referrer cancels a waiting request that holds an offer: the offer is withdrawn and its place moves on', async () => {
    const w = await world();
    try {
      const { shelter, free } = await fullShelter(w, { places: 1, beds: 3 });
      const first = await waitingRequest(w, shelter);
      const second = await waitingRequest(w, shelter);
      await free();
      await waitFor(async () => (await w.db.pool.query(`SELECT 1 FROM placement_offer WHERE status = 'OFFERED' AND request_id = $1`, [first.id])).rowCount === 1);
      const cancelled = ok(await w.t.gql(`mutation($id: ID!) { cancelPlacementRequest(id: $id) { status } }`, { id: first.id }, w.police));
      expect(cancelled.cancelPlacementRequest.status).toBe('CANCELLED');
      await waitFor(async () => (await w.db.pool.query(`SELECT 1 FROM placement_offer WHERE status = 'OFFERED' AND request_id = $1`, [second.id])).rowCount === 1);
      const { rows } = await w.db.pool.query(`SELECT request_id, status::text FROM placement_offer ORDER BY created_at`);
      expect(rows).toEqual([{ request_id: first.id, status: 'WITHDRAWN' }, { request_id: second.id, status: 'OFFERED' }]);
    } finally {
      await w.close();
    }
  });

  it('a waiting request is announced before it expires, then closes as NO_CAPACITY', async () => {
    const w = await world();
    try {
      const { shelter } = await fullShelter(w, { places: 1, beds: 3 });
      const waiting = await waitingRequest(w, shelter);
      await w.db.pool.query(`UPDATE placement_request SET waiting_expires_at = now() + interval '1 hour' WHERE id = $1`, [waiting.id]);
      await w.t.service.app.get(WaitingListService).sweep();
      let request = ok(await w.t.gql(REQUEST, { id: waiting.id }, w.police)).placementRequest;
      expect(request.status).toBe('WAITING');
      expect(request.timeline.map((e: { kind: string }) => e.kind)).toContain('WAITING_EXPIRES_SOON');
      await w.db.pool.query(`UPDATE placement_request SET waiting_expires_at = now() - interval '1 s' WHERE id = $1`, [waiting.id]);
      await w.t.service.app.get(WaitingListService).sweep();
      request = ok(await w.t.gql(REQUEST, { id: waiting.id }, w.police)).placementRequest;
      expect(request.status).toBe('NOT_ADMITTED');
      expect(request.timeline.at(-1)).toEqual({ kind: 'WAITING_EXPIRED', reason: 'NO_CAPACITY' });
    } finally {
      await w.close();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
