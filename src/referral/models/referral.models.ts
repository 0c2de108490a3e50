import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PlaceCategory } from '../../common/enums.js';
import { DistanceBand } from '../../common/locality.js';
import { ClaimModel } from '../../placement/models/placement.models.js';
import { PlaceModel } from '../../network/models/network.models.js';
import { NotAdmittedReason, RequestStatus, RiskLevel, Urgency } from '../referral.enums.js';

@ObjectType('Risk')
export class RiskModel {
  @Field(() => RiskLevel) level: RiskLevel;
  @Field() honourRelated: boolean;
  @Field() trafficking: boolean;
  @Field() perpetratorNetwork: boolean;
  @Field() firearmAccess: boolean;
  @Field(() => String, { nullable: true }) instrument: string | null;
  @Field(() => String, { nullable: true }) score: string | null;
  @Field() policeCoDecision: boolean;
}

@ObjectType('Needs')
export class NeedsModel {
  @Field() wheelchair: boolean;
  @Field() pets: boolean;
  @Field(() => [String]) languages: string[];
}

@ObjectType('ReceivingShelter', { description: 'Where to bring the client: phone and meeting instructions, never the address.' })
export class ReceivingShelterModel {
  @Field(() => ID) shelterId: string;
  @Field() name: string;
  @Field() intakePhone: string;
  @Field(() => String, { nullable: true }) meetingInstructions: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until when the place is held.' }) holdExpiresAt: Date | null;
}

@ObjectType('RequestEvent', { description: 'One step of a request\'s timeline.' })
export class RequestEventModel {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field() kind: string;
  @Field(() => String, { nullable: true, description: 'Who acted (token subject): for the searching parties and coordinators; null for other regions\' intake.' })
  actor: string | null;
  @Field(() => String, { nullable: true, description: 'The reason code given (declined, closed, released: e.g. NO_CAPACITY).' })
  reason: string | null;
  @Field(() => String, { nullable: true, description: 'Free-text note given with the step: the searching parties and coordinators only; erased by retention.' })
  note: string | null;
}

@ObjectType('PlacementRequest')
export class PlacementRequestModel {
  @Field(() => ID) id: string;
  @Field(() => RequestStatus) status: RequestStatus;
  @Field(() => Urgency) urgency: Urgency;
  @Field(() => Int) householdSize: number;
  @Field(() => Int) adults: number;
  @Field(() => Int) children: number;
  @Field(() => ID) homeRegionId: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) escalateAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) escalatedAt: Date | null;
  @Field(() => String, { nullable: true }) escalationReason: string | null;
  @Field(() => ID, { nullable: true }) claimId: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt: Date | null;
  @Field(() => NotAdmittedReason, { nullable: true }) closeReason: NotAdmittedReason | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'On the waiting list since.' }) waitingSince: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Leaves the waiting list (NOT_ADMITTED, NO_CAPACITY) at this time without a place.' })
  waitingExpiresAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Moved up the waiting list by a coordinator.' }) prioritisedAt: Date | null;
}

@ObjectType('PlacementOption', { description: 'A shelter with place(s) that hold the whole household, and why.' })
export class PlacementOptionModel {
  @Field(() => ID) shelterId: string;
  @Field() shelterName: string;
  @Field(() => ID) regionId: string;
  @Field(() => PlaceCategory) category: PlaceCategory;
  @Field(() => [PlaceModel]) places: PlaceModel[];
  @Field(() => Float) score: number;
  @Field({ description: 'The shelter\'s public locality (town or municipality), never its address.' }) locality: string;
  @Field(() => DistanceBand, { description: 'From the home region\'s centre to the shelter\'s locality, as a band: exact distances would let anyone locate the shelter.' })
  distanceBand: DistanceBand;
  @Field(() => [String], { description: 'Why this option, in plain words.' }) reasons: string[];
}

@ObjectType('Exclusion', {
  description: 'How many free places a hard rule excluded, among the places of the regions the search read (see PlacementOptions.regionsSearched).',
})
export class ExclusionModel {
  @Field() rule: string;
  @Field() description: string;
  @Field(() => Int) places: number;
}

@ObjectType('PlacementOptions')
export class PlacementOptionsModel {
  @Field(() => [PlacementOptionModel]) options: PlacementOptionModel[];
  @Field(() => [ExclusionModel]) excluded: ExclusionModel[];
  @Field(() => [PlaceCategory], { description: 'Categories the request may use.' }) categories: PlaceCategory[];
  @Field(() => Int, {
    nullable: true,
    description:
      'Regions whose free places the search read, most promising first (nearest for most requests, furthest at high risk). ' +
      'It stops when no unread region can give a better option; the ranking is then the same as over the whole network, ' +
      'and the exclusions are counted in these regions. Null for an answer limited to your own places.',
  })
  regionsSearched: number | null;
  @Field(() => Int, { nullable: true, description: 'Regions in the network (null for an answer limited to your own places).' })
  regionsInNetwork: number | null;
}

@ObjectType('EmergencyPlacement')
export class EmergencyPlacementModel {
  @Field(() => PlacementRequestModel) request: PlacementRequestModel;
  @Field(() => ClaimModel, { nullable: true, description: 'Null when no emergency bed could be held: the request is ESCALATED.' })
  claim: unknown;
  @Field(() => ReceivingShelterModel, { nullable: true }) receivingShelter: ReceivingShelterModel | null;
}
