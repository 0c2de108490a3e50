import { PubSubEngine } from 'graphql-subscriptions';
import pg from 'pg';

type Listener = (payload: unknown) => void;

export interface PostgresPubSubOptions {
  connectionString: string;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5000;

/**
 * graphql-subscriptions engine on PostgreSQL LISTEN/NOTIFY: every instance of the service that
 * shares the database hears every message. A NOTIFY sent inside a transaction is delivered only
 * when it commits, exactly once per listening connection, in commit order.
 *
 * One dedicated connection per process listens. When it drops, the engine reconnects with
 * backoff, LISTENs again on every channel in use and calls `onReconnect`, so the owner can push a
 * fresh snapshot for whatever was missed. Messages are never replayed, so never duplicated.
 */
export class PostgresPubSub extends PubSubEngine {
  private client?: pg.Client;
  private connecting?: Promise<void>;
  private closed = false;
  private backoffMs = MIN_BACKOFF_MS;
  private nextId = 1;
  private readonly subscriptions = new Map<number, { channel: string; listener: Listener }>();
  private readonly channels = new Map<string, number>();
  private readonly reconnectListeners: (() => void)[] = [];

  constructor(private readonly options: PostgresPubSubOptions) {
    super();
  }

  /** Channel names are SQL identifiers: only [a-z0-9_] reach the LISTEN statement. */
  static channelName(trigger: string): string {
    const name = trigger.toLowerCase().replace(/[^a-z0-9_]/g, '_');
    if (!name || name.length > 63) throw new Error(`invalid channel name: ${trigger}`);
    return name;
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    const client = await this.connected();
    await client.query('SELECT pg_notify($1, $2)', [PostgresPubSub.channelName(trigger), JSON.stringify(payload)]);
  }

  async subscribe(trigger: string, onMessage: Listener): Promise<number> {
    const channel = PostgresPubSub.channelName(trigger);
    const id = this.nextId++;
    this.subscriptions.set(id, { channel, listener: onMessage });
    const count = this.channels.get(channel) ?? 0;
    this.channels.set(channel, count + 1);
    if (count === 0) {
      const client = await this.connected();
      await client.query(`LISTEN "${channel}"`);
    }
    return id;
  }

  unsubscribe(id: number): void {
    const subscription = this.subscriptions.get(id);
    if (!subscription) return;
    this.subscriptions.delete(id);
    const count = (this.channels.get(subscription.channel) ?? 1) - 1;
    if (count > 0) {
      this.channels.set(subscription.channel, count);
      return;
    }
    this.channels.delete(subscription.channel);
    this.client?.query(`UNLISTEN "${subscription.channel}"`).catch(() => undefined);
  }

  /** Called after the LISTEN connection was lost and is back: notifications in between are gone. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Nest lifecycle: the engine is a provider, closed with the application. */
  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  /** Connects now, so a broken database URL shows at start rather than at the first subscriber. */
  async start(): Promise<void> {
    await this.connected();
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    if (this.closed) return Promise.reject(new Error('pubsub is closed'));
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting.then(() => {
      if (!this.client) throw new Error('pubsub is not connected');
      return this.client;
    });
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'opvangnet-listen' });
    client.on('notification', (msg) => this.deliver(msg.channel, msg.payload));
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    await client.connect();
    for (const channel of this.channels.keys()) await client.query(`LISTEN "${channel}"`);
    this.client = client;
    this.backoffMs = MIN_BACKOFF_MS;
  }

  private deliver(channel: string, payload: string | undefined): void {
    let message: unknown;
    try {
      message = payload === undefined ? undefined : JSON.parse(payload);
    } catch {
      this.options.log?.warn({ channel }, 'ignored a notification that is not JSON');
      return;
    }
    for (const { channel: wanted, listener } of this.subscriptions.values()) {
      if (wanted === channel) listener(message);
    }
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    client.removeAllListeners('end');
    client.on('error', () => undefined);
    client.end().catch(() => undefined);
    this.options.log?.warn({ err: err.message }, 'pubsub connection lost; reconnecting');
    void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    while (!this.closed && !this.client) {
      await new Promise((r) => setTimeout(r, this.backoffMs));
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
      try {
        await this.connected();
        this.options.log?.info({ channels: [...this.channels.keys()] }, 'pubsub reconnected');
        for (const listener of this.reconnectListeners) listener();
      } catch {
        // still down: try again after the next backoff
      }
    }
  }
}
