import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'graphql-subscriptions';
import { CurrentPrincipal } from '../../auth/gql-context.js';
import type { GqlContext } from '../../auth/gql-context.js';
import type { Principal } from '../../auth/principal.js';
import { guardedFeed } from '../../common/pubsub/guarded-feed.js';
import { LIVE_EVENTS } from '../../common/tokens.js';
import { DeclineOfferInput, OfferIdArgs, PlacementOffersArgs, PrioritiseInput, RequestIdArgs } from '../dto/referral.inputs.js';
import { languageOf } from '../matching/matching.texts.js';
import { PlacementRequestModel } from '../models/referral.models.js';
import { canReadRequestDetails } from '../request-access.js';
import type { RequestRecord } from '../request.record.js';
import { ReferralService } from '../referral.service.js';
import { PlacementOfferModel, WaitingPositionModel } from './waiting.models.js';
import { PLACEMENT_OFFERS, WaitingListService } from './waiting-list.service.js';

@Resolver(() => PlacementRequestModel)
export class WaitingListResolver {
  constructor(
    @Inject(WaitingListService) private readonly waiting: WaitingListService,
    @Inject(ReferralService) private readonly referrals: ReferralService,
    @Inject(LIVE_EVENTS) private readonly live: PubSub,
  ) {}

  @Mutation(() => PlacementRequestModel, {
    description: 'Puts an open or escalated request on the waiting list (not an IMMEDIATE one a place fits now). The first fitting place that becomes free is offered to it.',
  })
  putOnWaitingList(@Args() args: RequestIdArgs, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.waiting.putOnWaitingList(principal, args.id, ctx.requestId);
  }

  @Mutation(() => PlacementRequestModel, { description: 'Coordinator: moves a waiting request up the list, with the reason recorded.' })
  prioritiseWaitingRequest(@Args('input') input: PrioritiseInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.waiting.prioritise(principal, input.requestId, input.reason, ctx.requestId);
  }

  @Mutation(() => PlacementOfferModel, { description: 'Accepts an offer: its hold becomes the request\'s claim (CLAIMED), with the usual time to arrive.' })
  acceptPlacementOffer(@Args() args: OfferIdArgs, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.waiting.accept(principal, args.offerId, ctx.requestId);
  }

  @Mutation(() => PlacementOfferModel, { description: 'Declines an offer with a reason: the places go to the next in line; the request keeps waiting.' })
  declinePlacementOffer(@Args('input') input: DeclineOfferInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.waiting.decline(principal, input, ctx.requestId);
  }

  @Query(() => [PlacementOfferModel], { name: 'placementOffers', description: 'Offers for your shelters (intake), your requests (referrer), or all (coordinator); newest first, at most 100.' })
  placementOffersQuery(@Args() args: PlacementOffersArgs, @CurrentPrincipal() principal: Principal) {
    return this.waiting.offers(principal, args.openOnly, args.requestId);
  }

  @Subscription(() => PlacementOfferModel, {
    name: 'placementOffers',
    description: 'Offers made, accepted, declined or lapsed, live: for the offering shelter\'s intake, the request\'s referrer, coordinators.',
    resolve: (offer: PlacementOfferModel) => offer,
  })
  placementOffersFeed(@CurrentPrincipal() principal: Principal) {
    return guardedFeed<PlacementOfferModel>(this.live.asyncIterableIterator(PLACEMENT_OFFERS), async (offer) =>
      (await this.waiting.mayFollow(principal, offer)) ? 'deliver' : 'skip',
    );
  }

  @ResolveField(() => WaitingPositionModel, { nullable: true, description: 'Place in line while WAITING, with the explanation in Dutch or English (Accept-Language).' })
  async waitingPosition(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    const p = ctx.principal;
    if (!p || !canReadRequestDetails(p, r, await this.referrals.intakeRegions(p))) return null;
    return this.waiting.position(r, languageOf(undefined, ctx.req?.headers['accept-language']));
  }

  @ResolveField(() => [PlacementOfferModel], { description: 'Offers made to this request, newest first.' })
  async offers(@Parent() r: RequestRecord, @Context() ctx: GqlContext) {
    const p = ctx.principal;
    if (!p || !canReadRequestDetails(p, r, await this.referrals.intakeRegions(p))) return [];
    return this.waiting.offersOfRequest(r.id);
  }
}
