import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { PlaceCategory } from '../../common/enums.js';

@ArgsType()
export class SheltersArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() regionId?: string;
  @Field(() => PlaceCategory, { nullable: true }) @IsOptional() @IsEnum(PlaceCategory) category?: PlaceCategory;
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
