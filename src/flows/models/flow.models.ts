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
  @Field(() => Int, { nullable: true, description: 'The count; null when withheld.' }) value: number | null;
  @Field({ description: 'True when the count is withheld (1-4, or a complementary cell); never true for 0.' }) suppressed: boolean;
}

@ObjectType('CountBy', { description: `A count for one value of a dimension. ${SUPPRESSED}` })
export class CountByModel {
  @Field({ description: 'The value of the dimension (an enum value, a region code, or a composite key such as "FEMALE 23-30").' }) key: string;
  @Field(() => Int, { nullable: true, description: 'The count; null when withheld.' }) value: number | null;
  @Field({ description: 'True when the count is withheld (1-4, or a complementary cell); never true for 0.' }) suppressed: boolean;
}

@ObjectType('Percentiles', { description: 'Median and 90th percentile; null when fewer than 5 observations.' })
export class PercentilesModel {
  @Field(() => CountModel, { description: 'How many observations the percentiles are taken over (withheld like any count).' }) observations: CountModel;
  @Field(() => Float, { nullable: true, description: 'Median (PostgreSQL percentile_cont(0.5), interpolated), rounded to 0.1; null when fewer than 5 observations.' })
  p50: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile (percentile_cont(0.9), interpolated), rounded to 0.1; null when fewer than 5 observations.' })
  p90: number | null;
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
  @Field(() => CountModel, { description: 'Transfers whose transferredAt falls in the period, out of a place of the region (to any region).' }) transfers: CountModel;
  @Field(() => [CountByModel], { description: 'Transfers by from-category > to-category, key "EMERGENCY>CRISIS".' }) byMove: CountByModel[];
  @Field(() => CountModel, { description: 'Those transfers that went to a place in another region.' }) toOtherRegions: CountModel;
  @Field(() => CountModel, { description: 'Transfers from another region into this region (region reports only; 0 for the country).' })
  fromOtherRegions: CountModel;
  @Field(() => PercentilesModel, { description: 'Days from admission (or the previous move) to the move, over the same transfers.' }) daysBeforeMove: PercentilesModel;
}

@ObjectType('LengthOfStay', { description: 'Discharged stays by the category of the place they left from.' })
export class LengthOfStayModel {
  @Field({ description: 'The category of the place the stay was discharged from.' }) category: string;
  @Field(() => CountModel, { description: 'Discharges in the period from a place of this category in the region.' }) discharges: CountModel;
  @Field(() => Float, { nullable: true, description: 'Median days from admission to discharge (whole stay, moves included), rounded to 0.1; null under 5 stays.' }) p50Days: number | null;
  @Field(() => Float, { nullable: true, description: '90th percentile of the same days, rounded to 0.1; null under 5 stays.' }) p90Days: number | null;
  @Field(() => Int, { description: 'Norm in days: EMERGENCY 3, CRISIS 63, others the 6-month maximum (NORM_* settings).' }) normDays: number;
  @Field(() => Float, { nullable: true, description: 'Share of these stays longer than the norm; null when that count is 1-4 or the stays fewer than 5.' })
  overNormShare: number | null;
  @Field(() => Float, { nullable: true, description: 'Share longer than the 6-month maximum; same withholding.' }) overMaxShare: number | null;
}

@ObjectType('Outflow', { description: 'Discharges: stays whose dischargedAt falls in the period, from a place of the region.' })
export class OutflowModel {
  @Field(() => CountModel, { description: 'Stays whose dischargedAt falls in the period, discharged from a place of the region.' }) discharges: CountModel;
  @Field(() => [CountByModel], { description: 'Those discharges by destination.' }) byDestination: CountByModel[];
  @Field(() => [LengthOfStayModel], { description: 'Those discharges by the category left from, with length of stay against the norm.' }) lengthOfStay: LengthOfStayModel[];
}

@ObjectType('BlockedOutflow', { description: 'Clients ready to leave who stay because of housing, debts, benefits or residence status.' })
export class BlockedOutflowModel {
  @Field(() => CountModel, { description: 'Stays marked ready for outflow and still in at the end of the period (now, for a period that has not ended), counted in the region where the stay is at that moment (a move after the mark moves it). The period total is the last bucket; the trend is this figure per bucket.' })
  atPeriodEnd: CountModel;
  @Field(() => [CountByModel], { description: 'The same stays by blocker; a stay with two blockers counts under both.' }) byBlocker: CountByModel[];
  @Field(() => Float, { nullable: true, description: 'Median days those stays had been ready (since the first mark) at the end of the period, or now for a period that has not ended; rounded to 0.1; null under 5 stays.' }) daysWaitingP50: number | null;
  @Field(() => CountModel, { description: 'Stays first marked ready during the period in a place of the region (a change of blockers is not a new mark).' }) markedInPeriod: CountModel;
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

@ObjectType('WaitingListFlow', { description: 'The waiting list, for requests of clients from the region (home region): who waits, how long, and the offers the list made.' })
export class WaitingListFlowModel {
  @Field(() => CountModel, { description: 'Requests (households) on the waiting list at the end of the period (now, for a period that has not ended): put on the list (a WAITING event) before then and not yet off it. The period total is the last bucket.' })
  waitingAtEnd: CountModel;
  @Field(() => [CountByModel], { description: 'The same requests per category they wait for (the allowed categories when put on the list); a request that may take two categories counts under both, so these do not add up to waitingAtEnd. Requests put on the list before categories were recorded count in waitingAtEnd only.' })
  waitingAtEndByCategory: CountByModel[];
  @Field(() => CountModel, { description: 'Waiting spells that ended in the period: the request left the list by an accepted offer, expiry, close or cancel (a request that waits again counts again).' })
  leftList: CountModel;
  @Field(() => [CountByModel], { description: 'Those spells by how they ended: OFFER_ACCEPTED (a place held for the household to arrive), WAITING_EXPIRED, CLOSED (not admitted), CANCELLED.' })
  leftListBy: CountByModel[];
  @Field(() => PercentilesModel, { description: 'Days on the list, from being put on it to leaving it, for the spells that ended in the period.' })
  daysWaited: PercentilesModel;
  @Field(() => CountModel, { description: 'Placement offers made in the period (createdAt) to waiting requests.' }) offersMade: CountModel;
  @Field(() => CountModel, { description: 'Offers accepted in the period (decidedAt), whenever they were made.' }) offersAccepted: CountModel;
  @Field(() => CountModel, { description: 'Offers declined in the period (decidedAt), whenever they were made. Lapsed and withdrawn offers are in neither.' })
  offersDeclined: CountModel;
  @Field(() => [CountByModel], { description: 'Those declined offers by the reason given.' }) offersDeclinedByReason: CountByModel[];
}

@ObjectType('Occupancy', { description: 'Occupied place-days over in-service place-days, from the hourly availability snapshots (daily in generated history).' })
export class OccupancyModel {
  @Field({ description: 'Place category.' }) category: string;
  @Field(() => Float, { nullable: true, description: 'occupiedPlaceSamples / inServicePlaceSamples, rounded to 0.001; null when no place was in service. Not withheld: places, not people.' }) rate: number | null;
  @Field(() => Float, { description: 'Sum of occupied places over the snapshots.' }) occupiedPlaceSamples: number;
  @Field(() => Float, { description: 'Sum of places in service (not OUT_OF_SERVICE) over the snapshots.' }) inServicePlaceSamples: number;
}

@ObjectType('MatrixCell', { description: `Admissions in the period from an origin region to a placement region (codes). ${SUPPRESSED}` })
export class MatrixCellModel {
  @Field({ description: 'Code of the region the household came from (the request\'s home region).' }) originRegion: string;
  @Field({ description: 'Code of the region where the stay began.' }) placementRegion: string;
  @Field(() => Int, { nullable: true, description: 'Stays admitted in the period for this pair; null when withheld.' }) value: number | null;
  @Field({ description: 'True when the count is withheld.' }) suppressed: boolean;
}

@ObjectType('FlowPeriod', { description: 'The figures of one bucket, or of the whole report period.' })
export class FlowPeriodModel {
  @Field({ description: 'First day (local date).' }) start: string;
  @Field({ description: 'Last day, inclusive (local date).' }) end: string;
  @Field(() => InflowModel, { description: 'Admissions in the period.' }) inflow: InflowModel;
  @Field(() => ThroughflowModel, { description: 'Moves out of the region\'s places in the period.' }) throughflow: ThroughflowModel;
  @Field(() => OutflowModel, { description: 'Discharges in the period.' }) outflow: OutflowModel;
  @Field(() => BlockedOutflowModel, { description: 'Ready to leave but blocked, at the end of the period.' }) blockedOutflow: BlockedOutflowModel;
  @Field(() => UnmetDemandModel, { description: 'Requests of the region\'s clients not admitted, escalations, and times to claim and admission.' }) unmetDemand: UnmetDemandModel;
  @Field(() => WaitingListFlowModel, { description: 'The waiting list: households waiting, days waited, offers.' }) waitingList: WaitingListFlowModel;
  @Field(() => [OccupancyModel], { description: 'Per category: occupied over in-service places in the period\'s snapshots.' }) occupancy: OccupancyModel[];
  @Field(() => [MatrixCellModel], { description: 'Where the region\'s clients went, and who came to it (the whole country: every pair).' })
  placementMatrix: MatrixCellModel[];
}

@ObjectType('FlowReport', { description: 'In-, through- and outflow of a region (or the country), aggregated and with small counts withheld.' })
export class FlowReportModel {
  @Field(() => ID, { nullable: true, description: 'Null for the whole country.' }) regionId: string | null;
  @Field({ description: 'First day of the report (local date).' }) from: string;
  @Field({ description: 'Last day of the report, inclusive (local date).' }) to: string;
  @Field(() => FlowGranularity, { description: 'The size of the buckets.' }) granularity: FlowGranularity;
  @Field(() => Int, { description: 'Counts below this (and above 0) are withheld.' }) suppressBelow: number;
  @Field(() => [FlowPeriodModel], { description: 'Calendar buckets of the period; the first and last may be partial.' }) buckets: FlowPeriodModel[];
  @Field(() => FlowPeriodModel, { description: 'The whole period: flows add up over the buckets, stocks (at the end) are the last bucket\'s.' }) total: FlowPeriodModel;
}
