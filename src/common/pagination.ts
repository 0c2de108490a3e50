import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainError } from './errors.js';
import { MAX_PAGE_SIZE } from './query-limits.js';

export const DEFAULT_PAGE_SIZE = 50;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Items of this page, 1 to ${MAX_PAGE_SIZE}.` })
  @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page; omit for the first page.' })
  @IsOptional() @IsString() @MaxLength(400)
  after?: string;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page.' })
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfoModel;
}

/** A Relay-style connection type: `nodes` of one page and where the next one starts. */
export function Connection<T>(node: Type<T>): Type<Page<T>> {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType {
    @Field(() => [node]) nodes: T[];
    @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  }
  return ConnectionType as unknown as Type<Page<T>>;
}

/**
 * Cursors are opaque to clients: the sort key of the last row (keyset pagination, never OFFSET),
 * so rows inserted or deleted between two pages neither repeat nor skip the rows already read.
 */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null, parts: number): string[] | null {
  if (cursor === undefined || cursor === null) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === parts && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key.map(String);
    }
  } catch {
    // fall through: not one of our cursors
  }
  throw DomainError.badInput('after is not a cursor of this list', [{ field: 'after', problems: ['unknown cursor'] }]);
}

/** Rows fetched with LIMIT first + 1: the extra row only says there is a next page. */
export function pageOf<T>(rows: T[], first: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(keyOf(last)) : null } };
}
