import pg from 'pg';
import { BenchShelter } from './fixtures.js';
import { rawClaim, rawRelease } from './raw-sql.js';
import {
  CpuShare, cpuShare, cpuSnapshot, GqlRequestError, GraphQLHttpClient, httpGet, LatencySummary, median, metricValue, now,
  round, summarise,
} from './support.js';

const CLAIM = `mutation Claim($input: ClaimPlaceInput!) { claimPlace(input: $input) { id status } }`;
const RELEASE = `mutation Release($input: ReleaseClaimInput!) { releaseClaim(input: $input) { id status } }`;

// Bounds on every loop, whatever the timing says.
const MAX_CYCLES_PER_CLIENT = 1_000_000;
const MAX_ERRORS_PER_RUN = 50;

export interface Timing {
  warmupMs: number;
  measureMs: number;
  /** The service and PostgreSQL processes, for CPU accounting over the measuring window. */
  servicePid: number;
  postmasterPid?: number;
}

export interface LoadResult {
  clients: number;
  measuredSeconds: number;
  cycles: number;
  /** Cycles completed including the warm-up, to divide whole-run counters by. */
  totalCycles: number;
  /** One cycle = one claim transaction + one release transaction. */
  cyclesPerSecond: number;
  transactionsPerSecond: number;
  cycleMs: LatencySummary;
  claimMs: LatencySummary;
  releaseMs: LatencySummary;
  errors: number;
  firstErrors: string[];
  cpu?: CpuShare;
}

interface CycleTimes {
  claimMs: number;
  releaseMs: number;
}

/**
 * `clients` closed-loop clients, each cycling claim-then-release on a place of its own (no
 * contention: this measures the cost of the transaction path, not lock waits). Only cycles that
 * complete inside the measuring window count; the warm-up fills JIT caches and connection pools.
 */
async function closedLoop(clients: number, timing: Timing, cycleOf: (client: number) => Promise<CycleTimes>): Promise<LoadResult> {
  const start = now();
  const measureFrom = start + timing.warmupMs;
  const endAt = measureFrom + timing.measureMs;
  const cycles: number[] = [];
  const claims: number[] = [];
  const releases: number[] = [];
  const firstErrors: string[] = [];
  let errors = 0;
  let totalCycles = 0;
  let cpuFrom: ReturnType<typeof cpuSnapshot>;
  let cpuTo: ReturnType<typeof cpuSnapshot>;
  const cpuTimers = [
    setTimeout(() => (cpuFrom = cpuSnapshot(timing.servicePid, timing.postmasterPid)), timing.warmupMs),
    setTimeout(() => (cpuTo = cpuSnapshot(timing.servicePid, timing.postmasterPid)), timing.warmupMs + timing.measureMs),
  ];

  const worker = async (client: number) => {
    for (let i = 0; i < MAX_CYCLES_PER_CLIENT && now() < endAt && errors < MAX_ERRORS_PER_RUN; i++) {
      const began = now();
      try {
        const times = await cycleOf(client);
        const done = now();
        totalCycles++;
        if (done >= measureFrom && done <= endAt) {
          cycles.push(done - began);
          claims.push(times.claimMs);
          releases.push(times.releaseMs);
        }
      } catch (err) {
        errors++;
        if (firstErrors.length < 5) firstErrors.push(String((err as Error).message ?? err));
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
  cpuTimers.forEach(clearTimeout);
  // The clients stop by the clock, which can beat the closing timer by a hair.
  cpuTo ??= cpuSnapshot(timing.servicePid, timing.postmasterPid);

  const measuredSeconds = timing.measureMs / 1000;
  return {
    clients,
    measuredSeconds,
    cycles: cycles.length,
    totalCycles,
    cyclesPerSecond: round(cycles.length / measuredSeconds, 1),
    transactionsPerSecond: round((2 * cycles.length) / measuredSeconds, 1),
    cycleMs: summarise(cycles),
    claimMs: summarise(claims),
    releaseMs: summarise(releases),
    errors,
    firstErrors,
    cpu: cpuShare(cpuFrom, cpuTo),
  };
}

/** `tokens[i]` is client i's own coordinator: every client is a different person, as in real use. */
export async function graphqlClaimRelease(
  gql: GraphQLHttpClient,
  tokens: string[],
  shelter: BenchShelter,
  clients: number,
  timing: Timing,
): Promise<LoadResult> {
  await gql.prewarm(clients, tokens[0]);
  return closedLoop(clients, timing, async (client) => {
    const placeId = shelter.places[client].id;
    const token = tokens[client];
    const t0 = now();
    const claimed = await gql.call<{ claimPlace: { id: string } }>(CLAIM, { input: { placeIds: [placeId], householdSize: 1 } }, token);
    const t1 = now();
    await gql.call(RELEASE, { input: { claimId: claimed.claimPlace.id, reason: 'bench' } }, token);
    return { claimMs: t1 - t0, releaseMs: now() - t1 };
  });
}

export async function rawClaimRelease(databaseUrl: string, shelter: BenchShelter, clients: number, timing: Timing): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: clients, application_name: 'opvangnet-bench-raw' });
  const connections = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
  try {
    return await closedLoop(clients, timing, async (client) => {
      const connection = connections[client];
      const t0 = now();
      const claimId = await rawClaim(connection, [shelter.places[client].id], 1);
      const t1 = now();
      await rawRelease(connection, claimId, 'bench');
      return { claimMs: t1 - t0, releaseMs: now() - t1 };
    });
  } finally {
    for (const connection of connections) connection.release();
    await pool.end();
  }
}

/** SQL statements the service's pool has sent so far (its own Prometheus counter). */
export async function serviceStatements(serviceUrl: string): Promise<number | undefined> {
  const metrics = await httpGet(`${serviceUrl}/metrics`).catch(() => undefined);
  return metrics ? metricValue(metrics.body, 'opvangnet_db_queries_total') : undefined;
}

// ---------------------------------------------------------------------------------------------
// Contention

export interface ContentionRound {
  /** Until every client had its answer (a claim, or CONFLICT on every place). */
  settledMs: number;
  /** Until the last place was won: what a waiting household would notice. */
  allTakenMs: number;
  winners: number;
  attempts: number;
  conflicts: number;
  otherErrors: number;
  /** Latency of the winning claimPlace calls. */
  winnerClaimMs: LatencySummary;
  heldClaimsInDb: number;
  heldPlacesInDb: number;
  placesWithTwoLiveClaims: number;
  winnersMatchDb: boolean;
  correct: boolean;
  firstErrors: string[];
}

export interface ContentionResult {
  clients: number;
  places: number;
  rounds: ContentionRound[];
  settledMs: { median: number; max: number; min: number };
  allTakenMs: { median: number; max: number; min: number };
  allCorrect: boolean;
}

/**
 * `clients` clients released in the same tick onto `shelter.places`, all free. Client i starts at
 * place i mod n and moves to the next place on CONFLICT, so it stops after a win or after every
 * place turned it down (at most n attempts). Afterwards the database must hold exactly n HELD
 * claims, one per place, and they must be the ones the API reported as won.
 */
export async function contention(
  gql: GraphQLHttpClient,
  tokens: string[],
  db: pg.Pool,
  shelter: BenchShelter,
  clients: number,
  rounds: number,
): Promise<ContentionResult> {
  const results: ContentionRound[] = [];
  const placeIds = shelter.places.map((p) => p.id);
  for (let r = 0; r < rounds; r++) {
    await gql.prewarm(clients, tokens[0]);
    const won: string[] = [];
    const winnerLatencies: number[] = [];
    const firstErrors: string[] = [];
    let attempts = 0;
    let conflicts = 0;
    let otherErrors = 0;
    let start = 0;
    let allTakenMs = NaN;

    const client = async (i: number) => {
      const token = tokens[i];
      for (let k = 0; k < placeIds.length; k++) {
        const placeId = placeIds[(i + k) % placeIds.length];
        attempts++;
        const t0 = now();
        try {
          const data = await gql.call<{ claimPlace: { id: string } }>(CLAIM, { input: { placeIds: [placeId], householdSize: 1 } }, token);
          won.push(data.claimPlace.id);
          winnerLatencies.push(now() - t0);
          if (won.length === placeIds.length) allTakenMs = now() - start;
          return;
        } catch (err) {
          if (err instanceof GqlRequestError && err.code === 'CONFLICT') {
            conflicts++;
            continue;
          }
          otherErrors++;
          if (firstErrors.length < 5) firstErrors.push(String((err as Error).message ?? err));
          return;
        }
      }
    };
    start = now();
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
    const settledMs = now() - start;

    const check = await db.query<{ held_claims: number; held_places: number; doubled: number; held_ids: string[] }>(
      `SELECT (SELECT count(*)::int FROM claim WHERE shelter_id = $1 AND status = 'HELD') AS held_claims,
              (SELECT count(*)::int FROM place WHERE shelter_id = $1 AND status = 'HELD') AS held_places,
              (SELECT count(*)::int FROM (
                 SELECT cp.place_id FROM claim_place cp JOIN claim c ON c.id = cp.claim_id
                  WHERE c.shelter_id = $1 AND c.status = 'HELD' GROUP BY cp.place_id HAVING count(*) > 1) d) AS doubled,
              (SELECT coalesce(array_agg(id::text ORDER BY id), '{}') FROM claim WHERE shelter_id = $1 AND status = 'HELD') AS held_ids`,
      [shelter.shelterId],
    );
    const { held_claims, held_places, doubled, held_ids } = check.rows[0];
    const winnersMatchDb = JSON.stringify([...won].sort()) === JSON.stringify([...held_ids].sort());
    const n = placeIds.length;
    results.push({
      settledMs: round(settledMs),
      allTakenMs: round(allTakenMs),
      winners: won.length,
      attempts,
      conflicts,
      otherErrors,
      winnerClaimMs: summarise(winnerLatencies),
      heldClaimsInDb: held_claims,
      heldPlacesInDb: held_places,
      placesWithTwoLiveClaims: doubled,
      winnersMatchDb,
      correct: won.length === n && held_claims === n && held_places === n && doubled === 0 && winnersMatchDb,
      firstErrors,
    });

    // Free the places for the next round, through the API like any coordinator would.
    for (const claimId of held_ids) {
      await gql.call(RELEASE, { input: { claimId, reason: 'bench contention round over' } }, tokens[0]);
    }
  }
  const settled = results.map((r) => r.settledMs);
  const taken = results.map((r) => r.allTakenMs).filter(Number.isFinite);
  return {
    clients,
    places: placeIds.length,
    rounds: results,
    settledMs: { median: round(median(settled)), min: Math.min(...settled), max: Math.max(...settled) },
    allTakenMs: { median: round(median(taken)), min: Math.min(...taken), max: Math.max(...taken) },
    allCorrect: results.every((r) => r.correct),
  };
}
