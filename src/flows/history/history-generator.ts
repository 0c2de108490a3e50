// Entry point: runs the phases in order, in one transaction.
import type { DataSource } from 'typeorm';
import { HISTORY_ACTOR, HISTORY_TABLES, HistoryState } from './history-model.js';
import { THROUGHFLOW } from './history-profiles.js';
import { load } from './history-load.js';
import { planPlace } from './history-arrivals.js';
import { linkThroughflow } from './history-moves.js';
import { computeSnapshots, writeSnapshots } from './history-snapshots.js';
import { markCurrentStaysReady, writeStays } from './history-stays.js';
import { writeUnmetDemand } from './history-requests.js';
import { dropForeignKeys, restoreForeignKeys } from './history-insert.js';
import { mulberry32, Random } from './history-random.js';

/*
 * N years of history behind the demo network's current state, following the live system's rules
 * (placement.service.ts, referral.service.ts), written in bulk in ONE transaction.
 *
 * How it works:
 *  1. Every place gets a timeline of occupied intervals ("legs"), planned backwards from the moment
 *     its current state began (the current stay's claim, or the moment it became free / out of
 *     service), so no leg overlaps another and all end before that moment. Between two legs the
 *     place is free for a while (seasonal: shorter around Christmas and the summer holidays, a few
 *     long idle spells) and then HELD by the next claim (claim.created_at .. admission).
 *  2. Throughflow: part of the CRISIS legs is linked to an EMERGENCY leg that ends inside the free
 *     gap just before it (the crisis leg then starts exactly when the emergency leg ends), and part
 *     of the FOLLOW_ON legs to a CRISIS leg in the same way, sometimes across regions. A linked leg
 *     has no claim of its own: it is a transfer. Chains of legs are stays.
 *  3. Per stay: claim (ADMITTED), claim_place, stay (DISCHARGED), stay_member, stay_place per leg,
 *     transfer per link, outflow_readiness for some CRISIS/FOLLOW_ON stays, and for ~70% a
 *     placement_request (ADMITTED) with its members and timeline, consistent with the matching
 *     rules (category, distance from home at high risk, national reserve only for acute requests
 *     from another region).
 *  4. Daily availability snapshots (03:00 Europe/Amsterdam) from a sweep over all intervals and
 *     holds, the demo's current stays included; unmet demand (NOT_ADMITTED requests), NO_CAPACITY
 *     preferably on days the home region had no free place.
 *  5. A few current ACTIVE CRISIS/FOLLOW_ON stays are marked ready for outflow (open readiness),
 *     so blocked outflow "now" is not zero.
 *
 * Stays admitted before the window are kept when they are still running at its start, so
 * occupancy on the first day is realistic (their admission lies before the window).
 *
 * Determinism: the same seed and `now` give the same history (ids aside: crypto.randomUUID).
 * Seasonality and the snapshot hours follow the calendar, so another `now` shifts the details.
 *
 * Speed (--years 5 --scale 10: ~1.08 million stays, ~13 million rows, ~4.5 minutes on 2 cores):
 * rows go in chunks through INSERT ... SELECT FROM unnest(...), in order of admission so the
 * time-keyed indexes fill at their right edge; the next chunk is generated while the database
 * writes the previous one; and by default the foreign keys of the tables written are dropped for
 * the load and re-added before commit (PostgreSQL then checks every row at once, see
 * HistoryOptions.suspendForeignKeys). Everything is one transaction: a failure leaves nothing.
 */

export interface HistoryOptions {
  years: number;
  seed?: number;
  now?: Date;
  log?: (msg: string) => void;
  /**
   * Default true: the foreign keys of the tables written are dropped for the load and re-added
   * (checking every row) before the transaction commits, about a third faster. Their ACCESS
   * EXCLUSIVE locks block every reader of those tables until then: pass false for a database in use.
   */
  suspendForeignKeys?: boolean;
}

export interface HistoryResult {
  stays: number;
  transfers: number;
  requests: number;
  snapshots: number;
  ms: number;
}

// ---------------------------------------------------------------------------------------------
// Entry point

export async function generateHistory(dataSource: DataSource, options: HistoryOptions): Promise<HistoryResult> {
  const started = Date.now();
  const years = options.years;
  if (!Number.isFinite(years) || years <= 0) throw new Error(`history: years must be a positive number, got ${years}`);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new Error(`history: seed must be a number, got ${seed}`);
  const now = (options.now ?? new Date()).getTime();
  const log = options.log ?? (() => undefined);

  return dataSource.transaction(async (manager) => {
    const state = new HistoryState(
      manager, new Random(mulberry32((seed ^ 0x5eed_4157) >>> 0)), now, years, log, options.suspendForeignKeys ?? true,
    );
    const counts = await run(state);
    return { ...counts, ms: Date.now() - started };
  });
}

async function run(state: HistoryState): Promise<Omit<HistoryResult, 'ms'>> {
  const [{ n }] = await state.manager.query(`SELECT count(*)::int AS n FROM stay WHERE admitted_by = $1`, [HISTORY_ACTOR]);
  if (n > 0) throw new Error(`history: the database already holds ${n} history stays; generate history once, on a fresh demo network`);
  await state.manager.query(`SET LOCAL synchronous_commit = off`);
  // Room for the hash joins that re-check the foreign keys at the end.
  await state.manager.query(`SET LOCAL work_mem = '256MB'`);

  await load(state);
  state.log(`history: ${state.places.length} places in ${state.regions.length} regions, ` +
    `window ${new Date(state.windowStart).toISOString()} .. ${new Date(state.now).toISOString()}`);

  for (const place of state.places) planPlace(state, place);
  state.log(`history: planned ${state.legs.length} occupied intervals`);

  let transfers = 0;
  for (const flow of THROUGHFLOW) transfers += linkThroughflow(state, flow.from, flow.to, flow.share, flow.otherRegionShare);
  state.log(`history: ${transfers} transfers linked; ${state.legs.length - transfers} stays`);

  await computeSnapshots(state);
  state.log(`history: ${state.snapshotRows} snapshots computed (${state.snapshotTimes.length} days); ` +
    `${state.zeroDays} region x category days without a free place`);

  const suspended = state.suspendForeignKeys ? await dropForeignKeys(state.manager, HISTORY_TABLES) : [];
  const written = await writeStays(state);
  const unmet = await writeUnmetDemand(state);
  await writeSnapshots(state);
  const readyNow = await markCurrentStaysReady(state);
  state.log(`history: ${readyNow} current stays marked ready for outflow (blocked outflow now)`);
  if (suspended.length > 0) {
    const started = Date.now();
    await restoreForeignKeys(state.manager, suspended);
    state.log(`history: ${suspended.length} foreign keys re-added, every row checked (${Date.now() - started} ms)`);
  }
  return { stays: written.stays, transfers: written.transfers, requests: written.requests + unmet, snapshots: state.snapshotRows };
}

