import { Inject } from '@nestjs/common';
import { Args, Context, Field, ID, ObjectType, Resolver, Subscription } from '@nestjs/graphql';
import { LivePubSub } from '../common/pubsub/live-pubsub.js';
import type { GqlContext } from '../auth/gql-context.js';
import { canActForShelter } from '../auth/principal.js';
import { DomainError } from '../common/errors.js';
import { LIVE_EVENTS } from '../common/tokens.js';
import { AvailabilityArgs, ShelterIdArgs } from './dto/network.args.js';
import { AVAILABILITY_CHANGED, availabilityKeys, SHELTER_PLACES_CHANGED, ShelterPlacesEvent } from './live-availability.service.js';
import { AvailabilityRowModel, PlaceModel } from './models/network.models.js';

@ObjectType('ShelterPlacesChanged', { description: 'Places of one shelter whose state changed, after commit.' })
export class ShelterPlacesChangedModel {
  @Field(() => ID) shelterId: string;
  @Field(() => [PlaceModel]) places: PlaceModel[];
}

@Resolver()
export class LiveResolver {
  constructor(@Inject(LIVE_EVENTS) private readonly live: LivePubSub) {}

  /**
   * An indexed feed (issue 11): a row reaches only the subscribers of its region x category, in
   * slices, and its result is executed once per distinct query and shared (shared-execution.ts).
   * That sharing is sound because nothing below this field depends on who subscribed: the rows are
   * the same aggregate for every role (as the availability query), the resolve is the row itself
   * and AvailabilityRow has no field resolvers. Adding one that reads the context or the principal
   * means turning this back into an ordinary trigger.
   */
  @Subscription(() => AvailabilityRowModel, {
    description: 'The new availability row of each region x category that changed, pushed after commit.',
    resolve: (row: AvailabilityRowModel) => row,
  })
  availabilityChanged(@Args() args: AvailabilityArgs) {
    return this.live.feed<AvailabilityRowModel>(AVAILABILITY_CHANGED, availabilityKeys(args));
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
    return this.live.asyncIterableIterator(SHELTER_PLACES_CHANGED) as AsyncIterableIterator<unknown>;
  }
}
