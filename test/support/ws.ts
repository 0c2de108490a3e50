import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscription<T> {
  /** Messages received so far. */
  received: T[];
  /** Waits for the next message not yet taken, or fails after `ms`. */
  next(ms?: number): Promise<T>;
  /** Resolves true if no message arrives within `ms`. */
  quiet(ms: number): Promise<boolean>;
  errors: unknown[];
}

/** A real graphql-ws client (the protocol browsers use), authenticated in connection_init. */
export function wsClient(httpUrl: string, token?: string): Client & { closedWith: () => number | undefined } {
  let closeCode: number | undefined;
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => (closeCode = (event as { code?: number }).code) },
  });
  return Object.assign(client, { closedWith: () => closeCode });
}

export async function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Promise<Subscription<T>> {
  const received: T[] = [];
  const errors: unknown[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  let acknowledged!: () => void;
  const ready = new Promise<void>((r) => (acknowledged = r));
  client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        else received.push(Object.values(value.data as object)[0] as T);
        waiters.splice(0).forEach((w) => w());
      },
      error: (err) => {
        errors.push(err);
        waiters.splice(0).forEach((w) => w());
      },
      complete: () => undefined,
    },
  );
  // graphql-ws has no per-subscription ack; a short settle lets the server register it.
  setTimeout(acknowledged, 150);
  await ready;
  const arrived = () => new Promise<void>((r) => waiters.push(r));
  return {
    received,
    errors,
    async next(ms = 5000) {
      const deadline = Date.now() + ms;
      while (received.length <= taken) {
        if (errors.length) throw new Error(`subscription failed: ${JSON.stringify(errors)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no message within ${ms} ms`);
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([arrived(), new Promise((r) => (timer = setTimeout(r, left)))]);
        clearTimeout(timer);
      }
      return received[taken++];
    },
    async quiet(ms) {
      const before = received.length;
      await new Promise((r) => setTimeout(r, ms));
      return received.length === before;
    },
  };
}
