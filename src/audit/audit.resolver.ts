import { Inject } from '@nestjs/common';
import { Args, ArgsType, Field, GraphQLISODateTime, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { Connection, decodeCursor, Page, PageArgs, pageOf } from '../common/pagination.js';
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
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (args.actor) add('actor = ?', args.actor);
    if (args.action?.endsWith('*')) add(`action LIKE ? || '%'`, args.action.slice(0, -1).replace(/[%_\\]/g, '\\$&'));
    else if (args.action) add('action = ?', args.action);
    if (args.entityType) add('entity_type = ?', args.entityType);
    if (args.entityId) {
      // A grouped read lists its entities in detail.entityIds (one row per operation and kind).
      params.push(args.entityId);
      where.push(`(entity_id = $${params.length} OR detail->'entityIds' @> jsonb_build_array($${params.length}::text))`);
    }
    if (args.from) add('at >= ?', args.from);
    if (args.to) add('at < ?', args.to);
    const after = decodeCursor(args.after, 1);
    if (after) add('audit_event.id < ?::bigint', after[0]);
    params.push(args.first + 1);
    const rows: AuditEventModel[] = await this.dataSource.query(
      `SELECT id::text, at, actor, actor_role AS "actorRole", action, entity_type AS "entityType", entity_id AS "entityId",
              status_before AS "statusBefore", status_after AS "statusAfter", detail, request_id AS "requestId"
         FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY audit_event.id DESC LIMIT $${params.length}`,
      params,
    );
    return pageOf(rows, args.first, (e) => [e.id]);
  }
}
