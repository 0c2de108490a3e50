import { PlaceCategory, PlaceStatus } from '../common/enums.js';
import { PlaceChange } from '../common/place-changes.js';
import { Tx } from '../database/transactions.js';

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
 * Ends a hold whose time has passed (placement registers it: claims are its business, not the
 * network's). Returns false if the hold was not, or no longer, due.
 */
export type LapsedHoldEnder = (tx: Tx, claimId: string) => Promise<boolean>;

const lapsedHoldEnders = new Set<LapsedHoldEnder>();

/** Called once per process by PlacementModule; registering the same function twice is a no-op. */
export function onLapsedHold(end: LapsedHoldEnder): void {
  lapsedHoldEnders.add(end);
}

/**
 * Locks the given places (always in id order, so two transactions cannot deadlock on them) and
 * returns them. Every check of a place's status happens on these locked rows, inside the same
 * transaction as the write: the "check, then write elsewhere" double booking cannot happen.
 *
 * A hold past its expiry is expired here first (claim EXPIRED, places AVAILABLE), so a lapsed
 * hold never blocks anyone, sweep or no sweep (through the ender placement registers).
 */
export async function lockPlaces(tx: Tx, placeIds: string[]): Promise<LockedPlace[]> {
  const ids = [...new Set(placeIds)];
  let rows = await tx.query<LockedPlace>(LOCK_SQL, [ids]);
  const lapsedClaims = await tx.query<{ claim_id: string }>(
    `SELECT DISTINCT claim_id FROM place WHERE id = ANY($1::uuid[]) AND status = 'HELD' AND held_until <= now()`,
    [ids],
  );
  if (lapsedClaims.length > 0) {
    for (const { claim_id } of lapsedClaims) for (const end of lapsedHoldEnders) await end(tx, claim_id);
    rows = await tx.query<LockedPlace>(LOCK_SQL, [ids]);
  }
  return rows;
}

/** Locks the places a claim holds, in id order (no lapse check: the caller is ending that claim). */
export function lockPlacesOfClaim(tx: Tx, claimId: string): Promise<LockedPlace[]> {
  return tx.query<LockedPlace>(LOCK_SQL.replace('WHERE p.id = ANY($1::uuid[])', 'WHERE p.claim_id = $1'), [claimId]);
}
