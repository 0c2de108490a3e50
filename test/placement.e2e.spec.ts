import { Role } from '../src/common/enums.js';
import { ADMIT, CLAIM, createShelter, DISCHARGE, invariantViolations, READY, RELEASE, TRANSFER } from './support/fixtures.js';
import { errorCode, startTestService, TestService } from './support/service.js';

describe('placement: claim, admit, transfer, discharge', () => {
  let t: TestService;
  let coordinator: string;

  beforeAll(async () => {
    t = await startTestService({ env: { CLAIM_SWEEP_INTERVAL_MS: '200' } });
    coordinator = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());
  afterEach(async () => {
    expect(await invariantViolations(t)).toEqual([]);
  });

  async function placeStatus(id: string): Promise<string> {
    return (await t.db.pool.query(`SELECT status::text FROM place WHERE id = $1`, [id])).rows[0].status;
  }

  it('takes a household from claim to admission, transfer, readiness and discharge, auditing every step', async () => {
    const emergency = await createShelter(t, { category: 'EMERGENCY', places: 2, beds: 4 });
    const crisis = await createShelter(t, { category: 'CRISIS', places: 2, beds: 5, regionCode: 'amsterdam' });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [emergency.shelterId, crisis.shelterId] });

    const claimed = await t.gql(CLAIM, { input: { placeIds: [emergency.placeIds[0]], householdSize: 4 } }, intake);
    expect(claimed.errors).toBeUndefined();
    const claim = claimed.data!.claimPlace;
    expect(claim).toMatchObject({ status: 'HELD', householdSize: 4, beds: 4, claimedBy: 'test-intake', places: [{ id: emergency.placeIds[0], status: 'HELD' }] });
    const minutes = (Date.parse(claim.expiresAt) - Date.now()) / 60000;
    expect(minutes).toBeGreaterThan(119);
    expect(minutes).toBeLessThanOrEqual(120);

    const household = [{ sex: 'FEMALE', age: 34 }, { sex: 'MALE', age: 15 }, { sex: 'FEMALE', age: 9 }, { sex: 'X', age: 2 }];
    const admitted = await t.gql(ADMIT, { input: { claimId: claim.id, household, originRegionId: emergency.regionId, referrerType: 'POLICE' } }, intake);
    expect(admitted.errors).toBeUndefined();
    const stay = admitted.data!.admit;
    expect(stay).toMatchObject({ status: 'ACTIVE', category: 'EMERGENCY', householdSize: 4, adults: 1, children: 3 });
    expect(stay.household.map((m: { ageBand: string }) => m.ageBand)).toEqual(['31-40', '0-17', '0-17', '0-17']);
    expect(await placeStatus(emergency.placeIds[0])).toBe('OCCUPIED');

    const moved = await t.gql(TRANSFER, { input: { stayId: stay.id, toPlaceIds: [crisis.placeIds[1]], reason: 'crisis place found' } }, intake);
    expect(moved.errors).toBeUndefined();
    expect(moved.data!.transferStay).toMatchObject({ category: 'CRISIS', shelterId: crisis.shelterId });
    expect(await placeStatus(emergency.placeIds[0])).toBe('AVAILABLE');
    expect(await placeStatus(crisis.placeIds[1])).toBe('OCCUPIED');
    const { rows: [transfer] } = await t.db.pool.query(`SELECT from_category::text, to_category::text, from_region_id <> to_region_id AS other_region FROM transfer WHERE stay_id = $1`, [stay.id]);
    expect(transfer).toEqual({ from_category: 'EMERGENCY', to_category: 'CRISIS', other_region: true });

    const ready = await t.gql(READY, { input: { stayId: stay.id, blockers: ['HOUSING', 'DEBTS'] } }, intake);
    expect(ready.data!.markReadyForOutflow.outflowBlockers).toEqual(['HOUSING', 'DEBTS']);
    expect(ready.data!.markReadyForOutflow.readyForOutflowAt).not.toBeNull();
    const cleared = await t.gql(READY, { input: { stayId: stay.id, blockers: [] } }, intake);
    expect(cleared.data!.markReadyForOutflow).toMatchObject({ readyForOutflowAt: null, outflowBlockers: [] });

    const left = await t.gql(DISCHARGE, { input: { stayId: stay.id, destination: 'INDEPENDENT_HOUSING', note: 'own flat' } }, intake);
    expect(left.data!.discharge).toMatchObject({ status: 'DISCHARGED', destination: 'INDEPENDENT_HOUSING' });
    expect(await placeStatus(crisis.placeIds[1])).toBe('AVAILABLE');

    const { rows } = await t.db.pool.query(
      `SELECT action FROM audit_event WHERE entity_id = ANY($1) ORDER BY id`,
      [[claim.id, stay.id]],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'claim.created', 'claim.admitted', 'stay.admitted', 'stay.transferred', 'stay.ready_for_outflow', 'stay.readiness_cleared', 'stay.discharged',
    ]);
    const { rows: [actor] } = await t.db.pool.query(`SELECT actor, actor_role FROM audit_event WHERE entity_id = $1 LIMIT 1`, [claim.id]);
    expect(actor).toEqual({ actor: 'test-intake', actor_role: 'INTAKE' });
  });

  it('claims all places or none', async () => {
    const s = await createShelter(t, { places: 3, beds: 2 });
    const first = await t.gql(CLAIM, { input: { placeIds: [s.placeIds[1]], householdSize: 2 } }, coordinator);
    expect(first.errors).toBeUndefined();
    const both = await t.gql(CLAIM, { input: { placeIds: [s.placeIds[0], s.placeIds[1]], householdSize: 3 } }, coordinator);
    expect(errorCode(both)).toBe('CONFLICT');
    expect(both.errors![0].message).toMatch(/Not available: P-002 \(HELD\)/);
    expect(await placeStatus(s.placeIds[0])).toBe('AVAILABLE');
  });

  it('refuses a household larger than the beds of the places', async () => {
    const s = await createShelter(t, { places: 2, beds: 2 });
    const res = await t.gql(CLAIM, { input: { placeIds: [s.placeIds[0]], householdSize: 3 } }, coordinator);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    const together = await t.gql(CLAIM, { input: { placeIds: s.placeIds, householdSize: 4 } }, coordinator);
    expect(together.errors).toBeUndefined();
    expect(together.data!.claimPlace.beds).toBe(4);
  });

  it.each([
    ['admit a released claim', 'release-then-admit'],
    ['release an admitted claim', 'admit-then-release'],
    ['discharge twice', 'discharge-twice'],
  ])('refuses to %s with CONFLICT', async (_, scenario) => {
    const s = await createShelter(t, { places: 1, beds: 2 });
    const claim = (await t.gql(CLAIM, { input: { placeIds: s.placeIds, householdSize: 1 } }, coordinator)).data!.claimPlace;
    const admit = () => t.gql(ADMIT, { input: { claimId: claim.id, household: [{ sex: 'FEMALE', age: 30 }], originRegionId: s.regionId } }, coordinator);
    const release = () => t.gql(RELEASE, { input: { claimId: claim.id, reason: 'client chose other help' } }, coordinator);
    let refused;
    if (scenario === 'release-then-admit') {
      expect((await release()).errors).toBeUndefined();
      refused = await admit();
      expect(refused.errors![0].message).toMatch(/RELEASED/);
    } else if (scenario === 'admit-then-release') {
      expect((await admit()).errors).toBeUndefined();
      refused = await release();
      expect(refused.errors![0].message).toMatch(/ADMITTED/);
    } else {
      const stay = (await admit()).data!.admit;
      expect((await t.gql(DISCHARGE, { input: { stayId: stay.id, destination: 'UNKNOWN' } }, coordinator)).errors).toBeUndefined();
      refused = await t.gql(DISCHARGE, { input: { stayId: stay.id, destination: 'UNKNOWN' } }, coordinator);
      expect(refused.errors![0].message).toMatch(/DISCHARGED/);
    }
    expect(errorCode(refused)).toBe('CONFLICT');
  });

  it('refuses to take a HELD place out of service', async () => {
    const s = await createShelter(t, { places: 1 });
    await t.gql(CLAIM, { input: { placeIds: s.placeIds, householdSize: 1 } }, coordinator);
    const { rows: [p] } = await t.db.pool.query(`SELECT version FROM place WHERE id = $1`, [s.placeIds[0]]);
    const res = await t.gql(`mutation($input: SetPlaceStatusInput!) { setPlaceStatus(input: $input) { id } }`, {
      input: { placeId: s.placeIds[0], status: 'OUT_OF_SERVICE', reason: 'paint', expectedVersion: p.version },
    }, coordinator);
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toMatch(/is HELD/);
  });

  it('lets intake act only on its own shelters', async () => {
    const mine = await createShelter(t, { places: 1 });
    const theirs = await createShelter(t, { places: 1 });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [mine.shelterId] });
    const res = await t.gql(CLAIM, { input: { placeIds: theirs.placeIds, householdSize: 1 } }, intake);
    expect(errorCode(res)).toBe('FORBIDDEN');
    const referrer = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' } as never);
    const byReferrer = await t.gql(CLAIM, { input: { placeIds: mine.placeIds, householdSize: 1 } }, referrer);
    expect(errorCode(byReferrer)).toBe('FORBIDDEN');
    expect(await placeStatus(theirs.placeIds[0])).toBe('AVAILABLE');
  });

  describe('idempotency', () => {
    it('returns the first claim for a retry with the same key and input', async () => {
      const s = await createShelter(t, { places: 2 });
      const input = { placeIds: [s.placeIds[0]], householdSize: 2, idempotencyKey: 'officer-42-attempt' };
      const first = await t.gql(CLAIM, { input }, coordinator);
      const retry = await t.gql(CLAIM, { input }, coordinator);
      expect(retry.errors).toBeUndefined();
      expect(retry.data!.claimPlace.id).toBe(first.data!.claimPlace.id);
      const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM claim_place WHERE place_id = $1`, [s.placeIds[0]]);
      expect(rows[0].n).toBe(1);
    });

    it('answers CONFLICT for the same key with a different input', async () => {
      const s = await createShelter(t, { places: 2 });
      await t.gql(CLAIM, { input: { placeIds: [s.placeIds[0]], householdSize: 2, idempotencyKey: 'k-1' } }, coordinator);
      const other = await t.gql(CLAIM, { input: { placeIds: [s.placeIds[1]], householdSize: 2, idempotencyKey: 'k-1' } }, coordinator);
      expect(errorCode(other)).toBe('CONFLICT');
      expect(other.errors![0].message).toMatch(/idempotencyKey/);
      expect(await placeStatus(s.placeIds[1])).toBe('AVAILABLE');
    });

    it('creates one claim when the same retry arrives 20 times at once', async () => {
      const s = await createShelter(t, { places: 1 });
      const input = { placeIds: s.placeIds, householdSize: 1, idempotencyKey: 'burst-retry' };
      const results = await Promise.all(Array.from({ length: 20 }, () => t.gql(CLAIM, { input }, coordinator)));
      const ids = new Set(results.map((r) => r.data?.claimPlace?.id));
      expect(results.every((r) => r.errors === undefined)).toBe(true);
      expect(ids.size).toBe(1);
    });
  });

  describe('expiry', () => {
    async function lapse(claimId: string) {
      // Move the hold into the past instead of waiting for it.
      await t.db.pool.query(`UPDATE claim SET expires_at = now() - interval '1 second' WHERE id = $1`, [claimId]);
      await t.db.pool.query(`UPDATE place SET held_until = now() - interval '1 second' WHERE claim_id = $1`, [claimId]);
    }

    it('reads a lapsed hold as free at once, and the sweep returns the place within a moment', async () => {
      const s = await createShelter(t, { places: 1 });
      // Stop the sweep from racing the first reads: it runs every 200 ms here.
      const claim = (await t.gql(CLAIM, { input: { placeIds: s.placeIds, householdSize: 1, holdMinutes: 1 } }, coordinator)).data!.claimPlace;
      await lapse(claim.id);
      const read = await t.gql(`query($id: ID!) { claim(id: $id) { status places { status } } }`, { id: claim.id }, coordinator);
      expect(read.data!.claim).toEqual({ status: 'EXPIRED', places: [{ status: 'AVAILABLE' }] });

      const deadline = Date.now() + 10_000;
      while ((await placeStatus(s.placeIds[0])) !== 'AVAILABLE' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await placeStatus(s.placeIds[0])).toBe('AVAILABLE');
      const { rows } = await t.db.pool.query(`SELECT status::text FROM claim WHERE id = $1`, [claim.id]);
      expect(rows[0].status).toBe('EXPIRED');
      const audits = await t.db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'claim.expired'`, [claim.id]);
      expect(audits.rows[0].n).toBe(1);
    });

    it('lets someone else claim a lapsed hold before the sweep has run', async () => {
      const s = await createShelter(t, { places: 1 });
      const claim = (await t.gql(CLAIM, { input: { placeIds: s.placeIds, householdSize: 1 } }, coordinator)).data!.claimPlace;
      await lapse(claim.id);
      const again = await t.gql(CLAIM, { input: { placeIds: s.placeIds, householdSize: 1 } }, coordinator);
      expect(again.errors).toBeUndefined();
      const admitOld = await t.gql(ADMIT, { input: { claimId: claim.id, household: [{ sex: 'FEMALE', age: 30 }], originRegionId: s.regionId } }, coordinator);
      expect(errorCode(admitOld)).toBe('CONFLICT');
    });

    it('refuses a hold longer than 24 hours', async () => {
      const s = await createShelter(t, { places: 1 });
      const res = await t.gql(CLAIM, { input: { placeIds: s.placeIds, householdSize: 1, holdMinutes: 24 * 60 + 1 } }, coordinator);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    });
  });

  it('gives 10 free places to exactly 10 of 200 concurrent claims over HTTP', async () => {
    const s = await createShelter(t, { places: 10, beds: 2 });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [s.shelterId] });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.gql(CLAIM, { input: { placeIds: [s.placeIds[i % 10]], householdSize: 1 } }, intake),
      ),
    );
    const won = results.filter((r) => r.data?.claimPlace);
    const refused = results.filter((r) => errorCode(r) === 'CONFLICT');
    expect(won).toHaveLength(10);
    expect(refused).toHaveLength(190);
    expect(new Set(won.map((r) => r.data!.claimPlace.places[0].id)).size).toBe(10);
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS n FROM claim c JOIN claim_place cp ON cp.claim_id = c.id WHERE c.status = 'HELD' AND cp.place_id = ANY($1)`,
      [s.placeIds],
    );
    expect(rows[0].n).toBe(10);
  });
});
