import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'graphql-subscriptions';
import { CurrentPrincipal } from '../auth/gql-context.js';
import type { GqlContext } from '../auth/gql-context.js';
import type { Principal } from '../auth/principal.js';
import { Role } from '../common/enums.js';
import { DomainError } from '../common/errors.js';
import { revealConfidential } from '../auth/confidential.js';
import { LIVE_EVENTS } from '../common/tokens.js';
import {
  ClaimForRequestInput, CloseRequestInput, CreatePlacementRequestInput, EmergencyPlacementInput, PlacementOptionsArgs,
  RegionArgs, RequestIdArgs,
} from './dto/referral.inputs.js';
import {
  EmergencyPlacementModel, NeedsModel, PlacementOptionsModel, PlacementRequestModel, ReceivingShelterModel, RequestEventModel,
  RiskModel,
} from './models/referral.models.js';
import { RequestStatus } from './referral.enums.js';
import { ReferralService } from './referral.service.js';
import { canReadClientReference, canReadRequestDetails, ownsRequest, searchesForRequest } from './request-access.js';
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
    return {
      categories: result.categories,
      excluded: result.excluded,
      options: result.options.map((o) => ({
        shelterId: o.shelter.id,
        shelterName: o.shelter.name,
        regionId: o.shelter.regionId,
        category: o.category,
        places: o.places.map((p) => ({ ...p, shelterId: o.shelter.id, outOfServiceReason: null, heldUntil: null })),
        score: o.score,
        distanceKm: Math.round(o.distanceKm),
        reasons: o.reasons,
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

  @ResolveField(() => RiskModel)
  risk(@Parent() r: RequestRecord): RiskModel {
    return {
      level: r.riskLevel, honourRelated: r.honourRelated, trafficking: r.trafficking, perpetratorNetwork: r.perpetratorNetwork,
      firearmAccess: r.firearmAccess, instrument: r.riskInstrument, score: r.riskScore, policeCoDecision: r.policeCoDecision,
    };
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
    return revealConfidential(ctx, 'PlacementRequest.receivingShelter', { type: 'shelter', id: r.receivingShelterId }, inScope, await this.referrals.receivingShelter(r));
  }

  @ResolveField(() => [RequestEventModel], { description: 'Created, options viewed, claimed, expired, admitted, closed: with times.' })
  timeline(@Parent() r: RequestRecord) {
    return this.referrals.timeline(r.id);
  }

  // ---------- live ----------

  @Subscription(() => PlacementRequestModel, {
    description: 'Follow one request: every change of its status, after commit.',
    filter: (r: RequestRecord, args: RequestIdArgs) => r.id === args.id,
    resolve: (r: RequestRecord) => r,
  })
  async placementRequestUpdated(@Args() args: RequestIdArgs, @CurrentPrincipal() principal: Principal) {
    await this.referrals.readableRequest(principal, args.id);
    return this.live.asyncIterableIterator(REQUEST_UPDATED);
  }

  @Subscription(() => PlacementRequestModel, {
    description: 'New and escalated requests from clients of a region, for the intake of that region.',
    filter: (r: RequestRecord, args: RegionArgs) => r.homeRegionId === args.regionId,
    resolve: (r: RequestRecord) => r,
  })
  async incomingPlacementRequests(@Args() args: RegionArgs, @CurrentPrincipal() principal: Principal) {
    if (principal.role === Role.INTAKE && !(await this.referrals.intakeRegions(principal)).includes(args.regionId)) {
      throw DomainError.forbidden('None of your shelters is in this region');
    }
    return this.live.asyncIterableIterator(INCOMING_REQUEST);
  }

  @Subscription(() => PlacementRequestModel, { description: 'Every escalation, for the national coordinator.', resolve: (r: RequestRecord) => r })
  escalations() {
    return this.live.asyncIterableIterator(ESCALATION);
  }
}


