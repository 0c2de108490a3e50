import { Tx } from '../database/transactions.js';
import type { ClaimLifecycleHooks } from '../placement/claim-lifecycle.js';

/** Channel on which committed request changes are announced to every instance. */
export const REQUEST_CHANGES_CHANNEL = 'opvangnet_request_changes';
/** Channel on which committed placement offer changes are announced to every instance. */
export const OFFER_CHANGES_CHANNEL = 'opvangnet_offer_changes';

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
  | 'CANCELLED'
  | 'WAITING'
  | 'PRIORITISED'
  | 'OFFERED'
  | 'OFFER_ACCEPTED'
  | 'OFFER_DECLINED'
  | 'OFFER_LAPSED'
  | 'WAITING_EXPIRES_SOON'
  | 'WAITING_EXPIRED';

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
  await endOfferOfClaim(tx, claimId, kind === 'CLAIM_EXPIRED' ? 'LAPSED' : 'WITHDRAWN');
}

/**
 * A held offer ended without an answer: it lapsed (nobody answered in time) or its hold was
 * released by the shelter. The request stays on the waiting list; the freed places go to the next
 * in line (the waiting list's round runs after this commit).
 */
async function endOfferOfClaim(tx: Tx, claimId: string, status: 'LAPSED' | 'WITHDRAWN'): Promise<void> {
  const [offer] = await tx.query<{ id: string; request_id: string }>(
    `UPDATE placement_offer SET status = $2::offer_status, decided_at = now(), decided_by = $3
      WHERE claim_id = $1 AND status = 'OFFERED' RETURNING id, request_id`,
    [claimId, status, tx.actor.sub],
  );
  if (!offer) return;
  const [request] = await tx.query<{ id: string; home_region_id: string; status: string }>(
    `SELECT id, home_region_id, status::text FROM placement_request WHERE id = $1`,
    [offer.request_id],
  );
  await recordRequestEvent(tx, request, status === 'LAPSED' ? 'OFFER_LAPSED' : 'OFFER_DECLINED', { offerId: offer.id, ...(status === 'WITHDRAWN' ? { reason: 'WITHDRAWN' } : {}) });
  tx.notify(OFFER_CHANGES_CHANNEL, { offerId: offer.id });
}

/** The household of a request arrived. */
export async function admitRequestOfClaim(tx: Tx, claimId: string, stayId: string): Promise<void> {
  // Admitted straight on an offered place: the offer counts as accepted.
  const [offer] = await tx.query<{ id: string; request_id: string }>(
    `UPDATE placement_offer SET status = 'ACCEPTED', decided_at = now(), decided_by = $2
      WHERE claim_id = $1 AND status = 'OFFERED' RETURNING id, request_id`,
    [claimId, tx.actor.sub],
  );
  if (offer) {
    await tx.query(
      `UPDATE placement_request r SET status = 'CLAIMED', claim_id = $1, receiving_shelter_id = c.shelter_id
         FROM claim c WHERE c.id = $1 AND r.id = $2 AND r.status = 'WAITING'`,
      [claimId, offer.request_id],
    );
    tx.notify(OFFER_CHANGES_CHANNEL, { offerId: offer.id });
  }
  const [request] = await tx.query<{ id: string; home_region_id: string; status: string }>(
    `UPDATE placement_request SET status = 'ADMITTED', closed_at = now(), version = version + 1
      WHERE claim_id = $1 AND status = 'CLAIMED'
      RETURNING id, home_region_id, status::text`,
    [claimId],
  );
  if (request) await recordRequestEvent(tx, request, 'ADMITTED', { claimId, stayId });
}

/** What referral does when placement ends or admits a claim (registered by ReferralModule). */
export const requestClaimHooks: ClaimLifecycleHooks = {
  onClaimEnded: (tx, claimId, kind, detail) => reopenRequestOfClaim(tx, claimId, kind, detail),
  onClaimAdmitted: admitRequestOfClaim,
};
