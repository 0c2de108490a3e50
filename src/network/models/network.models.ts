import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PlaceCategory, Sex } from '../../common/enums.js';
import { Connection } from '../../common/pagination.js';

@ObjectType('Region', { description: 'A centre-municipality region (centrumgemeente vrouwenopvang).' })
export class RegionModel {
  @Field(() => ID) id: string;
  @Field({ description: 'Stable short code from the reference data file, e.g. `amsterdam`.' }) code: string;
  @Field() name: string;
  @Field() centreMunicipality: string;
  @Field(() => String, { nullable: true, description: 'CBS municipality code of the centre municipality.' })
  municipalityCode: string | null;
  @Field(() => Float, { description: 'Centroid latitude (WGS84) of the centre municipality.' }) latitude: number;
  @Field(() => Float) longitude: number;
}

@ObjectType('Organisation', { description: 'A shelter provider (instelling).' })
export class OrganisationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

@ObjectType('ShelterAddress', { description: 'Secret. Only the shelter\'s own intake, coordinators and admins see it.' })
export class ShelterAddressModel {
  @Field() street: string;
  @Field() postcode: string;
  @Field() city: string;
}

@ObjectType('Coordinates')
export class CoordinatesModel {
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
}

@ObjectType('Locality', {
  description: 'The public town or municipality a shelter is in (its exact location lies within 10 km). Everything other roles see is computed from it.',
})
export class LocalityModel {
  @Field() name: string;
  @Field(() => Float) latitude: number;
  @Field(() => Float) longitude: number;
}

@ObjectType('Shelter', { description: 'One location of an organisation.' })
export class ShelterModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field(() => ID) regionId: string;
  @Field() name: string;
  @Field(() => [PlaceCategory]) categories: PlaceCategory[];
  @Field({ description: '24/7 intake phone.' }) intakePhone: string;
  @Field(() => [Sex], { description: 'Sexes of adults this location admits.' }) admittedSexes: Sex[];
  @Field(() => Int) minAge: number;
  @Field(() => Int, { nullable: true }) maxAge: number | null;
  @Field(() => Int, { nullable: true, description: 'Highest age of boys admitted with their mother; null = no limit.' })
  maxBoyAge: number | null;
  @Field() wheelchairAccessible: boolean;
  @Field() petsAllowed: boolean;
  @Field(() => [String], { description: 'Languages spoken by staff (ISO 639-1).' }) languages: string[];
  @Field(() => GraphQLISODateTime, { description: 'When intake last confirmed "our places are as shown".' })
  statusConfirmedAt: Date;
}

@ObjectType('Place', { description: 'A unit one household can occupy (a room or a family unit).' })
export class PlaceModel {
  @Field(() => ID) id: string;
  @Field(() => ID) shelterId: string;
  @Field(() => PlaceCategory) category: PlaceCategory;
  @Field() label: string;
  @Field(() => Int, { description: 'Persons the unit holds; children need beds too.' }) beds: number;
  @Field(() => Int, { description: 'Increases on every status change; pass it back as expectedVersion.' })
  version: number;
  @Field(() => GraphQLISODateTime) statusChangedAt: Date;
  @Field({ description: 'Kept for acute requests from other regions.' }) nationalReserve: boolean;
}

@ObjectType('AvailabilityRow', { description: 'Live availability of one category in one region.' })
export class AvailabilityRowModel {
  @Field(() => ID) regionId: string;
  @Field(() => PlaceCategory) category: PlaceCategory;
  @Field(() => Int) placesTotal: number;
  @Field(() => Int) available: number;
  @Field(() => Int) held: number;
  @Field(() => Int) occupied: number;
  @Field(() => Int) outOfService: number;
  @Field(() => Int, { description: 'Beds in AVAILABLE places.' }) freeBeds: number;
  @Field(() => Int, { description: 'Beds of the largest free unit: the largest household that fits in one unit.' })
  largestHouseholdAdmissible: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Latest status change in this row.' })
  updatedAt: Date | null;
  @Field({ description: 'Some shelter in this row has not confirmed its status within STALE_AFTER_HOURS ("no information").' })
  stale: boolean;
}

@ObjectType('ShelterConnection', { description: 'A page of shelters, by name.' })
export class ShelterConnectionModel extends Connection(ShelterModel) {}

@ObjectType('PlaceConnection', { description: 'A page of places, by shelter and label.' })
export class PlaceConnectionModel extends Connection(PlaceModel) {}
