import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../auth/gql-context.js';
import type { GqlContext } from '../auth/gql-context.js';
import { revealsSecret } from '../auth/confidential.js';
import type { Principal } from '../auth/principal.js';
import { canActForShelter } from '../auth/principal.js';
import { PlaceStatus } from '../common/enums.js';
import { AvailabilityService } from './availability.service.js';
import {
  AvailabilityArgs, IdArgs, OrganisationsArgs, PlacesArgs, RegionSheltersArgs, ShelterIdArgs, ShelterPlacesArgs, SheltersArgs,
} from './dto/network.args.js';
import type { Page } from '../common/pagination.js';
import {
  CreateOrganisationInput, CreatePlacesInput, CreateShelterInput, SetPlaceStatusInput, UpdateShelterInput,
} from './dto/network.inputs.js';
import {
  AvailabilityRowModel, CoordinatesModel, LocalityModel, OrganisationModel, PlaceConnectionModel, PlaceModel, RegionModel,
  ShelterAddressModel, ShelterConnectionModel, ShelterModel,
} from './models/network.models.js';
import { NetworkLoaders } from './network.loaders.js';
import { NetworkService } from './network.service.js';
import { OrganisationEntity } from './organisation.entity.js';
import { PlaceEntity } from './place.entity.js';
import { RegionEntity } from './region.entity.js';
import { ShelterEntity } from './shelter.entity.js';

const loaders = (ctx: GqlContext) => ctx.loaders.network as NetworkLoaders;

@Resolver(() => RegionModel)
export class RegionResolver {
  constructor(@Inject(NetworkService) private readonly network: NetworkService) {}

  @Query(() => [RegionModel], { description: 'The 35 centre-municipality regions.' })
  regions(): Promise<RegionEntity[]> {
    return this.network.regions();
  }

  @ResolveField(() => [ShelterModel], { description: 'The first shelters of the region by name (at most 100); all of them: Query.shelters(regionId).' })
  shelters(@Parent() region: RegionEntity, @Args() args: RegionSheltersArgs, @Context() ctx: GqlContext): Promise<ShelterEntity[]> {
    return loaders(ctx).sheltersByRegion(args.first).load(region.id);
  }
}

@Resolver(() => OrganisationModel)
export class OrganisationResolver {
  constructor(@Inject(NetworkService) private readonly network: NetworkService) {}

  @Query(() => [OrganisationModel])
  organisations(@Args() args: OrganisationsArgs): Promise<OrganisationEntity[]> {
    return this.network.organisations(args.first);
  }

  @Mutation(() => OrganisationModel)
  createOrganisation(
    @Args('input') input: CreateOrganisationInput,
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: GqlContext,
  ): Promise<OrganisationEntity> {
    return this.network.createOrganisation(principal, input, ctx.requestId);
  }
}

@Resolver(() => ShelterModel)
export class ShelterResolver {
  constructor(@Inject(NetworkService) private readonly network: NetworkService) {}

  @Query(() => ShelterConnectionModel, { description: 'Shelters by name, a page at a time.' })
  shelters(@Args() args: SheltersArgs): Promise<Page<ShelterEntity>> {
    return this.network.shelters(args);
  }

  @Query(() => ShelterModel)
  shelter(@Args() args: IdArgs): Promise<ShelterEntity> {
    return this.network.shelter(args.id);
  }

  @ResolveField(() => OrganisationModel)
  async organisation(@Parent() shelter: ShelterEntity, @Context() ctx: GqlContext) {
    return loaders(ctx).organisation.load(shelter.organisationId);
  }

  @ResolveField(() => RegionModel)
  async region(@Parent() shelter: ShelterEntity, @Context() ctx: GqlContext) {
    return loaders(ctx).region.load(shelter.regionId);
  }

  @ResolveField(() => [PlaceModel], { description: 'The shelter\'s places by label.' })
  places(@Parent() shelter: ShelterEntity, @Args() args: ShelterPlacesArgs, @Context() ctx: GqlContext): Promise<PlaceEntity[]> {
    return loaders(ctx).placesByShelter(args.first).load(shelter.id);
  }

  @ResolveField(() => ShelterAddressModel, {
    nullable: true,
    description: 'Secret. Null unless you are this shelter\'s intake, a coordinator or an admin. Every read is audited.',
  })
  async address(@Parent() shelter: ShelterEntity, @Context() ctx: GqlContext): Promise<ShelterAddressModel | null> {
    if (!revealsSecret(ctx, 'Shelter.address', shelter.id)) return null;
    const row = await loaders(ctx).secrets.address.load(shelter.id);
    return row?.address_street ? { street: row.address_street, postcode: row.address_postcode!, city: row.address_city! } : null;
  }

  @ResolveField(() => CoordinatesModel, { nullable: true, description: 'Secret exact location; same rule as address.' })
  async location(@Parent() shelter: ShelterEntity, @Context() ctx: GqlContext): Promise<CoordinatesModel | null> {
    if (!revealsSecret(ctx, 'Shelter.location', shelter.id)) return null;
    const row = await loaders(ctx).secrets.location.load(shelter.id);
    return row?.latitude != null && row.longitude != null ? { latitude: row.latitude, longitude: row.longitude } : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Where and how to meet intake. Own intake, coordinators and admins; referrers get it with a claim.',
  })
  async meetingInstructions(@Parent() shelter: ShelterEntity, @Context() ctx: GqlContext): Promise<string | null> {
    if (!revealsSecret(ctx, 'Shelter.meetingInstructions', shelter.id)) return null;
    return (await loaders(ctx).secrets.meetingInstructions.load(shelter.id))?.meeting_instructions ?? null;
  }

  @ResolveField(() => LocalityModel, { description: 'Public town or municipality; the exact location lies within 10 km of it.' })
  locality(@Parent() shelter: ShelterEntity): LocalityModel {
    return { name: shelter.localityName, latitude: shelter.localityLatitude, longitude: shelter.localityLongitude };
  }

  @Mutation(() => ShelterModel, { description: '"Our places are as shown": refreshes statusConfirmedAt.' })
  confirmShelterStatus(@Args() args: ShelterIdArgs, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.network.confirmShelterStatus(principal, args.shelterId, ctx.requestId);
  }

  @Mutation(() => ShelterModel)
  createShelter(@Args('input') input: CreateShelterInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.network.createShelter(principal, input, ctx.requestId);
  }

  @Mutation(() => ShelterModel)
  updateShelter(@Args('input') input: UpdateShelterInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.network.updateShelter(principal, input, ctx.requestId);
  }
}

@Resolver(() => PlaceModel)
export class PlaceResolver {
  constructor(
    @Inject(NetworkService) private readonly network: NetworkService,
    @Inject(AvailabilityService) private readonly availabilityService: AvailabilityService,
  ) {}

  @Query(() => [AvailabilityRowModel], { description: 'One row per region x category, computed live.' })
  availability(@Args() args: AvailabilityArgs): Promise<AvailabilityRowModel[]> {
    return this.availabilityService.rows(args.regionIds, args.categories);
  }

  @Query(() => PlaceConnectionModel, { description: 'Places by shelter and label, a page at a time.' })
  places(@Args() args: PlacesArgs): Promise<Page<PlaceEntity>> {
    return this.network.places(args);
  }

  @ResolveField(() => String, { nullable: true, description: 'Why the place is out of service (free text): the shelter\'s own intake, coordinators and admins; null for everyone else.' })
  outOfServiceReason(@Parent() place: PlaceEntity, @Context() ctx: GqlContext): string | null {
    return ctx.principal && canActForShelter(ctx.principal, place.shelterId) ? place.outOfServiceReason : null;
  }

  @ResolveField(() => PlaceStatus, { description: 'A hold past its expiry shows as AVAILABLE.' })
  status(@Parent() place: PlaceEntity): PlaceStatus {
    const lapsed = place.status === PlaceStatus.HELD && place.heldUntil !== null && place.heldUntil <= new Date();
    return lapsed ? PlaceStatus.AVAILABLE : place.status;
  }

  @ResolveField(() => ShelterModel)
  async shelter(@Parent() place: PlaceEntity, @Context() ctx: GqlContext) {
    return loaders(ctx).shelter.load(place.shelterId);
  }

  @Mutation(() => PlaceModel, { description: 'AVAILABLE <-> OUT_OF_SERVICE, with optimistic concurrency.' })
  setPlaceStatus(@Args('input') input: SetPlaceStatusInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.network.setPlaceStatus(principal, input, ctx.requestId);
  }

  @Mutation(() => [PlaceModel])
  createPlaces(@Args('input') input: CreatePlacesInput, @CurrentPrincipal() principal: Principal, @Context() ctx: GqlContext) {
    return this.network.createPlaces(principal, input, ctx.requestId);
  }
}
