import { PlaceCategory, PlaceStatus } from '../common/enums.js';
import { PlaceChange } from '../common/place-changes.js';
import { Tx } from '../database/transactions.js';
import { reopenRequestOfClaim } from '../referral/request-effects.js';

/** A place row as locked inside a transaction, with its shelter's region. */
export interface LockedPlace {
  id: string;
  shelterId: string;
  regionId: string;
  category: PlaceCategory;
  label: string;
  beds: number;
  status: PlaceStatus;
  version: number;
  nationalReserve: boolean;
  claimId: string | null;
  heldUntil: Date | null;
  stayId: string | null;
}

const LOCK_SQL = `
  SELECT p.id, p.shelter_id AS "shelterId", s.region_id AS "regionId", p.category, p.label, p.beds,
         p.status, p.version, p.national_reserve AS "nationalReserve", p.claim_id AS "claimId",
         p.held_until AS "heldUntil", p.stay_id AS "stayId"
    FROM place p JOIN shelter s ON s.id = p.shelter_id
   WHERE p.id = ANY($1::uuid[])
   ORDER BY p.id
     FOR UPDATE OF p`;

export function changeOf(place: Pick<LockedPlace, 'id' | 'shelterId' | 'regionId' | 'category'>): PlaceChange {
  return { placeId: place.id, shelterId: place.shelterId, regionId: place.regionId, category: place.category };
}

/**
 * Locks the given places (always in id order, so two transactions cannot deadlock on them) and
 * returns them. Every check of a place's status happens on these locked rows, inside the same
 * transaction as the write: the "check, then write elsewhere" double booking cannot happen.
 *
 * A hold past its expiry is expired here first (claim EXPIRED, places AVAILABLE), so a lapsed
 * hold never blocks anyone, sweep or no sweep.
 */
export async function lockPlaces(tx: Tx, placeIds: string[]): Promise<LockedPlace[]> {
  const ids = [...new Set(placeIds)];
  let rows = await tx.query<LockedPlace>(LOCK_SQL, [ids]);
  const lapsedClaims = await tx.query<{ claim_id: string }>(
    `SELECT DISTINCT claim_id FROM place WHERE id = ANY($1::uuid[]) AND status = 'HELD' AND held_until <= now()`,
    [ids],
  );
  if (lapsedClaims.length > 0) {
    for (const { claim_id } of lapsedClaims) await expireClaim(tx, claim_id);
    rows = await tx.query<LockedPlace>(LOCK_SQL, [ids]);
  }
  return rows;
}

/**
 * Returns the places a claim holds to AVAILABLE (locked in id order), audits and announces them.
 * The claim's own status is the caller's business.
 */
export async function releaseHeldPlaces(tx: Tx, claimId: string, why: string): Promise<LockedPlace[]> {
  const places = await tx.query<LockedPlace>(LOCK_SQL.replace('WHERE p.id = ANY($1::uuid[])', 'WHERE p.claim_id = $1'), [claimId]);
  await tx.query(
    `UPDATE place SET status = 'AVAILABLE', claim_id = NULL, held_until = NULL, version = version + 1, status_changed_at = now()
      WHERE claim_id = $1`,
    [claimId],
  );
  for (const place of places) {
    tx.audit({ action: 'place.released', entityType: 'place', entityId: place.id, statusBefore: 'HELD', statusAfter: 'AVAILABLE', detail: { claimId, why } });
  }
  tx.placesChanged(places.map(changeOf));
  return places;
}

/**
 * Expires one HELD claim whose time has passed. The conditional UPDATE makes it happen once,
 * however many instances or transactions try. Returns false if it was not (or no longer) due.
 */
export async function expireClaim(tx: Tx, claimId: string): Promise<boolean> {
  const claimed = await tx.query<{ id: string; request_id: string | null }>(
    `UPDATE claim SET status = 'EXPIRED', ended_at = now(), end_reason = 'hold expired'
      WHERE id = $1 AND status = 'HELD' AND expires_at <= now()
      RETURNING id, request_id`,
    [claimId],
  );
  if (claimed.length === 0) return false;
  tx.audit({ action: 'claim.expired', entityType: 'claim', entityId: claimId, statusBefore: 'HELD', statusAfter: 'EXPIRED' });
  await releaseHeldPlaces(tx, claimId, 'hold expired');
  if (claimed[0].request_id) await reopenRequestOfClaim(tx, claimId, 'CLAIM_EXPIRED');
  return true;
}
