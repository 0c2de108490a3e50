import { Tx } from '../database/transactions.js';

/** Channel on which committed request changes are announced to every instance. */
export const REQUEST_CHANGES_CHANNEL = 'opvangnet_request_changes';

export type RequestEventKind =
  | 'CREATED'
  | 'OPTIONS_VIEWED'
  | 'CLAIMED'
  | 'CLAIM_EXPIRED'
  | 'CLAIM_RELEASED'
  | 'DECLINED'
  | 'ADMITTED'
  | 'ESCALATED'
  | 'CLOSED'
  | 'CANCELLED';

export interface RequestChange {
  requestId: string;
  homeRegionId: string;
  status: string;
  kind: RequestEventKind;
}

/** Appends to the request's timeline and announces the change after commit. */
export async function recordRequestEvent(
  tx: Tx,
  request: { id: string; home_region_id: string; status: string },
  kind: RequestEventKind,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(`INSERT INTO request_event (request_id, kind, actor, detail) VALUES ($1, $2, $3, $4)`, [
    request.id,
    kind,
    tx.actor.sub,
    JSON.stringify(detail),
  ]);
  // Free-text notes stay out of the append-only audit log: retention must be able to erase them.
  const { note: _note, ...auditDetail } = detail;
  tx.audit({ action: `request.${kind.toLowerCase()}`, entityType: 'placement_request', entityId: request.id, statusAfter: request.status, detail: auditDetail });
  tx.notify(REQUEST_CHANGES_CHANNEL, { requestId: request.id, homeRegionId: request.home_region_id, status: request.status, kind } satisfies RequestChange);
}

/**
 * A claim for a request ended without admission (expired, released, declined): the request is
 * open again and its timeline says why. Runs inside the transaction that ended the claim.
 */
export async function reopenRequestOfClaim(tx: Tx, claimId: string, kind: 'CLAIM_EXPIRED' | 'CLAIM_RELEASED', detail: Record<string, unknown> = {}) {
  const [request] = await tx.query<{ id: string; home_region_id: string; status: string }>(
    `UPDATE placement_request SET status = 'OPEN', claim_id = NULL, receiving_shelter_id = NULL, version = version + 1
      WHERE claim_id = $1 AND status = 'CLAIMED'
      RETURNING id, home_region_id, status::text`,
    [claimId],
  );
  if (request) await recordRequestEvent(tx, request, kind, { claimId, ...detail });
}

/** The household of a request arrived. */
export async function admitRequestOfClaim(tx: Tx, claimId: string, stayId: string): Promise<void> {
  const [request] = await tx.query<{ id: string; home_region_id: string; status: string }>(
    `UPDATE placement_request SET status = 'ADMITTED', closed_at = now(), version = version + 1
      WHERE claim_id = $1 AND status = 'CLAIMED'
      RETURNING id, home_region_id, status::text`,
    [claimId],
  );
  if (request) await recordRequestEvent(tx, request, 'ADMITTED', { claimId, stayId });
}
