import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PlaceCategory, Sex } from '../../common/enums.js';
import { Connection } from '../../common/pagination.js';
import { DischargeDestination, OutflowBlocker } from '../dto/placement.inputs.js';
import { ClaimStatus, StayStatus } from '../placement.entity.js';

registerEnumType(ClaimStatus, { name: 'ClaimStatus', description: 'A HELD claim past expiresAt reads as EXPIRED.' });
registerEnumType(StayStatus, { name: 'StayStatus' });

@ObjectType('Claim', { description: 'Places held for one household until it arrives or the hold ends.' })
export class ClaimModel {
  @Field(() => ID) id: string;
  @Field(() => ID) shelterId: string;
  @Field(() => Int) householdSize: number;
  @Field(() => Int, { description: 'Beds of the claimed places together.' }) beds: number;
  @Field(() => ID, { nullable: true }) requestId: string | null;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field() claimedBy: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endedAt: Date | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
}

@ObjectType('HouseholdMember')
export class HouseholdMemberModel {
  @Field(() => Sex) sex: Sex;
  @Field(() => Int, { nullable: true }) age: number | null;
  @Field({ description: 'The monitor\'s age band: 0-17, 18-22, 23-30, 31-40, 41-50, 51-64, 65+.' }) ageBand: string;
  @Field() isChild: boolean;
}

@ObjectType('Stay', { description: 'A household staying in one or more places.' })
export class StayModel {
  @Field(() => ID) id: string;
  @Field(() => ID) claimId: string;
  @Field(() => StayStatus) status: StayStatus;
  @Field(() => ID) shelterId: string;
  @Field(() => ID) regionId: string;
  @Field(() => PlaceCategory) category: PlaceCategory;
  @Field(() => ID) originRegionId: string;
  @Field(() => Int) householdSize: number;
  @Field(() => Int) adults: number;
  @Field(() => Int) children: number;
  @Field(() => GraphQLISODateTime) admittedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Since when the client could leave but cannot.' })
  readyForOutflowAt: Date | null;
  @Field(() => [OutflowBlocker]) outflowBlockers: OutflowBlocker[];
  @Field(() => GraphQLISODateTime, { nullable: true }) dischargedAt: Date | null;
  @Field(() => DischargeDestination, { nullable: true }) destination: DischargeDestination | null;
}

@ObjectType('ClaimConnection', { description: 'A page of claims, newest first.' })
export class ClaimConnectionModel extends Connection(ClaimModel) {}
