import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PlaceCategory } from '../../common/enums.js';
import { NotAdmittedReason } from '../referral.enums.js';

export enum OfferStatus {
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  LAPSED = 'LAPSED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  valuesMap: {
    OFFERED: { description: 'Held for the request until expiresAt; waiting for accept or decline.' },
    ACCEPTED: { description: 'Became the request\'s claim.' },
    DECLINED: { description: 'Declined with a reason; the places went to the next in line.' },
    LAPSED: { description: 'Nobody answered in time; the places went to the next in line.' },
    WITHDRAWN: { description: 'The shelter released the hold.' },
  },
});

@ObjectType('WaitingPosition', { description: 'Where a waiting request stands among those that compete for the same kind of place.' })
export class WaitingPositionModel {
  @Field(() => Int, { description: 'Among waiting requests from the same home region.' }) inRegion: number;
  @Field(() => Int, { description: 'Among all waiting requests in the country.' }) nationally: number;
  @Field({ description: 'In plain words, e.g. "3rd for a crisis place for a household of 3 in your region; 7th nationally".' })
  explanation: string;
}

@ObjectType('PlacementOffer', { description: 'A place that became free, held for the first fitting request on the waiting list. Never an address.' })
export class PlacementOfferModel {
  @Field(() => ID) id: string;
  @Field(() => ID) requestId: string;
  @Field(() => ID) shelterId: string;
  @Field() shelterName: string;
  @Field({ description: '24/7 intake phone of the offering shelter.' }) intakePhone: string;
  @Field({ description: 'Public locality (town) of the offering shelter.' }) locality: string;
  @Field(() => PlaceCategory) category: PlaceCategory;
  @Field(() => Int) beds: number;
  @Field(() => OfferStatus) status: OfferStatus;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'Until when the places are held for this request.' }) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => NotAdmittedReason, { nullable: true }) declineReason: NotAdmittedReason | null;
  @Field(() => ID, { description: 'The hold on the places (becomes the request\'s claim on accept).' }) claimId: string;
}
