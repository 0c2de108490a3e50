import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canActForShelter, Principal } from '../auth/principal.js';
import { PlaceStatus } from '../common/enums.js';
import { DomainError } from '../common/errors.js';
import { decodeCursor, Page, pageOf } from '../common/pagination.js';
import { Transactions, Tx } from '../database/transactions.js';
import { actorOf } from '../network/network.service.js';
import { PlaceEntity } from '../network/place.entity.js';
import {
  AdmitInput, ClaimPlaceInput, DEFAULT_HOLD_MINUTES, DischargeInput, MarkReadyForOutflowInput, ReleaseClaimInput,
  TransferStayInput,
} from './dto/placement.inputs.js';
import { ageBandOf, describeHousehold, HouseholdMember } from './household.js';
import { changeOf, LockedPlace, lockPlaces } from '../network/place-locks.js';
import { expireClaim, releaseHeldPlaces } from './claim-ending.js';
import { claimLifecycle } from './claim-lifecycle.js';
import { ClaimEntity, ClaimStatus, StayEntity, StayStatus } from './placement.entity.js';

interface ClaimRow {
  id: string;
  status: ClaimStatus;
  shelter_id: string;
  household_size: number;
  request_id: string | null;
  expires_at: Date;
  lapsed: boolean;
  claimed_by: string;
  request_hash: string | null;
}

interface StayRow {
  id: string;
  status: StayStatus;
  shelter_id: string;
  region_id: string;
  category: string;
  household_size: number;
  admitted_at: Date;
  ready_for_outflow_at: Date | null;
  last_move_at: Date;
}

/** A claim row as RETURNING gives it, so a mutation answers without reading the claim again. */
const CLAIM_COLUMNS = `id, status, shelter_id, household_size, beds, request_id, expires_at, claimed_by, claimed_by_role,
  created_at, ended_at, end_reason`;

interface ClaimRecord {
  id: string;
  status: ClaimStatus;
  shelter_id: string;
  household_size: number;
  beds: number;
  request_id: string | null;
  expires_at: Date;
  claimed_by: string;
  claimed_by_role: string;
  created_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
}

function claimFromRecord(r: ClaimRecord): ClaimEntity {
  return Object.assign(new ClaimEntity(), {
    id: r.id, status: r.status, shelterId: r.shelter_id, householdSize: r.household_size, beds: r.beds, requestId: r.request_id,
    expiresAt: r.expires_at, claimedBy: r.claimed_by, claimedByRole: r.claimed_by_role, createdAt: r.created_at,
    endedAt: r.ended_at, endReason: r.end_reason,
  });
}

function describePlaces(places: LockedPlace[]): string {
  return places.map((p) => `${p.label} (${p.status})`).join(', ');
}

/**
 * The place lifecycle: claim, release, admit, transfer, readiness, discharge. Every method is one
 * transaction that locks the rows it changes and checks their state under that lock.
 */
@Injectable()
export class PlacementService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  async claimPlace(principal: Principal, input: ClaimPlaceInput, requestId?: string): Promise<ClaimEntity> {
    const claim = await this.transactions.run(actorOf(principal, requestId), (tx) => this.createClaim(tx, principal, input));
    // A new claim comes back from its INSERT; only an idempotent replay reads the earlier one.
    return typeof claim === 'string' ? this.claim(claim) : claim;
  }

  /** The claim transaction body; the request flow reuses it inside its own transaction. */
  async claimInTransaction(
    tx: Tx,
    principal: Principal,
    input: ClaimPlaceInput,
    options: { onBehalfOfNetwork?: boolean } = {},
  ): Promise<string> {
    const claim = await this.createClaim(tx, principal, input, options);
    return typeof claim === 'string' ? claim : claim.id;
  }

  /** The new claim, or the id of the earlier claim an idempotent retry refers to. */
  private async createClaim(
    tx: Tx,
    principal: Principal,
    input: ClaimPlaceInput,
    options: { onBehalfOfNetwork?: boolean } = {},
  ): Promise<ClaimEntity | string> {
    const holdMinutes = input.holdMinutes ?? DEFAULT_HOLD_MINUTES;
    const requestHash = input.idempotencyKey
      ? createHash('sha256')
          .update(JSON.stringify([[...input.placeIds].sort(), input.householdSize, input.requestId ?? null, holdMinutes]))
          .digest('hex')
      : null;

    if (input.idempotencyKey) {
      // Same caller + key: one transaction at a time, so a retry waits for the first and then sees it.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [JSON.stringify([principal.sub, input.idempotencyKey])]);
      const [earlier] = await tx.query<{ id: string; request_hash: string }>(
        `SELECT id, request_hash FROM claim WHERE claimed_by = $1 AND idempotency_key = $2`,
        [principal.sub, input.idempotencyKey],
      );
      if (earlier) {
        if (earlier.request_hash !== requestHash) {
          throw DomainError.conflict('This idempotencyKey was already used with a different input', { claimId: earlier.id });
        }
        return earlier.id;
      }
    }

    const places = await lockPlaces(tx, input.placeIds);
    const missing = input.placeIds.filter((id) => !places.some((p) => p.id === id));
    if (missing.length > 0) throw DomainError.notFound('Place', missing.join(', '));
    const shelterId = places[0].shelterId;
    if (places.some((p) => p.shelterId !== shelterId)) {
      throw DomainError.badInput('A claim holds places of one shelter only, so the household stays together', [
        { field: 'placeIds', problems: ['places of more than one shelter'] },
      ]);
    }
    if (places.some((p) => p.category !== places[0].category)) {
      throw DomainError.badInput('A claim holds places of one category only', [
        { field: 'placeIds', problems: ['places of more than one category'] },
      ]);
    }
    // An emergency placement by police or Veilig Thuis claims on the network's behalf (DOMAIN: they may place directly).
    if (!options.onBehalfOfNetwork && !canActForShelter(principal, shelterId)) throw DomainError.forbidden('Not a place of your shelters');
    const unavailable = places.filter((p) => p.status !== PlaceStatus.AVAILABLE);
    if (unavailable.length > 0) {
      throw DomainError.conflict(`Not available: ${describePlaces(unavailable)}`, { placeIds: unavailable.map((p) => p.id) });
    }
    const beds = places.reduce((sum, p) => sum + p.beds, 0);
    if (beds < input.householdSize) {
      throw DomainError.badInput(`These places hold ${beds} persons; the household has ${input.householdSize}`, [
        { field: 'householdSize', problems: [`more than the ${beds} beds of the places`] },
      ]);
    }

    const [claim] = await tx.query<ClaimRecord>(
      `INSERT INTO claim (shelter_id, household_size, beds, request_id, expires_at, claimed_by, claimed_by_role,
                          idempotency_key, request_hash)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5), $6, $7, $8, $9)
       RETURNING ${CLAIM_COLUMNS}`,
      [shelterId, input.householdSize, beds, input.requestId ?? null, holdMinutes, principal.sub, principal.role,
        input.idempotencyKey ?? null, requestHash],
    );
    await tx.query(`INSERT INTO claim_place (claim_id, place_id) SELECT $1, unnest($2::uuid[])`, [claim.id, places.map((p) => p.id)]);
    const updated = await tx.query(
      `UPDATE place SET status = 'HELD', claim_id = $1, held_until = $2, version = version + 1, status_changed_at = now()
        WHERE id = ANY($3::uuid[]) AND status = 'AVAILABLE' RETURNING id`,
      [claim.id, claim.expires_at, places.map((p) => p.id)],
    );
    // Cannot happen under the lock; if it ever does, the whole claim is rolled back.
    if (updated.length !== places.length) throw DomainError.conflict('Places changed while claiming; nothing was claimed');

    tx.audit({ action: 'claim.created', entityType: 'claim', entityId: claim.id, statusAfter: 'HELD', detail: { placeIds: places.map((p) => p.id), householdSize: input.householdSize, holdMinutes } });
    for (const p of places) {
      tx.audit({ action: 'place.held', entityType: 'place', entityId: p.id, statusBefore: 'AVAILABLE', statusAfter: 'HELD', detail: { claimId: claim.id } });
    }
    // Held, so freed for nobody: listeners that wait for free places can skip this change.
    tx.placesChanged(places.map((p) => ({ ...changeOf(p), held: true })));
    return claimFromRecord(claim);
  }

  async releaseClaim(principal: Principal, input: ReleaseClaimInput, requestId?: string): Promise<ClaimEntity> {
    return this.transactions.run(actorOf(principal, requestId), (tx) => this.releaseInTransaction(tx, principal, input));
  }

  /** Release body; a request that declines or closes reuses it in its own transaction. */
  async releaseInTransaction(
    tx: Tx,
    principal: Principal,
    input: ReleaseClaimInput,
    options: { requestOwner?: boolean } = {},
  ): Promise<ClaimEntity> {
    const claim = await this.lockHeldClaim(tx, principal, input.claimId, options.requestOwner);
    const [released] = await tx.query<ClaimRecord>(
      `UPDATE claim SET status = 'RELEASED', ended_at = now(), end_reason = $2 WHERE id = $1 RETURNING ${CLAIM_COLUMNS}`,
      [claim.id, input.reason],
    );
    // Free text stays out of the append-only audit log (it may name a person): it lives on the
    // claim and in the request's timeline note, where retention erases it.
    tx.audit({ action: 'claim.released', entityType: 'claim', entityId: claim.id, statusBefore: 'HELD', statusAfter: 'RELEASED' });
    await releaseHeldPlaces(tx, claim.id, 'released');
    if (claim.request_id) await claimLifecycle.claimEnded(tx, claim.id, 'CLAIM_RELEASED', { note: input.reason });
    return claimFromRecord(released);
  }

  async admit(principal: Principal, input: AdmitInput, requestId?: string): Promise<StayEntity> {
    const stayId = await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const claim = await this.lockHeldClaim(tx, principal, input.claimId);
      const arrival = await this.arrivalOf(tx, claim, input);
      if (arrival.household.length !== claim.household_size) {
        throw DomainError.badInput(`The claim is for ${claim.household_size} persons; ${arrival.household.length} were given`, [
          { field: 'household', problems: [`must list ${claim.household_size} persons`] },
        ]);
      }
      const origin = await tx.query(`SELECT 1 FROM region WHERE id = $1`, [arrival.originRegionId]);
      if (origin.length === 0) throw DomainError.notFound('Region', arrival.originRegionId);
      const places = await lockPlaces(tx, await this.placeIdsOfClaim(tx, claim.id));
      if (places.some((p) => p.status !== PlaceStatus.HELD || p.claimId !== claim.id)) {
        throw DomainError.conflict(`The claimed places are no longer held by this claim: ${describePlaces(places)}`);
      }
      const { adults, children } = describeHousehold(arrival.household);
      const [stay] = await tx.query<{ id: string }>(
        `INSERT INTO stay (claim_id, shelter_id, region_id, category, origin_region_id, referrer_type, household_size,
                           adults, children, admitted_by, admitted_shelter_id, admitted_region_id, admitted_category)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $2, $3, $4) RETURNING id`,
        [claim.id, places[0].shelterId, places[0].regionId, places[0].category, arrival.originRegionId,
          arrival.referrerType, arrival.household.length, adults, children, principal.sub],
      );
      await tx.query(
        `INSERT INTO stay_member (stay_id, sex, age, age_band, is_child)
         SELECT $1, m.sex::sex, m.age, m.age_band::age_band, m.age < 18
           FROM jsonb_to_recordset($2::jsonb) AS m(sex text, age int, age_band text)`,
        [stay.id, JSON.stringify(arrival.household.map((m) => ({ sex: m.sex, age: m.age, age_band: ageBandOf(m.age) })))],
      );
      await tx.query(
        `INSERT INTO stay_place (stay_id, place_id, from_at) SELECT $1, unnest($2::uuid[]), now()`,
        [stay.id, places.map((p) => p.id)],
      );
      await tx.query(
        `UPDATE place SET status = 'OCCUPIED', stay_id = $2, claim_id = NULL, held_until = NULL, version = version + 1,
                status_changed_at = now()
          WHERE claim_id = $1`,
        [claim.id, stay.id],
      );
      await tx.query(`UPDATE claim SET status = 'ADMITTED', ended_at = now(), end_reason = 'admitted' WHERE id = $1`, [claim.id]);
      tx.audit({ action: 'claim.admitted', entityType: 'claim', entityId: claim.id, statusBefore: 'HELD', statusAfter: 'ADMITTED', detail: { stayId: stay.id } });
      tx.audit({ action: 'stay.admitted', entityType: 'stay', entityId: stay.id, statusAfter: 'ACTIVE', detail: { adults, children } });
      for (const p of places) {
        tx.audit({ action: 'place.occupied', entityType: 'place', entityId: p.id, statusBefore: 'HELD', statusAfter: 'OCCUPIED', detail: { stayId: stay.id } });
      }
      tx.placesChanged(places.map(changeOf));
      if (claim.request_id) await claimLifecycle.claimAdmitted(tx, claim.id, stay.id);
      return stay.id;
    });
    return this.stay(stayId);
  }

  async transferStay(principal: Principal, input: TransferStayInput, requestId?: string): Promise<StayEntity> {
    await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const stay = await this.lockActiveStay(tx, principal, input.stayId);
      const currentIds = await this.placeIdsOfStay(tx, stay.id);
      if (input.toPlaceIds.some((id) => currentIds.includes(id))) {
        throw DomainError.badInput('The household already occupies one of the target places', [
          { field: 'toPlaceIds', problems: ['includes a place of the current stay'] },
        ]);
      }
      const locked = await lockPlaces(tx, [...currentIds, ...input.toPlaceIds]);
      const targets = locked.filter((p) => input.toPlaceIds.includes(p.id));
      const current = locked.filter((p) => currentIds.includes(p.id));
      const missing = input.toPlaceIds.filter((id) => !targets.some((p) => p.id === id));
      if (missing.length > 0) throw DomainError.notFound('Place', missing.join(', '));
      const target = targets[0];
      if (targets.some((p) => p.shelterId !== target.shelterId || p.category !== target.category)) {
        throw DomainError.badInput('Target places must be of one shelter and one category', [
          { field: 'toPlaceIds', problems: ['mixed shelters or categories'] },
        ]);
      }
      if (!canActForShelter(principal, target.shelterId)) {
        throw DomainError.forbidden('You may move a household only into places of your own shelters');
      }
      const unavailable = targets.filter((p) => p.status !== PlaceStatus.AVAILABLE);
      if (unavailable.length > 0) {
        throw DomainError.conflict(`Not available: ${describePlaces(unavailable)}`, { placeIds: unavailable.map((p) => p.id) });
      }
      const beds = targets.reduce((sum, p) => sum + p.beds, 0);
      if (beds < stay.household_size) {
        throw DomainError.badInput(`The target places hold ${beds} persons; the household has ${stay.household_size}`, [
          { field: 'toPlaceIds', problems: ['not enough beds'] },
        ]);
      }
      await tx.query(`UPDATE stay_place SET until_at = now() WHERE stay_id = $1 AND until_at IS NULL`, [stay.id]);
      await tx.query(
        `UPDATE place SET status = 'AVAILABLE', stay_id = NULL, version = version + 1, status_changed_at = now()
          WHERE stay_id = $1`,
        [stay.id],
      );
      await tx.query(`INSERT INTO stay_place (stay_id, place_id, from_at) SELECT $1, unnest($2::uuid[]), now()`, [stay.id, input.toPlaceIds]);
      await tx.query(
        `UPDATE place SET status = 'OCCUPIED', stay_id = $1, version = version + 1, status_changed_at = now()
          WHERE id = ANY($2::uuid[])`,
        [stay.id, input.toPlaceIds],
      );
      await tx.query(
        `INSERT INTO transfer (stay_id, from_shelter_id, to_shelter_id, from_region_id, to_region_id, from_category,
                               to_category, days_before_move, reason, transferred_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, round((extract(epoch FROM now() - $8::timestamptz) / 86400)::numeric, 2), $9, $10)`,
        [stay.id, stay.shelter_id, target.shelterId, stay.region_id, target.regionId, stay.category, target.category,
          stay.last_move_at, input.reason, principal.sub],
      );
      await tx.query(`UPDATE stay SET shelter_id = $2, region_id = $3, category = $4 WHERE id = $1`, [
        stay.id, target.shelterId, target.regionId, target.category,
      ]);
      tx.audit({ action: 'stay.transferred', entityType: 'stay', entityId: stay.id, statusBefore: stay.category, statusAfter: target.category, detail: { from: currentIds, to: input.toPlaceIds } });
      for (const p of current) tx.audit({ action: 'place.vacated', entityType: 'place', entityId: p.id, statusBefore: 'OCCUPIED', statusAfter: 'AVAILABLE', detail: { stayId: stay.id } });
      for (const p of targets) tx.audit({ action: 'place.occupied', entityType: 'place', entityId: p.id, statusBefore: 'AVAILABLE', statusAfter: 'OCCUPIED', detail: { stayId: stay.id } });
      tx.placesChanged(locked.map(changeOf));
    });
    return this.stay(input.stayId);
  }

  async markReadyForOutflow(principal: Principal, input: MarkReadyForOutflowInput, requestId?: string): Promise<StayEntity> {
    await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const stay = await this.lockActiveStay(tx, principal, input.stayId);
      await tx.query(
        `UPDATE outflow_readiness SET cleared_at = now(), cleared_because = $2 WHERE stay_id = $1 AND cleared_at IS NULL`,
        [stay.id, input.blockers.length ? 'blockers changed' : 'cleared'],
      );
      if (input.blockers.length > 0) {
        await tx.query(
          `INSERT INTO outflow_readiness (stay_id, region_id, blockers) VALUES ($1, $2, $3::outflow_blocker[])`,
          [stay.id, stay.region_id, input.blockers],
        );
      }
      // Days waiting count from the first mark; changing the blockers does not reset them.
      await tx.query(
        `UPDATE stay SET outflow_blockers = $2::outflow_blocker[],
                ready_for_outflow_at = CASE WHEN cardinality($2::outflow_blocker[]) = 0 THEN NULL
                                            ELSE coalesce(ready_for_outflow_at, now()) END
          WHERE id = $1`,
        [stay.id, input.blockers],
      );
      tx.audit({
        action: input.blockers.length ? 'stay.ready_for_outflow' : 'stay.readiness_cleared',
        entityType: 'stay',
        entityId: stay.id,
        detail: { blockers: input.blockers },
      });
    });
    return this.stay(input.stayId);
  }

  async discharge(principal: Principal, input: DischargeInput, requestId?: string): Promise<StayEntity> {
    await this.transactions.run(actorOf(principal, requestId), async (tx) => {
      const stay = await this.lockActiveStay(tx, principal, input.stayId);
      const places = await lockPlaces(tx, await this.placeIdsOfStay(tx, stay.id));
      await tx.query(`UPDATE stay_place SET until_at = now() WHERE stay_id = $1 AND until_at IS NULL`, [stay.id]);
      await tx.query(
        `UPDATE place SET status = 'AVAILABLE', stay_id = NULL, version = version + 1, status_changed_at = now()
          WHERE stay_id = $1`,
        [stay.id],
      );
      await tx.query(
        `UPDATE outflow_readiness SET cleared_at = now(), cleared_because = 'discharged' WHERE stay_id = $1 AND cleared_at IS NULL`,
        [stay.id],
      );
      await tx.query(
        `UPDATE stay SET status = 'DISCHARGED', discharged_at = now(), destination = $2, discharge_note = $3 WHERE id = $1`,
        [stay.id, input.destination, input.note ?? null],
      );
      tx.audit({ action: 'stay.discharged', entityType: 'stay', entityId: stay.id, statusBefore: 'ACTIVE', statusAfter: 'DISCHARGED', detail: { destination: input.destination } });
      for (const p of places) tx.audit({ action: 'place.vacated', entityType: 'place', entityId: p.id, statusBefore: 'OCCUPIED', statusAfter: 'AVAILABLE', detail: { stayId: stay.id } });
      tx.placesChanged(places.map(changeOf));
    });
    return this.stay(input.stayId);
  }

  async claim(id: string): Promise<ClaimEntity> {
    const claim = await this.dataSource.getRepository(ClaimEntity).findOneBy({ id });
    if (!claim) throw DomainError.notFound('Claim', id);
    return claim;
  }

  async stay(id: string): Promise<StayEntity> {
    const stay = await this.dataSource.getRepository(StayEntity).findOneBy({ id });
    if (!stay) throw DomainError.notFound('Stay', id);
    return stay;
  }

  /** Newest first, keyset on (created_at, id); the cursor keeps created_at to the microsecond. */
  async claimsOfShelter(shelterId: string, first: number, after?: string): Promise<Page<ClaimEntity>> {
    const query = this.dataSource
      .getRepository(ClaimEntity)
      .createQueryBuilder('c')
      .addSelect('c.created_at::text', 'cursor_at')
      .where('c.shelter_id = :shelterId', { shelterId })
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(first + 1);
    const cursor = decodeCursor(after, 2);
    if (cursor) query.andWhere('(c.created_at, c.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: cursor[0], afterId: cursor[1] });
    const { entities, raw } = await query.getRawAndEntities<{ cursor_at: string; c_id: string }>();
    const at = new Map(raw.map((r) => [r.c_id, r.cursor_at]));
    return pageOf(entities, first, (c) => [at.get(c.id)!, c.id]);
  }

  async activeStaysOfShelter(shelterId: string): Promise<StayEntity[]> {
    return this.dataSource.getRepository(StayEntity).find({ where: { shelterId, status: StayStatus.ACTIVE }, order: { admittedAt: 'ASC' } });
  }

  placesOfClaim(claimId: string): Promise<PlaceEntity[]> {
    return this.dataSource.query(
      `SELECT p.id, p.shelter_id AS "shelterId", p.category, p.label, p.beds, p.status, p.version,
              p.status_changed_at AS "statusChangedAt", p.national_reserve AS "nationalReserve",
              p.out_of_service_reason AS "outOfServiceReason", p.claim_id AS "claimId", p.held_until AS "heldUntil",
              p.stay_id AS "stayId"
         FROM claim_place cp JOIN place p ON p.id = cp.place_id WHERE cp.claim_id = $1 ORDER BY p.label`,
      [claimId],
    );
  }

  async membersOfStay(stayId: string) {
    return this.dataSource.query(
      `SELECT sex, age, age_band::text AS "ageBand", is_child AS "isChild" FROM stay_member WHERE stay_id = $1 ORDER BY id`,
      [stayId],
    );
  }

  /**
   * Who arrives and from where: from the placement request when the claim was made for one (the
   * input may then leave them out), else from the input.
   */
  private async arrivalOf(tx: Tx, claim: ClaimRow, input: AdmitInput) {
    let household: HouseholdMember[] | undefined = input.household;
    let originRegionId = input.originRegionId;
    let referrerType: string | null = input.referrerType ?? null;
    if (claim.request_id) {
      const [request] = await tx.query<{ home_region_id: string; referrer_type: string | null }>(
        `SELECT home_region_id, referrer_type FROM placement_request WHERE id = $1`,
        [claim.request_id],
      );
      household ??= await tx.query<HouseholdMember>(
        `SELECT sex::text AS sex, age FROM request_member WHERE request_id = $1 ORDER BY id`,
        [claim.request_id],
      );
      originRegionId ??= request.home_region_id;
      referrerType ??= request.referrer_type;
    }
    if (!household?.length || !originRegionId) {
      throw DomainError.badInput('household and originRegionId are required for a claim without a placement request', [
        ...(household?.length ? [] : [{ field: 'household', problems: ['required'] }]),
        ...(originRegionId ? [] : [{ field: 'originRegionId', problems: ['required'] }]),
      ]);
    }
    return { household, originRegionId, referrerType };
  }

  /** Locks a claim that must still be HELD; a lapsed one is expired on the spot and refused. */
  private async lockHeldClaim(tx: Tx, principal: Principal, claimId: string, requestOwner = false): Promise<ClaimRow> {
    const [claim] = await tx.query<ClaimRow>(
      `SELECT id, status, shelter_id, household_size, request_id, expires_at, expires_at <= now() AS lapsed, claimed_by, request_hash
         FROM claim WHERE id = $1 FOR UPDATE`,
      [claimId],
    );
    if (!claim) throw DomainError.notFound('Claim', claimId);
    // The owner of a placement request may give up its claim (closing or cancelling the request).
    if (!requestOwner && !canActForShelter(principal, claim.shelter_id)) throw DomainError.forbidden('Not a claim on your shelters');
    if (claim.status === ClaimStatus.HELD && claim.lapsed) {
      await expireClaim(tx, claim.id);
      claim.status = ClaimStatus.EXPIRED;
    }
    if (claim.status !== ClaimStatus.HELD) {
      throw DomainError.conflict(`The claim is ${claim.status}, not HELD`, { currentStatus: claim.status });
    }
    return claim;
  }

  private async lockActiveStay(tx: Tx, principal: Principal, stayId: string): Promise<StayRow> {
    const [stay] = await tx.query<StayRow>(
      `SELECT s.id, s.status, s.shelter_id, s.region_id, s.category, s.household_size, s.admitted_at,
              s.ready_for_outflow_at,
              greatest(s.admitted_at, (SELECT max(t.transferred_at) FROM transfer t WHERE t.stay_id = s.id)) AS last_move_at
         FROM stay s WHERE s.id = $1 FOR UPDATE OF s`,
      [stayId],
    );
    if (!stay) throw DomainError.notFound('Stay', stayId);
    if (!canActForShelter(principal, stay.shelter_id)) throw DomainError.forbidden('Not a stay in your shelters');
    if (stay.status !== StayStatus.ACTIVE) throw DomainError.conflict(`The stay is ${stay.status}`, { currentStatus: stay.status });
    return stay;
  }

  private async placeIdsOfClaim(tx: Tx, claimId: string): Promise<string[]> {
    const rows = await tx.query<{ place_id: string }>(`SELECT place_id FROM claim_place WHERE claim_id = $1`, [claimId]);
    return rows.map((r) => r.place_id);
  }

  private async placeIdsOfStay(tx: Tx, stayId: string): Promise<string[]> {
    const rows = await tx.query<{ place_id: string }>(`SELECT place_id FROM stay_place WHERE stay_id = $1 AND until_at IS NULL`, [stayId]);
    return rows.map((r) => r.place_id);
  }
}
