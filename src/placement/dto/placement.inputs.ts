import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches,
  Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { ReferrerType, Sex } from '../../common/enums.js';
import { PageArgs } from '../../common/pagination.js';
import { DischargeDestination, OutflowBlocker } from '../placement.entity.js';

export { DischargeDestination, OutflowBlocker };

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export const MAX_HOLD_MINUTES = 24 * 60;
export const DEFAULT_HOLD_MINUTES = 120;

@InputType()
export class ClaimPlaceInput {
  @Field(() => [ID], { description: 'Places of one shelter and one category; all are claimed or none.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsUUID('all', { each: true })
  placeIds: string[];
  @Field(() => Int, { description: 'Persons, children included; the places\' beds together must hold them.' })
  @IsInt() @Min(1) @Max(20)
  householdSize: number;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() requestId?: string;
  @Field(() => Int, { nullable: true, description: `Hold duration; default ${DEFAULT_HOLD_MINUTES}, at most ${MAX_HOLD_MINUTES}.` })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_HOLD_MINUTES)
  holdMinutes?: number;
  @Field({ nullable: true, description: 'Retrying with the same key and input returns the first result.' })
  @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'idempotencyKey must be 1-128 visible ASCII characters' })
  idempotencyKey?: string;
}

@InputType()
export class ReleaseClaimInput {
  @Field(() => ID) @IsUUID() claimId: string;
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

@InputType()
export class HouseholdMemberInput {
  @Field(() => Sex) @IsEnum(Sex) sex: Sex;
  @Field(() => Int, { description: 'Age in years; children (under 18) are clients in their own right.' })
  @IsInt() @Min(0) @Max(120)
  age: number;
}

@InputType()
export class AdmitInput {
  @Field(() => ID) @IsUUID() claimId: string;
  @Field(() => [HouseholdMemberInput], {
    nullable: true,
    description: 'Every person arriving; the count must equal the claim\'s household size. Taken from the request when the claim has one.',
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => HouseholdMemberInput)
  household?: HouseholdMemberInput[];
  @Field(() => ID, { nullable: true, description: 'The region the household comes from; the request\'s home region by default.' })
  @IsOptional() @IsUUID()
  originRegionId?: string;
  @Field(() => ReferrerType, { nullable: true }) @IsOptional() @IsEnum(ReferrerType) referrerType?: ReferrerType;
}

@InputType()
export class TransferStayInput {
  @Field(() => ID) @IsUUID() stayId: string;
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsUUID('all', { each: true })
  toPlaceIds: string[];
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500) reason: string;
}

@InputType()
export class MarkReadyForOutflowInput {
  @Field(() => ID) @IsUUID() stayId: string;
  @Field(() => [OutflowBlocker], { description: 'What keeps the client from leaving; empty clears readiness.' })
  @IsArray() @ArrayMaxSize(5) @ArrayUnique() @IsEnum(OutflowBlocker, { each: true })
  blockers: OutflowBlocker[];
}

@InputType()
export class DischargeInput {
  @Field(() => ID) @IsUUID() stayId: string;
  @Field(() => DischargeDestination) @IsEnum(DischargeDestination) destination: DischargeDestination;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(1000) note?: string;
}

@ArgsType()
export class ClaimIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class ShelterScopeArgs {
  @Field(() => ID) @IsUUID() shelterId: string;
}

@ArgsType()
export class ClaimsArgs extends PageArgs {
  @Field(() => ID) @IsUUID() shelterId: string;
}
