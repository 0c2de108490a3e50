import { Inject } from '@nestjs/common';
import { Args, Context, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'graphql-subscriptions';
import type { GqlContext } from '../auth/gql-context.js';
import { canActForShelter } from '../auth/principal.js';
import { DomainError } from '../common/errors.js';
import { LIVE_EVENTS } from '../common/tokens.js';
import { AvailabilityArgs, ShelterIdArgs } from './dto/network.args.js';
import { AVAILABILITY_CHANGED, SHELTER_PLACES_CHANGED, ShelterPlacesEvent } from './live-availability.service.js';
import { AvailabilityRowModel, PlaceModel } from './models/network.models.js';

@ObjectType('ShelterPlacesChanged', { description: 'Places of one shelter whose state changed, after commit.' })
export class ShelterPlacesChangedModel {
  @Field(() => ID) shelterId: string;
  @Field(() => [PlaceModel]) places: PlaceModel[];
}

@Resolver()
export class LiveResolver {
  constructor(@Inject(LIVE_EVENTS) private readonly live: PubSub) {}

  @Subscription(() => AvailabilityRowModel, {
    description: 'The new availability row of each region x category that changed, pushed after commit.',
    filter: (row: AvailabilityRowModel, args: AvailabilityArgs) =>
      (!args.regionIds?.length || args.regionIds.includes(row.regionId)) &&
      (!args.categories?.length || args.categories.includes(row.category)),
    resolve: (row: AvailabilityRowModel) => row,
  })
  availabilityChanged(@Args() _args: AvailabilityArgs) {
    return this.live.asyncIterableIterator(AVAILABILITY_CHANGED);
  }

  @Subscription(() => ShelterPlacesChangedModel, {
    description: 'Changed places of one shelter, for its intake.',
    filter: (event: ShelterPlacesEvent, args: ShelterIdArgs) => event.shelterId === args.shelterId,
    resolve: (event: ShelterPlacesEvent) => event,
  })
  shelterPlacesChanged(@Args() args: ShelterIdArgs, @Context() ctx: GqlContext) {
    if (!ctx.principal || !canActForShelter(ctx.principal, args.shelterId)) {
      throw DomainError.forbidden('Not one of your shelters');
    }
    return this.live.asyncIterableIterator(SHELTER_PLACES_CHANGED);
  }
}
