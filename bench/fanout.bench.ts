import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { BenchShelter } from './fixtures.js';
import {
  GraphQLHttpClient, HOST, httpGet, LatencySummary, median, metricValue, now, round, sleep, summarise, withTimeout,
} from './support.js';

const CONNECT_BATCH = 50;
const CONNECT_TIMEOUT_MS = 20_000;
const ROUND_TIMEOUT_MS = 15_000;
const PAUSE_BETWEEN_ROUNDS_MS = 200;

export const SUBSCRIPTION = `subscription Live($regionIds: [ID!], $categories: [PlaceCategory!]) {
  availabilityChanged(regionIds: $regionIds, categories: $categories) {
    regionId category placesTotal available held occupied outOfService freeBeds largestHouseholdAdmissible stale updatedAt
  }
}`;
export const SET_STATUS = `mutation Set($input: SetPlaceStatusInput!) { setPlaceStatus(input: $input) { id status version } }`;
export const AVAILABILITY = `query A($regionIds: [ID!], $categories: [PlaceCategory!]) {
  availability(regionIds: $regionIds, categories: $categories) { outOfService }
}`;

export type Row = Record<string, unknown> & { outOfService: number };

/** Each call switches the shelter's first place between AVAILABLE and OUT_OF_SERVICE: one push per call. */
export function placeToggle(gql: GraphQLHttpClient, shelter: BenchShelter, token: string): () => Promise<void> {
  const place = shelter.places[0];
  let status = 'AVAILABLE';
  return async () => {
    status = status === 'AVAILABLE' ? 'OUT_OF_SERVICE' : 'AVAILABLE';
    const data = await gql.call<{ setPlaceStatus: { version: number } }>(
      SET_STATUS,
      { input: { placeId: place.id, expectedVersion: place.version, status, reason: 'bench fan-out' } },
      token,
    );
    place.version = data.setPlaceStatus.version;
  };
}

export interface MemorySample {
  rssBytes: number;
  heapUsedBytes: number;
}

export interface FanoutResult {
  subscribers: number;
  connected: number;
  rounds: number;
  /** Receipt at each subscriber, from just before the change was sent; every round, every subscriber. */
  deliveryMs: LatencySummary;
  /** Per round: until the last subscriber had it. */
  lastDeliveryMs: { median: number; max: number };
  /** The triggering call itself (setPlaceStatus round trip, or the POST /broadcast). */
  triggerMs: LatencySummary;
  missed: number;
  stray: number;
  memoryBefore: MemorySample;
  memoryAfter: MemorySample;
  /** The service's event-loop delay over the measured rounds (prom-client resets it on each scrape). */
  serviceEventLoopDelayMs?: { max: number; p99: number };
  rssPerSubscriberKiB: number;
  heapPerSubscriberKiB: number;
  connectSeconds: number;
}

/**
 * Collects, per round, when each subscriber received the round's value. A round is recognised by
 * the value it carries (outOfService alternates), so a late or duplicate message is counted as
 * stray and never taken for the next round's delivery.
 */
class DeliveryRounds {
  private expected?: number;
  private t0 = 0;
  private received: Float64Array;
  private count = 0;
  private allIn?: () => void;
  stray = 0;

  constructor(private readonly subscribers: number) {
    this.received = new Float64Array(subscribers);
  }

  begin(expected: number): void {
    this.expected = expected;
    this.received.fill(NaN);
    this.count = 0;
    this.t0 = now();
  }

  receive(subscriber: number, value: unknown): void {
    const at = now();
    if (value !== this.expected || !Number.isNaN(this.received[subscriber])) {
      this.stray++;
      return;
    }
    this.received[subscriber] = at - this.t0;
    if (++this.count === this.subscribers) this.allIn?.();
  }

  /** The round's latencies once everyone has it, or what arrived before the timeout. */
  async end(timeoutMs: number): Promise<{ latencies: number[]; missed: number }> {
    if (this.count < this.subscribers) {
      const all = new Promise<void>((resolve) => (this.allIn = resolve));
      await withTimeout(all, timeoutMs, 'round delivery').catch(() => undefined);
      this.allIn = undefined;
    }
    const latencies = Array.from(this.received).filter((v) => !Number.isNaN(v));
    this.expected = undefined;
    return { latencies, missed: this.subscribers - latencies.length };
  }
}

async function runRounds(
  tracker: DeliveryRounds,
  rounds: number,
  valueOfRound: (round: number) => number,
  trigger: (round: number) => Promise<void>,
) {
  const deliveries: number[] = [];
  const lastDeliveries: number[] = [];
  const triggers: number[] = [];
  let missed = 0;
  for (let r = 0; r < rounds; r++) {
    tracker.begin(valueOfRound(r));
    const t0 = now();
    await trigger(r);
    triggers.push(now() - t0);
    const round = await tracker.end(ROUND_TIMEOUT_MS);
    deliveries.push(...round.latencies);
    if (round.latencies.length) lastDeliveries.push(Math.max(...round.latencies));
    missed += round.missed;
    await sleep(PAUSE_BETWEEN_ROUNDS_MS);
  }
  return { deliveries, lastDeliveries, triggers, missed };
}

/**
 * Lowest of samples over a few quiet seconds: a heap reading between collections carries garbage,
 * and the lowest one carries least (we cannot force a GC in a production-started process).
 */
async function lowestMemory(read: () => Promise<MemorySample>, samples = 6): Promise<MemorySample> {
  const taken: MemorySample[] = [];
  for (let i = 0; i < samples; i++) {
    await sleep(500);
    taken.push(await read());
  }
  return {
    rssBytes: Math.min(...taken.map((s) => s.rssBytes)),
    heapUsedBytes: Math.min(...taken.map((s) => s.heapUsedBytes)),
  };
}

/** Delivery figures of the measured rounds, the same for the service and the bare baseline. */
function roundStats(measured: Awaited<ReturnType<typeof runRounds>>, stray: number) {
  return {
    deliveryMs: summarise(measured.deliveries),
    lastDeliveryMs: { median: round(median(measured.lastDeliveries)), max: round(Math.max(...measured.lastDeliveries)) },
    triggerMs: summarise(measured.triggers),
    missed: measured.missed,
    stray,
  };
}

function perSubscriberKiB(before: MemorySample, after: MemorySample, n: number) {
  return {
    rssPerSubscriberKiB: round((after.rssBytes - before.rssBytes) / n / 1024, 1),
    heapPerSubscriberKiB: round((after.heapUsedBytes - before.heapUsedBytes) / n / 1024, 1),
  };
}

/** Connects in batches: a thousand SYNs at once overflow the listen backlog and measure retries. */
async function inBatches<T>(count: number, open: (i: number) => Promise<T>): Promise<T[]> {
  const opened: T[] = [];
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, k) => open(start + k));
    opened.push(...(await Promise.all(batch)));
  }
  return opened;
}

// ---------------------------------------------------------------------------------------------
// Through the service: graphql-ws subscribers of availabilityChanged

export async function graphqlFanout(options: {
  serviceUrl: string;
  gql: GraphQLHttpClient;
  /** For the triggering mutation. */
  token: string;
  /** One per subscriber: a thousand people watching, not one person with a thousand tabs. */
  subscriberTokens: string[];
  shelter: BenchShelter;
  subscribers: number;
  rounds: number;
  log: (line: string) => void;
}): Promise<FanoutResult & { sampleRow?: Row }> {
  const { serviceUrl, gql, token, subscriberTokens, shelter, subscribers, rounds, log } = options;
  const filter = { regionIds: [shelter.regionId], categories: [shelter.category] };
  const serviceMemory = async (): Promise<MemorySample> => {
    const { body } = await httpGet(`${serviceUrl}/metrics`);
    return {
      rssBytes: metricValue(body, 'opvangnet_process_resident_memory_bytes') ?? NaN,
      heapUsedBytes: metricValue(body, 'opvangnet_nodejs_heap_size_used_bytes') ?? NaN,
    };
  };

  const memoryBefore = await lowestMemory(serviceMemory);
  const tracker = new DeliveryRounds(subscribers);
  let sampleRow: Row | undefined;
  const clients: Client[] = [];
  const connectStart = now();
  log(`connecting ${subscribers} graphql-ws subscribers`);
  try {
    const wsUrl = `${serviceUrl.replace(/^http/, 'ws')}/graphql`;
    const connected = await inBatches(subscribers, async (i) => {
      let onConnected!: () => void;
      let onFailed!: (err: unknown) => void;
      const ready = new Promise<void>((resolve, reject) => ((onConnected = resolve), (onFailed = reject)));
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${subscriberTokens[i]}` },
        lazy: false,
        retryAttempts: 0,
        on: { connected: () => onConnected(), closed: (event) => onFailed(new Error(`closed: ${JSON.stringify(event)}`)), error: onFailed },
        onNonLazyError: onFailed,
      });
      clients.push(client);
      try {
        await withTimeout(ready, CONNECT_TIMEOUT_MS, 'graphql-ws connection_ack');
      } catch {
        return false;
      }
      client.subscribe<{ availabilityChanged: Row }>(
        { query: SUBSCRIPTION, variables: filter },
        {
          next: (message) => {
            const row = message.data?.availabilityChanged;
            if (row) {
              sampleRow ??= row;
              tracker.receive(i, row.outOfService);
            }
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return true;
    });
    const connectSeconds = round((now() - connectStart) / 1000);
    const connectedCount = connected.filter(Boolean).length;
    log(`${connectedCount} connected in ${connectSeconds} s`);

    const [{ outOfService: base }] = (
      await gql.call<{ availability: Array<{ outOfService: number }> }>(AVAILABILITY, filter, token)
    ).availability;
    const toggle = placeToggle(gql, shelter, token);
    // Round k takes the place out of service on even k and back on odd k.
    const valueOfRound = (r: number) => base + (r % 2 === 0 ? 1 : 0);

    // One unmeasured round: proves every subscription is live on the server before timing starts.
    const warm = await runRounds(tracker, 2, valueOfRound, toggle);
    log(`warm-up: ${subscribers * 2 - warm.missed}/${subscribers * 2} deliveries`);
    const memoryAfter = await lowestMemory(serviceMemory);
    tracker.stray = 0;

    log(`${rounds} measured rounds`);
    const measured = await runRounds(tracker, rounds, valueOfRound, toggle);
    const metrics = (await httpGet(`${serviceUrl}/metrics`)).body;
    const lagMs = (name: string) => round(1000 * (metricValue(metrics, `opvangnet_nodejs_eventloop_lag_${name}_seconds`) ?? NaN), 1);
    return {
      subscribers,
      connected: connectedCount,
      rounds,
      ...roundStats(measured, tracker.stray),
      memoryBefore,
      memoryAfter,
      serviceEventLoopDelayMs: { max: lagMs('max'), p99: lagMs('p99') },
      ...perSubscriberKiB(memoryBefore, memoryAfter, subscribers),
      connectSeconds,
      sampleRow,
    };
  } finally {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose()).catch(() => undefined)));
  }
}

// ---------------------------------------------------------------------------------------------
// Baseline: a bare ws server broadcasting the same JSON text

async function startBroadcastServer(): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./ws-broadcast-server.js', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  try {
    const [line] = (await withTimeout(once(lines, 'line'), 10_000, 'ws broadcast server start')) as [string];
    return { child, port: (JSON.parse(line) as { port: number }).port };
  } catch (err) {
    child.kill('SIGTERM');
    throw err;
  }
}

function post(port: number, path: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, path, method: 'POST', headers: { 'content-length': Buffer.byteLength(body) }, timeout: 10_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('timeout', () => req.destroy(new Error('broadcast timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

export async function bareWsFanout(options: { subscribers: number; rounds: number; row: Row; log: (line: string) => void }): Promise<FanoutResult> {
  const { subscribers, rounds, row, log } = options;
  const { child, port } = await startBroadcastServer();
  const sockets: WebSocket[] = [];
  const exited = once(child, 'exit');
  try {
    const memory = async (): Promise<MemorySample> => {
      const { body } = await httpGet(`http://${HOST}:${port}/memory`);
      const m = JSON.parse(body) as { rss: number; heapUsed: number };
      return { rssBytes: m.rss, heapUsedBytes: m.heapUsed };
    };
    const memoryBefore = await lowestMemory(memory);
    const tracker = new DeliveryRounds(subscribers);
    const connectStart = now();
    log(`connecting ${subscribers} bare ws clients`);
    const connected = await inBatches(subscribers, async (i) => {
      const socket = new WebSocket(`ws://${HOST}:${port}/`);
      sockets.push(socket);
      // Parse like the graphql-ws client does, so both sides pay for JSON.parse.
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { payload: { data: { availabilityChanged: Row } } };
        tracker.receive(i, message.payload.data.availabilityChanged.outOfService);
      });
      socket.on('error', () => undefined);
      try {
        await withTimeout(once(socket, 'open'), CONNECT_TIMEOUT_MS, 'ws open');
        return true;
      } catch {
        return false;
      }
    });
    const connectSeconds = round((now() - connectStart) / 1000);
    const connectedCount = connected.filter(Boolean).length;
    log(`${connectedCount} connected in ${connectSeconds} s`);

    // The same text graphql-ws sends: a `next` message around the same availability row.
    const id = randomUUID();
    const base = row.outOfService;
    const valueOfRound = (r: number) => base + (r % 2 === 0 ? 1 : 0);
    const broadcast = (r: number) =>
      post(port, '/broadcast', JSON.stringify({ id, type: 'next', payload: { data: { availabilityChanged: { ...row, outOfService: valueOfRound(r) } } } }));

    await runRounds(tracker, 2, valueOfRound, broadcast);
    const memoryAfter = await lowestMemory(memory);
    tracker.stray = 0;
    const measured = await runRounds(tracker, rounds, valueOfRound, broadcast);
    return {
      subscribers,
      connected: connectedCount,
      rounds,
      ...roundStats(measured, tracker.stray),
      memoryBefore,
      memoryAfter,
      ...perSubscriberKiB(memoryBefore, memoryAfter, subscribers),
      connectSeconds,
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    child.kill('SIGTERM');
    await withTimeout(exited, 5000, 'ws broadcast server stop').catch(() => child.kill('SIGKILL'));
  }
}
