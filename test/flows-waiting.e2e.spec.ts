import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { tidyRows } from '../src/flows/flow-presenter.js';
import { ADMIT, CLAIM, createShelter, DISCHARGE } from './support/fixtures.js';
import { createTestDatabase, TestDatabase } from './support/database.js';
import { bothWays, flowReport, localDay, recoverable, relationsOf } from './support/flow-report.js';
import { GqlResponse, startTestService, TestService } from './support/service.js';

const CREATE = `mutation($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id status } }`;
const WAIT = `mutation($id: ID!) { putOnWaitingList(id: $id) { id status } }`;

function ok(res: GqlResponse): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

async function waitFor(check: () => Promise<boolean>, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const withheld = { value: null, suppressed: true };
const v = (value: number) => ({ value, suppressed: false });
const keyed = (rows: { key: string; value: number | null; suppressed: boolean }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r.suppressed ? 'withheld' : r.value]));

/**
 * The waiting list in the flow reports, on a history built through the API: seven households wait
 * for a crisis place in Utrecht (put on the list 10, 9, ... 4 days ago), five men for a men's
 * place; a discharge frees six places, six offers are made, five accepted, one declined (too far),
 * the declined place goes to the seventh, and the one who declined cancels.
 */
describe('flow reports: the waiting list', () => {
  let db: TestDatabase;
  let t: TestService;
  let coordinator: string;
  let utrecht: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Its own database: no other test's waiting requests compete for the places.
    t = await startTestService({ db, env: { CLAIM_SWEEP_INTERVAL_MS: '60000' } });
    coordinator = await t.token({ role: Role.COORDINATOR, sub: 'coordinator-f' });
    const police = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-utrecht', sub: 'officer-f' });

    const shelter = await createShelter(t, { regionCode: 'utrecht', category: 'CRISIS', places: 6, beds: 2 });
    utrecht = shelter.regionId;
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId], sub: 'intake-f' });
    const claim = ok(await t.gql(CLAIM, { input: { placeIds: shelter.placeIds, householdSize: 12 } }, intake)).claimPlace;
    const household = Array.from({ length: 12 }, (_, i) => ({ sex: 'FEMALE', age: i === 0 ? 35 : 5 }));
    const stay = ok(await t.gql(ADMIT, { input: { claimId: claim.id, household, originRegionId: utrecht } }, intake)).admit;

    const wait = async (household: { sex: string; age: number }[]) => {
      const created = ok(await t.gql(CREATE, {
        input: {
          urgency: 'WITHIN_24H',
          risk: { level: 'LOW', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false },
          household, homeRegionId: utrecht, avoidRegionIds: [], preferredRegionIds: [], consentToShare: true,
        },
      }, police)).createPlacementRequest;
      expect(created.status).toBe('ESCALATED');
      expect(ok(await t.gql(WAIT, { id: created.id }, police)).putOnWaitingList.status).toBe('WAITING');
      return created.id as string;
    };
    const mothers: string[] = [];
    for (let i = 0; i < 7; i++) mothers.push(await wait([{ sex: 'FEMALE', age: 33 }, { sex: 'FEMALE', age: 7 }]));
    for (let i = 0; i < 5; i++) await wait([{ sex: 'MALE', age: 40 }]);
    // Put on the list 10, 9, ..., 4 days ago (the first waited longest: first in line).
    for (const [i, id] of mothers.entries()) {
      await db.pool.query(`UPDATE request_event SET at = now() - make_interval(days => $2) WHERE request_id = $1 AND kind = 'WAITING'`, [id, 10 - i]);
      await db.pool.query(`UPDATE placement_request SET waiting_since = now() - make_interval(days => $2) WHERE id = $1`, [id, 10 - i]);
    }

    const offers = async () => (await db.pool.query(`SELECT id, request_id FROM placement_offer WHERE status = 'OFFERED'`)).rows as { id: string; request_id: string }[];
    ok(await t.gql(DISCHARGE, { input: { stayId: stay.id, destination: 'INDEPENDENT_HOUSING' } }, intake));
    await waitFor(async () => (await offers()).length === 6);
    const offered = await offers();
    expect(offered.map((o) => o.request_id).sort()).toEqual(mothers.slice(0, 6).sort());
    const offerOf = (requestId: string) => offered.find((o) => o.request_id === requestId)!.id;
    for (const id of mothers.slice(0, 5)) {
      ok(await t.gql(`mutation($id: ID!) { acceptPlacementOffer(offerId: $id) { status } }`, { id: offerOf(id) }, police));
    }
    ok(await t.gql(`mutation($input: DeclineOfferInput!) { declinePlacementOffer(input: $input) { status } }`,
      { input: { offerId: offerOf(mothers[5]), reason: 'TOO_FAR' } }, police));
    await waitFor(async () => (await offers()).some((o) => o.request_id === mothers[6]));
    ok(await t.gql(`mutation($id: ID!) { cancelPlacementRequest(id: $id) { status } }`, { id: mothers[5] }, police));
  });
  afterAll(async () => {
    await t.close();
    await db.drop();
  });

  it('counts households waiting, days waited until they left the list, and the offers, with known answers', async () => {
    const report = await flowReport(t, coordinator, { regionId: utrecht, from: localDay(-11), to: localDay(0), granularity: 'DAY' });
    const w = report.total.waitingList;
    // Now: the seventh mother (her offer still open) and the five men.
    expect(w.waitingAtEnd).toEqual(v(6));
    expect(keyed(w.waitingAtEndByCategory)).toEqual({ CRISIS: 'withheld', MEN: 5 });
    // Six left the list: five by an accepted offer after 10, 9, 8, 7 and 6 days, one cancelled after 5.
    expect(w.leftList).toEqual(v(6));
    expect(keyed(w.leftListBy)).toEqual({ CANCELLED: 'withheld', OFFER_ACCEPTED: 'withheld' });
    expect(w.daysWaited).toEqual({ observations: v(6), p50: 7.5, p90: 9.5 });
    expect(w.offersMade).toEqual(v(7));
    // Five accepted, but withheld: they are the OFFER_ACCEPTED spells again, withheld with the one cancelled.
    expect(w.offersAccepted).toEqual(withheld);
    expect(w.offersDeclined).toEqual(withheld);
    expect(keyed(w.offersDeclinedByReason)).toEqual({ TOO_FAR: 'withheld' });
    // The trend: at the end of each day, 0 eleven days ago, then one more each day from 10 days ago
    // (1-4 withheld), 7 from 4 days ago, and 6 now.
    expect(report.buckets.map((b: { waitingList: { waitingAtEnd: unknown } }) => b.waitingList.waitingAtEnd)).toEqual([
      v(0), withheld, withheld, withheld, withheld, v(5), v(6), v(7), v(7), v(7), v(7), v(6),
    ]);
    // Everything happened today except going on the list.
    expect(report.buckets[11].waitingList.offersMade).toEqual(v(7));
    expect(report.buckets[10].waitingList.offersMade).toEqual(v(0));
  });

  it('reads the same report from the aggregates as from the source rows, the waiting list included', async () => {
    const answers = await bothWays(t, [utrecht, null], localDay(-11), localDay(0));
    for (const a of answers) expect({ label: a.label, report: a.aggregated }).toEqual({ label: a.label, report: a.direct });
    expect((answers[5].aggregated as any).total.waitingList.offersMade.value).toBeGreaterThan(0);
  });

  it('withholds so that no waiting-list figure can be worked out from the others', async () => {
    for (const granularity of ['DAY', 'WEEK', 'MONTH']) {
      for (const regionId of [utrecht, null]) {
        const report = await flowReport(t, coordinator, { regionId, from: localDay(-11), to: localDay(0), granularity });
        const { determined, inconsistent } = recoverable(relationsOf(report, regionId ? 'utrecht' : null));
        expect(inconsistent).toEqual([]);
        expect(determined).toEqual([]);
      }
    }
  });

  it('puts the waiting-list figures in the CSV and HTML exports', async () => {
    const report = await flowReport(t, coordinator, { regionId: utrecht, from: localDay(-11), to: localDay(0), granularity: 'MONTH' });
    const res = await request(t.service.url).get('/exports/flows.csv')
      .query({ regionId: utrecht, from: localDay(-11), to: localDay(0), granularity: 'MONTH' }).set('Authorization', `Bearer ${coordinator}`);
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\r\n');
    expect(lines.length - 1).toBe(tidyRows(report).length);
    expect(lines).toContain('total,waitingList.offersMade,,7,false');
    expect(lines).toContain('total,waitingList.waitingAtEndByCategory,MEN,5,false');
    expect(lines).toContain('total,waitingList.daysWaited.p50,,7.5,false');
    expect(lines).toContain('total,waitingList.offersDeclinedByReason,TOO_FAR,,true');
    const html = await request(t.service.url).get('/exports/flows.html')
      .query({ regionId: utrecht, from: localDay(-11), to: localDay(0) }).set('Authorization', `Bearer ${coordinator}`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('<td>waitingList.offersMade</td><td></td><td style="text-align:right">7</td>');
    expect(html.text).toContain('<td>waitingList.offersAccepted</td><td></td><td style="text-align:right">&lt;5</td>');
  });

  it('records the categories a request waits for when it is put on the list', async () => {
    const { rows } = await db.pool.query(`SELECT waiting_categories::text[] AS c, count(*)::int AS n FROM placement_request GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([{ c: ['CRISIS'], n: 7 }, { c: ['MEN'], n: 5 }]);
  });
});
