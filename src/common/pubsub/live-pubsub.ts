import { EventEmitter } from 'node:events';
import { PubSub } from 'graphql-subscriptions';

/** How many subscribers get an event before the fan-out yields to the event loop (setImmediate). */
export const FANOUT_SLICE = 32;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/** A map that threw: kept as a value (not a rejected promise) until the subscriber asks for it. */
class MapFailure {
  constructor(readonly error: unknown) {}
}

/** A queued value as an iterator result; a mapped value may be a promise (async execution). */
function settled(value: unknown): Promise<IteratorResult<unknown>> {
  if (value instanceof MapFailure) return Promise.reject(value.error);
  return isThenable(value) ? Promise.resolve(value).then((v) => ({ done: false, value: v })) : Promise.resolve({ done: false, value });
}

/**
 * One subscriber of an indexed trigger: a plain async iterator with a small queue, registered under
 * the index keys it asked for. `map`, when set by whoever consumes the feed (see
 * shared-execution.ts), turns an event into what `next()` yields, so one event can become one shared
 * result for many subscribers instead of a chain of iterators per subscriber.
 */
export class FanoutFeed<T = unknown> implements AsyncIterableIterator<unknown> {
  map?: (event: T) => unknown;
  private queue: unknown[] = [];
  private waiting?: (result: IteratorResult<unknown>) => void;
  private ended = false;

  constructor(
    readonly keys: readonly string[],
    private readonly detach: (feed: FanoutFeed<T>) => void,
  ) {}

  /** Called by the fan-out; never throws into it (a failing map ends only this subscriber's wait). */
  push(event: T): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      // Resolving with a promise adopts it: a failure rejects this subscriber's next() only.
      resolve(settled(this.apply(event)) as unknown as IteratorResult<unknown>);
    } else {
      // Mapped when taken: an event that arrives before the subscription's mapping is attached is
      // never sent as the bare row.
      this.queue.push(event);
    }
  }

  private apply(event: T): unknown {
    try {
      return this.map ? this.map(event) : event;
    } catch (error) {
      return new MapFailure(error);
    }
  }

  next(): Promise<IteratorResult<unknown>> {
    if (this.queue.length > 0) return settled(this.apply(this.queue.shift() as T));
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<unknown>> {
    if (!this.ended) {
      this.ended = true;
      this.queue = [];
      this.detach(this);
      this.waiting?.({ done: true, value: undefined });
      this.waiting = undefined;
    }
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(err?: unknown): Promise<IteratorResult<unknown>> {
    void this.return();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/**
 * The in-process fan-out of one instance.
 *
 * Ordinary triggers go through graphql-subscriptions' PubSub: every subscriber is one listener,
 * so the listener limit is lifted (a thousand watchers are normal, not a leak).
 *
 * Indexed triggers (`feed` / `fanOut`) are for the national-scale feeds: each subscriber is
 * registered under the keys it asked for, so an event touches only the subscribers of its keys
 * rather than testing every one, and the deliveries go out in slices of FANOUT_SLICE with
 * setImmediate between them, so ten thousand subscribers do not hold the event loop in one go.
 * Slices are small (32: about 1-2 ms of sends on a quiet core) because the event-loop delay during a
 * push is what other requests wait; 256 gave a p99 of about 105 ms at 10,000 on a loaded machine, 64
 * gave 58 ms, 32 gave 27 ms, with no loss in delivery latency (BENCHMARKS.md).
 * Events are delivered one after another in publish order: a subscriber never sees them reordered.
 */
export class LivePubSub extends PubSub<Record<string, unknown>> {
  private readonly index = new Map<string, Map<string, Set<FanoutFeed>>>();
  private readonly feedCounts = new Map<string, number>();
  private readonly jobs: Array<{ targets: FanoutFeed[]; event: unknown; done: () => void }> = [];
  private draining = false;

  constructor() {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    super({ eventEmitter: emitter });
  }

  hasSubscribers(trigger: string): boolean {
    return this.ee.listenerCount(trigger) > 0 || (this.feedCounts.get(trigger) ?? 0) > 0;
  }

  /** A subscriber of an indexed trigger, registered under each of `keys` (deduplicated). */
  feed<T>(trigger: string, keys: readonly string[]): FanoutFeed<T> {
    const unique = [...new Set(keys)];
    const byKey = this.index.get(trigger) ?? new Map<string, Set<FanoutFeed>>();
    this.index.set(trigger, byKey);
    const feed = new FanoutFeed<T>(unique, (f) => {
      for (const key of f.keys) {
        const set = byKey.get(key);
        set?.delete(f as FanoutFeed);
        if (set?.size === 0) byKey.delete(key);
      }
      this.feedCounts.set(trigger, (this.feedCounts.get(trigger) ?? 1) - 1);
    });
    for (const key of unique) {
      let set = byKey.get(key);
      if (!set) byKey.set(key, (set = new Set()));
      set.add(feed as FanoutFeed);
    }
    this.feedCounts.set(trigger, (this.feedCounts.get(trigger) ?? 0) + 1);
    return feed;
  }

  /**
   * Delivers `event` to the subscribers of `trigger` registered under any of `keys`. A subscriber
   * must be registered under at most one of the keys an event can carry (true of
   * availabilityKeys/availabilityEventKeys), so nobody gets an event twice; a Set guards anyway.
   * Resolves once every target has it queued.
   */
  fanOut(trigger: string, keys: readonly string[], event: unknown): Promise<void> {
    const byKey = this.index.get(trigger);
    if (!byKey) return Promise.resolve();
    const targets = new Set<FanoutFeed>();
    for (const key of keys) for (const feed of byKey.get(key) ?? []) targets.add(feed);
    if (targets.size === 0) return Promise.resolve();
    return new Promise((done) => {
      this.jobs.push({ targets: [...targets], event, done });
      if (!this.draining) this.drain();
    });
  }

  private drain(): void {
    this.draining = true;
    const job = this.jobs[0];
    let at = 0;
    const slice = () => {
      const end = Math.min(at + FANOUT_SLICE, job.targets.length);
      for (; at < end; at++) job.targets[at].push(job.event);
      if (at < job.targets.length) return void setImmediate(slice);
      this.jobs.shift();
      job.done();
      if (this.jobs.length > 0) setImmediate(() => this.drain());
      else this.draining = false;
    };
    slice();
  }
}
