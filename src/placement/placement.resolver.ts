import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/gql-context.js';
import type { GqlContext } from '../auth/gql-context.js';
import { canActForShelter } from '../auth/principal.js';
import type { Principal } from '../auth/principal.js';
import { DomainError } from '../common/errors.js';
import { PlaceModel } from '../network/models/network.models.js';
import { PlaceEntity } from '../network/place.entity.js';
import {
  AdmitInput, ClaimIdArgs, ClaimPlaceInput, ClaimsArgs, DischargeInput, MarkReadyForOutflowInput, ReleaseClaimInput,
  ShelterScopeArgs, TransferStayInput,
} from './dto/placement.inputs.js';
import { ClaimConnectionModel, ClaimModel, HouseholdMemberModel, StayModel } from './models/placement.models.js';
import type { Page } from '../common/pagination.js';
import { ClaimEntity, ClaimStatus, StayEntity } from './placement.entity.js';
import { PlacementService } from './placement.service.js';


function assertShelterScope(principal: Principal, shelterId: string): void {
  if (!canActForShelter(principal, shelterId)) throw DomainError.forbidden('Not one of your shelters');
}

@Resolver(() => ClaimModel)
export class ClaimResolver {
  constructor(@Inject(PlacementService) private readonly placement: PlacementService) {}

  @Query(() => ClaimModel)
  async claim(@Args() args: ClaimIdArgs, @CurrentPrincipal() principal: Principal): Promise<ClaimEntity> {
    const claim = await this.placement.claim(args.id);
    assertShelterScope(principal, claim.shelterId);
    return claim;
  }

  @Query(() => ClaimConnectionModel, { description: 'Claims on a shelter, newest first, a page at a time.' })
  claims(@Args() args: ClaimsArgs, @CurrentPrincipal() principal: Principal): Promise<Page<ClaimEntity>> {
    assertShelterScope(principal, args.shelterId);
    return this.placement.claimsOfShelter(args.shelterId, args.first, args.after);
  }

  @ResolveField(() => ClaimStatus, { description: 'A HELD claim past expiresAt reads as EXPIRED, sweep or no sweep.' })
  status(@Parent() claim: ClaimEntity): ClaimStatus {
    return claim.status === ClaimStatus.HELD && claim.expiresAt <= new Date() ? ClaimStatus.EXPIRED : claim.status;
  }

  @ResolveField(() => [PlaceModel])
  places(@Parent() claim: ClaimEntity): Promise<PlaceEntity[]> {
    return this.placement.placesOfClaim(claim.id);
  }

  @Mutation(() => ClaimModel, { description: 'Hold places for a household: all of them or none, never a place twice.' })
  claimPlace(@Args('input') input: ClaimPlaceInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.placement.claimPlace(principal, input, ctx.requestId);
  }

  @Mutation(() => ClaimModel)
  releaseClaim(@Args('input') input: ReleaseClaimInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.placement.releaseClaim(principal, input, ctx.requestId);
  }
}

@Resolver(() => StayModel)
export class StayResolver {
  constructor(@Inject(PlacementService) private readonly placement: PlacementService) {}

  @Query(() => StayModel)
  async stay(@Args() args: ClaimIdArgs, @CurrentPrincipal() principal: Principal): Promise<StayEntity> {
    const stay = await this.placement.stay(args.id);
    assertShelterScope(principal, stay.shelterId);
    return stay;
  }

  @Query(() => [StayModel], { description: 'Households now staying at a shelter.' })
  activeStays(@Args() args: ShelterScopeArgs, @CurrentPrincipal() principal: Principal): Promise<StayEntity[]> {
    assertShelterScope(principal, args.shelterId);
    return this.placement.activeStaysOfShelter(args.shelterId);
  }

  @ResolveField(() => [HouseholdMemberModel])
  household(@Parent() stay: StayEntity): Promise<HouseholdMemberModel[]> {
    return this.placement.membersOfStay(stay.id);
  }

  @Mutation(() => StayModel, { description: 'The household arrived: its held places become OCCUPIED.' })
  admit(@Args('input') input: AdmitInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.placement.admit(principal, input, ctx.requestId);
  }

  @Mutation(() => StayModel, { description: 'Move the household in one transaction (throughflow).' })
  transferStay(@Args('input') input: TransferStayInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.placement.transferStay(principal, input, ctx.requestId);
  }

  @Mutation(() => StayModel, { description: 'Could leave but cannot yet (blocked outflow); empty blockers clear it.' })
  markReadyForOutflow(@Args('input') input: MarkReadyForOutflowInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.placement.markReadyForOutflow(principal, input, ctx.requestId);
  }

  @Mutation(() => StayModel)
  discharge(@Args('input') input: DischargeInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.placement.discharge(principal, input, ctx.requestId);
  }
}
