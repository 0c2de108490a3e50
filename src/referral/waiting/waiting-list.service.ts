import { Inject, Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { Logger as Pino } from 'pino';
import { DataSource } from 'typeorm';
import { canActForShelter, Principal } from '../../auth/principal.js';
import { Role } from '../../common/enums.js';
import { DomainError, ErrorCode } from '../../common/errors.js';
import { PLACE_CHANGES_CHANNEL, PlaceChange } from '../../common/place-changes.js';
import { PostgresPubSub } from '../../common/pubsub/postgres-pubsub.js';
import { Sweeper } from '../../common/sweeper.js';
import { LIVE_EVENTS, ROOT_LOGGER } from '../../common/tokens.js';
import { AppConfig } from '../../config/app-config.js';
import { Transactions, Tx } from '../../database/transactions.js';
import { actorOf } from '../../network/network.service.js';
import { PlacementService } from '../../placement/placement.service.js';
import { loadPlacesById } from '../matching/candidates.js';
import { allowedCategories, HARD_RULES } from '../matching/matching.rules.js';
import { Language } from '../matching/matching.texts.js';
import { NotAdmittedReason, RequestStatus, Urgency } from '../referral.enums.js';
import { ReferralService, scopeOf, toMatchRequest } from '../referral.service.js';
import { canReadRequestDetails, ownsRequest } from '../request-access.js';
import { OFFER_CHANGES_CHANNEL, recordRequestEvent } from '../request-effects.js';
import { REQUEST_SELECT, RequestRecord } from '../request.record.js';
import { PlacementOfferModel } from './waiting.models.js';
import { compareWaiting, positionOf, WaitingEntry, WaitingPosition } from './waiting.rules.js';

export const PLACEMENT_OFFERS = 'placementOffers';

// One offer round at a time across every instance: each round sees the last one's holds.
const ROUND_LOCK = 7_406_320;
/** Once accepted, the household has this long to arrive (as a claim for a request). */
const ACCEPTED_HOLD_MINUTES = 120;
const SYSTEM = { sub: 'system:waiting-list', role: 'SYSTEM' as Role, shelterIds: [] } satisfies Principal;

const OFFER_SELECT = `
  SELECT o.id, o.request_id AS "requestId", o.shelter_id AS "shelterId", s.name AS "shelterName",
         s.intake_phone AS "intakePhone", s.locality_name AS locality, o.category::text AS category, c.beds,
         o.status::text AS status, o.created_at AS "createdAt", o.expires_at AS "expiresAt", o.decided_at AS "decidedAt",
         o.decline_reason::text AS "declineReason", o.claim_id AS "claimId"
    FROM placement_offer o JOIN shelter s ON s.id = o.shelter_id JOIN claim c ON c.id = o.claim_id`;

interface LockedOffer {
  id: string;
  request_id: string;
  shelter_id: string;
  claim_id: string;
  status: string;
  expired: boolean;
}

/**
 * The waiting list: requests that cannot be placed now wait in the order of waiting.rules.ts, and
 * whenever places become free (any commit that frees one, on any instance) the first request they
 * fit is offered them, held for OFFER_HOLD_MINUTES. Accept turns the hold into the request's
 * claim; decline, a lapse or a withdrawal moves the places on to the next in line.
 */
@Injectable()
export class WaitingListService implements OnModuleInit, OnApplicationBootstrap {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReferralService) private readonly referrals: ReferralService,
    @Inject(PlacementService) private readonly placement: PlacementService,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Sweeper) private readonly sweeper: Sweeper,
    @Inject(PostgresPubSub) private readonly engine: PostgresPubSub | null,
    @Inject(LIVE_EVENTS) private readonly live: PubSub,
    @Inject(ROOT_LOGGER) private readonly log: Pino,
  ) {}

  onModuleInit(): void {
    this.sweeper.register('waiting-list', () => this.sweep());
  }

  async onApplicationBootstrap(): Promise<void> {
    // Places freed anywhere: try the waiting list with them, after that commit.
    await this.engine?.subscribe(PLACE_CHANGES_CHANNEL, (changes) => {
      // A claim only holds places: no waiting request can be offered anything because of it.
      const placeIds = (changes as PlaceChange[]).filter((c) => !c.held).map((c) => c.placeId);
      if (placeIds.length > 0) this.enqueue(() => this.runRound(placeIds));
    });
    await this.engine?.subscribe(OFFER_CHANGES_CHANNEL, (message) => void this.push((message as { offerId: string }).offerId));
  }

  /** Rounds on one instance run one after another; the advisory lock orders them across instances. */
  private enqueue(work: () => Promise<unknown>): void {
    this.pending = this.pending.then(work).catch((err) => this.log.warn({ err: (err as Error).message }, 'waiting list round failed; the sweep retries'));
  }

  private async push(offerId: string): Promise<void> {
    try {
      const [offer] = await this.dataSource.query(`${OFFER_SELECT} WHERE o.id = $1`, [offerId]);
      if (offer) await this.live.publish(PLACEMENT_OFFERS, offer);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, offerId }, 'could not push an offer change');
    }
  }

  // ---------- the list ----------

  async putOnWaitingList(principal: Principal, requestId: string, auditRequestId?: string): Promise<RequestRecord> {
    await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      const locked = await this.referrals.lockRequest(tx, requestId);
      const regions = await this.referrals.intakeRegions(principal);
      if (!canReadRequestDetails(principal, scopeOf(locked), regions)) throw DomainError.notFound('PlacementRequest', requestId);
      if (locked.status !== RequestStatus.OPEN && locked.status !== RequestStatus.ESCALATED) {
        throw DomainError.conflict(`Only an open or escalated request can wait; this one is ${locked.status}`, { currentStatus: locked.status });
      }
      const record = await this.referrals.requestIn(tx, requestId);
      if (record.urgency === Urgency.IMMEDIATE) {
        const { options } = await this.referrals.match((sql, p) => tx.query(sql, p), toMatchRequest(record), 1);
        if (options.length > 0) {
          throw DomainError.conflict('A place fits this immediate request now: claim it instead of waiting', { currentStatus: locked.status });
        }
      }
      // The categories it waits for, as the flow reports count them per category.
      const [row] = await tx.query<{ id: string; home_region_id: string; status: string }>(
        `UPDATE placement_request SET status = 'WAITING', waiting_since = now(),
                waiting_expires_at = now() + make_interval(days => $2), waiting_notice_at = NULL, escalate_at = NULL,
                waiting_categories = $3::place_category[], version = version + 1
          WHERE id = $1 RETURNING id, home_region_id, status::text`,
        [requestId, this.config.WAITING_EXPIRE_DAYS, allowedCategories(toMatchRequest(record))],
      );
      await recordRequestEvent(tx, row, 'WAITING');
    });
    await this.runRound();
    return this.referrals.request(requestId);
  }

  async prioritise(principal: Principal, requestId: string, reason: string, auditRequestId?: string): Promise<RequestRecord> {
    if (principal.role !== Role.COORDINATOR) throw DomainError.forbidden('Only a coordinator moves a request up the waiting list');
    await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      const [row] = await tx.query<{ id: string; home_region_id: string; status: string }>(
        `UPDATE placement_request SET prioritised_at = now(), priority_reason = $2, version = version + 1
          WHERE id = $1 AND status = 'WAITING' RETURNING id, home_region_id, status::text`,
        [requestId, reason],
      );
      if (!row) {
        await this.referrals.lockRequest(tx, requestId);
        throw DomainError.conflict('Only a waiting request can be moved up');
      }
      await recordRequestEvent(tx, row, 'PRIORITISED', { note: reason });
    });
    await this.runRound();
    return this.referrals.request(requestId);
  }

  private async waitingEntries(query: <T>(sql: string, params?: unknown[]) => Promise<T[]>): Promise<(WaitingEntry & { record: RequestRecord })[]> {
    const rows = await query<RequestRecord>(`${REQUEST_SELECT} WHERE r.status = 'WAITING'`);
    return rows.map((r) => ({
      id: r.id, urgency: r.urgency, riskLevel: r.riskLevel, waitingSince: new Date(r.waitingSince!),
      prioritisedAt: r.prioritisedAt ? new Date(r.prioritisedAt) : null, homeRegionId: r.homeRegionId,
      categories: allowedCategories(toMatchRequest(r)), householdSize: r.householdSize, record: r,
    }));
  }

  async position(record: RequestRecord, language: Language): Promise<WaitingPosition | null> {
    if (record.status !== RequestStatus.WAITING) return null;
    const waiting = await this.waitingEntries((sql, p) => this.dataSource.query(sql, p));
    const entry = waiting.find((w) => w.id === record.id);
    return entry ? positionOf(entry, waiting, language) : null;
  }

  /**
   * One round: in waiting-list order, each waiting request without an open offer is offered its
   * best free option (never a shelter it declined or let lapse). With `placeIds`, only requests
   * that one of those places fits under the hard rules are considered (a commit freed them).
   */
  async runRound(placeIds?: string[]): Promise<number> {
    // Every committed place change on every instance lands here, most of them holds that free
    // nothing: one cheap read decides whether a round (a transaction and a global lock) is due.
    const [{ due }] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM placement_request WHERE status = 'WAITING')
          AND ($1::uuid[] IS NULL OR EXISTS (SELECT 1 FROM place WHERE id = ANY($1::uuid[])
                AND (status = 'AVAILABLE' OR (status = 'HELD' AND held_until <= now())))) AS due`,
      [placeIds ?? null],
    );
    if (!due) return 0;
    return this.transactions.run(actorOf(SYSTEM), async (tx) => {
      const query = <T>(sql: string, params?: unknown[]) => tx.query<T>(sql, params);
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [ROUND_LOCK]);
      let waiting = (await this.waitingEntries(query)).sort(compareWaiting);
      const open = new Set((await tx.query<{ request_id: string }>(`SELECT request_id FROM placement_offer WHERE status = 'OFFERED'`)).map((r) => r.request_id));
      waiting = waiting.filter((w) => !open.has(w.id));
      if (placeIds) {
        const freed = (await loadPlacesById(query, placeIds)).filter((p) => p.status === 'AVAILABLE');
        if (freed.length === 0) return 0;
        const settings = await this.referrals.matchSettings(query);
        waiting = waiting.filter((w) => {
          const request = toMatchRequest(w.record);
          const allowed = new Set(w.categories);
          return freed.some((p) => HARD_RULES.every(([, rule]) => rule(p, request, settings, allowed)));
        });
      }
      let offers = 0;
      for (const entry of waiting) {
        const refused = new Set((await tx.query<{ shelter_id: string }>(
          `SELECT shelter_id FROM placement_offer WHERE request_id = $1 AND status IN ('DECLINED', 'LAPSED', 'WITHDRAWN')`,
          [entry.id],
        )).map((r) => r.shelter_id));
        const { options } = await this.referrals.match(query, toMatchRequest(entry.record), 5 + refused.size);
        for (const option of options.filter((o) => !refused.has(o.shelter.id))) {
          try {
            const claimId = await this.placement.claimInTransaction(
              tx,
              SYSTEM,
              { placeIds: option.places.map((p) => p.id), householdSize: entry.householdSize, requestId: entry.id, holdMinutes: this.config.OFFER_HOLD_MINUTES },
              { onBehalfOfNetwork: true },
            );
            const [offer] = await tx.query<{ id: string }>(
              `INSERT INTO placement_offer (request_id, shelter_id, claim_id, category, expires_at)
               SELECT $1, c.shelter_id, c.id, $3::place_category, c.expires_at FROM claim c WHERE c.id = $2 RETURNING id`,
              [entry.id, claimId, option.category],
            );
            await recordRequestEvent(tx, { id: entry.id, home_region_id: entry.homeRegionId, status: RequestStatus.WAITING }, 'OFFERED', { offerId: offer.id, shelterId: option.shelter.id });
            tx.notify(OFFER_CHANGES_CHANNEL, { offerId: offer.id });
            offers++;
            break;
          } catch (err) {
            // Taken a moment ago by someone else: try this request's next option.
            if (err instanceof DomainError && err.code === ErrorCode.CONFLICT) continue;
            throw err;
          }
        }
      }
      return offers;
    });
  }

  // ---------- offers ----------

  private async lockOffer(tx: Tx, principal: Principal, offerId: string): Promise<LockedOffer & { request: ReturnType<typeof scopeOf> }> {
    const [offer] = await tx.query<LockedOffer>(
      `SELECT id, request_id, shelter_id, claim_id, status::text AS status, expires_at <= now() AS expired
         FROM placement_offer WHERE id = $1 FOR UPDATE`,
      [offerId],
    );
    if (!offer) throw DomainError.notFound('PlacementOffer', offerId);
    const request = scopeOf(await this.referrals.lockRequest(tx, offer.request_id));
    const mayAnswer = principal.role === Role.COORDINATOR || ownsRequest(principal, request) || (principal.role === Role.INTAKE && canActForShelter(principal, offer.shelter_id));
    if (!mayAnswer) throw DomainError.notFound('PlacementOffer', offerId);
    if (offer.status !== 'OFFERED' || offer.expired) {
      throw DomainError.conflict(`This offer is no longer open (${offer.expired && offer.status === 'OFFERED' ? 'LAPSED' : offer.status})`, { currentStatus: offer.status });
    }
    return { ...offer, request };
  }

  async offer(offerId: string): Promise<PlacementOfferModel> {
    const [offer] = await this.dataSource.query(`${OFFER_SELECT} WHERE o.id = $1`, [offerId]);
    if (!offer) throw DomainError.notFound('PlacementOffer', offerId);
    return offer;
  }

  offersOfRequest(requestId: string): Promise<PlacementOfferModel[]> {
    return this.dataSource.query(`${OFFER_SELECT} WHERE o.request_id = $1 ORDER BY o.created_at DESC LIMIT 50`, [requestId]);
  }

  /** Offers the caller may answer or follow: its shelters' (intake), its requests' (referrer), all (coordinator). */
  async offers(principal: Principal, openOnly: boolean, requestId?: string): Promise<PlacementOfferModel[]> {
    const where = [openOnly ? `o.status = 'OFFERED'` : 'true'];
    const params: unknown[] = [];
    if (requestId) {
      params.push(requestId);
      where.push(`o.request_id = $${params.length}`);
    }
    if (principal.role === Role.INTAKE) {
      params.push(principal.shelterIds);
      where.push(`o.shelter_id = ANY($${params.length}::uuid[])`);
    } else if (principal.role !== Role.COORDINATOR) {
      params.push(principal.role, principal.organisationId ?? null, principal.sub);
      const [role, org, sub] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
      where.push(`o.request_id IN (SELECT id FROM placement_request WHERE referrer_role = ${role}
                    AND ((referrer_organisation_id IS NOT NULL AND referrer_organisation_id = ${org})
                      OR (referrer_organisation_id IS NULL AND ${org}::text IS NULL AND referrer_sub = ${sub})))`);
    }
    return this.dataSource.query(`${OFFER_SELECT} WHERE ${where.join(' AND ')} ORDER BY o.created_at DESC LIMIT 100`, params);
  }

  async accept(principal: Principal, offerId: string, auditRequestId?: string): Promise<PlacementOfferModel> {
    await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      const offer = await this.lockOffer(tx, principal, offerId);
      await tx.query(`UPDATE placement_offer SET status = 'ACCEPTED', decided_at = now(), decided_by = $2 WHERE id = $1`, [offer.id, principal.sub]);
      // The household now has the ordinary time to arrive.
      await tx.query(`UPDATE claim SET expires_at = now() + make_interval(mins => $2) WHERE id = $1`, [offer.claim_id, ACCEPTED_HOLD_MINUTES]);
      await tx.query(`UPDATE place SET held_until = now() + make_interval(mins => $2), version = version + 1 WHERE claim_id = $1`, [offer.claim_id, ACCEPTED_HOLD_MINUTES]);
      const [row] = await tx.query<{ id: string; home_region_id: string; status: string }>(
        `UPDATE placement_request r SET status = 'CLAIMED', claim_id = $2, receiving_shelter_id = $3, version = r.version + 1
          WHERE r.id = $1 RETURNING r.id, r.home_region_id, r.status::text`,
        [offer.request_id, offer.claim_id, offer.shelter_id],
      );
      await recordRequestEvent(tx, row, 'OFFER_ACCEPTED', { offerId: offer.id });
      await recordRequestEvent(tx, row, 'CLAIMED', { claimId: offer.claim_id });
      const places = await tx.query<PlaceChange>(
        `SELECT p.id AS "placeId", p.shelter_id AS "shelterId", s.region_id AS "regionId", p.category
           FROM place p JOIN shelter s ON s.id = p.shelter_id WHERE p.claim_id = $1`,
        [offer.claim_id],
      );
      tx.placesChanged(places);
      tx.notify(OFFER_CHANGES_CHANNEL, { offerId: offer.id });
    });
    return this.offer(offerId);
  }

  async decline(principal: Principal, input: { offerId: string; reason: NotAdmittedReason; note?: string }, auditRequestId?: string): Promise<PlacementOfferModel> {
    await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      const offer = await this.lockOffer(tx, principal, input.offerId);
      await tx.query(
        `UPDATE placement_offer SET status = 'DECLINED', decided_at = now(), decided_by = $2, decline_reason = $3, decline_note = $4 WHERE id = $1`,
        [offer.id, principal.sub, input.reason, input.note ?? null],
      );
      const [request] = await tx.query<{ id: string; home_region_id: string; status: string }>(
        `SELECT id, home_region_id, status::text FROM placement_request WHERE id = $1`,
        [offer.request_id],
      );
      await recordRequestEvent(tx, request, 'OFFER_DECLINED', { offerId: offer.id, reason: input.reason, note: input.note ?? null });
      await this.placement.releaseInTransaction(tx, SYSTEM, { claimId: offer.claim_id, reason: `offer declined: ${input.reason}` }, { requestOwner: true });
      tx.notify(OFFER_CHANGES_CHANNEL, { offerId: offer.id });
    });
    return this.offer(input.offerId);
  }

  // ---------- time ----------

  /** Notices before expiry, expiry of waiting requests, and a full round for anything missed. */
  async sweep(): Promise<number> {
    const changed = await this.transactions.run(actorOf(SYSTEM), async (tx) => {
      const noticed = await tx.query<{ id: string; home_region_id: string; status: string }>(
        `UPDATE placement_request SET waiting_notice_at = now()
          WHERE status = 'WAITING' AND waiting_notice_at IS NULL AND waiting_expires_at - make_interval(hours => $1) <= now()
          RETURNING id, home_region_id, status::text`,
        [this.config.WAITING_NOTICE_HOURS],
      );
      for (const r of noticed) await recordRequestEvent(tx, r, 'WAITING_EXPIRES_SOON');
      const expired = await tx.query<{ id: string; home_region_id: string; status: string }>(
        `UPDATE placement_request r SET status = 'NOT_ADMITTED', close_reason = 'NO_CAPACITY', closed_at = now(), version = version + 1
          WHERE status = 'WAITING' AND waiting_expires_at <= now()
            AND NOT EXISTS (SELECT 1 FROM placement_offer o WHERE o.request_id = r.id AND o.status = 'OFFERED')
          RETURNING id, home_region_id, status::text`,
      );
      for (const r of expired) await recordRequestEvent(tx, r, 'WAITING_EXPIRED', { reason: NotAdmittedReason.NO_CAPACITY });
      return noticed.length + expired.length;
    });
    return changed + (await this.runRound());
  }

  /** Who may follow an offer live: as `offers`, checked per event. */
  async mayFollow(principal: Principal, offer: PlacementOfferModel): Promise<boolean> {
    if (principal.role === Role.COORDINATOR) return true;
    if (principal.role === Role.INTAKE && principal.shelterIds.includes(offer.shelterId)) return true;
    const [request] = await this.dataSource.query(
      `SELECT referrer_sub AS "referrerSub", referrer_role AS "referrerRole", referrer_organisation_id AS "referrerOrganisationId",
              home_region_id AS "homeRegionId", receiving_shelter_id AS "receivingShelterId", status::text AS status
         FROM placement_request WHERE id = $1`,
      [offer.requestId],
    );
    return !!request && ownsRequest(principal, request);
  }
}
