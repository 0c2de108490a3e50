import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, ID, Query, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID, Matches } from 'class-validator';
import { CurrentPrincipal } from '../auth/gql-context.js';
import type { Principal } from '../auth/principal.js';
import { checkFlowQuery } from './flows.access.js';
import { FlowsService } from './flows.service.js';
import { presentReport } from './flow-presenter.js';
import { FlowGranularity, FlowReportModel } from './models/flow.models.js';

@ArgsType()
export class FlowReportArgs {
  @Field(() => ID, { nullable: true, description: 'Omit for the whole country (coordinators only).' }) @IsOptional() @IsUUID() regionId?: string;
  @Field({ description: 'First day, YYYY-MM-DD (report time zone).' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) from: string;
  @Field({ description: 'Last day, inclusive, YYYY-MM-DD.' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) to: string;
  @Field(() => FlowGranularity, { defaultValue: FlowGranularity.MONTH }) @IsEnum(FlowGranularity) granularity: FlowGranularity;
}

@Resolver(() => FlowReportModel)
export class FlowsResolver {
  constructor(@Inject(FlowsService) private readonly flows: FlowsService) {}

  @Query(() => FlowReportModel, { description: 'In-, through- and outflow per bucket and in total; aggregates only, small counts withheld.' })
  async flowReport(@Args() args: FlowReportArgs, @CurrentPrincipal() principal: Principal): Promise<FlowReportModel> {
    const query = checkFlowQuery(principal, args);
    return presentReport(await this.flows.figures(query.regionId, query.from, query.to, query.granularity));
  }
}
