import pg from 'pg';
import { PLACE_CHANGES_CHANNEL } from '../src/common/place-changes.js';

/*
 * The claim and release transactions of src/placement/placement.service.ts (and lockPlaces in
 * network/place-locks.ts), statement for statement, sent straight through `pg` on one dedicated
 * connection per client: what PostgreSQL alone can do on this machine, the limit the GraphQL path
 * is compared with. The NOTIFY goes to the service's real channel, so the service does the same
 * live-availability work in both runs and the comparison stays like for like.
 */

const ACTOR = { sub: 'bench-raw', role: 'COORDINATOR' };

const LOCK_PLACES = `
  SELECT p.id, p.shelter_id AS "shelterId", s.region_id AS "regionId", p.category, p.label, p.beds,
         p.status, p.version, p.national_reserve AS "nationalReserve", p.claim_id AS "claimId",
         p.held_until AS "heldUntil", p.stay_id AS "stayId"
    FROM place p JOIN shelter s ON s.id = p.shelter_id
   WHERE p.id = ANY($1::uuid[])
   ORDER BY p.id
     FOR UPDATE OF p`;

// lockPlaces() asks this on every lock; a lapsed hold never occurs here (holds last 120 min).
const LAPSED_HOLDS = `SELECT DISTINCT claim_id FROM place WHERE id = ANY($1::uuid[]) AND status = 'HELD' AND held_until <= now()`;

const INSERT_AUDIT = `
  INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id, status_before, status_after, detail, request_id)
  SELECT $1, $2, a.action, a.entity_type, a.entity_id, a.status_before, a.status_after, a.detail, $3
    FROM jsonb_to_recordset($4::jsonb) AS a(action text, entity_type text, entity_id text,
         status_before text, status_after text, detail jsonb)`;

interface LockedPlace {
  id: string;
  shelterId: string;
  regionId: string;
  category: string;
  status: string;
  beds: number;
}

export class RawConflict extends Error {}

async function inTransaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function lockPlaces(client: pg.ClientBase, placeIds: string[]): Promise<LockedPlace[]> {
  const { rows } = await client.query<LockedPlace>(LOCK_PLACES, [placeIds]);
  await client.query(LAPSED_HOLDS, [placeIds]);
  return rows;
}

async function auditAndNotify(client: pg.ClientBase, audits: object[], places: LockedPlace[]): Promise<void> {
  await client.query(INSERT_AUDIT, [ACTOR.sub, ACTOR.role, null, JSON.stringify(audits)]);
  const changes = places.map((p) => ({ placeId: p.id, shelterId: p.shelterId, regionId: p.regionId, category: p.category }));
  await client.query('SELECT pg_notify($1, $2)', [PLACE_CHANGES_CHANNEL, JSON.stringify(changes)]);
}

/** claimPlace for a household of `householdSize` on `placeIds`; returns the claim id. */
export function rawClaim(client: pg.ClientBase, placeIds: string[], householdSize: number, holdMinutes = 120): Promise<string> {
  return inTransaction(client, async () => {
    const places = await lockPlaces(client, placeIds);
    if (places.length !== placeIds.length) throw new Error('place not found');
    if (places.some((p) => p.status !== 'AVAILABLE')) throw new RawConflict('not available');
    const beds = places.reduce((sum, p) => sum + p.beds, 0);
    const { rows: [claim] } = await client.query<{ id: string; expires_at: Date }>(
      `INSERT INTO claim (shelter_id, household_size, beds, request_id, expires_at, claimed_by, claimed_by_role,
                          idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5), $6, $7, $8, $9)
       RETURNING id, expires_at`,
      [places[0].shelterId, householdSize, beds, null, holdMinutes, ACTOR.sub, ACTOR.role, null, null],
    );
    const ids = places.map((p) => p.id);
    await client.query(`INSERT INTO claim_place (claim_id, place_id) SELECT $1, unnest($2::uuid[])`, [claim.id, ids]);
    const updated = await client.query(
      `UPDATE place SET status = 'HELD', claim_id = $1, held_until = $2, version = version + 1, status_changed_at = now()
        WHERE id = ANY($3::uuid[]) AND status = 'AVAILABLE' RETURNING id`,
      [claim.id, claim.expires_at, ids],
    );
    if (updated.rowCount !== places.length) throw new RawConflict('places changed while claiming');
    await auditAndNotify(
      client,
      [
        { action: 'claim.created', entity_type: 'claim', entity_id: claim.id, status_before: null, status_after: 'HELD', detail: { placeIds: ids, householdSize, holdMinutes } },
        ...places.map((p) => ({ action: 'place.held', entity_type: 'place', entity_id: p.id, status_before: 'AVAILABLE', status_after: 'HELD', detail: { claimId: claim.id } })),
      ],
      places,
    );
    return claim.id;
  });
}

/** releaseClaim: the claim must still be HELD; its places return to AVAILABLE. */
export function rawRelease(client: pg.ClientBase, claimId: string, reason: string): Promise<void> {
  return inTransaction(client, async () => {
    const { rows: [claim] } = await client.query<{ id: string; status: string; lapsed: boolean }>(
      `SELECT id, status, shelter_id, household_size, request_id, expires_at, expires_at <= now() AS lapsed, claimed_by, request_hash
         FROM claim WHERE id = $1 FOR UPDATE`,
      [claimId],
    );
    if (!claim || claim.status !== 'HELD' || claim.lapsed) throw new RawConflict(`claim is ${claim?.status ?? 'missing'}`);
    const { rows: held } = await client.query<{ place_id: string }>(`SELECT place_id FROM claim_place WHERE claim_id = $1`, [claimId]);
    const places = await lockPlaces(client, held.map((r) => r.place_id));
    await client.query(
      `UPDATE place SET status = 'AVAILABLE', claim_id = NULL, held_until = NULL, version = version + 1, status_changed_at = now()
        WHERE claim_id = $1`,
      [claimId],
    );
    await client.query(`UPDATE claim SET status = 'RELEASED', ended_at = now(), end_reason = $2 WHERE id = $1`, [claimId, reason]);
    await auditAndNotify(
      client,
      [
        { action: 'claim.released', entity_type: 'claim', entity_id: claimId, status_before: 'HELD', status_after: 'RELEASED', detail: { reason } },
        ...places.map((p) => ({ action: 'place.released', entity_type: 'place', entity_id: p.id, status_before: 'HELD', status_after: 'AVAILABLE', detail: { claimId } })),
      ],
      places,
    );
  });
}
