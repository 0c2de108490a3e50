// The port through which higher layers react to a claim's end or admission (referral registers).
import { Tx } from '../database/transactions.js';

/** Why a claim ended without admission. */
export type ClaimEndKind = 'CLAIM_EXPIRED' | 'CLAIM_RELEASED';

/**
 * What a higher layer does when a claim ends or is admitted. Each hook runs inside the
 * transaction that ended or admitted the claim, after placement's own writes, so its effects
 * commit or roll back with the claim.
 */
export interface ClaimLifecycleHooks {
  onClaimEnded(tx: Tx, claimId: string, kind: ClaimEndKind, detail?: Record<string, unknown>): Promise<void>;
  onClaimAdmitted(tx: Tx, claimId: string, stayId: string): Promise<void>;
}

const registered = new Set<ClaimLifecycleHooks>();

/**
 * One registry per process: the hooks are stateless functions of the transaction, so two service
 * instances in one process (as in the tests) register the same object once.
 */
export const claimLifecycle = {
  register(hooks: ClaimLifecycleHooks): void {
    registered.add(hooks);
  },
  async claimEnded(tx: Tx, claimId: string, kind: ClaimEndKind, detail: Record<string, unknown> = {}): Promise<void> {
    for (const hooks of registered) await hooks.onClaimEnded(tx, claimId, kind, detail);
  },
  async claimAdmitted(tx: Tx, claimId: string, stayId: string): Promise<void> {
    for (const hooks of registered) await hooks.onClaimAdmitted(tx, claimId, stayId);
  },
};
