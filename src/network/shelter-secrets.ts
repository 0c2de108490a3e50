import DataLoader from 'dataloader';
import type { AuditActor } from '../audit/audit-log.js';

/** What the secret columns answer: the service's database role cannot SELECT them directly. */
export type SecretKind = 'address' | 'location' | 'meetingInstructions';

export interface ShelterSecretRow {
  shelter_id: string;
  address_street: string | null;
  address_postcode: string | null;
  address_city: string | null;
  latitude: number | null;
  longitude: number | null;
  meeting_instructions: string | null;
}

type Query = (sql: string, params: unknown[]) => Promise<unknown[]>;

/**
 * Reads one kind of secret for some shelters through `read_shelter_secrets`, which writes one
 * audit row (who, which kind, which shelters) in the same statement: if the audit row cannot be
 * written, nothing is returned. Callers check the policy first; this is the database's half.
 */
export async function readShelterSecrets(
  query: Query,
  shelterIds: readonly string[],
  kind: SecretKind,
  actor: AuditActor,
): Promise<Map<string, ShelterSecretRow>> {
  if (shelterIds.length === 0) return new Map();
  const rows = (await query(`SELECT * FROM read_shelter_secrets($1::uuid[], $2, $3, $4, $5)`, [
    [...new Set(shelterIds)],
    kind,
    actor.sub,
    actor.role,
    actor.requestId ?? null,
  ])) as ShelterSecretRow[];
  return new Map(rows.map((r) => [r.shelter_id, r]));
}

/**
 * Per operation: the secrets asked for in one tick are read in one call per kind (so one audit row
 * per kind lists every shelter). No cache: a subscription's later events are audited again.
 */
export function createSecretLoaders(query: Query, actor: AuditActor | undefined) {
  const loader = (kind: SecretKind) =>
    new DataLoader<string, ShelterSecretRow | null>(
      async (ids) => {
        if (!actor) throw new Error('Secrets are read for a verified caller only');
        const rows = await readShelterSecrets(query, ids, kind, actor);
        return ids.map((id) => rows.get(id) ?? null);
      },
      { cache: false },
    );
  return { address: loader('address'), location: loader('location'), meetingInstructions: loader('meetingInstructions') };
}

export type SecretLoaders = ReturnType<typeof createSecretLoaders>;
