import request from 'supertest';
import { createServer } from 'node:net';
import { rm } from 'node:fs/promises';
import { Role } from '../src/common/enums.js';
import { createDataSource } from '../src/database/data-source.js';
import { EmbeddedServer, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { ensureDatabase } from '../src/database/setup.js';
import { readRegionFile, upsertRegions } from '../src/network/reference/regions.js';
import { CLAIM, createShelter, invariantViolations } from './support/fixtures.js';
import { errorCode, startTestService, TestService } from './support/service.js';
import pg from 'pg';

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * PostgreSQL is stopped and started again in the middle of a burst of claims. This suite runs
 * its own (persistent) embedded server so it can do that without disturbing the other suites.
 */
describe('faults: the database goes away mid-load', () => {
  let server: EmbeddedServer;
  let t: TestService;
  let dataDir: string;

  beforeAll(async () => {
    const port = await freePort();
    dataDir = `.data/fault-postgres-${port}`;
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const url = await ensureDatabase(server.url, 'opvangnet_faults');
    const dataSource = createDataSource(url, 2);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await upsertRegions(dataSource, readRegionFile());
    await dataSource.destroy();
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    t = await startTestService({
      db: { url, name: 'opvangnet_faults', pool, drop: async () => pool.end() },
      env: { CLAIM_SWEEP_INTERVAL_MS: '300' },
    });
  });

  afterAll(async () => {
    await t?.close();
    await t?.db.drop();
    await server?.restart().catch(() => undefined);
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers UNAVAILABLE while the database is down, recovers by itself, and loses or doubles no claim', async () => {
    const shelter = await createShelter(t, { places: 40, beds: 2 });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId] });
    const codes: string[] = [];
    let stopAt = 0;
    let restarted = false;

    // 8 lanes, each claiming its 5 places one by one with an idempotency key, retrying on UNAVAILABLE
    // with the same key, as a client on a bad connection would.
    const lane = async (laneNo: number) => {
      for (let i = 0; i < 5; i++) {
        const placeId = shelter.placeIds[laneNo * 5 + i];
        const input = { placeIds: [placeId], householdSize: 1, idempotencyKey: `lane-${laneNo}-${i}` };
        for (let attempt = 0; attempt < 200; attempt++) {
          const res = await t.gql(CLAIM, { input }, intake).catch(() => ({ status: 0, errors: [{ message: 'socket', extensions: { code: 'SOCKET' } }] }));
          const code = res.errors?.[0]?.extensions?.code ?? 'OK';
          codes.push(String(code));
          if (code === 'OK') break;
          expect(['UNAVAILABLE']).toContain(code);
          await new Promise((r) => setTimeout(r, 100));
        }
        if (laneNo === 0 && i === 1) stopAt = Date.now();
      }
    };

    const burst = Promise.all(Array.from({ length: 8 }, (_, n) => lane(n)));
    while (stopAt === 0) await new Promise((r) => setTimeout(r, 5));
    await server.stop();
    const down = await request(t.service.url).get('/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ database: 'down', live: true });
    await new Promise((r) => setTimeout(r, 1500));
    await server.restart();
    restarted = true;
    await burst;

    expect(restarted).toBe(true);
    expect(codes).toContain('UNAVAILABLE');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(40);
    expect(codes.every((c) => c === 'OK' || c === 'UNAVAILABLE')).toBe(true);

    // Every key claimed exactly once, every place held exactly once.
    const { rows } = await t.db.pool.query(
      `SELECT count(*)::int AS claims, count(DISTINCT idempotency_key)::int AS keys FROM claim WHERE shelter_id = $1`,
      [shelter.shelterId],
    );
    expect(rows[0]).toEqual({ claims: 40, keys: 40 });
    expect(await invariantViolations(t)).toEqual([]);
    const up = await request(t.service.url).get('/health');
    expect(up.status).toBe(200);
  });

  it('keeps pushing live changes after the database came back', async () => {
    const { subscribe, wsClient } = await import('./support/ws.js');
    const shelter = await createShelter(t, { places: 2, beds: 2, category: 'FOLLOW_ON', regionCode: 'breda' });
    const coordinator = await t.token({ role: Role.COORDINATOR });
    const client = wsClient(t.service.url, coordinator);
    try {
      const sub = await subscribe<{ available: number }>(
        client,
        `subscription($r: [ID!]) { availabilityChanged(regionIds: $r, categories: [FOLLOW_ON]) { available } }`,
        { r: [shelter.regionId] },
      );
      await server.stop();
      await new Promise((r) => setTimeout(r, 500));
      await server.restart();
      // The LISTEN connection reconnects and pushes a fresh snapshot of what may have been missed.
      expect(await sub.next(15_000)).toEqual({ available: 2 });
      let res = await t.gql(CLAIM, { input: { placeIds: [shelter.placeIds[0]], householdSize: 1 } }, coordinator);
      for (let i = 0; i < 50 && errorCode(res) === 'UNAVAILABLE'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        res = await t.gql(CLAIM, { input: { placeIds: [shelter.placeIds[0]], householdSize: 1 } }, coordinator);
      }
      expect(res.errors).toBeUndefined();
      let row = await sub.next(5000);
      while (row.available !== 1) row = await sub.next(5000);
      expect(row).toEqual({ available: 1 });
    } finally {
      await client.dispose();
    }
  });
});
