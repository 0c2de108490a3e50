import { ageBandOf } from '../src/placement/household.js';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { Role } from '../src/common/enums.js';
import { tidyRows } from '../src/flows/flow-presenter.js';
import { createShelter, ShelterFixture } from './support/fixtures.js';
import { bothWays, FLOW_REPORT, moveStay } from './support/flow-report.js';
import { startTestService, TestService } from './support/service.js';

// Every figure, the waiting list included: the CSV test compares the export with all of it.
const REPORT = FLOW_REPORT;

const v = (value: number) => ({ value, suppressed: false });
const keyed = (rows: { key: string; value: number | null; suppressed: boolean }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r.suppressed ? 'withheld' : r.value]));

/**
 * A small hand-built history with known answers, written straight into the event tables (the
 * dates lie in the past). Region Utrecht, January to March 2026, in Amsterdam time.
 */
describe('flow reports', () => {
  let t: TestService;
  let regions: Record<string, string>;
  let uE: ShelterFixture;
  let uC: ShelterFixture;
  let aC: ShelterFixture;
  let aF: ShelterFixture;
  let coordinator: string;
  let municipality: string;

  async function stay(o: {
    shelter: ShelterFixture; category: string; origin: string; admittedAt: string; referrer?: string;
    members: [string, number][]; dischargedAt?: string; destination?: string;
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
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'history', $13, $14, $4, $5, $6)`,
      [stayId, claimId, o.dischargedAt ? 'DISCHARGED' : 'ACTIVE', o.shelter.shelterId, o.shelter.regionId, o.category, regions[o.origin],
        o.referrer ?? null, size, size - children, children, o.admittedAt, o.dischargedAt ?? null, o.destination ?? null],
    );
    for (const [sex, age] of o.members) {
      await t.db.pool.query(`INSERT INTO stay_member (stay_id, sex, age, age_band, is_child) VALUES ($1, $2, $3, $4, $5)`, [stayId, sex, age, ageBandOf(age), age < 18]);
    }
    return stayId;
  }

  const move = (stayId: string, to: ShelterFixture, toCategory: string, at: string, days: number) => moveStay(t.db.pool, stayId, to, toCategory, at, days);

  const times = (n: number) => Array.from({ length: n }, (_, i) => i);

  beforeAll(async () => {
    t = await startTestService();
    const { rows } = await t.db.pool.query(`SELECT code, id FROM region`);
    regions = Object.fromEntries(rows.map((r) => [r.code, r.id]));
    uE = await createShelter(t, { regionCode: 'utrecht', category: 'EMERGENCY', places: 10 });
    uC = await createShelter(t, { regionCode: 'utrecht', category: 'CRISIS', places: 10 });
    aC = await createShelter(t, { regionCode: 'amersfoort', category: 'CRISIS', places: 10 });
    aF = await createShelter(t, { regionCode: 'amersfoort', category: 'FOLLOW_ON', places: 10 });
    coordinator = await t.token({ role: Role.COORDINATOR });
    municipality = await t.token({ role: Role.MUNICIPALITY, regionId: regions.utrecht });

    // January: 6 emergency admissions (mother 30 + son 5) from Utrecht itself, by police.
    const j1 = [];
    for (const i of times(6)) j1.push(await stay({ shelter: uE, category: 'EMERGENCY', origin: 'utrecht', referrer: 'POLICE', admittedAt: `2026-01-10T1${i}:00:00+01:00`, members: [['FEMALE', 30], ['MALE', 5]] }));
    // January: 5 crisis admissions from Amersfoort (national accessibility), by Veilig Thuis.
    const j2 = [];
    for (const i of times(5)) j2.push(await stay({ shelter: uC, category: 'CRISIS', origin: 'amersfoort', referrer: 'VEILIG_THUIS', admittedAt: `2026-01-20T1${i}:00:00+01:00`, members: [['FEMALE', 45]] }));
    // February: 5 crisis admissions from Utrecht, each after a request (2 h to claim, 4 h to admission);
    // discharged on the last day of the period, 23:00 Amsterdam time.
    for (const i of times(5)) {
      const admittedAt = `2026-02-10T12:0${i}:00+01:00`;
      const stayId = await stay({ shelter: uC, category: 'CRISIS', origin: 'utrecht', referrer: 'VEILIG_THUIS', admittedAt, members: [['FEMALE', 25]],
        dischargedAt: '2026-03-31T23:00:00+02:00', destination: 'INDEPENDENT_HOUSING' });
      const { rows: [c] } = await t.db.pool.query(`SELECT claim_id FROM stay WHERE id = $1`, [stayId]);
      const requestId = randomUUID();
      await t.db.pool.query(
        `INSERT INTO placement_request (id, status, urgency, risk_level, home_region_id, consent_to_share, household_size, adults, children,
           referrer_sub, referrer_role, created_at, claim_id, receiving_shelter_id, closed_at)
         VALUES ($1, 'ADMITTED', 'WITHIN_24H', 'MEDIUM', $2, true, 1, 1, 0, 'vt', 'REFERRER', $3::timestamptz - interval '4 hours', $4, $5, $3)`,
        [requestId, regions.utrecht, admittedAt, c.claim_id, uC.shelterId],
      );
      await t.db.pool.query(`INSERT INTO request_event (request_id, at, kind, actor) VALUES ($1, $2::timestamptz - interval '2 hours', 'CLAIMED', 'intake')`, [requestId, admittedAt]);
    }
    // March: 5 emergency admissions, the last minutes of the period (31 March 23:30).
    for (const i of times(5)) await stay({ shelter: uE, category: 'EMERGENCY', origin: 'utrecht', referrer: 'POLICE', admittedAt: `2026-03-31T23:3${i}:00+02:00`, members: [['FEMALE', 19]] });
    // Outside the period: 1 April 00:30, and 28 December (but discharged on 5 January: outflow in January).
    for (const i of times(5)) await stay({ shelter: uE, category: 'EMERGENCY', origin: 'utrecht', admittedAt: `2026-04-01T00:3${i}:00+02:00`, members: [['FEMALE', 33]] });
    for (const i of times(5)) await stay({ shelter: uC, category: 'CRISIS', origin: 'utrecht', referrer: 'VEILIG_THUIS', admittedAt: `2025-12-28T1${i}:00:00+01:00`, members: [['FEMALE', 35]],
      dischargedAt: `2026-01-05T1${i}:00:00+01:00`, destination: 'FAMILY_OR_NETWORK' });
    // Utrecht's clients placed in Amersfoort (matrix), not in Utrecht's inflow.
    for (const i of times(5)) await stay({ shelter: aC, category: 'CRISIS', origin: 'utrecht', referrer: 'POLICE', admittedAt: `2026-01-25T1${i}:00:00+01:00`, members: [['FEMALE', 52]] });
    // Three from Leeuwarden in Amersfoort: a small count, for Amersfoort's own report.
    for (const i of times(3)) await stay({ shelter: aC, category: 'CRISIS', origin: 'leeuwarden', referrer: 'POLICE', admittedAt: `2026-01-26T1${i}:00:00+01:00`, members: [['FEMALE', 29]] });

    // Throughflow: in February the January emergency stays move on to crisis in Utrecht (2-6 days);
    // in March the Amersfoort clients move to follow-on in Amersfoort (another region).
    for (const [i, id] of j1.slice(0, 5).entries()) await move(id, uC, 'CRISIS', `2026-02-01T10:0${i}:00+01:00`, 2 + i);
    for (const id of j2) await move(id, aF, 'FOLLOW_ON', '2026-03-10T10:00:00+01:00', 49);
    // Blocked outflow: the five moved to Utrecht crisis are ready to leave from 1 March, blocked by housing and debts.
    for (const id of j1.slice(0, 5)) {
      await t.db.pool.query(`UPDATE stay SET ready_for_outflow_at = '2026-03-01T00:00:00+01:00', outflow_blockers = '{HOUSING,DEBTS}' WHERE id = $1`, [id]);
      await t.db.pool.query(`INSERT INTO outflow_readiness (stay_id, region_id, blockers, marked_at) VALUES ($1, $2, '{HOUSING,DEBTS}', '2026-03-01T00:00:00+01:00')`, [id, regions.utrecht]);
    }
    // Unmet demand: five requests escalated on 14 February and closed for lack of capacity on the 15th.
    for (const i of times(5)) {
      await t.db.pool.query(
        `INSERT INTO placement_request (status, urgency, risk_level, home_region_id, consent_to_share, household_size, adults, children,
           referrer_sub, referrer_role, created_at, escalated_at, escalation_reason, closed_at, close_reason)
         VALUES ('NOT_ADMITTED', 'IMMEDIATE', 'HIGH', $1, true, 1, 1, 0, 'police', 'REFERRER', '2026-02-14T10:0${i}:00+01:00',
                 '2026-02-14T10:2${i}:00+01:00', 'nobody claimed', '2026-02-15T09:00:00+01:00', 'NO_CAPACITY')`,
        [regions.utrecht],
      );
    }
    // Availability snapshots: on 15 January no emergency bed was free in Utrecht; on the 16th two were.
    await t.db.pool.query(
      `INSERT INTO availability_snapshot (taken_at, region_id, category, places, available, held, occupied, out_of_service) VALUES
         ('2026-01-15T03:00:00+01:00', $1, 'EMERGENCY', 10, 0, 0, 10, 0),
         ('2026-01-16T03:00:00+01:00', $1, 'EMERGENCY', 10, 2, 0, 8, 0)`,
      [regions.utrecht],
    );
  });
  afterAll(async () => t.close());

  async function report(variables: Record<string, unknown>, token = municipality) {
    const res = await t.gql(REPORT, { from: '2026-01-01', to: '2026-03-31', granularity: 'MONTH', ...variables }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.flowReport;
  }

  it('counts every measure of a known history, per month and in total', async () => {
    const r = await report({ regionId: regions.utrecht });
    expect(r.buckets.map((b: { start: string; end: string }) => [b.start, b.end])).toEqual([
      ['2026-01-01', '2026-01-31'], ['2026-02-01', '2026-02-28'], ['2026-03-01', '2026-03-31'],
    ]);
    const [jan, feb, mar] = r.buckets;
    const total = r.total;

    // Inflow: 11 + 5 + 5 (the 31 March 23:30 admissions count; 1 April and 28 December do not).
    expect([jan, feb, mar, total].map((p) => p.inflow.admissions)).toEqual([v(11), v(5), v(5), v(21)]);
    expect(total.inflow.persons).toEqual(v(27));
    expect(total.inflow.adults).toEqual(v(21));
    expect(total.inflow.children).toEqual(v(6));
    expect(keyed(total.inflow.byCategory)).toEqual({ CRISIS: 10, EMERGENCY: 11 });
    expect(keyed(jan.inflow.byCategory)).toEqual({ CRISIS: 5, EMERGENCY: 6 });
    expect(keyed(total.inflow.byOrigin)).toEqual({ OWN_REGION: 16, amersfoort: 5 });
    expect(keyed(total.inflow.byReferrerType)).toEqual({ POLICE: 11, VEILIG_THUIS: 10 });
    expect(keyed(total.inflow.bySexAndAgeBand)).toEqual({ 'FEMALE 18-22': 5, 'FEMALE 23-30': 11, 'FEMALE 41-50': 5, 'MALE 0-17': 6 });

    // Throughflow: 5 emergency > crisis in February (2..6 days), 5 crisis > follow-on to Amersfoort in March.
    expect([jan, feb, mar, total].map((p) => p.throughflow.transfers)).toEqual([v(0), v(5), v(5), v(10)]);
    expect(keyed(total.throughflow.byMove)).toEqual({ 'CRISIS>FOLLOW_ON': 5, 'EMERGENCY>CRISIS': 5 });
    expect(total.throughflow.toOtherRegions).toEqual(v(5));
    expect(feb.throughflow.daysBeforeMove).toEqual({ observations: v(5), p50: 4, p90: 5.6 });

    // Outflow: 5 on 5 January (stays that began before the period), 5 on the last day at 23:00.
    expect([jan, feb, mar, total].map((p) => p.outflow.discharges)).toEqual([v(5), v(0), v(5), v(10)]);
    expect(keyed(total.outflow.byDestination)).toEqual({ FAMILY_OR_NETWORK: 5, INDEPENDENT_HOUSING: 5 });
    const [crisisLos] = total.outflow.lengthOfStay;
    expect(crisisLos).toMatchObject({ category: 'CRISIS', discharges: v(10), normDays: 63, overNormShare: 0, overMaxShare: 0 });
    expect(mar.outflow.lengthOfStay[0].p50Days).toBeCloseTo(49.5, 0);
    expect(jan.outflow.lengthOfStay[0].p50Days).toBe(8);

    // Blocked outflow: none at the end of January and February, 5 at the end of March, waiting 31 days.
    expect([jan, feb, mar, total].map((p) => p.blockedOutflow.atPeriodEnd)).toEqual([v(0), v(0), v(5), v(5)]);
    expect(keyed(mar.blockedOutflow.byBlocker)).toEqual({ DEBTS: 5, HOUSING: 5 });
    expect(mar.blockedOutflow.daysWaitingP50).toBeCloseTo(31, 0);
    expect(total.blockedOutflow.markedInPeriod).toEqual(v(5));

    // Unmet demand: 5 closed for lack of capacity and 5 escalations in February; 2 h to claim, 4 h to admission.
    expect(feb.unmetDemand.notAdmitted).toEqual(v(5));
    expect(keyed(total.unmetDemand.byReason)).toEqual({ NO_CAPACITY: 5 });
    expect([jan, feb, mar].map((p) => p.unmetDemand.escalations)).toEqual([v(0), v(5), v(0)]);
    expect(total.unmetDemand.hoursToClaim).toEqual({ observations: v(5), p50: 2, p90: 2 });
    expect(total.unmetDemand.hoursToAdmission).toEqual({ observations: v(5), p50: 4, p90: 4 });
    expect(keyed(jan.unmetDemand.daysWithoutFreePlace)).toEqual({ EMERGENCY: 1 });

    // Occupancy from the two January snapshots: (10 + 8) / (10 + 10).
    expect(jan.occupancy).toEqual([{ category: 'EMERGENCY', rate: 0.9, occupiedPlaceSamples: 18, inServicePlaceSamples: 20 }]);

    // Placement matrix: who came to Utrecht, and where Utrecht's clients went.
    const matrix = Object.fromEntries(total.placementMatrix.map((c: { originRegion: string; placementRegion: string; value: number }) => [`${c.originRegion}>${c.placementRegion}`, c.value]));
    expect(matrix).toEqual({ 'amersfoort>utrecht': 5, 'utrecht>amersfoort': 5, 'utrecht>utrecht': 16 });
  });

  it('withholds 1-4 and the complementary cell that would reveal it', async () => {
    const r = await report({ regionId: regions.amersfoort, from: '2026-01-01', to: '2026-01-31' }, coordinator);
    // Amersfoort admitted 5 from Utrecht and 3 from Leeuwarden: 3 is withheld, and so is 5 (8 - 5 = 3).
    expect(r.total.inflow.admissions).toEqual(v(8));
    expect(keyed(r.total.inflow.byOrigin)).toEqual({ leeuwarden: 'withheld', utrecht: 'withheld' });
    // The matrix column of Amersfoort repeats those cells and is withheld alike; its clients in Utrecht (5) show.
    const matrix = Object.fromEntries(r.total.placementMatrix.map((c: { originRegion: string; placementRegion: string; value: number | null }) => [`${c.originRegion}>${c.placementRegion}`, c.value]));
    expect(matrix).toEqual({ 'amersfoort>utrecht': 5, 'leeuwarden>amersfoort': null, 'utrecht>amersfoort': null });
    const ages = keyed(r.total.inflow.bySexAndAgeBand);
    expect(ages).toEqual({ 'FEMALE 23-30': 'withheld', 'FEMALE 51-64': 'withheld' });
  });

  it('reads the same report from the aggregates as from the source rows: every field, granularity, region and the country', async () => {
    const answers = await bothWays(t, [regions.utrecht, regions.amersfoort, null], '2026-01-01', '2026-03-31');
    expect(answers).toHaveLength(9);
    for (const a of answers) expect({ label: a.label, report: a.aggregated }).toEqual({ label: a.label, report: a.direct });
    // Not two empty reports: the history above is in them.
    expect((answers[2].aggregated as any).total.inflow.admissions.value).toBeGreaterThan(15);
  });

  it('gives coordinators the whole country', async () => {
    const r = await report({}, coordinator);
    expect(r.regionId).toBeNull();
    expect(r.total.inflow.admissions).toEqual(v(29));
  });

  it('refuses a municipality another region, the whole country, and other roles', async () => {
    const other = await t.gql(REPORT, { regionId: regions.amersfoort, from: '2026-01-01', to: '2026-03-31' }, municipality);
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const country = await t.gql(REPORT, { from: '2026-01-01', to: '2026-03-31' }, municipality);
    expect(country.errors![0].extensions!.code).toBe('FORBIDDEN');
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [uC.shelterId] });
    const byIntake = await t.gql(REPORT, { regionId: regions.utrecht, from: '2026-01-01', to: '2026-03-31' }, intake);
    expect(byIntake.errors![0].extensions!.code).toBe('FORBIDDEN');
    const badDates = await t.gql(REPORT, { regionId: regions.utrecht, from: '2026-02-30', to: '2026-01-01' }, municipality);
    expect(badDates.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('exports the same figures as CSV, comma or semicolon separated, with the same rules', async () => {
    const graph = await report({ regionId: regions.utrecht });
    const expected = tidyRows(graph);
    const res = await request(t.service.url)
      .get('/exports/flows.csv')
      .query({ regionId: regions.utrecht, from: '2026-01-01', to: '2026-03-31', granularity: 'MONTH', sep: 'semicolon' })
      .set('Authorization', `Bearer ${municipality}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv; charset=utf-8/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = res.text.slice(1).trim().split('\r\n');
    expect(header).toBe('bucket;measure;dimension;value;suppressed');
    const parsed = lines.map((line) => {
      const [bucket, measure, dimension, value, suppressed] = line.split(';');
      return { bucket, measure, dimension, value: value === '' ? null : Number(value), suppressed: suppressed === 'true' };
    });
    expect(parsed).toEqual(expected);
    expect(parsed).toContainEqual({ bucket: 'total', measure: 'inflow.admissions', dimension: '', value: 21, suppressed: false });

    const comma = await request(t.service.url).get('/exports/flows.csv')
      .query({ regionId: regions.utrecht, from: '2026-01-01', to: '2026-03-31' }).set('Authorization', `Bearer ${municipality}`);
    expect(comma.text.split('\r\n')[0]).toBe('bucket,measure,dimension,value,suppressed');

    const html = await request(t.service.url).get('/exports/flows.html')
      .query({ regionId: regions.utrecht, from: '2026-01-01', to: '2026-03-31' }).set('Authorization', `Bearer ${municipality}`);
    expect(html.text).toContain('<table');

    const forbidden = await request(t.service.url).get('/exports/flows.csv')
      .query({ regionId: regions.amersfoort, from: '2026-01-01', to: '2026-03-31' }).set('Authorization', `Bearer ${municipality}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    const anonymous = await request(t.service.url).get('/exports/flows.csv').query({ from: '2026-01-01', to: '2026-03-31' });
    expect(anonymous.status).toBe(401);
  });
});
