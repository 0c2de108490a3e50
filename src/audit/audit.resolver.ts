import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, GraphQLISODateTime, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { Connection, decodeCursor, Page, PageArgs, pageOf } from '../common/pagination.js';
import { searchAuditEvents } from './audit-search.js';
import GraphQLJSON from './json.scalar.js';
import { DataSource } from 'typeorm';

@ObjectType('AuditEvent', { description: 'One entry of the append-only audit log.' })
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field() actor: string;
  @Field() actorRole: string;
  @Field() action: string;
  @Field() entityType: string;
  @Field() entityId: string;
  @Field(() => String, { nullable: true }) statusBefore: string | null;
  @Field(() => String, { nullable: true }) statusAfter: string | null;
  @Field(() => GraphQLJSON, { nullable: true }) detail: unknown;
  @Field(() => String, { nullable: true }) requestId: string | null;
}

@ObjectType('AuditEventConnection', { description: 'A page of the audit log, newest first.' })
export class AuditEventConnectionModel extends Connection(AuditEventModel) {}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) actor?: string;
  @Field({ nullable: true, description: 'Exact action, or a prefix ending in *, e.g. "read *".' }) @IsOptional() @IsString() @MaxLength(200) action?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) entityType?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(100) entityId?: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() to?: Date;
}

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Query(() => AuditEventConnectionModel, { description: 'Newest first, a page at a time, back to the first event. Coordinators and admins.' })
  async auditEvents(@Args() args: AuditEventsArgs): Promise<Page<AuditEventModel>> {
    const after = decodeCursor(args.after, 1);
    const rows = await searchAuditEvents((sql, params) => this.dataSource.query(sql, params), args, args.first + 1, after?.[0]);
    return pageOf(rows, args.first, (e) => [e.id]);
  }
}
