import { Role } from '../src/common/enums.js';
import { ADMIT, createShelter, ShelterFixture } from './support/fixtures.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { errorCode, startTestService, TestService } from './support/service.js';
import { subscribe, wsClient } from './support/ws.js';

const CREATE = `mutation Create($input: CreatePlacementRequestInput!) {
  createPlacementRequest(input: $input) { id status urgency householdSize adults children escalationReason }
}`;
const OPTIONS = `query Options($id: ID!, $limit: Int) {
  placementOptions(requestId: $id, limit: $limit) {
    categories
    options { shelterId shelterName regionId category score locality distanceBand reasons places { id label beds } }
    excluded { rule description places }
  }
}`;
const CLAIM_FOR = `mutation ClaimFor($input: ClaimForRequestInput!) {
  claimForRequest(input: $input) { id status claimId receivingShelter { shelterId name intakePhone meetingInstructions holdExpiresAt } }
}`;
const REQUEST = `query Request($id: ID!) {
  placementRequest(id: $id) { id status riskSummary notes clientReference closeReason
    receivingShelter { name intakePhone meetingInstructions } timeline { kind } }
}`;

type Option = { shelterId: string; shelterName: string; regionId: string; category: string; reasons: string[]; places: { id: string }[]; locality: string; distanceBand: string };

describe('placement requests: matching by risk and region', () => {
  let t: TestService;
  let regions: Record<string, string>;
  let net: Record<string, ShelterFixture>;
  let police: string;
  let coordinator: string;

  const member = (sex: string, age: number) => ({ sex, age });
  const baseRisk = { level: 'LOW', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false };

  function request(overrides: Record<string, unknown>) {
    return {
      urgency: 'WITHIN_24H',
      risk: baseRisk,
      household: [member('FEMALE', 35)],
      homeRegionId: regions.utrecht,
      avoidRegionIds: [],
      preferredRegionIds: [],
      consentToShare: true,
      clientReference: 'VT-UTR-0001',
      notes: 'Contact via the school social worker.',
      ...overrides,
    };
  }

  async function file(input: Record<string, unknown>, token = police) {
    const res = await t.gql(CREATE, { input }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.createPlacementRequest as { id: string; status: string; escalationReason: string | null };
  }

  async function options(id: string, token = police) {
    const res = await t.gql(OPTIONS, { id, limit: 20 }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.placementOptions as { categories: string[]; options: Option[]; excluded: { rule: string; places: number }[] };
  }

  const excludedBy = (result: { excluded: { rule: string; places: number }[] }, rule: string) =>
    result.excluded.find((e) => e.rule === rule)?.places ?? 0;

  beforeAll(async () => {
    t = await startTestService();
    const { rows } = await t.db.pool.query(`SELECT code, id FROM region`);
    regions = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    const women = { admittedSexes: ['FEMALE'], minAge: 18 };
    const honour = { admittedSexes: ['FEMALE'], minAge: 12, maxAge: 23 };
    net = {
      utrechtCrisis: await createShelter(t, { regionCode: 'utrecht', category: 'CRISIS', places: 3, beds: 4, name: 'Utrecht crisis', shelter: { ...women, maxBoyAge: 12, meetingInstructions: 'Meet at the police station, ask for intake' } }),
      utrechtEmergency: await createShelter(t, { regionCode: 'utrecht', category: 'EMERGENCY', places: 2, beds: 3, name: 'Utrecht emergency', shelter: women }),
      amersfoortCrisis: await createShelter(t, { regionCode: 'amersfoort', category: 'CRISIS', places: 2, beds: 4, name: 'Amersfoort crisis', shelter: women }),
      amersfoortHonour: await createShelter(t, { regionCode: 'amersfoort', category: 'HONOUR_RELATED', places: 1, beds: 1, name: 'Amersfoort honour', shelter: honour }),
      hilversumHonour: await createShelter(t, { regionCode: 'hilversum', category: 'HONOUR_RELATED', places: 1, beds: 1, name: 'Hilversum honour', shelter: honour }),
      tilburgHonour: await createShelter(t, { regionCode: 'tilburg', category: 'HONOUR_RELATED', places: 2, beds: 1, name: 'Tilburg honour', shelter: honour }),
      leeuwardenHonour: await createShelter(t, { regionCode: 'leeuwarden', category: 'HONOUR_RELATED', places: 1, beds: 1, name: 'Leeuwarden honour', shelter: honour }),
      amsterdamMen: await createShelter(t, { regionCode: 'amsterdam', category: 'MEN', places: 2, beds: 2, name: 'Amsterdam men', shelter: { admittedSexes: ['MALE'], minAge: 18 } }),
      amsterdamCrisis: await createShelter(t, { regionCode: 'amsterdam', category: 'CRISIS', places: 2, beds: 5, name: 'Amsterdam crisis', shelter: { ...women, maxBoyAge: 16, wheelchairAccessible: true } }),
      zwolleCrisis: await createShelter(t, { regionCode: 'zwolle', category: 'CRISIS', places: 1, beds: 4, name: 'Zwolle crisis', shelter: { ...women, maxBoyAge: 18 } }),
    };
    police = await t.token({ role: Role.REFERRER, sub: 'officer-1', referrerType: 'POLICE', organisationId: 'politie-midden' } as never);
    coordinator = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());

  describe('scenarios', () => {
    it('a man with one child gets MEN places only', async () => {
      const r = await file(request({ household: [member('MALE', 40), member('MALE', 6)], homeRegionId: regions.amsterdam }));
      const result = await options(r.id);
      expect(result.categories).toEqual(['MEN']);
      expect(result.options.map((o) => o.shelterName)).toEqual(['Amsterdam men']);
      expect(result.options[0].reasons).toEqual(expect.arrayContaining(['own region (Amsterdam-Amstelland)', 'fits 1 adult + 1 child in one unit']));
      expect(excludedBy(result, 'CATEGORY')).toBeGreaterThan(0);
    });

    it('a 17-year-old under honour-related threat from Utrecht, network in Utrecht and Amersfoort, goes far away', async () => {
      const r = await file(request({
        urgency: 'IMMEDIATE',
        risk: { ...baseRisk, level: 'HIGH', honourRelated: true, perpetratorNetwork: true },
        household: [member('FEMALE', 17)],
        avoidRegionIds: [regions.utrecht, regions.amersfoort],
      }));
      const result = await options(r.id);
      expect(result.categories).toEqual(['HONOUR_RELATED']);
      const names = result.options.map((o) => o.shelterName);
      // Tilburg lies ~59 km from Utrecht's centre: past 50 km, but the rule works on the public
      // locality with its 10 km radius as margin (60 km), so that it never reveals the exact location.
      expect(names.sort()).toEqual(['Leeuwarden honour']);
      for (const o of result.options) {
        expect([regions.utrecht, regions.amersfoort]).not.toContain(o.regionId);
        expect(['KM_50_TO_100', 'OVER_100_KM']).toContain(o.distanceBand);
        expect(o.reasons[0]).toMatch(/^in [^,]+ \([^)]+\), (50-100 km|> 100 km) from the home region, outside all avoided regions$/);
      }
      // Crisis and emergency places fail the category rule first; of the honour places, Amersfoort's is avoided.
      expect(excludedBy(result, 'AVOIDED_REGION')).toBe(1);
      expect(excludedBy(result, 'TOO_CLOSE')).toBe(3); // places in Hilversum (~20 km) and Tilburg (~59 km)
    });

    it('a mother with three children, one a boy of 15, is not offered a shelter whose boys\' limit is lower', async () => {
      const r = await file(request({ risk: { ...baseRisk, level: 'MEDIUM' }, household: [member('FEMALE', 38), member('MALE', 15), member('FEMALE', 10), member('FEMALE', 6)] }));
      const result = await options(r.id);
      const names = result.options.map((o) => o.shelterName);
      expect(names).not.toContain('Utrecht crisis');
      expect(names).toEqual(['Amersfoort crisis', 'Amsterdam crisis', 'Zwolle crisis']);
      expect(excludedBy(result, 'BOY_ABOVE_AGE_LIMIT')).toBe(3);
      expect(result.options[0].reasons).toContain('fits 1 adult + 3 children in one unit');
    });

    it('a wheelchair user is offered wheelchair-accessible shelters only', async () => {
      const r = await file(request({ homeRegionId: regions.zwolle, household: [member('FEMALE', 50)], needs: { wheelchair: true, pets: false, languages: [] } }));
      const result = await options(r.id);
      expect(result.options.map((o) => o.shelterName)).toEqual(['Amsterdam crisis']);
      expect(excludedBy(result, 'NOT_WHEELCHAIR_ACCESSIBLE')).toBeGreaterThanOrEqual(3);
    });

    it('LOW risk: the own region first, then the nearest', async () => {
      const r = await file(request({ household: [member('FEMALE', 29), member('FEMALE', 3)] }));
      const result = await options(r.id);
      expect(result.options.map((o) => o.shelterName).slice(0, 2)).toEqual(['Utrecht crisis', 'Amersfoort crisis']);
      expect(result.options[0].reasons[0]).toBe('own region (Utrecht)');
      expect(result.options[1].reasons[0]).toBe('in Amersfoort (Eemland), < 25 km from the home region Utrecht');
      expect(result.options[0].reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^status confirmed \d+ min ago$/)]));
    });

    it('no capacity anywhere: the request is ESCALATED at once, with the exclusions counted', async () => {
      const r = await file(request({ risk: { ...baseRisk, level: 'HIGH', trafficking: true }, household: [member('FEMALE', 24)] }));
      expect(r.status).toBe('ESCALATED');
      expect(r.escalationReason).toBe('no place matches the request');
      const result = await options(r.id);
      expect(result.options).toEqual([]);
      expect(result.categories).toEqual(['HUMAN_TRAFFICKING']);
      const { rows: [{ free }] } = await t.db.pool.query(`SELECT count(*)::int AS free FROM place WHERE status = 'AVAILABLE'`);
      expect(excludedBy(result, 'CATEGORY')).toBe(free);
    });

    it('keeps national reserve places for acute requests from another region', async () => {
      await t.db.pool.query(`UPDATE place SET national_reserve = true WHERE id = $1`, [net.zwolleCrisis.placeIds[0]]);
      try {
        const planned = await options((await file(request({ urgency: 'PLANNED', homeRegionId: regions.amsterdam }))).id);
        expect(planned.options.map((o) => o.shelterName)).not.toContain('Zwolle crisis');
        expect(excludedBy(planned, 'NATIONAL_RESERVE')).toBe(1);
        const ownRegion = await options((await file(request({ urgency: 'IMMEDIATE', homeRegionId: regions.zwolle }))).id);
        expect(ownRegion.options.map((o) => o.shelterName)).not.toContain('Zwolle crisis');
        const acute = await options((await file(request({ urgency: 'IMMEDIATE', homeRegionId: regions.amsterdam }))).id);
        expect(acute.options.map((o) => o.shelterName)).toContain('Zwolle crisis');
      } finally {
        await t.db.pool.query(`UPDATE place SET national_reserve = false WHERE id = $1`, [net.zwolleCrisis.placeIds[0]]);
      }
    });

    it('offers a SAFE_HOUSE only with SEVERE risk and a police co-decision', async () => {
      const safe = await createShelter(t, { regionCode: 'groningen', category: 'SAFE_HOUSE', places: 1, beds: 2, name: 'Safe house north', shelter: { admittedSexes: ['FEMALE'], minAge: 18 } });
      const severe = { ...baseRisk, level: 'SEVERE', perpetratorNetwork: true };
      const without = await options((await file(request({ risk: severe }))).id);
      expect(without.options.map((o) => o.shelterId)).not.toContain(safe.shelterId);
      const withCoDecision = await options((await file(request({ risk: { ...severe, policeCoDecision: true } }))).id);
      expect(withCoDecision.categories).toContain('SAFE_HOUSE');
      expect(withCoDecision.options.map((o) => o.shelterId)).toContain(safe.shelterId);
      await t.db.pool.query(`UPDATE place SET status = 'OUT_OF_SERVICE', out_of_service_reason = 'test' WHERE shelter_id = $1`, [safe.shelterId]);
    });
  });

  describe('acting on a request', () => {
    it('intake claims an option; the referrer then sees phone and meeting instructions, never the address; admission closes it', async () => {
      const r = await file(request({ household: [member('FEMALE', 31), member('MALE', 8)], risk: { ...baseRisk, summary: 'Threats by ex-partner, RiHG 14' } }));
      const [best] = (await options(r.id)).options;
      expect(best.shelterName).toBe('Utrecht crisis');
      const intake = await t.token({ role: Role.INTAKE, shelterIds: [net.utrechtCrisis.shelterId], sub: 'intake-utrecht' });
      const claimed = await t.gql(CLAIM_FOR, { input: { requestId: r.id, placeIds: best.places.map((p) => p.id), idempotencyKey: 'intake-1' } }, intake);
      expect(claimed.errors).toBeUndefined();
      expect(claimed.data!.claimForRequest).toMatchObject({ status: 'CLAIMED', receivingShelter: { name: 'Utrecht crisis', intakePhone: '+31 88 000 0000' } });
      const retry = await t.gql(CLAIM_FOR, { input: { requestId: r.id, placeIds: best.places.map((p) => p.id), idempotencyKey: 'intake-1' } }, intake);
      expect(retry.data!.claimForRequest.claimId).toBe(claimed.data!.claimForRequest.claimId);

      const seen = await t.gql(REQUEST, { id: r.id }, police);
      expect(seen.data!.placementRequest.receivingShelter).toEqual({
        name: 'Utrecht crisis', intakePhone: '+31 88 000 0000', meetingInstructions: 'Meet at the police station, ask for intake',
      });
      expect(JSON.stringify(seen.data)).not.toContain('Geheimstraat');
      const address = await t.gql(`query($id: ID!) { shelter(id: $id) { address { street } location { latitude } } }`, { id: net.utrechtCrisis.shelterId }, police);
      expect(address.data!.shelter).toEqual({ address: null, location: null });

      const stay = await t.gql(ADMIT, { input: { claimId: claimed.data!.claimForRequest.claimId } }, intake);
      expect(stay.errors).toBeUndefined();
      expect(stay.data!.admit).toMatchObject({ adults: 1, children: 1, householdSize: 2 });
      const done = await t.gql(REQUEST, { id: r.id }, police);
      expect(done.data!.placementRequest.status).toBe('ADMITTED');
      expect(done.data!.placementRequest.timeline.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'OPTIONS_VIEWED', 'CLAIMED', 'ADMITTED']);
    });

    it('refuses a claim for a request on a place that breaks its rules', async () => {
      const r = await file(request({ risk: { ...baseRisk, level: 'HIGH' }, avoidRegionIds: [regions.amersfoort] }));
      const intake = await t.token({ role: Role.INTAKE, shelterIds: [net.amersfoortCrisis.shelterId] });
      const res = await t.gql(CLAIM_FOR, { input: { requestId: r.id, placeIds: [net.amersfoortCrisis.placeIds[1]] } }, intake);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/does not suit this request: in a region to avoid/);
      const { rows } = await t.db.pool.query(`SELECT status::text FROM place WHERE id = $1`, [net.amersfoortCrisis.placeIds[1]]);
      expect(rows[0].status).toBe('AVAILABLE');
    });

    it('puts the request back to OPEN and says so when its claim expires, or the shelter declines', async () => {
      const intake = await t.token({ role: Role.INTAKE, shelterIds: [net.amsterdamCrisis.shelterId] });
      const r = await file(request({ homeRegionId: regions.amsterdam }));
      const claim = await t.gql(CLAIM_FOR, { input: { requestId: r.id, placeIds: [net.amsterdamCrisis.placeIds[0]] } }, intake);
      expect(claim.errors).toBeUndefined();
      const claimId = claim.data!.claimForRequest.claimId;
      await t.db.pool.query(`UPDATE claim SET expires_at = now() - interval '1 s' WHERE id = $1`, [claimId]);
      await t.db.pool.query(`UPDATE place SET held_until = now() - interval '1 s' WHERE claim_id = $1`, [claimId]);
      const { ClaimExpirySweeper } = await import('../src/placement/claim-expiry.sweeper.js');
      expect(await t.service.app.get(ClaimExpirySweeper).sweep()).toBe(1);
      const reopened = await t.gql(REQUEST, { id: r.id }, police);
      expect(reopened.data!.placementRequest.status).toBe('OPEN');
      expect(reopened.data!.placementRequest.timeline.map((e: { kind: string }) => e.kind)).toEqual(['CREATED', 'CLAIMED', 'CLAIM_EXPIRED']);

      const again = await t.gql(CLAIM_FOR, { input: { requestId: r.id, placeIds: [net.amsterdamCrisis.placeIds[0]] } }, intake);
      expect(again.errors).toBeUndefined();
      const declined = await t.gql(`mutation($input: CloseRequestInput!) { declinePlacementRequest(input: $input) { status } }`,
        { input: { requestId: r.id, reason: 'NEEDS_NOT_MET', note: 'needs a ground-floor room' } }, intake);
      expect(declined.data!.declinePlacementRequest.status).toBe('OPEN');
      const { rows } = await t.db.pool.query(`SELECT status::text FROM place WHERE id = $1`, [net.amsterdamCrisis.placeIds[0]]);
      expect(rows[0].status).toBe('AVAILABLE');
    });

    it('closes a request without admission with a reason, or cancels it; both release a held place', async () => {
      const r = await file(request({ homeRegionId: regions.zwolle }));
      const intake = await t.token({ role: Role.INTAKE, shelterIds: [net.zwolleCrisis.shelterId] });
      await t.gql(CLAIM_FOR, { input: { requestId: r.id, placeIds: net.zwolleCrisis.placeIds } }, intake);
      const closed = await t.gql(`mutation($input: CloseRequestInput!) { closePlacementRequest(input: $input) { status closeReason closedAt } }`,
        { input: { requestId: r.id, reason: 'AMBULATORY_HELP_INSTEAD' } }, police);
      expect(closed.data!.closePlacementRequest).toMatchObject({ status: 'NOT_ADMITTED', closeReason: 'AMBULATORY_HELP_INSTEAD' });
      const { rows } = await t.db.pool.query(`SELECT status::text FROM place WHERE id = $1`, [net.zwolleCrisis.placeIds[0]]);
      expect(rows[0].status).toBe('AVAILABLE');
      const again = await t.gql(`mutation($id: ID!) { cancelPlacementRequest(id: $id) { status } }`, { id: r.id }, police);
      expect(errorCode(again)).toBe('CONFLICT');
      const other = await file(request({}));
      const cancelled = await t.gql(`mutation($id: ID!) { cancelPlacementRequest(id: $id) { status } }`, { id: other.id }, police);
      expect(cancelled.data!.cancelPlacementRequest.status).toBe('CANCELLED');
    });

    it('tells the intake of the client\'s region about new requests, and refuses intake of another region', async () => {
      const intake = await t.token({ role: Role.INTAKE, shelterIds: [net.zwolleCrisis.shelterId] });
      const query = `subscription($r: ID!) { incomingPlacementRequests(regionId: $r) { id status urgency homeRegionId } }`;
      const incoming = await subscribe<{ id: string; status: string }>(wsClient(t.service.url, intake), query, { r: regions.zwolle });
      const elsewhere = await subscribe(wsClient(t.service.url, intake), query, { r: regions.utrecht });
      const r = await file(request({ urgency: 'IMMEDIATE', homeRegionId: regions.zwolle }));
      expect(await incoming.next()).toMatchObject({ id: r.id, status: 'OPEN', urgency: 'IMMEDIATE', homeRegionId: regions.zwolle });
      await new Promise((done) => setTimeout(done, 200));
      expect(JSON.stringify(elsewhere.errors)).toMatch(/FORBIDDEN/);
    });

    it('escalates a request nobody claimed in time', async () => {
      const r = await file(request({ urgency: 'IMMEDIATE', homeRegionId: regions.amsterdam }));
      expect(r.status).toBe('OPEN');
      const sub = await subscribe<{ id: string; status: string }>(wsClient(t.service.url, coordinator), `subscription { escalations { id status escalationReason } }`);
      await t.db.pool.query(`UPDATE placement_request SET escalate_at = now() - interval '1 s' WHERE id = $1`, [r.id]);
      const { ReferralService } = await import('../src/referral/referral.service.js');
      expect(await t.service.app.get(ReferralService).escalateOverdue()).toBe(1);
      const pushed = await sub.next();
      expect(pushed).toMatchObject({ id: r.id, status: 'ESCALATED' });
    });
  });

  describe('who sees what', () => {
    it('a referrer cannot read another referrer\'s request; a colleague of the same organisation can', async () => {
      const r = await file(request({}));
      const stranger = await t.token({ role: Role.REFERRER, sub: 'vt-worker', referrerType: 'VEILIG_THUIS', organisationId: 'vt-utrecht' } as never);
      const denied = await t.gql(REQUEST, { id: r.id }, stranger);
      expect(errorCode(denied)).toBe('NOT_FOUND');
      const deniedOptions = await t.gql(OPTIONS, { id: r.id }, stranger);
      expect(errorCode(deniedOptions)).toBe('NOT_FOUND');
      const colleague = await t.token({ role: Role.REFERRER, sub: 'officer-2', referrerType: 'POLICE', organisationId: 'politie-midden' } as never);
      const allowed = await t.gql(REQUEST, { id: r.id }, colleague);
      expect(allowed.data!.placementRequest).toMatchObject({ id: r.id, clientReference: 'VT-UTR-0001' });
      const mine = await t.gql(`{ placementRequests { nodes { id } } }`, {}, stranger);
      expect(mine.errors).toBeUndefined();
      expect(mine.data!.placementRequests.nodes.map((x: { id: string }) => x.id)).not.toContain(r.id);
    });

    it('hides the client reference from coordinators and the details from intake elsewhere', async () => {
      const r = await file(request({ risk: { ...baseRisk, summary: 'secret summary' } }));
      const asCoordinator = await t.gql(REQUEST, { id: r.id }, coordinator);
      expect(asCoordinator.data!.placementRequest).toMatchObject({ clientReference: null, riskSummary: 'secret summary' });
      const farIntake = await t.token({ role: Role.INTAKE, shelterIds: [net.leeuwardenHonour.shelterId] });
      const asFarIntake = await t.gql(REQUEST, { id: r.id }, farIntake);
      expect(asFarIntake.data!.placementRequest).toMatchObject({ clientReference: null, riskSummary: null, notes: null, status: 'OPEN' });
      const homeIntake = await t.token({ role: Role.INTAKE, shelterIds: [net.utrechtCrisis.shelterId] });
      const asHomeIntake = await t.gql(REQUEST, { id: r.id }, homeIntake);
      expect(asHomeIntake.data!.placementRequest).toMatchObject({ riskSummary: 'secret summary', clientReference: null });
    });

    it('never sends the address to a referrer through a subscription', async () => {
      const r = await file(request({ homeRegionId: regions.amersfoort }));
      const client = wsClient(t.service.url, police);
      const sub = await subscribe<Record<string, unknown>>(client,
        `subscription($id: ID!) { placementRequestUpdated(id: $id) { id status riskSummary receivingShelter { name intakePhone meetingInstructions } } }`, { id: r.id });
      const intake = await t.token({ role: Role.INTAKE, shelterIds: [net.amersfoortCrisis.shelterId] });
      const claimed = await t.gql(CLAIM_FOR, { input: { requestId: r.id, placeIds: [net.amersfoortCrisis.placeIds[0]] } }, intake);
      expect(claimed.errors).toBeUndefined();
      // On a busy machine the filing's own update can reach the subscription after it started:
      // skip that OPEN event (at most one) to the claim's.
      let pushed = await sub.next();
      if (pushed.status === 'OPEN') pushed = await sub.next();
      expect(pushed).toMatchObject({ id: r.id, status: 'CLAIMED', receivingShelter: { name: 'Amersfoort crisis' } });
      expect(JSON.stringify(sub.received)).not.toMatch(/Geheimstraat|3511 AA/);
      const addressQuery = await subscribe(wsClient(t.service.url, police),
        `subscription($id: ID!) { placementRequestUpdated(id: $id) { receivingShelter { address { street } } } }`, { id: r.id });
      expect(JSON.stringify(addressQuery.errors)).toMatch(/Cannot query field .{0,4}address.{0,4} on type .{0,4}ReceivingShelter/);
      await client.dispose();
    });

    it('lets only police, OM, GGD and Veilig Thuis place directly on an emergency bed', async () => {
      const shelterReferrer = await t.token({ role: Role.REFERRER, referrerType: 'SHELTER' } as never);
      const res = await t.gql(`mutation($input: EmergencyPlacementInput!) { requestEmergencyPlacement(input: $input) { request { id } } }`,
        { input: { risk: baseRisk, household: [member('FEMALE', 30)], homeRegionId: regions.utrecht, consentToShare: true } }, shelterReferrer);
      expect(errorCode(res)).toBe('FORBIDDEN');
    });

    it('refuses a request without consent, with BAD_USER_INPUT naming the field', async () => {
      const res = await t.gql(CREATE, { input: request({ consentToShare: false }) }, police);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.errors![0].extensions!.fields)).toContain('consentToShare');
      const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM placement_request WHERE NOT consent_to_share`);
      expect(rows[0].n).toBe(0);
    });
  });
});

describe('emergency placement: the last beds, asked for at once', () => {
  let db: TestDatabase;
  let a: TestService;
  let b: TestService;

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestService({ db });
    b = await startTestService({ db });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await db.drop();
  });

  it('gives each officer a different bed, and escalates when none is left', async () => {
    const utrecht = await createShelter(a, { regionCode: 'utrecht', category: 'EMERGENCY', places: 1, beds: 3, shelter: { admittedSexes: ['FEMALE'], minAge: 18 } });
    const amersfoort = await createShelter(a, { regionCode: 'amersfoort', category: 'EMERGENCY', places: 1, beds: 3, shelter: { admittedSexes: ['FEMALE'], minAge: 18 } });
    const { rows: [home] } = await db.pool.query(`SELECT id FROM region WHERE code = 'utrecht'`);
    const officers = await Promise.all([1, 2, 3, 4].map((n) => a.token({ role: Role.REFERRER, sub: `officer-${n}`, referrerType: n % 2 ? 'POLICE' : 'VEILIG_THUIS' } as never)));
    const mutation = `mutation($input: EmergencyPlacementInput!) {
      requestEmergencyPlacement(input: $input) { request { id status } claim { id places { id } } receivingShelter { name intakePhone } }
    }`;
    const input = { risk: { level: 'MEDIUM', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false },
      household: [{ sex: 'FEMALE', age: 27 }, { sex: 'FEMALE', age: 2 }], homeRegionId: home.id, avoidRegionIds: [], consentToShare: true };
    // Two instances, four officers at the same moment, two beds.
    const results = await Promise.all(officers.map((token, i) => (i % 2 ? b : a).gql(mutation, { input }, token)));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
    const placed = results.map((r) => r.data!.requestEmergencyPlacement).filter((x) => x.claim);
    const escalated = results.map((r) => r.data!.requestEmergencyPlacement).filter((x) => !x.claim);
    expect(placed).toHaveLength(2);
    expect(new Set(placed.map((p) => p.claim.places[0].id))).toEqual(new Set([utrecht.placeIds[0], amersfoort.placeIds[0]]));
    expect(placed.every((p) => p.request.status === 'CLAIMED' && p.receivingShelter.intakePhone)).toBe(true);
    expect(escalated).toHaveLength(2);
    expect(escalated.every((e) => e.request.status === 'ESCALATED')).toBe(true);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM claim WHERE status = 'HELD'`);
    expect(rows[0].n).toBe(2);
  });
});

describe('the region search: reads only the regions that can give a better option', () => {
  let db: TestDatabase;
  let t: TestService;
  let home: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestService({ db });
    const women = { admittedSexes: ['FEMALE'], minAge: 18 };
    for (let n = 1; n <= 12; n++) await createShelter(t, { regionCode: 'utrecht', category: 'CRISIS', places: 1, beds: 2, name: `Utrecht ${n}`, shelter: women });
    await createShelter(t, { regionCode: 'groningen', category: 'CRISIS', places: 1, beds: 2, name: 'Groningen', shelter: women });
    await createShelter(t, { regionCode: 'groningen', category: 'CRISIS', places: 2, beds: 2, name: 'Groningen men only', shelter: { admittedSexes: ['MALE'], minAge: 18 } });
    home = (await db.pool.query(`SELECT id FROM region WHERE code = 'utrecht'`)).rows[0].id;
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  /** Files a LOW-risk request of one woman from Utrecht as police officer `sub`; asks its options with `fields`. */
  const lowRiskRequest = async (sub: string, fields: string) => {
    const police = await t.token({ role: Role.REFERRER, sub, referrerType: 'POLICE' } as never);
    const created = await t.gql(CREATE, {
      input: { urgency: 'WITHIN_24H', risk: { level: 'LOW', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false },
        household: [{ sex: 'FEMALE', age: 30 }], homeRegionId: home, avoidRegionIds: [], preferredRegionIds: [], consentToShare: true },
    }, police);
    expect(created.errors).toBeUndefined();
    return async (limit: number): Promise<any> => {
      const res = await t.gql(`query($id: ID!, $limit: Int) { placementOptions(requestId: $id, limit: $limit) { ${fields} } }`,
        { id: created.data!.createPlacementRequest.id, limit }, police);
      expect(res.errors).toBeUndefined();
      return res.data!.placementOptions;
    };
  };

  it('stops at the home region when it holds enough options, and counts exclusions where it read', async () => {
    const ask = await lowRiskRequest('officer-search', 'regionsSearched regionsInNetwork options { shelterName } excluded { rule places }');
    // One option asked, ranked among three: Utrecht's twelve shelters settle it (own region +100).
    // (A network with at most four shelters of the category per option needed is read whole.)
    const one = await ask(1);
    expect(one.options.map((o: { shelterName: string }) => o.shelterName)).toEqual([expect.stringMatching(/^Utrecht /)]);
    expect([one.regionsSearched, one.regionsInNetwork]).toEqual([1, 35]);
    expect(one.excluded).toEqual([]);
    // Twenty asked: every region is read, Groningen's option comes last and its men-only places count.
    const all = await ask(20);
    expect(all.options.map((o: { shelterName: string }) => o.shelterName).slice(12)).toEqual(['Groningen']);
    expect([all.regionsSearched, all.regionsInNetwork]).toEqual([35, 35]);
    expect(all.excluded).toEqual([{ rule: 'SEX_NOT_ADMITTED', places: 2 }]);
  });

  it('counts the free places of other categories in the regions read: in the read itself when it is the only one', async () => {
    const women = { admittedSexes: ['FEMALE'], minAge: 18 };
    await createShelter(t, { regionCode: 'utrecht', category: 'EMERGENCY', places: 2, beds: 2, name: 'Utrecht emergency', shelter: women });
    await createShelter(t, { regionCode: 'groningen', category: 'EMERGENCY', places: 3, beds: 2, name: 'Groningen emergency', shelter: women });
    const ask = await lowRiskRequest('officer-search-2', 'regionsSearched excluded { rule places }');
    // Utrecht alone is read: its two emergency places, not Groningen's three.
    expect(await ask(1)).toEqual({ regionsSearched: 1, excluded: [{ rule: 'CATEGORY', places: 2 }] });
    // The whole network, in one read: all five.
    expect(await ask(20)).toEqual({ regionsSearched: 35, excluded: [{ rule: 'CATEGORY', places: 5 }, { rule: 'SEX_NOT_ADMITTED', places: 2 }] });
  });
});
