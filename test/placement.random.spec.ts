import fc from 'fast-check';
import { Role } from '../src/common/enums.js';
import { ADMIT, CLAIM, createShelter, DISCHARGE, invariantViolations, READY, RELEASE, ShelterFixture, TRANSFER } from './support/fixtures.js';
import { errorCode, GqlResponse, startTestService, TestService } from './support/service.js';

type Op =
  | { kind: 'claim'; places: number[]; size: number; key: number | null }
  | { kind: 'release' | 'admit' | 'discharge' | 'expire' | 'ready'; pick: number }
  | { kind: 'transfer'; pick: number; places: number[] }
  | { kind: 'outOfService' | 'backInService'; place: number };

const PLACES = 8;
const placeIndexes = fc.uniqueArray(fc.integer({ min: 0, max: PLACES - 1 }), { minLength: 1, maxLength: 2 });
const picked = (kind: 'release' | 'admit' | 'discharge' | 'expire' | 'ready') => fc.record({ kind: fc.constant(kind), pick: fc.nat() });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('claim' as const), places: placeIndexes, size: fc.integer({ min: 1, max: 3 }), key: fc.option(fc.integer({ min: 0, max: 3 })) }) },
  { weight: 4, arbitrary: picked('admit') },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick: fc.nat(), places: placeIndexes }) },
  { weight: 2, arbitrary: picked('ready') },
  { weight: 1, arbitrary: picked('release') },
  { weight: 1, arbitrary: picked('discharge') },
  { weight: 1, arbitrary: picked('expire') },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('outOfService' as const, 'backInService' as const), place: fc.integer({ min: 0, max: PLACES - 1 }) }) },
);

// Outcomes a client may legitimately get when racing others; anything else is a bug.
const ACCEPTABLE = new Set(['OK', 'CONFLICT', 'BAD_USER_INPUT']);

/**
 * Many clients interleave every kind of state change on a few places, while the expiry sweep
 * runs every 100 ms. After each run the database must satisfy the invariant, and what the API
 * reports must match it.
 */
describe('placement under random interleavings (fast-check)', () => {
  let t: TestService;
  let coordinator: string;
  const succeeded = new Map<string, number>();

  beforeAll(async () => {
    t = await startTestService({ env: { CLAIM_SWEEP_INTERVAL_MS: '100' } });
    coordinator = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());

  async function execute(shelters: ShelterFixture[], ops: Op[], claims: string[], stays: string[], outcomes: string[]) {
    const places = shelters.flatMap((s) => s.placeIds);
    // Mostly the newest entries, which are likelier to be still alive; sometimes any.
    const pickOf = <T>(list: T[], n: number) =>
      list.length ? list[n % 4 === 0 ? n % list.length : list.length - 1 - (n % Math.min(2, list.length))] : undefined;
    for (const o of ops) {
      let res: GqlResponse | undefined;
      switch (o.kind) {
        case 'claim':
          res = await t.gql(CLAIM, { input: { placeIds: o.places.map((i) => places[i]), householdSize: o.size, ...(o.key === null ? {} : { idempotencyKey: `k${o.key}` }) } }, coordinator);
          if (res.data?.claimPlace) claims.push(res.data.claimPlace.id);
          break;
        case 'release': {
          const id = pickOf(claims, o.pick);
          if (id) res = await t.gql(RELEASE, { input: { claimId: id, reason: 'random' } }, coordinator);
          break;
        }
        case 'admit': {
          const id = pickOf(claims, o.pick);
          if (!id) break;
          const { rows } = await t.db.pool.query(`SELECT household_size FROM claim WHERE id = $1`, [id]);
          const household = Array.from({ length: rows[0].household_size }, (_, i) => ({ sex: 'FEMALE', age: i === 0 ? 30 : 5 }));
          res = await t.gql(ADMIT, { input: { claimId: id, household, originRegionId: shelters[0].regionId } }, coordinator);
          if (res.data?.admit) stays.push(res.data.admit.id);
          break;
        }
        case 'transfer': {
          const id = pickOf(stays, o.pick);
          if (id) res = await t.gql(TRANSFER, { input: { stayId: id, toPlaceIds: o.places.map((i) => places[i]), reason: 'random' } }, coordinator);
          break;
        }
        case 'discharge': {
          const id = pickOf(stays, o.pick);
          if (id) res = await t.gql(DISCHARGE, { input: { stayId: id, destination: 'UNKNOWN' } }, coordinator);
          break;
        }
        case 'ready': {
          const id = pickOf(stays, o.pick);
          if (id) res = await t.gql(READY, { input: { stayId: id, blockers: o.pick % 2 ? ['HOUSING'] : [] } }, coordinator);
          break;
        }
        case 'expire': {
          const id = pickOf(claims, o.pick);
          // Time passes for this hold: the sweep or the next locker must expire it exactly once.
          // This shortcut locks the claim before its places, the service the other way round, so
          // PostgreSQL may choose it as a deadlock victim (rolled back whole): retry it, as the
          // service retries its own transactions.
          for (let attempt = 1; id; attempt++) {
            try {
              await t.db.pool.query(
                `WITH c AS (UPDATE claim SET expires_at = now() - interval '1 ms' WHERE id = $1 AND status = 'HELD' RETURNING id)
                 UPDATE place SET held_until = now() - interval '1 ms' WHERE claim_id IN (SELECT id FROM c)`,
                [id],
              );
              break;
            } catch (err) {
              if ((err as { code?: string }).code !== '40P01' || attempt === 5) throw err;
            }
          }
          break;
        }
        case 'outOfService':
        case 'backInService': {
          const placeId = places[o.place];
          const { rows } = await t.db.pool.query(`SELECT version FROM place WHERE id = $1`, [placeId]);
          res = await t.gql(`mutation($input: SetPlaceStatusInput!) { setPlaceStatus(input: $input) { id } }`, {
            input: { placeId, status: o.kind === 'outOfService' ? 'OUT_OF_SERVICE' : 'AVAILABLE', reason: 'random', expectedVersion: rows[0].version },
          }, coordinator);
          break;
        }
      }
      if (res) outcomes.push(res.errors ? String(errorCode(res)) : 'OK');
      if (res && !res.errors) succeeded.set(o.kind, (succeeded.get(o.kind) ?? 0) + 1);
    }
  }

  it('keeps every place held or occupied by at most one claim or stay, and the API in step', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 4, maxLength: 14 }), { minLength: 3, maxLength: 8 }), async (clients) => {
        runs++;
        const shelters = [
          await createShelter(t, { places: PLACES / 2, beds: 3 }),
          await createShelter(t, { places: PLACES / 2, beds: 2 }),
        ];
        const claims: string[] = [];
        const stays: string[] = [];
        const outcomes: string[] = [];
        await Promise.all(clients.map((ops) => execute(shelters, ops, claims, stays, outcomes)));

        expect(outcomes.filter((o) => !ACCEPTABLE.has(o))).toEqual([]);
        expect(await invariantViolations(t)).toEqual([]);
        const ids = shelters.flatMap((s) => s.placeIds);
        const { rows } = await t.db.pool.query(
          `SELECT id, CASE WHEN status = 'HELD' AND held_until <= now() THEN 'AVAILABLE' ELSE status::text END AS status
             FROM place WHERE id = ANY($1)`,
          [ids],
        );
        const api = await t.gql(`query($id: ID!) { shelter(id: $id) { places { id status } } }`, { id: shelters[0].shelterId }, coordinator);
        for (const place of api.data!.shelter.places) {
          expect(place.status).toBe(rows.find((r) => r.id === place.id)!.status);
        }
      }),
      { numRuns: 30 },
    );
    expect(runs).toBe(30);
    // The runs really exercised the lifecycle, not just a wall of conflicts.
    for (const kind of ['claim', 'release', 'admit', 'transfer', 'discharge', 'ready', 'outOfService']) {
      if (!succeeded.get(kind)) throw new Error(`no successful ${kind} in any run: ${JSON.stringify([...succeeded])}`);
      expect(succeeded.get(kind) ?? 0).toBeGreaterThan(0);
    }
    const { rows: [{ expired }] } = await t.db.pool.query(`SELECT count(*)::int AS expired FROM claim WHERE status = 'EXPIRED'`);
    expect(expired).toBeGreaterThan(0);
  });
});
