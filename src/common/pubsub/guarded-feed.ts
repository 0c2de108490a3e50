/** What a guard says about one event for one subscriber. */
export type FeedVerdict = 'deliver' | 'skip' | 'revoke';

/** Yielded once when access is gone; the subscription's resolve turns it into an error, then the feed ends. */
export const ACCESS_REVOKED = Symbol('access revoked');

/**
 * Re-checks every event against the subscriber's access at that moment, like a query would. A
 * plain iterator (not an async generator) so that unsubscribing ends a pending wait at once.
 */
export function guardedFeed<T>(
  source: AsyncIterator<T>,
  verdict: (event: T) => Promise<FeedVerdict>,
): AsyncIterableIterator<T | typeof ACCESS_REVOKED> {
  let ended = false;
  const end = async () => {
    ended = true;
    await source.return?.();
    return { done: true as const, value: undefined };
  };
  return {
    async next() {
      while (!ended) {
        const item = await source.next();
        if (item.done || ended) return end();
        const decision = await verdict(item.value);
        if (decision === 'deliver') return { done: false, value: item.value };
        if (decision === 'revoke') {
          await end();
          return { done: false, value: ACCESS_REVOKED };
        }
      }
      return { done: true, value: undefined };
    },
    return: end,
    async throw(err?: unknown) {
      await end();
      throw err;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
