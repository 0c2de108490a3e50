import {
  createSourceEventStream, DocumentNode, execute, ExecutionArgs, ExecutionResult, GraphQLError, GraphQLSchema, parse, print,
} from 'graphql';
import { mapAsyncIterator } from 'graphql/execution/mapAsyncIterator.js';
import { FanoutFeed } from './live-pubsub.js';

/*
 * The graphql-ws hooks for national-scale subscriptions (issue 11).
 *
 * graphql-js maps every event through `execute` once per subscriber. For a feed whose result
 * cannot depend on who subscribed (a FanoutFeed: no context-reading resolvers below its root field,
 * see LiveResolver.availabilityChanged), the result of one event for one (query text, operation
 * name, variables) is the same for everyone, so it is executed once and the same result object
 * goes to each of them. The execution itself is graphql-js's `execute` with the same arguments
 * `subscribe` would pass (`{ ...args, rootValue: event }`), so what a client receives is what the
 * normal path gives, field selection, aliases and directives included.
 *
 * Parsing and validation are shared too: ten thousand clients sending the same subscription
 * text share one document, parsed and validated once, instead of ten thousand ASTs.
 */

const MAX_CACHED_DOCUMENTS = 500;
const MAX_CACHED_QUERY_CHARS = 8 * 1024;

const documents = new Map<string, DocumentNode>();
const queryTexts = new WeakMap<DocumentNode, string>();

/** graphql-ws `parse`: one document per distinct query text (bounded, oldest out first). */
export function sharedParse(query: string): DocumentNode {
  if (query.length > MAX_CACHED_QUERY_CHARS) return parse(query);
  const cached = documents.get(query);
  if (cached) return cached;
  const document = parse(query);
  if (documents.size >= MAX_CACHED_DOCUMENTS) documents.delete(documents.keys().next().value as string);
  documents.set(query, document);
  queryTexts.set(document, query);
  return document;
}

/** graphql-ws `validate`: a shared document is validated once per schema (validation depends on nothing else). */
export function sharedValidate(
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[],
): (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[] {
  const bySchema = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  return (schema, document) => {
    let cache = bySchema.get(schema);
    if (!cache) bySchema.set(schema, (cache = new WeakMap()));
    const cached = cache.get(document);
    if (cached) return cached;
    const errors = validate(schema, document);
    if (queryTexts.has(document)) cache.set(document, errors);
    return errors;
  };
}

/** Results of one event, by execution key; dropped with the event. */
const resultsByEvent = new WeakMap<object, Map<string, ExecutionResult | Promise<ExecutionResult>>>();

/** What makes two executions of one event equal: the same query text, operation and variables. */
export function executionKey(args: ExecutionArgs): string {
  const text = queryTexts.get(args.document) ?? args.document.loc?.source.body ?? print(args.document);
  return `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${text}`;
}

/**
 * graphql-ws `subscribe`: graphql-js `subscribe`, except that events of a FanoutFeed are executed
 * once per (event, execution key) and the result shared. Anything else is mapped exactly as
 * graphql-js does it.
 */
export async function sharedSubscribe(args: ExecutionArgs) {
  const stream = await createSourceEventStream(args);
  if (!(stream instanceof FanoutFeed)) {
    if (!isAsyncIterable(stream)) return stream;
    return mapAsyncIterator(stream, (payload: unknown) => execute({ ...args, rootValue: payload }));
  }
  const key = executionKey(args);
  stream.map = (event: unknown) => {
    if (typeof event !== 'object' || event === null) return execute({ ...args, rootValue: event });
    let results = resultsByEvent.get(event);
    if (!results) resultsByEvent.set(event, (results = new Map()));
    let result = results.get(key);
    if (!result) {
      result = execute({ ...args, rootValue: event });
      results.set(key, result);
    }
    return result;
  };
  return stream;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as { [Symbol.asyncIterator]?: unknown })?.[Symbol.asyncIterator] === 'function';
}
