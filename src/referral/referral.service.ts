import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal } from '../auth/principal.js';
import { PlaceCategory, ReferrerType, Role } from '../common/enums.js';
import { DomainError, ErrorCode } from '../common/errors.js';
import { Sweeper } from '../common/sweeper.js';
import { AppConfig } from '../config/app-config.js';
import { Transactions, Tx } from '../database/transactions.js';
import { actorOf } from '../network/network.service.js';
import { readShelterSecrets } from '../network/shelter-secrets.js';
import type { AuditActor } from '../audit/audit-log.js';
import { HouseholdMemberInput } from '../placement/dto/placement.inputs.js';
import { ageBandOf, describeHousehold } from '../placement/household.js';
import { PlacementService } from '../placement/placement.service.js';
import { ClaimEntity } from '../placement/placement.entity.js';
import {
  ClaimForRequestInput, CloseRequestInput, CreatePlacementRequestInput, EmergencyPlacementInput, NeedsInput, RiskInput,
} from './dto/referral.inputs.js';
import { searchByRegion } from './matching/region-search.js';
import { countFreeOutside, loadFreeCandidatesCounting, loadOccupancy, loadPlacesById, loadRegionPoints, LoadedCandidate } from './matching/candidates.js';
import {
  allowedCategories, EXCLUSION_TEXT, ExclusionReason, HARD_RULES, MatchOption, matchPlaces, MatchRequest, MatchSettings,
} from './matching/matching.rules.js';
import { DistancePreference, RequestStatus, Urgency } from './referral.enums.js';
import { canReadRequest, canReadRequestDetails, ownsRequest, readableRequestsCondition, searchesForRequest } from './request-access.js';
import { recordRequestEvent } from './request-effects.js';
import { REQUEST_SELECT, RequestRecord } from './request.record.js';
import { decodeCursor, Page, pageOf } from '../common/pagination.js';
import { MAX_TIMELINE_EVENTS } from '../common/query-limits.js';

// The request columns plus created_at to the microsecond, for the page cursor.
const REQUEST_PAGE_SELECT = REQUEST_SELECT.replace(/\n\s*FROM placement_request r\s*$/, `, r.created_at::text AS "cursorAt" FROM placement_request r`);
if (REQUEST_PAGE_SELECT === REQUEST_SELECT) throw new Error('REQUEST_SELECT no longer ends with FROM placement_request r');

const EMERGENCY_REFERRERS = [ReferrerType.POLICE, ReferrerType.VEILIG_THUIS, ReferrerType.PUBLIC_PROSECUTOR, ReferrerType.GGD];
const OPEN_STATES = [RequestStatus.OPEN, RequestStatus.ESCALATED];

export interface OptionsResult {
  options: (MatchOption & { places: LoadedCandidate[] })[];
  excluded: { rule: ExclusionReason; places: number }[];
  categories: PlaceCategory[];
  /** Regions whose free places were read (exclusions are counted there), and all regions. */
  regionsSearched: number;
  regionsInNetwork: number;
  /** Another region's intake: only its own fitting places, without reasons or exclusions. */
  minimised?: boolean;
}

export interface LockedRequest {
  id: string;
  status: RequestStatus;
  home_region_id: string;
  claim_id: string | null;
  receiving_shelter_id: string | null;
  referrer_sub: string;
  referrer_role: string;
  referrer_organisation_id: string | null;
}

export function toMatchRequest(r: RequestRecord): MatchRequest {
  return {
    urgency: r.urgency,
    riskLevel: r.riskLevel,
    honourRelated: r.honourRelated,
    trafficking: r.trafficking,
    perpetratorNetwork: r.perpetratorNetwork,
    policeCoDecision: r.policeCoDecision,
    household: r.household.map((m) => ({ sex: m.sex, age: m.age })),
    needsWheelchair: r.needsWheelchair,
    needsPets: r.needsPets,
    languages: r.languages,
    homeRegionId: r.homeRegionId,
    avoidRegionIds: r.avoidRegionIds,
    preferredRegionIds: r.preferredRegionIds,
    distancePreference: r.distancePreference,
  };
}

export function scopeOf(r: LockedRequest) {
  return {
    referrerSub: r.referrer_sub,
    referrerRole: r.referrer_role,
    referrerOrganisationId: r.referrer_organisation_id,
    homeRegionId: r.home_region_id,
    receivingShelterId: r.receiving_shelter_id,
    status: r.status,
  };
}

/**
 * Placement requests: filed by police, Veilig Thuis and others, matched by the rules in
 * matching/matching.rules.ts, claimed by intake through the same transaction as any claim.
 */
@Injectable()
export class ReferralService implements OnModuleInit {
  private readonly intakeRegionsOf = new WeakMap<Principal, Promise<string[]>>();

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PlacementService) private readonly placement: PlacementService,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Sweeper) private readonly sweeper: Sweeper,
  ) {}

  onModuleInit(): void {
    this.sweeper.register('request-escalation', () => this.escalateOverdue());
  }

  // ---------- reads ----------

  async request(id: string): Promise<RequestRecord> {
    const [record] = await this.dataSource.query(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
    if (!record) throw DomainError.notFound('PlacementRequest', id);
    return record;
  }

  async readableRequest(principal: Principal, id: string): Promise<RequestRecord> {
    const record = await this.request(id);
    if (!canReadRequest(principal, record, await this.intakeRegions(principal))) {
      // Same answer as for a request that does not exist: no probing for ids.
      throw DomainError.notFound('PlacementRequest', id);
    }
    return record;
  }

  /** A page of the requests the principal may read, newest first, keyset on (created_at, id). */
  async requests(
    principal: Principal,
    filter: { status?: RequestStatus; regionId?: string; first: number; after?: string },
  ): Promise<Page<RequestRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.status) where.push(`r.status = ${bind(filter.status)}::request_status`);
    if (filter.regionId) where.push(`r.home_region_id = ${bind(filter.regionId)}`);
    const regions = await this.intakeRegions(principal);
    where.push(readableRequestsCondition(principal, regions, bind));
    const after = decodeCursor(filter.after, 2);
    if (after) where.push(`(r.created_at, r.id) < (${bind(after[0])}::timestamptz, ${bind(after[1])}::uuid)`);
    const rows: (RequestRecord & { cursorAt: string })[] = await this.dataSource.query(
      `${REQUEST_PAGE_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT ${bind(filter.first + 1)}`,
      params,
    );
    const page = pageOf(rows, filter.first, (r) => [r.cursorAt, r.id]);
    return { ...page, nodes: page.nodes.filter((r) => canReadRequest(principal, r, regions)) };
  }

  /** The first events of a request (a timeline is bounded: the query cost counts on it). */
  async timeline(requestId: string) {
    return this.dataSource.query(
      `SELECT at, kind, actor, detail->>'reason' AS reason, detail->>'note' AS note FROM request_event
        WHERE request_id = $1 ORDER BY at, id LIMIT $2`,
      [requestId, MAX_TIMELINE_EVENTS],
    );
  }

  /**
   * Regions of the intake's shelters: the requests from there are theirs to search for. Asked by
   * several fields of one response, so it is looked up once per verified principal (one per HTTP
   * request, or per socket for subscriptions).
   */
  intakeRegions(principal: Principal): Promise<string[]> {
    if (principal.role !== Role.INTAKE || principal.shelterIds.length === 0) return Promise.resolve([]);
    let regions = this.intakeRegionsOf.get(principal);
    if (!regions) {
      regions = this.dataSource
        .query(`SELECT DISTINCT region_id FROM shelter WHERE id = ANY($1::uuid[])`, [principal.shelterIds])
        .then((rows: { region_id: string }[]) => rows.map((r) => r.region_id));
      this.intakeRegionsOf.set(principal, regions);
      regions.catch(() => this.intakeRegionsOf.delete(principal));
    }
    return regions;
  }

  /** Where to bring the client; the meeting instructions come through the audited secrets function. */
  async receivingShelter(record: RequestRecord, actor: AuditActor) {
    if (!record.receivingShelterId) return null;
    const [row] = await this.dataSource.query(
      `SELECT s.id AS "shelterId", s.name, s.intake_phone AS "intakePhone", c.expires_at AS "holdExpiresAt"
         FROM shelter s LEFT JOIN claim c ON c.id = $2 AND c.status = 'HELD' WHERE s.id = $1`,
      [record.receivingShelterId, record.claimId],
    );
    if (!row) return null;
    const secrets = await readShelterSecrets((sql, params) => this.dataSource.query(sql, params), [row.shelterId], 'meetingInstructions', actor);
    return { ...row, meetingInstructions: secrets.get(row.shelterId)?.meeting_instructions ?? null };
  }

  // ---------- matching ----------

  async matchSettings(query: <T>(sql: string, params?: unknown[]) => Promise<T[]>, categories?: PlaceCategory[]): Promise<MatchSettings> {
    return {
      now: new Date(),
      regions: await loadRegionPoints(query, categories),
      minDistanceKm: this.config.MATCH_MIN_DISTANCE_KM,
      staleAfterHours: this.config.STALE_AFTER_HOURS,
    };
  }

  async match(
    query: <T>(sql: string, params?: unknown[]) => Promise<T[]>,
    request: MatchRequest,
    limit: number,
    categories = allowedCategories(request),
  ): Promise<OptionsResult> {
    // One after another: inside a transaction `query` is a single connection, and pg queues (and
    // from pg 9 refuses) a query sent while another runs on it.
    const settings = await this.matchSettings(query, categories);
    // Rank without occupancy first, region by region until no unread region can do better, then
    // spread the load among the best few: occupancy is read for those shelters only.
    // The first read also counts the free places of other categories in its regions (the CATEGORY
    // exclusion): when it is the only read, as for most requests, that is the count, in the same
    // statement. After several reads, or a read that found nothing, it is counted on its own.
    let reads = 0;
    let firstOutside: number | null = null;
    const { candidates, shortlist, searched } = await searchByRegion(request, settings, limit * 3, async (regionIds) => {
      const { candidates: read, outside } = await loadFreeCandidatesCounting(query, categories, regionIds, reads++ === 0);
      if (reads === 1) firstOutside = outside;
      return read;
    });
    const read = new Set(searched);
    const outside =
      reads === 1 && firstOutside !== null
        ? firstOutside
        : await countFreeOutside(query, categories, searched, [...settings.regions.keys()].filter((id) => !read.has(id)));
    const occupancy = await loadOccupancy(query, shortlist.options.map((o) => o.shelter.id));
    for (const o of shortlist.options) o.shelter.occupancyRate = occupancy.get(o.shelter.id) ?? 0;
    const finalists = new Set(shortlist.options.map((o) => o.shelter.id));
    const result = { ...matchPlaces(request, candidates.filter((c) => finalists.has(c.shelter.id)), settings, limit), excluded: shortlist.excluded };
    const excluded = [...result.excluded.entries()];
    if (outside > 0) excluded.unshift(['CATEGORY', outside]);
    return {
      options: result.options as OptionsResult['options'],
      excluded: excluded.map(([rule, places]) => ({ rule, places })),
      categories,
      regionsSearched: searched.length,
      regionsInNetwork: settings.regions.size,
    };
  }

  async placementOptions(principal: Principal, requestId: string, limit: number, auditRequestId?: string): Promise<OptionsResult> {
    const record = await this.readableRequest(principal, requestId);
    if (principal.role === Role.INTAKE && !searchesForRequest(principal, record, await this.intakeRegions(principal)) && !OPEN_STATES.includes(record.status)) {
      throw DomainError.notFound('PlacementRequest', requestId);
    }
    const query = <T>(sql: string, params?: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;
    const full = canReadRequestDetails(principal, record, await this.intakeRegions(principal));
    // Another region's intake learns only whether its own places fit: the ranking's reasons and
    // exclusion counts would reveal the preferred and avoided regions, risk and ages it may not see.
    const result = full
      ? await this.match(query, toMatchRequest(record), limit)
      : await this.match(query, toMatchRequest(record), 50).then((r) => ({
          ...r,
          options: r.options.filter((o) => principal.shelterIds.includes(o.shelter.id)).slice(0, limit).map((o) => ({ ...o, reasons: [], score: 0 })),
          excluded: [],
          minimised: true,
        }));
    await this.transactions.run(actorOf(principal, auditRequestId), (tx) =>
      recordRequestEvent(tx, { id: record.id, home_region_id: record.homeRegionId, status: record.status }, 'OPTIONS_VIEWED', {
        options: result.options.length,
      }),
    );
    return result;
  }

  // ---------- writes ----------

  async create(principal: Principal, input: CreatePlacementRequestInput, auditRequestId?: string): Promise<RequestRecord> {
    const id = await this.transactions.run(actorOf(principal, auditRequestId), (tx) =>
      this.insertRequest(tx, principal, { ...input, needs: input.needs }),
    );
    return this.request(id);
  }

  private async insertRequest(
    tx: Tx,
    principal: Principal,
    input: {
      urgency: Urgency;
      risk: RiskInput;
      household: HouseholdMemberInput[];
      needs?: NeedsInput;
      homeRegionId: string;
      avoidRegionIds: string[];
      preferredRegionIds?: string[];
      residenceStatus?: string;
      clientReference?: string;
      notes?: string;
      idempotencyKey?: string;
      distancePreference?: DistancePreference;
    },
    options: { escalateWhenNothingMatches?: boolean } = { escalateWhenNothingMatches: true },
  ): Promise<string> {
    const regionIds = [...new Set([input.homeRegionId, ...input.avoidRegionIds, ...(input.preferredRegionIds ?? [])])];
    const known = new Set(
      (await tx.query<{ id: string }>(`SELECT id FROM region WHERE id = ANY($1::uuid[])`, [regionIds])).map((r) => r.id),
    );
    // Name the field that holds the unknown id, so a form can show the message next to it.
    const unknownIn = ([
      ['homeRegionId', [input.homeRegionId]],
      ['avoidRegionIds', input.avoidRegionIds],
      ['preferredRegionIds', input.preferredRegionIds ?? []],
    ] as [string, string[]][]).filter(([, ids]) => ids.some((id) => !known.has(id)));
    if (unknownIn.length > 0) {
      throw DomainError.badInput(`Unknown region in ${unknownIn.map(([field]) => field).join(', ')}`,
        unknownIn.map(([field]) => ({ field, problems: ['no region has this id'] })));
    }
    const { adults, children } = describeHousehold(input.household);
    const escalateMinutes =
      input.urgency === Urgency.IMMEDIATE ? this.config.ESCALATE_IMMEDIATE_MINUTES
      : input.urgency === Urgency.WITHIN_24H ? this.config.ESCALATE_WITHIN_24H_MINUTES
      : null;
    const referrerType = principal.role === Role.INTAKE ? ReferrerType.SHELTER : (principal.referrerType ?? null);
    const [row] = await tx.query<{ id: string; home_region_id: string; status: string }>(
      `INSERT INTO placement_request (urgency, risk_level, honour_related, trafficking, perpetrator_network, firearm_access,
          risk_instrument, risk_score, risk_summary, police_co_decision, needs_wheelchair, needs_pets, languages,
          home_region_id, avoid_region_ids, preferred_region_ids, residence_status, consent_to_share, client_reference, notes,
          household_size, adults, children, referrer_sub, referrer_role, referrer_type, referrer_organisation_id,
          escalate_at, idempotency_key, distance_preference)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15::uuid[],$16::uuid[],$17,true,$18,$19,$20,$21,$22,$23,$24,$25,$26,
               CASE WHEN $27::int IS NULL THEN NULL ELSE now() + make_interval(mins => $27::int) END, $28, $29::distance_preference)
       RETURNING id, home_region_id, status::text`,
      [
        input.urgency, input.risk.level, input.risk.honourRelated, input.risk.trafficking, input.risk.perpetratorNetwork,
        input.risk.firearmAccess, input.risk.instrument ?? null, input.risk.score ?? null, input.risk.summary ?? null,
        input.risk.policeCoDecision, input.needs?.wheelchair ?? false, input.needs?.pets ?? false, input.needs?.languages ?? [],
        input.homeRegionId, input.avoidRegionIds, input.preferredRegionIds ?? [], input.residenceStatus ?? null,
        input.clientReference ?? null, input.notes ?? null, input.household.length, adults, children, principal.sub,
        principal.role, referrerType, principal.organisationId ?? null, escalateMinutes, input.idempotencyKey ?? null,
        input.distancePreference ?? DistancePreference.FAR,
      ],
    );
    await tx.query(
      `INSERT INTO request_member (request_id, sex, age, age_band, is_child)
       SELECT $1, m.sex::sex, m.age, m.age_band::age_band, m.age < 18 FROM jsonb_to_recordset($2::jsonb) AS m(sex text, age int, age_band text)`,
      [row.id, JSON.stringify(input.household.map((m) => ({ sex: m.sex, age: m.age, age_band: ageBandOf(m.age) })))],
    );
    await recordRequestEvent(tx, row, 'CREATED', { urgency: input.urgency, risk: input.risk.level });
    if (options.escalateWhenNothingMatches) {
      const record = await this.requestIn(tx, row.id);
      const { options: found, excluded } = await this.match((sql, p) => tx.query(sql, p), toMatchRequest(record), 1);
      if (found.length === 0) await this.escalate(tx, row.id, 'no place matches the request', { excluded });
    }
    return row.id;
  }

  async requestIn(tx: Tx, id: string): Promise<RequestRecord> {
    const [record] = await tx.query<RequestRecord>(`${REQUEST_SELECT} WHERE r.id = $1`, [id]);
    return record;
  }

  async lockRequest(tx: Tx, id: string): Promise<LockedRequest> {
    const [request] = await tx.query<LockedRequest>(
      `SELECT id, status::text AS status, home_region_id, claim_id, receiving_shelter_id, referrer_sub, referrer_role, referrer_organisation_id
         FROM placement_request WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!request) throw DomainError.notFound('PlacementRequest', id);
    return request;
  }

  private async escalate(tx: Tx, id: string, reason: string, detail: Record<string, unknown> = {}): Promise<void> {
    const [row] = await tx.query<{ id: string; home_region_id: string; status: string }>(
      `UPDATE placement_request SET status = 'ESCALATED', escalated_at = now(), escalation_reason = $2, version = version + 1
        WHERE id = $1 AND status = 'OPEN' RETURNING id, home_region_id, status::text`,
      [id, reason],
    );
    if (row) await recordRequestEvent(tx, row, 'ESCALATED', { reason, ...detail });
  }

  /** Every request whose time ran out without a claim; each escalates once, whichever instance sweeps. */
  async escalateOverdue(): Promise<number> {
    return this.transactions.run({ sub: 'system:escalation', role: 'SYSTEM' }, async (tx) => {
      const due = await tx.query<{ id: string; urgency: string }>(
        `SELECT id, urgency::text FROM placement_request WHERE status = 'OPEN' AND escalate_at <= now()
          ORDER BY escalate_at LIMIT 200 FOR UPDATE SKIP LOCKED`,
      );
      for (const r of due) await this.escalate(tx, r.id, `nobody claimed a place in time (${r.urgency})`);
      return due.length;
    });
  }

  /**
   * Intake claims places for a request: the places must pass every hard rule for this request (so
   * no one can place a client in an avoided region by hand), then the ordinary claim transaction.
   */
  async claimForRequest(principal: Principal, input: ClaimForRequestInput, auditRequestId?: string): Promise<RequestRecord> {
    await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      const request = await this.lockRequest(tx, input.requestId);
      // Who may not read it learns nothing, not even its status.
      if (!canReadRequest(principal, scopeOf(request), await this.intakeRegions(principal))) {
        throw DomainError.notFound('PlacementRequest', request.id);
      }
      // Own places first: trying the hard rules on other shelters' places would tell an intake
      // the request's avoided regions, ages and risk one refusal at a time.
      if (principal.role === Role.INTAKE) {
        const [{ foreign }] = await tx.query<{ foreign: number }>(
          `SELECT count(*)::int AS foreign FROM place WHERE id = ANY($1::uuid[]) AND NOT (shelter_id = ANY($2::uuid[]))`,
          [input.placeIds, principal.shelterIds],
        );
        if (foreign > 0) throw DomainError.forbidden('Not a place of your shelters');
      }
      if (input.idempotencyKey && request.status === RequestStatus.CLAIMED) {
        const [earlier] = await tx.query<{ id: string }>(`SELECT id FROM claim WHERE claimed_by = $1 AND idempotency_key = $2`, [principal.sub, input.idempotencyKey]);
        if (earlier && earlier.id === request.claim_id) return;
      }
      if (!OPEN_STATES.includes(request.status)) {
        throw DomainError.conflict(`The request is ${request.status}; only OPEN or ESCALATED requests can be claimed`, { currentStatus: request.status });
      }
      const record = await this.requestIn(tx, request.id);
      await this.assertPlacesSuit(tx, record, input.placeIds);
      const claimId = await this.placement.claimInTransaction(tx, principal, {
        placeIds: input.placeIds,
        householdSize: record.householdSize,
        requestId: record.id,
        holdMinutes: input.holdMinutes,
        idempotencyKey: input.idempotencyKey,
      });
      await this.markClaimed(tx, request, claimId);
    });
    return this.request(input.requestId);
  }

  private async assertPlacesSuit(tx: Tx, record: RequestRecord, placeIds: string[]): Promise<void> {
    const places = await loadPlacesById((sql, p) => tx.query(sql, p), placeIds);
    const request = toMatchRequest(record);
    const allowed = new Set(allowedCategories(request));
    const settings = await this.matchSettings((sql, p) => tx.query(sql, p));
    for (const place of places) {
      const failed = HARD_RULES.find(([, rule]) => !rule(place, request, settings, allowed));
      if (failed) {
        throw DomainError.badInput(`Place ${place.label} does not suit this request: ${EXCLUSION_TEXT.EN[failed[0]]}`, [
          { field: 'placeIds', problems: [EXCLUSION_TEXT.EN[failed[0]]] },
        ]);
      }
    }
  }

  private async markClaimed(tx: Tx, request: LockedRequest, claimId: string): Promise<void> {
    const [row] = await tx.query<{ id: string; home_region_id: string; status: string }>(
      `UPDATE placement_request r SET status = 'CLAIMED', claim_id = $2, receiving_shelter_id = c.shelter_id, version = r.version + 1
         FROM claim c WHERE r.id = $1 AND c.id = $2
       RETURNING r.id, r.home_region_id, r.status::text`,
      [request.id, claimId],
    );
    await recordRequestEvent(tx, row, 'CLAIMED', { claimId });
  }

  /**
   * Police, OM, GGD or Veilig Thuis place a client directly on an emergency bed: one transaction
   * creates the IMMEDIATE request, ranks the EMERGENCY options and claims the best one it can
   * lock. A bed someone else took a moment earlier is skipped for the next; none left: ESCALATED.
   */
  async requestEmergencyPlacement(principal: Principal, input: EmergencyPlacementInput, auditRequestId?: string) {
    if (principal.role !== Role.REFERRER || !principal.referrerType || !EMERGENCY_REFERRERS.includes(principal.referrerType)) {
      throw DomainError.forbidden('Only police, public prosecutor, GGD and Veilig Thuis place directly on an emergency bed');
    }
    const result = await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      if (input.idempotencyKey) {
        await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 1))`, [JSON.stringify([principal.sub, input.idempotencyKey])]);
        const [earlier] = await tx.query<{ id: string; claim_id: string | null; referrer_role: string; referrer_organisation_id: string | null }>(
          `SELECT id, claim_id, referrer_role, referrer_organisation_id FROM placement_request WHERE referrer_sub = $1 AND idempotency_key = $2`,
          [principal.sub, input.idempotencyKey],
        );
        if (earlier) {
          // A replay by the same person only: a token with this sub but another role or organisation gets nothing back.
          if (earlier.referrer_role !== principal.role || (earlier.referrer_organisation_id ?? null) !== (principal.organisationId ?? null)) {
            throw DomainError.conflict('This idempotencyKey was already used');
          }
          return { requestId: earlier.id, claimId: earlier.claim_id };
        }
      }
      const requestId = await this.insertRequest(tx, principal, { ...input, urgency: Urgency.IMMEDIATE }, { escalateWhenNothingMatches: false });
      const record = await this.requestIn(tx, requestId);
      const { options, excluded } = await this.match((sql, p) => tx.query(sql, p), toMatchRequest(record), 10, [PlaceCategory.EMERGENCY]);
      for (const option of options) {
        try {
          const claimId = await this.placement.claimInTransaction(
            tx,
            principal,
            { placeIds: option.places.map((p) => p.id), householdSize: record.householdSize, requestId, holdMinutes: 120 },
            { onBehalfOfNetwork: true },
          );
          await this.markClaimed(tx, await this.lockRequest(tx, requestId), claimId);
          return { requestId, claimId };
        } catch (err) {
          // Taken by someone else between ranking and locking: try the next best bed.
          if (err instanceof DomainError && err.code === ErrorCode.CONFLICT) continue;
          throw err;
        }
      }
      await this.escalate(tx, requestId, 'no emergency bed available', { excluded, tried: options.length });
      return { requestId, claimId: null };
    });
    const request = await this.request(result.requestId);
    const claim: ClaimEntity | null = result.claimId ? await this.placement.claim(result.claimId) : null;
    return { request, claim, receivingShelter: claim ? await this.receivingShelter(request, actorOf(principal, auditRequestId)) : null };
  }

  /** The receiving shelter says no after all: the claim is released and the request is open again. */
  async decline(principal: Principal, input: CloseRequestInput, auditRequestId?: string): Promise<RequestRecord> {
    await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      const request = await this.lockRequest(tx, input.requestId);
      const receiving = request.receiving_shelter_id;
      const mayDecline = principal.role === Role.COORDINATOR || (principal.role === Role.INTAKE && !!receiving && principal.shelterIds.includes(receiving));
      // Who may not decline learns nothing of the request's state: the same answer as a missing id.
      if (!mayDecline) throw DomainError.notFound('PlacementRequest', request.id);
      if (request.status !== RequestStatus.CLAIMED || !request.claim_id || !receiving) {
        throw DomainError.conflict(`The request is ${request.status}; only a CLAIMED request can be declined`, { currentStatus: request.status });
      }
      await this.placement.releaseInTransaction(tx, principal, { claimId: request.claim_id, reason: `declined: ${input.reason}` });
      await recordRequestEvent(tx, { id: request.id, home_region_id: request.home_region_id, status: RequestStatus.OPEN }, 'DECLINED', {
        reason: input.reason,
        note: input.note ?? null,
        shelterId: receiving,
      });
    });
    return this.request(input.requestId);
  }

  /** Ends the request without admission (NOT_ADMITTED with a reason) or as CANCELLED. */
  async close(principal: Principal, input: CloseRequestInput | { requestId: string }, cancel: boolean, auditRequestId?: string) {
    await this.transactions.run(actorOf(principal, auditRequestId), async (tx) => {
      const request = await this.lockRequest(tx, input.requestId);
      const regions = await this.intakeRegions(principal);
      const owner = ownsRequest(principal, scopeOf(request));
      const allowed = cancel
        ? owner || principal.role === Role.COORDINATOR
        : owner || principal.role === Role.COORDINATOR || searchesForRequest(principal, scopeOf(request), regions);
      // Who may not even read it gets the same answer as for a request that does not exist.
      if (!allowed && !canReadRequest(principal, scopeOf(request), regions)) throw DomainError.notFound('PlacementRequest', request.id);
      if (!allowed) throw DomainError.forbidden(cancel ? 'Only the referrer or a coordinator cancels a request' : 'Not your request');
      if (![...OPEN_STATES, RequestStatus.CLAIMED, RequestStatus.WAITING].includes(request.status)) {
        throw DomainError.conflict(`The request is already ${request.status}`, { currentStatus: request.status });
      }
      if (request.status === RequestStatus.CLAIMED && request.claim_id) {
        await this.placement.releaseInTransaction(tx, principal, { claimId: request.claim_id, reason: cancel ? 'request cancelled' : 'request closed' }, { requestOwner: true });
      }
      // A waiting request's open offer is withdrawn: its places go to the next in line.
      const [offer] = await tx.query<{ claim_id: string }>(
        `SELECT claim_id FROM placement_offer WHERE request_id = $1 AND status = 'OFFERED' FOR UPDATE`,
        [request.id],
      );
      if (offer) {
        await this.placement.releaseInTransaction(tx, principal, { claimId: offer.claim_id, reason: cancel ? 'request cancelled' : 'request closed' }, { requestOwner: true });
      }
      const reason = cancel ? null : (input as CloseRequestInput).reason;
      const [row] = await tx.query<{ id: string; home_region_id: string; status: string }>(
        `UPDATE placement_request SET status = $2::request_status, close_reason = $3::not_admitted_reason, closed_at = now(),
                claim_id = NULL, receiving_shelter_id = NULL, version = version + 1
          WHERE id = $1 RETURNING id, home_region_id, status::text`,
        [request.id, cancel ? RequestStatus.CANCELLED : RequestStatus.NOT_ADMITTED, reason],
      );
      await recordRequestEvent(tx, row, cancel ? 'CANCELLED' : 'CLOSED', { reason, note: (input as CloseRequestInput).note ?? null });
    });
    return this.request(input.requestId);
  }
}


