import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'graphql-subscriptions';
import { CurrentPrincipal } from '../auth/gql-context.js';
import type { GqlContext } from '../auth/gql-context.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../common/enums.js';
import { DomainError } from '../common/errors.js';
import { revealConfidential } from '../auth/confidential.js';
import { CONFIDENTIAL_FIELDS } from '../auth/policy.js';
import { PlaceCategory } from '../common/enums.js';
import { HouseholdMemberModel } from '../placement/models/placement.models.js';
import { allowedCategories } from './matching/matching.rules.js';
import { EXCLUSION_TEXT, languageOf, renderReason } from './matching/matching.texts.js';
import { LIVE_EVENTS } from '../common/tokens.js';
import { distanceBand } from '../common/locality.js';
import {
  ClaimForRequestInput, CloseRequestInput, CreatePlacementRequestInput, EmergencyPlacementInput, PlacementOptionsArgs,
  RegionArgs, RequestIdArgs,
} from './dto/referral.inputs.js';
import {
  EmergencyPlacementModel, NeedsModel, PlacementOptionsModel, PlacementRequestModel, ReceivingShelterModel, RequestEventModel,
  RiskModel,
} from './models/referral.models.js';
import { RequestStatus } from './referral.enums.js';
import { ReferralService, toMatchRequest } from './referral.service.js';
import { canReadClientReference, canReadRequest, canReadRequestDetails, ownsRequest, searchesForRequest } from './request-access.js';
import { ACCESS_REVOKED, guardedFeed } from '../common/pubsub/guarded-feed.js';
import type { RequestRecord } from './request.record.js';
import { ESCALATION, INCOMING_REQUEST, REQUEST_UPDATED } from './request-live.service.js';
import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { Connection, PageArgs } from '../common/pagination.js';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class RequestsArgs extends PageArgs {
  @Field(() => RequestStatus, { nullable: true }) @IsOptional() @IsEnum(RequestStatus) status?: RequestStatus;
  @Field(() => String, { nullable: true, description: 'Home region of the client.' }) @IsOptional() @IsUUID() regionId?: string;
}

@ObjectType('PlacementRequestConnection', { description: 'A page of placement requests, newest first.' })
export class PlacementRequestConnectionModel extends Connection(PlacementRequestModel) {}

@Resolver(() => PlacementRequestModel)
export class PlacementRequestResolver {
  constructor(
    @Inject(ReferralService) private readonly referrals: ReferralService,
    @Inject(LIVE_EVENTS) private readonly live: PubSub,
  ) {}

  @Query(() => PlacementRequestModel)
  placementRequest(@Args() args: RequestIdArgs, @CurrentPrincipal() principal: Principal) {
    return this.referrals.readableRequest(principal, args.id);
  }

  @Query(() => PlacementRequestConnectionModel, {
    description: 'Requests you may see, newest first, a page at a time: your own (referrer), your region\'s and open ones (intake), all (coordinator).',
  })
  placementRequests(@Args() args: RequestsArgs, @CurrentPrincipal() principal: Principal) {
    return this.referrals.requests(principal, args);
  }

  @Query(() => PlacementOptionsModel, { description: 'Ranked options that hold the whole household, with reasons and exclusion counts.' })
  async placementOptions(@Args() args: PlacementOptionsArgs, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    const result = await this.referrals.placementOptions(principal, args.requestId, args.limit, ctx.requestId);
    const language = languageOf(args.language, ctx.req?.headers['accept-language']);
    return {
      categories: result.categories,
      excluded: result.excluded.map((e) => ({ ...e, description: EXCLUSION_TEXT[language][e.rule] })),
      regionsSearched: result.minimised ? null : result.regionsSearched,
      regionsInNetwork: result.minimised ? null : result.regionsInNetwork,
      options: result.options.map((o) => ({
        shelterId: o.shelter.id,
        shelterName: o.shelter.name,
        regionId: o.shelter.regionId,
        category: o.category,
        places: o.places.map((p) => ({ ...p, shelterId: o.shelter.id, outOfServiceReason: null, heldUntil: null })),
        score: o.score,
        locality: o.shelter.locality.name,
        distanceBand: distanceBand(o.distanceKm),
        reasons: o.reasons.map((r) => renderReason(r, language)),
      })),
    };
  }

  @Mutation(() => PlacementRequestModel)
  createPlacementRequest(@Args('input') input: CreatePlacementRequestInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.referrals.create(principal, input, ctx.requestId);
  }

  @Mutation(() => PlacementRequestModel, { description: 'Intake claims an option; the referrer then sees where to bring the client.' })
  claimForRequest(@Args('input') input: ClaimForRequestInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.referrals.claimForRequest(principal, input, ctx.requestId);
  }

  @Mutation(() => EmergencyPlacementModel, { description: 'One call: an IMMEDIATE request, and the best emergency bed held for it.' })
  requestEmergencyPlacement(@Args('input') input: EmergencyPlacementInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.referrals.requestEmergencyPlacement(principal, input, ctx.requestId);
  }

  @Mutation(() => PlacementRequestModel, { description: 'The receiving shelter declines: its claim is released, the request is open again.' })
  declinePlacementRequest(@Args('input') input: CloseRequestInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.referrals.decline(principal, input, ctx.requestId);
  }

  @Mutation(() => PlacementRequestModel, { description: 'Ends the request without admission, with the reason (NOT_ADMITTED).' })
  closePlacementRequest(@Args('input') input: CloseRequestInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.referrals.close(principal, input, false, ctx.requestId);
  }

  @Mutation(() => PlacementRequestModel)
  cancelPlacementRequest(@Args() args: RequestIdArgs, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.referrals.close(principal, { requestId: args.id }, true, ctx.requestId);
  }

  // ---------- fields: confidential ones decide per caller ----------

  /**
   * Data minimisation: another region's intake reads an open request to say "we have a fitting
   * place", so it gets the household's composition (sexes, age bands), needs, urgency and allowed
   * categories, but not exact ages, risk details, regions to avoid, residence status, the referrer
   * or who acted (policy table: PlacementRequest.*).
   */
  private async fullView(ctx: GqlContext, r: RequestRecord): Promise<boolean> {
    const p = ctx.principal;
    return !!p && canReadRequestDetails(p, r, await this.referrals.intakeRegions(p));
  }

  private async minimised<T>(ctx: GqlContext, field: keyof typeof CONFIDENTIAL_FIELDS, r: RequestRecord, value: T): Promise<T | null> {
    return revealConfidential(ctx, field, { type: 'placement_request', id: r.id }, await this.fullView(ctx, r), value);
  }

  @ResolveField(() => RiskModel, { nullable: true, description: 'Risk screening: the referrer, the searching intake, coordinators; null for other regions\' intake.' })
  risk(@Parent() r: RequestRecord, @Context() ctx: GqlContext): Promise<RiskModel | null> {
    return this.minimised(ctx, 'PlacementRequest.risk', r, {
      level: r.riskLevel, honourRelated: r.honourRelated, trafficking: r.trafficking, perpetratorNetwork: r.perpetratorNetwork,
      firearmAccess: r.firearmAccess, instrument: r.riskInstrument, score: r.riskScore, policeCoDecision: r.policeCoDecision,
    });
  }

  @ResolveField(() => [ID], { nullable: true, description: 'Where the perpetrator or network is: the searching parties only.' })
  avoidRegionIds(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    return this.minimised(ctx, 'PlacementRequest.avoidRegionIds', r, r.avoidRegionIds);
  }

  @ResolveField(() => [ID], { nullable: true, description: 'The searching parties only.' })
  preferredRegionIds(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    return this.minimised(ctx, 'PlacementRequest.preferredRegionIds', r, r.preferredRegionIds);
  }

  @ResolveField(() => String, { nullable: true, description: 'Recorded, never used to filter; the searching parties only.' })
  residenceStatus(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    return this.minimised(ctx, 'PlacementRequest.residenceStatus', r, r.residenceStatus);
  }

  @ResolveField(() => String, { nullable: true, description: 'Police, Veilig Thuis, ...: the searching parties only.' })
  referrerType(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    return this.minimised(ctx, 'PlacementRequest.referrerType', r, r.referrerType);
  }

  @ResolveField(() => [HouseholdMemberModel], { description: 'Sex and age band of each person; exact ages for the searching parties only.' })
  async household(@Parent() r: RequestRecord, @Context() ctx: GqlContext): Promise<HouseholdMemberModel[]> {
    const full = await this.fullView(ctx, r);
    return r.household.map((m) => ({ ...m, age: full ? m.age : null }));
  }

  @ResolveField(() => [PlaceCategory], { description: 'The categories the matching rules allow for this request.' })
  categories(@Parent() r: RequestRecord): PlaceCategory[] {
    return allowedCategories(toMatchRequest(r));
  }

  @ResolveField(() => NeedsModel)
  needs(@Parent() r: RequestRecord): NeedsModel {
    return { wheelchair: r.needsWheelchair, pets: r.needsPets, languages: r.languages };
  }

  @ResolveField(() => String, { nullable: true, description: 'Confidential: the referrer, the searching intake, coordinators.' })
  async riskSummary(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    const inScope = !!ctx.principal && canReadRequestDetails(ctx.principal, r, await this.referrals.intakeRegions(ctx.principal));
    return revealConfidential(ctx, 'PlacementRequest.riskSummary', { type: 'placement_request', id: r.id }, inScope, r.riskSummary);
  }

  @ResolveField(() => String, { nullable: true, description: 'Confidential: same rule as riskSummary.' })
  async notes(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    const inScope = !!ctx.principal && canReadRequestDetails(ctx.principal, r, await this.referrals.intakeRegions(ctx.principal));
    return revealConfidential(ctx, 'PlacementRequest.notes', { type: 'placement_request', id: r.id }, inScope, r.notes);
  }

  @ResolveField(() => String, { nullable: true, description: 'Client identity (pseudonym): the referrer and the receiving shelter only.' })
  clientReference(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    const inScope = !!ctx.principal && canReadClientReference(ctx.principal, r);
    return revealConfidential(ctx, 'PlacementRequest.clientReference', { type: 'placement_request', id: r.id }, inScope, r.clientReference);
  }

  @ResolveField(() => ReceivingShelterModel, {
    nullable: true,
    description: 'Once claimed: the receiving shelter\'s name, intake phone and meeting instructions. Never its address.',
  })
  async receivingShelter(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    const p = ctx.principal;
    if (!p || !r.receivingShelterId) return null;
    const inScope = p.role === Role.COORDINATOR || ownsRequest(p, r) || searchesForRequest(p, r, await this.referrals.intakeRegions(p));
    if (!inScope) return null;
    const actor = { sub: p.sub, role: p.role, requestId: ctx.requestId };
    return revealConfidential(ctx, 'PlacementRequest.receivingShelter', { type: 'shelter', id: r.receivingShelterId }, inScope, await this.referrals.receivingShelter(r, actor));
  }

  @ResolveField(() => [RequestEventModel], { description: 'Created, options viewed, claimed, expired, admitted, closed: with times.' })
  async timeline(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    const events: { actor: string | null; note: string | null }[] = await this.referrals.timeline(r.id);
    if (!(await this.fullView(ctx, r))) return events.map((e) => ({ ...e, actor: null, note: null }));
    const noted = events.filter((e) => e.note);
    if (noted.length) ctx.confidentialReads.push({ action: 'read RequestEvent.note', entityType: 'placement_request', entityId: r.id });
    return events;
  }

  // ---------- live ----------

  @Subscription(() => PlacementRequestModel, {
    description: 'Follow one request: every change of its status, after commit. Access is checked again for every event; when it is gone the subscription ends with FORBIDDEN.',
    resolve: (r: RequestRecord | typeof ACCESS_REVOKED) => {
      if (r === ACCESS_REVOKED) throw DomainError.forbidden('You may no longer follow this request (it was claimed elsewhere or closed)');
      return r;
    },
  })
  async placementRequestUpdated(@Args() args: RequestIdArgs, @CurrentPrincipal() principal: Principal) {
    await this.referrals.readableRequest(principal, args.id);
    return guardedFeed<RequestRecord>(this.live.asyncIterableIterator(REQUEST_UPDATED), async (r) => {
      if (r.id !== args.id) return 'skip';
      return canReadRequest(principal, r, await this.referrals.intakeRegions(principal)) ? 'deliver' : 'revoke';
    });
  }

  @Subscription(() => PlacementRequestModel, {
    description: 'New and escalated requests from clients of a region, for the intake of that region.',
    resolve: (r: RequestRecord) => r,
  })
  async incomingPlacementRequests(@Args() args: RegionArgs, @CurrentPrincipal() principal: Principal) {
    if (principal.role === Role.INTAKE && !(await this.referrals.intakeRegions(principal)).includes(args.regionId)) {
      throw DomainError.forbidden('None of your shelters is in this region');
    }
    return guardedFeed<RequestRecord>(this.live.asyncIterableIterator(INCOMING_REQUEST), async (r) => {
      if (r.homeRegionId !== args.regionId) return 'skip';
      return canReadRequest(principal, r, await this.referrals.intakeRegions(principal)) ? 'deliver' : 'skip';
    });
  }

  @Subscription(() => PlacementRequestModel, { description: 'Every escalation, for the national coordinator.', resolve: (r: RequestRecord) => r })
  escalations() {
    return this.live.asyncIterableIterator(ESCALATION);
  }
}


