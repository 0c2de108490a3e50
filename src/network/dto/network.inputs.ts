import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsLatitude, IsLongitude,
  IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { PlaceCategory, PlaceStatus, Sex } from '../../common/enums.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export enum UpkeepStatus {
  AVAILABLE = PlaceStatus.AVAILABLE,
  OUT_OF_SERVICE = PlaceStatus.OUT_OF_SERVICE,
}
registerEnumType(UpkeepStatus, {
  name: 'UpkeepStatus',
  description: 'Statuses intake may set directly; claims and admissions have their own mutations.',
});

@InputType()
export class SetPlaceStatusInput {
  @Field(() => ID) @IsUUID() placeId: string;
  @Field(() => UpkeepStatus) @IsIn(Object.values(UpkeepStatus)) status: UpkeepStatus;
  @Field({ description: 'Why, in a few words (kept in the audit log).' })
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(500)
  reason: string;
  @Field(() => Int, { description: 'The version you last saw; a newer one gives CONFLICT.' })
  @IsInt() @Min(1)
  expectedVersion: number;
}

@InputType()
export class ShelterAddressInput {
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) street: string;
  @Field() @Transform(trim) @IsString() @Matches(/^[0-9A-Za-z -]{3,12}$/) postcode: string;
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(100) city: string;
}

@InputType()
export class CreateOrganisationInput {
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
}

@InputType({ description: 'A public town or municipality and its public coordinates; the exact location must lie within 10 km.' })
export class LocalityInput {
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(120) name: string;
  @Field(() => Float) @IsLatitude() latitude: number;
  @Field(() => Float) @IsLongitude() longitude: number;
}

@InputType()
export class CreateShelterInput {
  @Field(() => ID) @IsUUID() organisationId: string;
  @Field(() => ID) @IsUUID() regionId: string;
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) name: string;
  @Field(() => [PlaceCategory]) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsEnum(PlaceCategory, { each: true })
  categories: PlaceCategory[];
  @Field() @Transform(trim) @Matches(/^\+?[0-9][0-9 -]{5,19}$/, { message: 'intakePhone must be a phone number' })
  intakePhone: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000)
  meetingInstructions?: string;
  @Field(() => [Sex]) @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsEnum(Sex, { each: true }) admittedSexes: Sex[];
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(120) minAge: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) maxAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(30) maxBoyAge?: number;
  @Field({ defaultValue: false }) @IsBoolean() wheelchairAccessible: boolean;
  @Field({ defaultValue: false }) @IsBoolean() petsAllowed: boolean;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(30) @Matches(/^[a-z]{2,3}$/, { each: true })
  languages: string[];
  @Field(() => ShelterAddressInput) @ValidateNested() @Type(() => ShelterAddressInput) address: ShelterAddressInput;
  @Field(() => Float) @IsLatitude() latitude: number;
  @Field(() => Float) @IsLongitude() longitude: number;
  @Field(() => LocalityInput, { nullable: true, description: 'Defaults to the region\'s centre municipality.' })
  @IsOptional() @ValidateNested() @Type(() => LocalityInput)
  locality?: LocalityInput;
}

@InputType()
export class UpdateShelterInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) name?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() regionId?: string;
  @Field(() => [PlaceCategory], { nullable: true })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsEnum(PlaceCategory, { each: true })
  categories?: PlaceCategory[];
  @Field({ nullable: true }) @IsOptional() @Transform(trim) @Matches(/^\+?[0-9][0-9 -]{5,19}$/) intakePhone?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000)
  meetingInstructions?: string;
  @Field(() => [Sex], { nullable: true }) @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsEnum(Sex, { each: true })
  admittedSexes?: Sex[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) minAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(120) maxAge?: number;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(30) maxBoyAge?: number;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() wheelchairAccessible?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() petsAllowed?: boolean;
  @Field(() => [String], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(30) @Matches(/^[a-z]{2,3}$/, { each: true })
  languages?: string[];
  @Field(() => ShelterAddressInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ShelterAddressInput)
  address?: ShelterAddressInput;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLatitude() latitude?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsLongitude() longitude?: number;
  @Field(() => LocalityInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => LocalityInput)
  locality?: LocalityInput;
}

@InputType()
export class NewPlaceInput {
  @Field(() => PlaceCategory) @IsEnum(PlaceCategory) category: PlaceCategory;
  @Field() @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(60) label: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(20) beds: number;
  @Field({ defaultValue: false }) @IsBoolean() nationalReserve: boolean;
}

@InputType()
export class CreatePlacesInput {
  @Field(() => ID) @IsUUID() shelterId: string;
  @Field(() => [NewPlaceInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true })
  @Type(() => NewPlaceInput)
  places: NewPlaceInput[];
}
