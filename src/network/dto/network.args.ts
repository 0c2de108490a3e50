import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PlaceCategory } from '../../common/enums.js';
import { PageArgs } from '../../common/pagination.js';
import { MAX_NESTED_SHELTERS, MAX_ORGANISATIONS, MAX_PLACES_PER_SHELTER } from '../../common/query-limits.js';

@ArgsType()
export class SheltersArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() regionId?: string;
  @Field(() => PlaceCategory, { nullable: true }) @IsOptional() @IsEnum(PlaceCategory) category?: PlaceCategory;
}

@ArgsType()
export class PlacesArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() shelterId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() regionId?: string;
  @Field(() => PlaceCategory, { nullable: true }) @IsOptional() @IsEnum(PlaceCategory) category?: PlaceCategory;
}

@ArgsType()
export class ShelterPlacesArgs {
  @Field(() => Int, {
    defaultValue: MAX_PLACES_PER_SHELTER,
    description: `The first places by label (a shelter has at most ${MAX_PLACES_PER_SHELTER}); lower it to fit more shelters in one query, or page with Query.places(shelterId).`,
  })
  @IsInt() @Min(1) @Max(MAX_PLACES_PER_SHELTER)
  first: number = MAX_PLACES_PER_SHELTER;
}

@ArgsType()
export class RegionSheltersArgs {
  @Field(() => Int, { defaultValue: MAX_NESTED_SHELTERS, description: 'The first shelters by name; page through all with Query.shelters(regionId).' })
  @IsInt() @Min(1) @Max(MAX_NESTED_SHELTERS)
  first: number = MAX_NESTED_SHELTERS;
}

@ArgsType()
export class OrganisationsArgs {
  @Field(() => Int, { defaultValue: MAX_ORGANISATIONS, description: 'The first organisations by name.' })
  @IsInt() @Min(1) @Max(MAX_ORGANISATIONS)
  first: number = MAX_ORGANISATIONS;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID() id: string;
}

@ArgsType()
export class ShelterIdArgs {
  @Field(() => ID) @IsUUID() shelterId: string;
}

@ArgsType()
export class AvailabilityArgs {
  @Field(() => [ID], { nullable: true, description: 'Omit for every region.' })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsUUID('all', { each: true })
  regionIds?: string[];
  @Field(() => [PlaceCategory], { nullable: true, description: 'Omit for every category.' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsEnum(PlaceCategory, { each: true })
  categories?: PlaceCategory[];
}
