// Ends claims: returns held places and tells the registered lifecycle handlers, in the same transaction.
import { Tx } from '../database/transactions.js';
import { changeOf, LockedPlace, lockPlacesOfClaim } from '../network/place-locks.js';
import { claimLifecycle } from './claim-lifecycle.js';

/**
 * Returns the places a claim holds to AVAILABLE (locked in id order), audits and announces them.
 * The claim's own status is the caller's business.
 */
export async function releaseHeldPlaces(tx: Tx, claimId: string, why: string): Promise<LockedPlace[]> {
  const places = await lockPlacesOfClaim(tx, claimId);
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
  if (claimed[0].request_id) await claimLifecycle.claimEnded(tx, claimId, 'CLAIM_EXPIRED');
  return true;
}
