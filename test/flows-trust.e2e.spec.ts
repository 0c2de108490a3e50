import { ageBandOf } from '../src/placement/household.js';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { buildSchema, getNamedType, GraphQLObjectType, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '../src/common/enums.js';
import { ADMIT, CLAIM, createShelter, READY, ShelterFixture, TRANSFER } from './support/fixtures.js';
import { bothWays, flowReport, FLOW_REPORT, localDay, moveStay, recoverable, relationsOf } from './support/flow-report.js';
import { GqlResponse, errorCode, startTestService, TestService } from './support/service.js';

/**
 * Figures an analyst can trust: no withheld count can be worked out from the visible ones, the
 * current bucket is counted up to now, an unknown region is NOT_FOUND, blocked outflow follows
 * the stay to the region it moved to, and every figure says how it is counted.
 */
describe('flow report figures an analyst can trust', () => {
  let t: TestService;
  let regions: Record<string, string>;
  let coordinator: string;
  const ok = (res: GqlResponse): Record<string, any> => {
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!;
  };

  async function stay(o: {
    shelter: ShelterFixture; category: string; origin: string; admittedAt: string; members: [string, number][];
    dischargedAt?: string;
  }): Promise<string> {
    const claimId = randomUUID();
    const stayId = randomUUID();
    const size = o.members.length;
    await t.db.pool.query(
      `INSERT INTO claim (id, status, shelter_id, household_size, beds, expires_at, claimed_by, claimed_by_role, created_at, ended_at, end_reason)
       VALUES ($1, 'ADMITTED', $2, $3, $3, $4, 'history', 'INTAKE', $4, $4, 'admitted')`,
      [claimId, o.shelter.shelterId, size, o.admittedAt],
    );
    const children = o.members.filter(([, age]) => age < 18).length;
    await t.db.pool.query(
      `INSERT INTO stay (id, claim_id, status, shelter_id, region_id, category, origin_region_id, referrer_type, household_size, adults, children,
                         admitted_at, admitted_by, discharged_at, destination, admitted_shelter_id, admitted_region_id, admitted_category)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'POLICE', $8, $9, $10, $11, 'history', $12, $13, $4, $5, $6)`,
      [stayId, claimId, o.dischargedAt ? 'DISCHARGED' : 'ACTIVE', o.shelter.shelterId, o.shelter.regionId, o.category, regions[o.origin],
        size, size - children, children, o.admittedAt, o.dischargedAt ?? null, o.dischargedAt ? 'INDEPENDENT_HOUSING' : null],
    );
    for (const [sex, age] of o.members) {
      await t.db.pool.query(`INSERT INTO stay_member (stay_id, sex, age, age_band, is_child) VALUES ($1, $2, $3, $4, $5)`, [stayId, sex, age, ageBandOf(age), age < 18]);
    }
    return stayId;
  }

  const move = (stayId: string, to: ShelterFixture, toCategory: string, at: string, days: number) => moveStay(t.db.pool, stayId, to, toCategory, at, days);

  beforeAll(async () => {
    t = await startTestService();
    const { rows } = await t.db.pool.query(`SELECT code, id FROM region`);
    regions = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    coordinator = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());

  describe('suppression over every additive relation', () => {
    beforeAll(async () => {
      const uE = await createShelter(t, { regionCode: 'utrecht', category: 'EMERGENCY', places: 20 });
      const uC = await createShelter(t, { regionCode: 'utrecht', category: 'CRISIS', places: 20 });
      const aC = await createShelter(t, { regionCode: 'amersfoort', category: 'CRISIS', places: 20 });
      // Monday 4 May 2026: 11 mothers with one child each in Utrecht. Children 11, of them 8 girls
      // and 3 boys; mothers 7 aged 23-30, 2 aged 31-40, 2 aged 41-50 (so persons by sex and age has
      // three withheld cells of its own, and only "children = the 0-17 cells" protects the boys).
      const ages = [25, 25, 25, 25, 25, 25, 25, 35, 35, 45, 45];
      const mothers: string[] = [];
      for (const [i, age] of ages.entries()) {
        mothers.push(await stay({ shelter: uE, category: 'EMERGENCY', origin: 'utrecht', admittedAt: `2026-05-04T1${i % 10}:0${Math.floor(i / 10)}:00+02:00`,
          members: [['FEMALE', age], [i < 8 ? 'FEMALE' : 'MALE', 6]] }));
      }
      // Amersfoort: 3 from Leeuwarden on 4 May, 6 from Utrecht on 5 May (the country's matrix and
      // inflow by origin are two views of the same admissions).
      for (let i = 0; i < 3; i++) await stay({ shelter: aC, category: 'CRISIS', origin: 'leeuwarden', admittedAt: `2026-05-04T0${i}:00:00+02:00`, members: [['FEMALE', 29]] });
      for (let i = 0; i < 6; i++) await stay({ shelter: aC, category: 'CRISIS', origin: 'utrecht', admittedAt: `2026-05-05T0${i}:00:00+02:00`, members: [['FEMALE', 52]] });
      // Moves out of Utrecht emergency: 3 on 5 May, 6 on 12 May (the days-before-move observations
      // repeat the transfers).
      for (const [i, id] of mothers.slice(0, 3).entries()) await move(id, uC, 'CRISIS', `2026-05-05T1${i}:00:00+02:00`, 1);
      for (const [i, id] of mothers.slice(3, 9).entries()) await move(id, uC, 'CRISIS', `2026-05-12T1${i}:00:00+02:00`, 8);
      // Discharges from Utrecht crisis of stays that began in April: 3 on 5 May, 6 on 2 June.
      for (let i = 0; i < 3; i++) await stay({ shelter: uC, category: 'CRISIS', origin: 'utrecht', admittedAt: '2026-04-01T10:00:00+02:00', members: [['FEMALE', 40]], dischargedAt: `2026-05-05T1${i}:00:00+02:00` });
      for (let i = 0; i < 6; i++) await stay({ shelter: uC, category: 'CRISIS', origin: 'utrecht', admittedAt: '2026-04-01T10:00:00+02:00', members: [['FEMALE', 40]], dischargedAt: `2026-06-02T1${i}:00:00+02:00` });
      // Requests not admitted: 2 for lack of capacity on 5 May, 5 with contact lost on 2 June.
      for (const [n, day, reason] of [[2, '2026-05-05', 'NO_CAPACITY'], [5, '2026-06-02', 'CONTACT_LOST']] as const) {
        for (let i = 0; i < n; i++) {
          await t.db.pool.query(
            `INSERT INTO placement_request (status, urgency, risk_level, home_region_id, consent_to_share, household_size, adults, children,
               referrer_sub, referrer_role, created_at, closed_at, close_reason)
             VALUES ('NOT_ADMITTED', 'WITHIN_24H', 'LOW', $1, true, 1, 1, 0, 'vt', 'REFERRER', $2::timestamptz - interval '1 day', $2, $3)`,
            [regions.utrecht, `${day}T1${i}:00:00+02:00`, reason],
          );
        }
      }
    });

    const reports: [string, string | null][] = [['utrecht', 'utrecht'], ['amersfoort', 'amersfoort'], ['the country', null]];
    for (const [name, code] of reports) {
      for (const granularity of ['DAY', 'WEEK', 'MONTH']) {
        it(`no withheld cell of ${name}'s report (${granularity}) can be worked out from the visible ones`, async () => {
          const report = await flowReport(t, coordinator, { regionId: code ? regions[code] : null, from: '2026-05-01', to: '2026-06-30', granularity });
          const relations = relationsOf(report, code);
          // The history has small counts, so something is withheld to begin with.
          expect(JSON.stringify(report)).toContain('"suppressed":true');
          const { determined, inconsistent } = recoverable(relations);
          expect(inconsistent).toEqual([]);
          expect(determined).toEqual([]);
        });
      }
    }

    it('withholds the 8 girls with the 3 boys of a day with 11 children (the case that was found)', async () => {
      const report = await flowReport(t, coordinator, { regionId: regions.utrecht, from: '2026-05-04', to: '2026-05-04', granularity: 'DAY' });
      expect(report.total.inflow.children).toEqual({ value: 11, suppressed: false });
      const bands = Object.fromEntries(report.total.inflow.bySexAndAgeBand.map((c: { key: string; value: number | null }) => [c.key, c.value]));
      expect(bands).toEqual({ 'FEMALE 0-17': null, 'MALE 0-17': null, 'FEMALE 23-30': 7, 'FEMALE 31-40': null, 'FEMALE 41-50': null });
    });
  });

  it('counts the days waiting of the current bucket up to now, not to the end of the bucket', async () => {
    const shelter = await createShelter(t, { regionCode: 'groningen', category: 'CRISIS', places: 5, beds: 1 });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId] });
    const stays: string[] = [];
    for (const placeId of shelter.placeIds) {
      const claim = ok(await t.gql(CLAIM, { input: { placeIds: [placeId], householdSize: 1 } }, intake)).claimPlace;
      stays.push(ok(await t.gql(ADMIT, { input: { claimId: claim.id, household: [{ sex: 'FEMALE', age: 30 }], originRegionId: shelter.regionId } }, intake)).admit.id);
    }
    for (const stayId of stays) ok(await t.gql(READY, { input: { stayId, blockers: ['HOUSING'] } }, intake));
    // They have been ready for two days.
    await t.db.pool.query(`UPDATE outflow_readiness SET marked_at = now() - interval '2 days' WHERE stay_id = ANY($1::uuid[])`, [stays]);
    await t.db.pool.query(`UPDATE stay SET ready_for_outflow_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])`, [stays]);
    // The month bucket that contains today ends later (at least at midnight): count to now.
    const report = await flowReport(t, coordinator, { regionId: shelter.regionId, from: localDay(0), to: localDay(40), granularity: 'MONTH' });
    const [current] = report.buckets;
    expect(current.blockedOutflow.atPeriodEnd).toEqual({ value: 5, suppressed: false });
    expect(current.blockedOutflow.daysWaitingP50).toBeCloseTo(2, 1);
    expect(report.total.blockedOutflow.daysWaitingP50).toBeCloseTo(2, 1);
  });

  it('counts the days waiting of a past bucket from the first mark, also for stays cleared since or whose blockers changed', async () => {
    const shelter = await createShelter(t, { regionCode: 'leiden', category: 'CRISIS', places: 1 });
    const at = (day: string, hour: string) => `${day}T${hour}:00:00+02:00`;
    for (let i = 0; i < 6; i++) {
      const stayId = await stay({ shelter, category: 'CRISIS', origin: 'leiden', admittedAt: at('2026-05-01', '10'), members: [['FEMALE', 30]] });
      // Ready from 10 May noon; three of them had their blockers changed on the 12th (still waiting
      // since the 10th), and all were no longer ready from the 20th on.
      if (i < 3) {
        await t.db.pool.query(
          `INSERT INTO outflow_readiness (stay_id, region_id, blockers, marked_at, cleared_at, cleared_because) VALUES
             ($1, $2, '{HOUSING}', $3, $4, 'blockers changed'), ($1, $2, '{HOUSING,DEBTS}', $4, $5, 'cleared')`,
          [stayId, shelter.regionId, at('2026-05-10', '12'), at('2026-05-12', '12'), at('2026-05-20', '12')],
        );
      } else {
        await t.db.pool.query(
          `INSERT INTO outflow_readiness (stay_id, region_id, blockers, marked_at, cleared_at, cleared_because) VALUES ($1, $2, '{HOUSING}', $3, $4, 'cleared')`,
          [stayId, shelter.regionId, at('2026-05-10', '12'), at('2026-05-20', '12')],
        );
      }
    }
    // The stays are no longer ready: ready_for_outflow_at is NULL, as the API leaves it after a clear.
    const report = await flowReport(t, coordinator, { regionId: shelter.regionId, from: '2026-05-13', to: '2026-05-13', granularity: 'DAY' });
    expect(report.total.blockedOutflow.atPeriodEnd).toEqual({ value: 6, suppressed: false });
    // From 10 May 12:00 to the end of 13 May: 3.5 days, for all six.
    expect(report.total.blockedOutflow.daysWaitingP50).toBe(3.5);
    expect(report.total.blockedOutflow.markedInPeriod).toEqual({ value: 0, suppressed: false });
  });

  it('counts a blocked stay in the region it moved to, and in the region it left only before the move', async () => {
    const zwolle = await createShelter(t, { regionCode: 'zwolle', category: 'CRISIS', places: 1, beds: 1 });
    const deventer = await createShelter(t, { regionCode: 'deventer', category: 'CRISIS', places: 1, beds: 1 });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [zwolle.shelterId, deventer.shelterId] });
    const claim = ok(await t.gql(CLAIM, { input: { placeIds: zwolle.placeIds, householdSize: 1 } }, intake)).claimPlace;
    const stayId = ok(await t.gql(ADMIT, { input: { claimId: claim.id, household: [{ sex: 'FEMALE', age: 30 }], originRegionId: zwolle.regionId } }, intake)).admit.id;
    ok(await t.gql(READY, { input: { stayId, blockers: ['HOUSING'] } }, intake));
    // Marked ready in Zwolle three days ago; moved to Deventer today.
    await t.db.pool.query(`UPDATE outflow_readiness SET marked_at = now() - interval '3 days' WHERE stay_id = $1`, [stayId]);
    await t.db.pool.query(`UPDATE stay SET ready_for_outflow_at = now() - interval '3 days', admitted_at = now() - interval '4 days' WHERE id = $1`, [stayId]);
    ok(await t.gql(TRANSFER, { input: { stayId, toPlaceIds: deventer.placeIds, reason: 'closer to new housing' } }, intake));

    const blocked = async (regionId: string) => {
      const r = await flowReport(t, coordinator, { regionId, from: localDay(-2), to: localDay(0), granularity: 'DAY' });
      return r.buckets.map((b: { blockedOutflow: { atPeriodEnd: unknown } }) => b.blockedOutflow.atPeriodEnd);
    };
    const withheld = { value: null, suppressed: true };
    const none = { value: 0, suppressed: false };
    // Two days ago and yesterday it was blocked in Zwolle; today (now) in Deventer.
    expect(await blocked(zwolle.regionId)).toEqual([withheld, withheld, none]);
    expect(await blocked(deventer.regionId)).toEqual([none, none, withheld]);
  });

  it('answers NOT_FOUND for a well-formed region id that does not exist, in GraphQL and the exports', async () => {
    const unknown = randomUUID();
    const res = await t.gql(FLOW_REPORT, { regionId: unknown, from: '2026-05-01', to: '2026-05-31' }, coordinator);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.data?.flowReport ?? null).toBeNull();
    for (const path of ['/exports/flows.csv', '/exports/flows.html']) {
      const exported = await request(t.service.url).get(path).query({ regionId: unknown, from: '2026-05-01', to: '2026-05-31' })
        .set('Authorization', `Bearer ${coordinator}`);
      expect(exported.status).toBe(404);
      expect(exported.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('reads the same report from the aggregates as from the source rows, these histories included', async () => {
    const answers = await bothWays(t, [regions.utrecht, regions.leiden, null], '2026-04-01', localDay(0));
    for (const a of answers) expect({ label: a.label, report: a.aggregated }).toEqual({ label: a.label, report: a.direct });
    expect((answers[8].aggregated as any).total.outflow.discharges.value).toBeGreaterThan(0);
  });

  it('describes every field of every flow report type in schema.gql', () => {
    const schema = buildSchema(readFileSync(join(process.cwd(), 'schema.gql'), 'utf8'));
    const seen = new Set<string>();
    const missing: string[] = [];
    const walk = (type: GraphQLObjectType) => {
      if (seen.has(type.name)) return;
      seen.add(type.name);
      if (!type.description) missing.push(type.name);
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        const named = getNamedType(field.type);
        if (isObjectType(named)) walk(named);
      }
    };
    walk(schema.getType('FlowReport') as GraphQLObjectType);
    expect(seen.size).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });
});
