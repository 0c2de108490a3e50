import { ExecutionArgs, GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, subscribe, validate } from 'graphql';
import { FANOUT_SLICE, FanoutFeed, LivePubSub } from '../src/common/pubsub/live-pubsub.js';
import { executionKey, sharedParse, sharedSubscribe, sharedValidate } from '../src/common/pubsub/shared-execution.js';
import { availabilityEventKeys, availabilityKeys } from '../src/network/live-availability.service.js';

const TRIGGER = 'availabilityChanged';

/** Takes what a feed has ready now, without waiting for more. */
async function drainReady(feed: AsyncIterator<unknown>, max = 100): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < max; i++) {
    const next = await Promise.race([feed.next(), new Promise<'none'>((r) => setTimeout(() => r('none'), 20))]);
    if (next === 'none' || (next as IteratorResult<unknown>).done) break;
    out.push((next as IteratorResult<unknown>).value);
  }
  return out;
}

describe('indexed live fan-out (LivePubSub.feed / fanOut)', () => {
  const row = (regionId: string, category: string, n = 0) => ({ regionId, category, n });
  const publish = (live: LivePubSub, r: ReturnType<typeof row>) => live.fanOut(TRIGGER, availabilityEventKeys(r), r);

  it('delivers a row to exactly the subscribers whose regions and categories match', async () => {
    const live = new LivePubSub();
    const subscribers = {
      exact: live.feed(TRIGGER, availabilityKeys({ regionIds: ['r1'], categories: ['CRISIS'] })),
      region: live.feed(TRIGGER, availabilityKeys({ regionIds: ['r1'] })),
      category: live.feed(TRIGGER, availabilityKeys({ categories: ['CRISIS'] })),
      everything: live.feed(TRIGGER, availabilityKeys({})),
      emptyLists: live.feed(TRIGGER, availabilityKeys({ regionIds: [], categories: [] })),
      twoOfEach: live.feed(TRIGGER, availabilityKeys({ regionIds: ['r2', 'r1', 'r1'], categories: ['MEN', 'CRISIS'] })),
      otherRegion: live.feed(TRIGGER, availabilityKeys({ regionIds: ['r2'], categories: ['CRISIS'] })),
      otherCategory: live.feed(TRIGGER, availabilityKeys({ regionIds: ['r1'], categories: ['MEN'] })),
    };
    await publish(live, row('r1', 'CRISIS'));
    const got = Object.fromEntries(await Promise.all(Object.entries(subscribers).map(async ([name, feed]) => [name, (await drainReady(feed)).length])));
    expect(got).toEqual({ exact: 1, region: 1, category: 1, everything: 1, emptyLists: 1, twoOfEach: 1, otherRegion: 0, otherCategory: 0 });
  });

  it('ends a subscriber with return(): it leaves the index and gets nothing more', async () => {
    const live = new LivePubSub();
    const feed = live.feed(TRIGGER, availabilityKeys({ regionIds: ['r1'] }));
    expect(live.hasSubscribers(TRIGGER)).toBe(true);
    const pending = feed.next();
    await feed.return();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(live.hasSubscribers(TRIGGER)).toBe(false);
    await publish(live, row('r1', 'CRISIS'));
    expect(await feed.next()).toEqual({ done: true, value: undefined });
  });

  it('yields to the event loop between slices and keeps every subscriber\'s events in publish order', async () => {
    const live = new LivePubSub();
    const n = FANOUT_SLICE * 3 + 7;
    const feeds = Array.from({ length: n }, () => live.feed(TRIGGER, availabilityKeys({ regionIds: ['r1'] })));
    let ranBetween = false;
    let lastHadItWhenOtherWorkRan: boolean | undefined;
    const first = publish(live, row('r1', 'CRISIS', 1));
    const second = publish(live, row('r1', 'CRISIS', 2));
    setImmediate(() => {
      ranBetween = true;
      // Other work got the loop before the last subscriber had the first event.
      lastHadItWhenOtherWorkRan = (feeds[n - 1] as unknown as { queue: unknown[] }).queue.length > 0;
    });
    await Promise.all([first, second]);
    expect(ranBetween).toBe(true);
    expect(lastHadItWhenOtherWorkRan).toBe(false);
    for (const feed of [feeds[0], feeds[FANOUT_SLICE], feeds[n - 1]]) {
      expect(((await drainReady(feed)) as Array<{ n: number }>).map((r) => r.n)).toEqual([1, 2]);
    }
  });

  it('passes each event through the feed\'s map, and a failing map rejects only that subscriber\'s next()', async () => {
    const live = new LivePubSub();
    const ok = live.feed<{ n: number }>(TRIGGER, ['*|*']);
    const broken = live.feed<{ n: number }>(TRIGGER, ['*|*']);
    ok.map = (e) => ({ doubled: e.n * 2 });
    broken.map = () => {
      throw new Error('boom');
    };
    await live.fanOut(TRIGGER, ['*|*'], { n: 21 });
    expect(await ok.next()).toEqual({ done: false, value: { doubled: 42 } });
    await expect(broken.next()).rejects.toThrow('boom');
  });
});

describe('shared execution of indexed feeds', () => {
  let resolved = 0;
  const Row = new GraphQLObjectType({
    name: 'Row',
    fields: {
      regionId: { type: new GraphQLNonNull(GraphQLID) },
      category: { type: new GraphQLNonNull(GraphQLString) },
      available: {
        type: new GraphQLNonNull(GraphQLInt),
        resolve: (r: { available: number }) => {
          resolved++;
          return r.available;
        },
      },
      stale: { type: GraphQLBoolean },
    },
  });
  const live = new LivePubSub();
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLBoolean } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        availabilityChanged: {
          type: Row,
          args: { regionIds: { type: new GraphQLList(new GraphQLNonNull(GraphQLID)) } },
          resolve: (row: unknown) => row,
          subscribe: (_: unknown, args: { regionIds?: string[] }) => live.feed(TRIGGER, availabilityKeys(args)),
        },
        // The same, as an ordinary (non-indexed) async iterator: the normal graphql-js path.
        ordinary: {
          type: Row,
          args: { regionIds: { type: new GraphQLList(new GraphQLNonNull(GraphQLID)) } },
          resolve: (row: unknown) => row,
          subscribe: () => live.asyncIterableIterator(TRIGGER),
        },
      },
    }),
  });
  const argsFor = (query: string, variableValues: Record<string, unknown> = {}, contextValue: unknown = {}): ExecutionArgs => {
    const document = sharedParse(query);
    expect(validate(schema, document)).toEqual([]);
    return { schema, document, variableValues, contextValue };
  };
  const first = async (stream: unknown) => (await (stream as AsyncIterator<unknown>).next()).value;

  it('gives the same payload as graphql-js for selections, aliases, fragments and directives, executing once per distinct query', async () => {
    const queries = [
      `subscription { availabilityChanged(regionIds: ["r1"]) { regionId available } }`,
      `subscription S($x: Boolean!) { a: availabilityChanged(regionIds: ["r1"]) { where: regionId ...F stale @include(if: $x) } } fragment F on Row { free: available category }`,
    ];
    const viaFeed = [
      await sharedSubscribe(argsFor(queries[0])),
      await sharedSubscribe(argsFor(queries[0], {}, { principal: 'someone else' })),
      await sharedSubscribe(argsFor(queries[1], { x: true })),
      await sharedSubscribe(argsFor(queries[1], { x: false })),
    ];
    // graphql-js itself on the same documents, through the ordinary iterator.
    const ordinaryText = (q: string) => q.replace(/availabilityChanged/, 'ordinary');
    const viaGraphql = [
      await subscribe(argsFor(ordinaryText(queries[0]))),
      await subscribe(argsFor(ordinaryText(queries[1]), { x: true })),
      await subscribe(argsFor(ordinaryText(queries[1]), { x: false })),
    ];
    const event = { regionId: 'r1', category: 'CRISIS', available: 3, stale: false };
    resolved = 0;
    // graphql-subscriptions listens from the first next() on: ask before publishing.
    const fastNext = viaFeed.map(first);
    const normalNext = viaGraphql.map(first);
    await live.fanOut(TRIGGER, availabilityEventKeys(event), event);
    await live.publish(TRIGGER, event);
    const fast = await Promise.all(fastNext);
    const normal = await Promise.all(normalNext);
    const rename = (r: unknown) => JSON.parse(JSON.stringify(r).replace(/"ordinary"/, '"availabilityChanged"'));
    expect(fast[0]).toEqual(rename(normal[0]));
    expect(fast[0]).toEqual({ data: { availabilityChanged: { regionId: 'r1', available: 3 } } });
    expect(fast[2]).toEqual({ data: { a: { where: 'r1', free: 3, category: 'CRISIS', stale: false } } });
    expect(JSON.stringify(fast[2])).toBe(JSON.stringify(normal[1]));
    expect(JSON.stringify(fast[3])).toBe(JSON.stringify(normal[2]));
    expect(fast[3]).toEqual({ data: { a: { where: 'r1', free: 3, category: 'CRISIS' } } });
    // Two subscribers of the same text and variables share one result object, whoever they are.
    expect(fast[1]).toBe(fast[0]);
    // 3 distinct (query, variables) on the fast path + 3 on the normal path.
    expect(resolved).toBe(6);
  });

  it('keys executions by query text, operation and variables', () => {
    const q = `subscription { availabilityChanged { regionId } }`;
    expect(executionKey(argsFor(q, { a: 1 }))).toBe(executionKey(argsFor(q, { a: 1 })));
    expect(executionKey(argsFor(q, { a: 1 }))).not.toBe(executionKey(argsFor(q, { a: 2 })));
    expect(executionKey(argsFor(q))).not.toBe(executionKey(argsFor(q.replace('regionId', 'r: regionId'))));
  });

  it('parses and validates one subscription text once', () => {
    const text = `subscription { availabilityChanged { regionId } }`;
    expect(sharedParse(text)).toBe(sharedParse(text));
    let validations = 0;
    const check = sharedValidate((s, d) => (validations++, validate(s, d)));
    expect(check(schema, sharedParse(text))).toEqual([]);
    expect(check(schema, sharedParse(text))).toEqual([]);
    expect(validations).toBe(1);
    const bad = check(schema, sharedParse(`subscription { availabilityChanged { nope } }`));
    expect(bad.map((e) => e.message)).toEqual(['Cannot query field "nope" on type "Row".']);
  });

  it('leaves streams that are not indexed feeds to graphql-js mapping', async () => {
    const stream = await sharedSubscribe(argsFor(`subscription { ordinary { regionId } }`));
    expect(stream).not.toBeInstanceOf(FanoutFeed);
    const event = { regionId: 'r9', category: 'MEN', available: 0 };
    const next = first(stream);
    await live.publish(TRIGGER, event);
    expect(await next).toEqual({ data: { ordinary: { regionId: 'r9' } } });
  });
});
