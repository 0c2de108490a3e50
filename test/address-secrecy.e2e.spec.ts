import { mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import request from 'supertest';
import { Role } from '../src/common/enums.js';
import { distanceKm, LOCALITY_RADIUS_KM } from '../src/common/locality.js';
import { SERVICE_ROLE } from '../src/database/data-source.js';
import { startTestService, TestService } from './support/service.js';

/**
 * The address promise, tested the attacker's way: an ordinary police token, many requests from
 * many home regions, and everything that comes back. Nothing a role without address access can
 * read may depend on a shelter's exact location (only on its public locality), and the database
 * itself refuses to hand out a secret without an audit row.
 */
const CREATE = `mutation Create($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id } }`;
const OPTIONS = `query Options($id: ID!) {
  placementOptions(requestId: $id, limit: 50) {
    categories
    options { shelterId category locality distanceBand reasons }
    excluded { rule places }
  }
}`;

interface Option { shelterId: string; category: string; locality: string; distanceBand: string; reasons: string[] }
interface Region { id: string; code: string; latitude: number; longitude: number }
interface Point { latitude: number; longitude: number }

const BANDS: Record<string, [number, number]> = {
  UNDER_25_KM: [0, 25],
  KM_25_TO_50: [25, 50],
  KM_50_TO_100: [50, 100],
  OVER_100_KM: [100, 1000],
};

/**
 * Least squares over a grid of the Netherlands, refined around the best cell: the position that
 * violates the observed distance intervals least (the centroid when many fit equally well).
 */
function multilaterate(observations: { from: Point; min: number; max: number }[]): Point {
  const violation = (p: Point) =>
    observations.reduce((sum, o) => {
      const d = distanceKm(p, o.from);
      const off = d < o.min ? o.min - d : d > o.max ? d - o.max : 0;
      return sum + off * off;
    }, 0);
  const search = (lat0: number, lat1: number, lon0: number, lon1: number, step: number): Point => {
    let best = Infinity;
    let fits: Point[] = [];
    for (let lat = lat0; lat <= lat1; lat += step) {
      for (let lon = lon0; lon <= lon1; lon += step) {
        const v = violation({ latitude: lat, longitude: lon });
        if (v < best - 1e-9) {
          best = v;
          fits = [{ latitude: lat, longitude: lon }];
        } else if (Math.abs(v - best) <= 1e-9) fits.push({ latitude: lat, longitude: lon });
      }
    }
    return {
      latitude: fits.reduce((s, p) => s + p.latitude, 0) / fits.length,
      longitude: fits.reduce((s, p) => s + p.longitude, 0) / fits.length,
    };
  };
  const coarse = search(50.7, 53.6, 3.3, 7.3, 0.1);
  const finer = search(coarse.latitude - 0.12, coarse.latitude + 0.12, coarse.longitude - 0.12, coarse.longitude + 0.12, 0.01);
  return search(finer.latitude - 0.015, finer.latitude + 0.015, finer.longitude - 0.015, finer.longitude + 0.015, 0.002);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('no shelter can be located by a role without address access', () => {
  let t: TestService;
  let police: string;
  let regions: Region[];
  let exact: Map<string, Point>;
  const base = {
    urgency: 'WITHIN_24H',
    risk: { level: 'LOW', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false },
    household: [{ sex: 'FEMALE', age: 34 }],
    avoidRegionIds: [],
    preferredRegionIds: [],
    consentToShare: true,
  };

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    police = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, organisationId: 'politie-midden', sub: 'officer-probe' });
    regions = (await t.db.pool.query<Region>(`SELECT id, code, latitude, longitude FROM region ORDER BY code`)).rows;
    exact = await readExact();
  });
  afterAll(async () => t.close());

  /** As the schema owner (the test's own pool), not as the service: the service cannot read these. */
  async function readExact(): Promise<Map<string, Point>> {
    const { rows } = await t.db.pool.query(`SELECT id, latitude, longitude FROM shelter`);
    return new Map(rows.map((r) => [r.id as string, { latitude: r.latitude as number, longitude: r.longitude as number }]));
  }

  async function optionsFor(input: Record<string, unknown>) {
    const created = await t.gql(CREATE, { input }, police);
    expect(created.errors).toBeUndefined();
    const res = await t.gql(OPTIONS, { id: created.data!.createPlacementRequest.id }, police);
    expect(res.errors).toBeUndefined();
    return res.data!.placementOptions as { categories: string[]; options: Option[]; excluded: { rule: string; places: number }[] };
  }

  /** What the attacker collects: for each shelter, the band seen from each home region. */
  async function probeAllRegions() {
    const seen = new Map<string, { from: Region; band: string }[]>();
    for (const home of regions) {
      const result = await optionsFor({ ...base, homeRegionId: home.id });
      for (const o of result.options) {
        seen.set(o.shelterId, [...(seen.get(o.shelterId) ?? []), { from: home, band: o.distanceBand }]);
      }
    }
    return seen;
  }

  it('multilateration over 35 home regions locates no shelter better than its public locality', async () => {
    const seen = await probeAllRegions();
    const shelters = [...seen.entries()].filter(([, obs]) => obs.length >= 5);
    expect(shelters.length).toBeGreaterThan(30);

    // The attack works: fed what the old API gave (distance rounded to the km), it finds them.
    const oldApiErrors = shelters.map(([id, obs]) => {
      const estimate = multilaterate(obs.map(({ from }) => {
        const km = Math.round(distanceKm(exact.get(id)!, from));
        return { from, min: km - 0.5, max: km + 0.5 };
      }));
      return distanceKm(estimate, exact.get(id)!);
    });
    expect(median(oldApiErrors)).toBeLessThan(1);

    // Fed what the API gives now, it finds at best the locality: the error is what the locality allows.
    const { rows: localities } = await t.db.pool.query(`SELECT id, locality_latitude AS latitude, locality_longitude AS longitude FROM shelter`);
    const localityOf = new Map(localities.map((r) => [r.id as string, { latitude: r.latitude as number, longitude: r.longitude as number }]));
    const errors = shelters.map(([id, obs]) => {
      const estimate = multilaterate(obs.map(({ from, band }) => ({ from, min: BANDS[band][0], max: BANDS[band][1] })));
      return { error: distanceKm(estimate, exact.get(id)!), localityOffset: distanceKm(localityOf.get(id)!, exact.get(id)!) };
    });
    expect(median(errors.map((e) => e.error))).toBeGreaterThan(2);
    for (const e of errors) expect(e.localityOffset).toBeLessThanOrEqual(LOCALITY_RADIUS_KM);

    mkdirSync('test/artifacts', { recursive: true });
    writeFileSync('test/artifacts/multilateration.json', JSON.stringify({
      shelters: shelters.length,
      medianErrorKmOldApi: median(oldApiErrors),
      medianErrorKmNow: median(errors.map((e) => e.error)),
      minErrorKmNow: Math.min(...errors.map((e) => e.error)),
      medianLocalityOffsetKm: median(errors.map((e) => e.localityOffset)),
    }, null, 2));
  }, 240_000);

  it('every answer a referrer gets stays the same when shelters move within their locality', async () => {
    const utrecht = regions.find((r) => r.code === 'utrecht')!.id;
    const amersfoort = regions.find((r) => r.code === 'amersfoort')!.id;
    const scenarios = [
      ...regions.filter((_, i) => i % 5 === 0).map((r) => ({ ...base, homeRegionId: r.id })),
      { ...base, urgency: 'IMMEDIATE', homeRegionId: utrecht },
      { ...base, homeRegionId: utrecht, avoidRegionIds: [amersfoort], risk: { ...base.risk, level: 'HIGH', perpetratorNetwork: true } },
      { ...base, homeRegionId: amersfoort, household: [{ sex: 'FEMALE', age: 17 }], avoidRegionIds: [utrecht], risk: { ...base.risk, level: 'HIGH', honourRelated: true } },
      { ...base, homeRegionId: utrecht, risk: { ...base.risk, level: 'SEVERE', policeCoDecision: true } },
    ];
    // "status confirmed N min ago" ages while the test runs; it does not depend on where a shelter is.
    const visible = async () =>
      Promise.all(scenarios.map(async (input) => {
        const r = await optionsFor(input);
        return { ...r, options: r.options.map((o) => ({ ...o, reasons: o.reasons.filter((x) => !x.startsWith('status confirmed')) })) };
      }));
    const before = await visible();
    expect(before.some((r) => r.excluded.some((e) => e.rule === 'TOO_CLOSE' && e.places > 0))).toBe(true);

    // Every shelter moves to another point within 9 km of its locality (the database allows 10).
    await t.db.pool.query(`UPDATE shelter SET
        latitude = locality_latitude + 0.07 * cos(radians(hashtext(id::text) % 360)),
        longitude = locality_longitude + 0.1 * sin(radians(hashtext(id::text) % 360))`);
    const moved = await readExact();
    let maxShift = 0;
    for (const [id, p] of moved) maxShift = Math.max(maxShift, distanceKm(p, exact.get(id)!));
    expect(maxShift).toBeGreaterThan(5);

    expect(await visible()).toEqual(before);
  }, 120_000);

  it('the service\'s database role cannot read the secret columns; the audited function can, and not without its audit row', async () => {
    const client = new pg.Client({ connectionString: t.db.url, options: `-c role=${SERVICE_ROLE}` });
    await client.connect();
    try {
      const [shelterId] = [...exact.keys()];
      for (const column of ['address_street', 'address_postcode', 'address_city', 'latitude', 'longitude', 'meeting_instructions']) {
        await expect(client.query(`SELECT ${column} FROM shelter LIMIT 1`)).rejects.toMatchObject({ code: '42501' });
      }
      await expect(client.query(`SELECT * FROM shelter LIMIT 1`)).rejects.toMatchObject({ code: '42501' });
      const { rows: open } = await client.query(`SELECT id, name, locality_name FROM shelter WHERE id = $1`, [shelterId]);
      expect(open).toHaveLength(1);

      const { rows } = await client.query(`SELECT * FROM read_shelter_secrets($1::uuid[], 'address', 'probe', 'COORDINATOR', 'req-fn-1')`, [[shelterId]]);
      expect(rows[0].address_street).toEqual(expect.any(String));
      expect(rows[0].latitude).toBeNull();
      const { rows: audit } = await t.db.pool.query(`SELECT actor, action, entity_id FROM audit_event WHERE request_id = 'req-fn-1'`);
      expect(audit).toEqual([{ actor: 'probe', action: 'read Shelter.address', entity_id: shelterId }]);

      // No actor, no audit row: the statement fails and returns nothing.
      await expect(client.query(`SELECT * FROM read_shelter_secrets($1::uuid[], 'address', NULL, 'COORDINATOR', 'req-fn-2')`, [[shelterId]]))
        .rejects.toMatchObject({ code: '23502' });
      // A temporary table of the same name cannot swallow the audit row (search_path: pg_temp last, names qualified).
      await client.query(`CREATE TEMP TABLE audit_event (LIKE public.audit_event INCLUDING DEFAULTS)`);
      await client.query(`SELECT * FROM read_shelter_secrets($1::uuid[], 'address', 'probe', 'COORDINATOR', 'req-fn-3')`, [[shelterId]]);
      const { rows: real } = await t.db.pool.query(`SELECT count(*)::int AS n FROM audit_event WHERE request_id = 'req-fn-3'`);
      expect(real[0].n).toBe(1);
      await client.query(`DROP TABLE pg_temp.audit_event`);
      // The audit log stays append-only for the service.
      await expect(client.query(`DELETE FROM audit_event WHERE request_id = 'req-fn-1'`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });

  it('fails closed: when the audit row cannot be written, no secret is returned', async () => {
    const coordinator = await t.token({ role: Role.COORDINATOR, sub: 'coordinator-failclosed' });
    const streets = (await t.db.pool.query(`SELECT address_street FROM shelter`)).rows.map((r) => r.address_street as string);
    await t.db.pool.query(`CREATE FUNCTION test_audit_down() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action LIKE 'read %' THEN RAISE EXCEPTION 'audit storage unavailable'; END IF; RETURN NEW; END $$`);
    await t.db.pool.query(`CREATE TRIGGER test_audit_down BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION test_audit_down()`);
    try {
      const res = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${coordinator}`)
        .send({ query: `{ shelters(first: 100) { nodes { id address { street } location { latitude } meetingInstructions } } }` });
      const body = JSON.stringify(res.body);
      expect(streets.filter((s) => body.includes(s))).toEqual([]);
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(res.body.data.shelters.nodes.every((s: { address: unknown; location: unknown }) => s.address === null && s.location === null)).toBe(true);
    } finally {
      await t.db.pool.query(`DROP TRIGGER test_audit_down ON audit_event`);
      await t.db.pool.query(`DROP FUNCTION test_audit_down()`);
    }
  });

  it('writes one audit row per operation and kind of secret, listing every shelter read', async () => {
    const coordinator = await t.token({ role: Role.COORDINATOR, sub: 'coordinator-volume' });
    const res = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${coordinator}`).set('x-request-id', 'req-volume-1')
      .send({ query: `{ shelters(first: 100) { nodes { id address { street city } location { latitude longitude } meetingInstructions } } }` });
    expect(res.body.errors).toBeUndefined();
    const ids = res.body.data.shelters.nodes.map((s: { id: string }) => s.id).sort();
    expect(ids.length).toBe(100);
    const { rows } = await t.db.pool.query(
      `SELECT action, entity_id, detail FROM audit_event WHERE request_id = 'req-volume-1' ORDER BY action`,
    );
    expect(rows.map((r) => r.action)).toEqual(['read Shelter.address', 'read Shelter.location', 'read Shelter.meetingInstructions']);
    for (const row of rows) {
      expect(row.entity_id).toBe(`${ids.length} shelters`);
      expect([...row.detail.entityIds].sort()).toEqual(ids);
    }
    // Who read shelter X is still one query away.
    const found = await t.gql(`query($id: String) { auditEvents(entityId: $id, actor: "coordinator-volume") { nodes { action } } }`, { id: ids[0] }, coordinator);
    expect(found.errors).toBeUndefined();
    expect(found.data!.auditEvents.nodes.map((e: { action: string }) => e.action).sort())
      .toEqual(['read Shelter.address', 'read Shelter.location', 'read Shelter.meetingInstructions']);
  });
});
