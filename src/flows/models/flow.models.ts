import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum FlowGranularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(FlowGranularity, { name: 'FlowGranularity', description: 'Calendar buckets in the report time zone (Europe/Amsterdam); weeks start on Monday.' });

const SUPPRESSED = 'Null when withheld: counts from 1 to 4, and complementary cells that would let one be recovered by subtraction.';

@ObjectType('Count', { description: `A count. ${SUPPRESSED}` })
export class CountModel {
  @Field(() => Int, { nullable: true }) value: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('CountBy', { description: `A count for one value of a dimension. ${SUPPRESSED}` })
export class CountByModel {
  @Field() key: string;
  @Field(() => Int, { nullable: true }) value: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('Percentiles', { description: 'Median and 90th percentile; null when fewer than 5 observations.' })
export class PercentilesModel {
  @Field(() => CountModel) observations: CountModel;
  @Field(() => Float, { nullable: true }) p50: number | null;
  @Field(() => Float, { nullable: true }) p90: number | null;
}

@ObjectType('Inflow', { description: 'Admissions: stays whose admittedAt falls in the period, in a place of the region (where the stay began).' })
export class InflowModel {
  @Field(() => CountModel, { description: 'Households admitted.' }) admissions: CountModel;
  @Field(() => CountModel, { description: 'Persons admitted (every household member, children included).' }) persons: CountModel;
  @Field(() => CountModel, { description: 'Persons aged 18 or over at admission.' }) adults: CountModel;
  @Field(() => CountModel, { description: 'Persons under 18 at admission.' }) children: CountModel;
  @Field(() => [CountByModel], { description: 'Households by the category of the place they were admitted to.' }) byCategory: CountByModel[];
  @Field(() => [CountByModel], { description: 'Households by origin: OWN_REGION when the origin region is the region of admission, else the origin region\'s code (national accessibility).' })
  byOrigin: CountByModel[];
  @Field(() => [CountByModel], { description: 'Households by referrer type (UNKNOWN when none was recorded).' }) byReferrerType: CountByModel[];
  @Field(() => [CountByModel], { description: 'Persons by sex and the monitor\'s age band, key "FEMALE 23-30".' }) bySexAndAgeBand: CountByModel[];
}

@ObjectType('Throughflow', { description: 'Transfers: moves of a household out of a place of the region during the period (transferredAt in the period).' })
export class ThroughflowModel {
  @Field(() => CountModel) transfers: CountModel;
  @Field(() => [CountByModel], { description: 'Transfers by from-category > to-category, key "EMERGENCY>CRISIS".' }) byMove: CountByModel[];
  @Field(() => CountModel, { description: 'Transfers to a place in another region.' }) toOtherRegions: CountModel;
  @Field(() => CountModel, { description: 'Transfers from another region into this region (region reports only; 0 for the country).' })
  fromOtherRegions: CountModel;
  @Field(() => PercentilesModel, { description: 'Days from admission (or the previous move) to the move.' }) daysBeforeMove: PercentilesModel;
}

@ObjectType('LengthOfStay', { description: 'Discharged stays by the category of the place they left from.' })
export class LengthOfStayModel {
  @Field() category: string;
  @Field(() => CountModel) discharges: CountModel;
  @Field(() => Float, { nullable: true, description: 'Median days from admission to discharge (whole stay, moves included).' }) p50Days: number | null;
  @Field(() => Float, { nullable: true }) p90Days: number | null;
  @Field(() => Int, { description: 'Norm in days: EMERGENCY 3, CRISIS 63, others the 6-month maximum (NORM_* settings).' }) normDays: number;
  @Field(() => Float, { nullable: true, description: 'Share of these stays longer than the norm; null when that count is 1-4 or the stays fewer than 5.' })
  overNormShare: number | null;
  @Field(() => Float, { nullable: true, description: 'Share longer than the 6-month maximum; same withholding.' }) overMaxShare: number | null;
}

@ObjectType('Outflow', { description: 'Discharges: stays whose dischargedAt falls in the period, from a place of the region.' })
export class OutflowModel {
  @Field(() => CountModel) discharges: CountModel;
  @Field(() => [CountByModel], { description: 'Discharges by destination.' }) byDestination: CountByModel[];
  @Field(() => [LengthOfStayModel]) lengthOfStay: LengthOfStayModel[];
}

@ObjectType('BlockedOutflow', { description: 'Clients ready to leave who stay because of housing, debts, benefits or residence status.' })
export class BlockedOutflowModel {
  @Field(() => CountModel, { description: 'Stays marked ready for outflow and still in at the end of the period (the trend is this figure per bucket).' })
  atPeriodEnd: CountModel;
  @Field(() => [CountByModel], { description: 'The same stays by blocker; a stay with two blockers counts under both.' }) byBlocker: CountByModel[];
  @Field(() => Float, { nullable: true, description: 'Median days those stays had been waiting at the end of the period.' }) daysWaitingP50: number | null;
  @Field(() => CountModel, { description: 'Stays first marked ready during the period.' }) markedInPeriod: CountModel;
}

@ObjectType('UnmetDemand', { description: 'Requests of clients from the region (home region) that did not lead to admission, and waiting times.' })
export class UnmetDemandModel {
  @Field(() => CountModel, { description: 'Requests closed NOT_ADMITTED in the period.' }) notAdmitted: CountModel;
  @Field(() => [CountByModel], { description: 'Those requests by reason.' }) byReason: CountByModel[];
  @Field(() => CountModel, { description: 'Requests escalated in the period (nothing matched, or nobody claimed in time).' }) escalations: CountModel;
  @Field(() => PercentilesModel, { description: 'Hours from filing to the first claim, for requests filed in the period.' }) hoursToClaim: PercentilesModel;
  @Field(() => PercentilesModel, { description: 'Hours from filing to admission, for requests filed in the period and admitted.' })
  hoursToAdmission: PercentilesModel;
  @Field(() => [CountByModel], { description: 'Per category: days on which a snapshot showed no free place in the region (region-days for the country). Not withheld: days, not people.' })
  daysWithoutFreePlace: CountByModel[];
}

@ObjectType('Occupancy', { description: 'Occupied place-days over in-service place-days, from the hourly availability snapshots (daily in generated history).' })
export class OccupancyModel {
  @Field() category: string;
  @Field(() => Float, { nullable: true }) rate: number | null;
  @Field(() => Float, { description: 'Sum of occupied places over the snapshots.' }) occupiedPlaceSamples: number;
  @Field(() => Float, { description: 'Sum of places in service (not OUT_OF_SERVICE) over the snapshots.' }) inServicePlaceSamples: number;
}

@ObjectType('MatrixCell', { description: `Admissions in the period from an origin region to a placement region (codes). ${SUPPRESSED}` })
export class MatrixCellModel {
  @Field() originRegion: string;
  @Field() placementRegion: string;
  @Field(() => Int, { nullable: true }) value: number | null;
  @Field() suppressed: boolean;
}

@ObjectType('FlowPeriod', { description: 'The figures of one bucket, or of the whole report period.' })
export class FlowPeriodModel {
  @Field({ description: 'First day (local date).' }) start: string;
  @Field({ description: 'Last day, inclusive (local date).' }) end: string;
  @Field(() => InflowModel) inflow: InflowModel;
  @Field(() => ThroughflowModel) throughflow: ThroughflowModel;
  @Field(() => OutflowModel) outflow: OutflowModel;
  @Field(() => BlockedOutflowModel) blockedOutflow: BlockedOutflowModel;
  @Field(() => UnmetDemandModel) unmetDemand: UnmetDemandModel;
  @Field(() => [OccupancyModel]) occupancy: OccupancyModel[];
  @Field(() => [MatrixCellModel], { description: 'Where the region\'s clients went, and who came to it (the whole country: every pair).' })
  placementMatrix: MatrixCellModel[];
}

@ObjectType('FlowReport', { description: 'In-, through- and outflow of a region (or the country), aggregated and with small counts withheld.' })
export class FlowReportModel {
  @Field(() => ID, { nullable: true, description: 'Null for the whole country.' }) regionId: string | null;
  @Field() from: string;
  @Field() to: string;
  @Field(() => FlowGranularity) granularity: FlowGranularity;
  @Field(() => Int, { description: 'Counts below this (and above 0) are withheld.' }) suppressBelow: number;
  @Field(() => [FlowPeriodModel]) buckets: FlowPeriodModel[];
  @Field(() => FlowPeriodModel) total: FlowPeriodModel;
}
