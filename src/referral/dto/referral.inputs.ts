import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, Equals, IsArray, IsBoolean, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID,
  Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { HouseholdMemberInput, MAX_HOLD_MINUTES } from '../../placement/dto/placement.inputs.js';
import { DistancePreference, NotAdmittedReason, RiskLevel, Urgency } from '../referral.enums.js';
import { Language } from '../matching/matching.texts.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class RiskInput {
  @Field(() => RiskLevel) @IsEnum(RiskLevel) level: RiskLevel;
  @Field({ defaultValue: false }) @IsBoolean() honourRelated: boolean;
  @Field({ defaultValue: false }) @IsBoolean() trafficking: boolean;
  @Field({ defaultValue: false, description: 'Threat from family or network.' }) @IsBoolean() perpetratorNetwork: boolean;
  @Field({ defaultValue: false }) @IsBoolean() firearmAccess: boolean;
  @Field({ nullable: true, description: 'Screening instrument as used, e.g. RiHG, Veilig Thuis triage.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  instrument?: string;
  @Field({ nullable: true, description: 'Score as given by the instrument.' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(50)
  score?: string;
  @Field({ nullable: true, description: 'Confidential.' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000)
  summary?: string;
  @Field({ defaultValue: false, description: 'Police co-decided on a safe house (required for SAFE_HOUSE places).' })
  @IsBoolean()
  policeCoDecision: boolean;
}

@InputType()
export class NeedsInput {
  @Field({ defaultValue: false }) @IsBoolean() wheelchair: boolean;
  @Field({ defaultValue: false }) @IsBoolean() pets: boolean;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(10) @Matches(/^[a-z]{2,3}$/, { each: true })
  languages: string[];
}

@InputType()
export class CreatePlacementRequestInput {
  @Field(() => Urgency) @IsEnum(Urgency) urgency: Urgency;
  @Field(() => RiskInput) @ValidateNested() @Type(() => RiskInput) risk: RiskInput;
  @Field(() => [HouseholdMemberInput], { description: 'Everyone who needs a bed; children are clients too.' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => HouseholdMemberInput)
  household: HouseholdMemberInput[];
  @Field(() => NeedsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NeedsInput) needs?: NeedsInput;
  @Field(() => ID) @IsUUID() homeRegionId: string;
  @Field(() => [ID], { defaultValue: [], description: 'Where the perpetrator or their network lives or works.' })
  @IsArray() @ArrayMaxSize(35) @ArrayUnique() @IsUUID('all', { each: true })
  avoidRegionIds: string[];
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(35) @ArrayUnique() @IsUUID('all', { each: true })
  preferredRegionIds: string[];
  @Field({ nullable: true, description: 'Recorded only; residence status never decides access.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(100)
  residenceStatus?: string;
  @Field({ description: 'The client consented to sharing these data; must be true.' }) @Equals(true, { message: 'consentToShare must be true' })
  consentToShare: boolean;
  @Field({ nullable: true, description: 'A pseudonym; this service stores no names. Confidential.' })
  @IsOptional() @Transform(trim) @IsString() @Matches(/^[\p{L}\p{N} ._\-/#]{1,64}$/u, { message: 'clientReference must be a short pseudonym' })
  clientReference?: string;
  @Field({ nullable: true, description: 'Confidential.' }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) notes?: string;
  @Field(() => DistancePreference, { defaultValue: DistancePreference.FAR, description: 'At high risk: far (default) or near the minimum distance.' })
  @IsEnum(DistancePreference)
  distancePreference: DistancePreference;
}

@InputType()
export class ClaimForRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ArrayUnique() @IsUUID('all', { each: true }) placeIds: string[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(MAX_HOLD_MINUTES) holdMinutes?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{1,128}$/) idempotencyKey?: string;
}

@InputType()
export class EmergencyPlacementInput {
  @Field(() => RiskInput) @ValidateNested() @Type(() => RiskInput) risk: RiskInput;
  @Field(() => [HouseholdMemberInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true })
  @Type(() => HouseholdMemberInput)
  household: HouseholdMemberInput[];
  @Field(() => NeedsInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NeedsInput) needs?: NeedsInput;
  @Field(() => ID) @IsUUID() homeRegionId: string;
  @Field(() => [ID], { defaultValue: [] }) @IsArray() @ArrayMaxSize(35) @ArrayUnique() @IsUUID('all', { each: true })
  avoidRegionIds: string[];
  @Field({ description: 'Must be true.' }) @Equals(true, { message: 'consentToShare must be true' }) consentToShare: boolean;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @Matches(/^[\p{L}\p{N} ._\-/#]{1,64}$/u) clientReference?: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) notes?: string;
  @Field({ nullable: true, description: 'Retrying with the same key returns the first result.' })
  @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{1,128}$/)
  idempotencyKey?: string;
}

@InputType()
export class CloseRequestInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field(() => NotAdmittedReason) @IsEnum(NotAdmittedReason) reason: NotAdmittedReason;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(500) note?: string;
}

@ArgsType()
export class RequestIdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class PlacementOptionsArgs {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field(() => Int, { defaultValue: 10 }) @IsInt() @Min(1) @Max(50) limit: number;
  @Field(() => Language, { nullable: true, description: 'Language of reasons and exclusion descriptions; else the Accept-Language header, else English.' })
  @IsOptional() @IsEnum(Language)
  language?: Language;
}

@ArgsType()
export class RegionArgs {
  @Field(() => ID) @IsUUID() regionId: string;
}

@InputType()
export class DeclineOfferInput {
  @Field(() => ID) @IsUUID() offerId: string;
  @Field(() => NotAdmittedReason, { description: 'Why not: the client declined, too far, needs not met, ...' }) @IsEnum(NotAdmittedReason)
  reason: NotAdmittedReason;
  @Field({ nullable: true, description: 'Free text, for the searching parties only; erased by retention.' })
  @IsOptional() @Transform(trim) @IsString() @MaxLength(500)
  note?: string;
}

@ArgsType()
export class OfferIdArgs {
  @Field(() => ID) @IsUUID() offerId: string;
}

@InputType()
export class PrioritiseInput {
  @Field(() => ID) @IsUUID() requestId: string;
  @Field({ description: 'Why this request goes first; recorded in the timeline (erased by retention).' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500)
  reason: string;
}

@ArgsType()
export class PlacementOffersArgs {
  @Field({ defaultValue: true, description: 'Only offers still waiting for an answer (the newest 100 otherwise).' })
  @IsBoolean()
  openOnly: boolean;
  @Field(() => ID, { nullable: true, description: 'Only the offers made to this request.' }) @IsOptional() @IsUUID()
  requestId?: string;
}
