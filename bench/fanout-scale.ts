import { ChildProcess, fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { BenchEnvironment, ROOT, startEnvironment } from './environment.js';
import { AVAILABILITY, placeToggle, Row, SUBSCRIPTION } from './fanout.bench.js';
import { createBenchShelter, regionIds } from './fixtures.js';
import {
  GraphQLHttpClient, HOST, httpGet, LatencySummary, median, metricValue, processSeconds, round, signToken, sleep, summarise, withTimeout,
} from './support.js';

/*
 * Live fan-out at national scale (issue 11): N graphql-ws subscribers of availabilityChanged spread
 * over one or more service instances on one database, against a bare `ws` broadcast to the same
 * number of clients in the same arrangement. The receivers live in FANOUT_CLIENT_PROCESSES child
 * processes (bench/fanout-clients.ts), so no single receiving event loop is what is measured.
 *
 *   FANOUT_SUBSCRIBERS=10000 FANOUT_INSTANCES=1 npm run bench:fanout
 *   FANOUT_SUBSCRIBERS=10000 FANOUT_INSTANCES=2 npm run bench:fanout    # 2 x 5,000
 *
 * Other settings: FANOUT_ROUNDS (20), FANOUT_CLIENT_PROCESSES (4), FANOUT_LABEL (file name part).
 * The change is always made through instance 1; with 2 instances, subscribers alternate between
 * them, so instance 2 hears it only through PostgreSQL LISTEN/NOTIFY. Event-loop delay is the
 * service's own (prom-client's monitorEventLoopDelay, reset at each /metrics scrape): the bench
 * scrapes just before the measured rounds and right after them, so the figure covers the rounds.
 */

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SUBSCRIBERS = env('FANOUT_SUBSCRIBERS', 10_000);
const INSTANCES = env('FANOUT_INSTANCES', 1);
const ROUNDS = env('FANOUT_ROUNDS', 20);
const PROCESSES = env('FANOUT_CLIENT_PROCESSES', 4);
const LABEL = process.env.FANOUT_LABEL ?? `${INSTANCES}x${SUBSCRIBERS / INSTANCES}`;
const ROUND_TIMEOUT_MS = 30_000;
const PAUSE_BETWEEN_ROUNDS_MS = 300;

// The same subscription, trigger and check as the 1,000-subscriber fan-out in bench:claims.
const log = (line: string) => process.stderr.write(`[fanout ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const clock = () => performance.timeOrigin + performance.now();

// ---------------------------------------------------------------------------------------------
// Receiver processes

class Receivers {
  private readonly children: ChildProcess[] = [];

  static async start(n: number): Promise<Receivers> {
    const r = new Receivers();
    const script = fileURLToPath(new URL('./fanout-clients.js', import.meta.url));
    for (let i = 0; i < n; i++) r.children.push(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    return r;
  }

  get pids(): number[] {
    return this.children.map((c) => c.pid!);
  }

  private ask<T>(child: ChildProcess, message: object, answer: string, timeoutMs = 600_000): Promise<T> {
    const reply = new Promise<T>((resolve) => {
      const on = (m: { type: string }) => {
        if (m.type === answer) {
          child.off('message', on);
          resolve(m as T);
        }
      };
      child.on('message', on);
    });
    child.send(message);
    return withTimeout(reply, timeoutMs, `receiver ${answer}`);
  }

  async connect(mode: 'graphql' | 'ws', urls: string[], tokens: string[], variables: Record<string, unknown>) {
    const share = Math.ceil(tokens.length / this.children.length);
    const answers = await Promise.all(
      this.children.map((child, k) =>
        this.ask<{ ok: number; failed: number }>(child, { type: 'connect', mode, urls, tokens: tokens.slice(k * share, (k + 1) * share), query: SUBSCRIPTION, variables }, 'connected'),
      ),
    );
    return answers.reduce((a, b) => ({ ok: a.ok + b.ok, failed: a.failed + b.failed }), { ok: 0, failed: 0 });
  }

  async begin(expected: number): Promise<void> {
    await Promise.all(this.children.map((c) => this.ask(c, { type: 'begin', expected }, 'begun', 10_000)));
  }

  async end(timeoutMs: number) {
    const answers = await Promise.all(
      this.children.map((c) => this.ask<{ times: number[]; missed: number; stray: number; sampleRow?: Row }>(c, { type: 'end', timeoutMs }, 'round', timeoutMs + 10_000)),
    );
    return {
      times: answers.flatMap((a) => a.times),
      missed: answers.reduce((s, a) => s + a.missed, 0),
      stray: answers.reduce((s, a) => s + a.stray, 0),
      sampleRow: answers.find((a) => a.sampleRow)?.sampleRow,
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(async (c) => {
        if (c.exitCode !== null) return;
        const exited = once(c, 'exit');
        c.send({ type: 'close' });
        await withTimeout(exited, 30_000, 'receiver exit').catch(() => c.kill('SIGKILL'));
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers

interface Sample {
  rssBytes: number;
  heapUsedBytes: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

async function lowest(read: () => Promise<Sample>, samples = 6): Promise<Sample> {
  const taken: Sample[] = [];
  for (let i = 0; i < samples; i++) {
    await sleep(500);
    taken.push(await read());
  }
  return { ...taken[taken.length - 1], rssBytes: Math.min(...taken.map((s) => s.rssBytes)), heapUsedBytes: Math.min(...taken.map((s) => s.heapUsedBytes)) };
}

async function serviceSample(serviceUrl: string): Promise<Sample> {
  const { body } = await httpGet(`${serviceUrl}/metrics`);
  return {
    rssBytes: metricValue(body, 'opvangnet_process_resident_memory_bytes') ?? NaN,
    heapUsedBytes: metricValue(body, 'opvangnet_nodejs_heap_size_used_bytes') ?? NaN,
    loopP99Ms: round(1000 * (metricValue(body, 'opvangnet_nodejs_eventloop_lag_p99_seconds') ?? NaN), 1),
    loopMaxMs: round(1000 * (metricValue(body, 'opvangnet_nodejs_eventloop_lag_max_seconds') ?? NaN), 1),
  };
}

async function bareSample(port: number): Promise<Sample> {
  const { body } = await httpGet(`http://${HOST}:${port}/memory`);
  const m = JSON.parse(body) as { rss: number; heapUsed: number; eventLoop: { p99Seconds: number; maxSeconds: number } };
  return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, loopP99Ms: round(1000 * m.eventLoop.p99Seconds, 1), loopMaxMs: round(1000 * m.eventLoop.maxSeconds, 1) };
}

/** CPU seconds so far of the machine and of each party, from /proc. */
function cpuNow(parties: Record<string, number[]>, postmasterPid?: number) {
  const [, ...fields] = (readProc('/proc/stat') ?? '').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq] = fields.map(Number);
  const out: Record<string, number> = { machine: (user + nice + system + irq + softirq) / 100 };
  for (const [name, pids] of Object.entries(parties)) out[name] = pids.reduce((s, pid) => s + (processSeconds(pid)?.seconds ?? 0), 0);
  if (postmasterPid) {
    let pgSeconds = 0;
    for (const entry of readdirProc()) {
      const p = processSeconds(entry);
      if (p && (entry === postmasterPid || p.ppid === postmasterPid)) pgSeconds += p.seconds;
    }
    out.postgres = pgSeconds;
  }
  return { at: clock(), seconds: out };
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
function readdirProc(): number[] {
  return readdirSync('/proc').map(Number).filter((n) => Number.isInteger(n));
}

/** Percent of one core per party over the window; "other" is the machine minus all of ours. */
function cpuPct(from: ReturnType<typeof cpuNow>, to: ReturnType<typeof cpuNow>): Record<string, number> {
  const seconds = (to.at - from.at) / 1000;
  const pct: Record<string, number> = {};
  let ours = 0;
  for (const name of Object.keys(to.seconds)) {
    // A PostgreSQL backend that ended inside the window takes its seconds with it: never below 0.
    const used = Math.max(0, to.seconds[name] - (from.seconds[name] ?? 0));
    pct[name] = round((100 * used) / seconds, 0);
    if (name !== 'machine') ours += used;
  }
  pct.other = round((100 * Math.max(0, to.seconds.machine - from.seconds.machine - ours)) / seconds, 0);
  return pct;
}

interface RunResult {
  path: string;
  subscribers: number;
  instances: number;
  connected: number;
  connectSeconds: number;
  rounds: number;
  deliveryMs: LatencySummary;
  lastDeliveryMs: { median: number; max: number };
  triggerMs: LatencySummary;
  missed: number;
  stray: number;
  heapPerSubscriberKiB: number;
  rssPerSubscriberKiB: number;
  /** Per instance (or bare server): event-loop delay over the measured rounds. */
  eventLoopDelayMs: Array<{ p99: number; max: number }>;
  cpuPct: Record<string, number>;
  memory: Array<{ before: Sample; after: Sample }>;
}

async function measure(options: {
  path: string;
  receivers: Receivers;
  servers: number;
  sample: (server: number) => Promise<Sample>;
  connect: () => Promise<{ ok: number; failed: number }>;
  valueOfRound: (r: number) => number;
  trigger: (r: number) => Promise<void>;
  parties: Record<string, number[]>;
  postmasterPid?: number;
}): Promise<{ result: RunResult; sampleRow?: Row }> {
  const { receivers, servers, sample } = options;
  const all = () => Promise.all(Array.from({ length: servers }, (_, k) => lowest(() => sample(k))));
  const before = await all();
  const connectStart = clock();
  log(`${options.path}: connecting ${SUBSCRIBERS} clients over ${PROCESSES} receiver processes`);
  const connected = await options.connect();
  const connectSeconds = round((clock() - connectStart) / 1000, 1);
  log(`${options.path}: ${connected.ok} connected, ${connected.failed} failed, in ${connectSeconds} s`);

  let sampleRow: Row | undefined;
  const rounds = async (n: number) => {
    const deliveries: number[] = [];
    const last: number[] = [];
    const triggers: number[] = [];
    let missed = 0;
    let stray = 0;
    for (let r = 0; r < n; r++) {
      await receivers.begin(options.valueOfRound(r));
      const t0 = clock();
      await options.trigger(r);
      triggers.push(clock() - t0);
      const got = await receivers.end(ROUND_TIMEOUT_MS);
      sampleRow ??= got.sampleRow;
      const latencies = got.times.map((t) => t - t0);
      for (const l of latencies) deliveries.push(l);
      if (latencies.length) last.push(latencies.reduce((a, b) => Math.max(a, b), 0));
      missed += got.missed;
      stray += got.stray;
      await sleep(PAUSE_BETWEEN_ROUNDS_MS);
    }
    return { deliveries, last, triggers, missed, stray };
  };
  const warm = await rounds(2);
  log(`${options.path}: warm-up ${SUBSCRIBERS * 2 - warm.missed}/${SUBSCRIBERS * 2} deliveries`);
  const after = await all(); // the last scrape also resets the event-loop histogram: the window starts here
  const cpuFrom = cpuNow(options.parties, options.postmasterPid);
  const measured = await rounds(ROUNDS);
  const cpuTo = cpuNow(options.parties, options.postmasterPid);
  const loops = await Promise.all(Array.from({ length: servers }, (_, k) => sample(k)));
  const grow = (pick: (s: Sample) => number) =>
    round(before.reduce((s, b, k) => s + pick(after[k]) - pick(b), 0) / SUBSCRIBERS / 1024, 1);
  log(`${options.path}: p50 ${round(median(measured.deliveries))} ms, missed ${measured.missed}`);
  return {
    sampleRow,
    result: {
      path: options.path,
      subscribers: SUBSCRIBERS,
      instances: servers,
      connected: connected.ok,
      connectSeconds,
      rounds: ROUNDS,
      deliveryMs: summarise(measured.deliveries),
      lastDeliveryMs: { median: round(median(measured.last)), max: round(Math.max(...measured.last)) },
      triggerMs: summarise(measured.triggers),
      missed: measured.missed,
      stray: measured.stray,
      heapPerSubscriberKiB: grow((s) => s.heapUsedBytes),
      rssPerSubscriberKiB: grow((s) => s.rssBytes),
      eventLoopDelayMs: loops.map((l) => ({ p99: l.loopP99Ms, max: l.loopMaxMs })),
      cpuPct: cpuPct(cpuFrom, cpuTo),
      memory: before.map((b, k) => ({ before: b, after: after[k] })),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Bare ws servers

async function startBroadcastServer(): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./ws-broadcast-server.js', import.meta.url));
  const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await withTimeout(once(lines, 'line'), 10_000, 'ws broadcast server start')) as [string];
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

function post(port: number, path: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, path, method: 'POST', headers: { 'content-length': Buffer.byteLength(body) }, timeout: 30_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('timeout', () => req.destroy(new Error('broadcast timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  let environment: BenchEnvironment | undefined;
  const cleanups: Array<() => Promise<unknown>> = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
    await environment?.stop();
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().finally(() => process.exit(143)));
  try {
    environment = await startEnvironment(log, { extraInstances: INSTANCES - 1 });
    const urls = environment.instances.map((i) => i.serviceUrl);
    const gql = new GraphQLHttpClient(environment.serviceUrl);
    const admin = await signToken('ADMIN');
    const coordinator = await signToken('COORDINATOR');
    const tokens = await Promise.all(Array.from({ length: SUBSCRIBERS }, (_, i) => signToken('COORDINATOR', { sub: `bench-watcher-${i + 1}` })));
    const regions = await regionIds(gql, admin);
    const regionId = regions.get('utrecht') ?? [...regions.values()][0]; // the fixture's address is in Utrecht
    const shelter = await createBenchShelter(gql, admin, { name: 'fan-out', regionId, category: 'SAFE_HOUSE', places: 1 });
    const variables = { regionIds: [shelter.regionId], categories: [shelter.category] };
    const [{ outOfService: base }] = (await gql.call<{ availability: Array<{ outOfService: number }> }>(AVAILABILITY, variables, coordinator)).availability;
    const valueOfRound = (r: number) => base + (r % 2 === 0 ? 1 : 0);

    // Through the service.
    let receivers = await Receivers.start(PROCESSES);
    cleanups.push(() => receivers.close());
    const toggle = placeToggle(gql, shelter, coordinator);
    const wsUrls = urls.map((u) => `${u.replace(/^http/, 'ws')}/graphql`);
    const service = await measure({
      path: 'graphql-ws',
      receivers,
      servers: urls.length,
      sample: (k) => serviceSample(urls[k]),
      connect: () => receivers.connect('graphql', wsUrls, tokens, variables),
      valueOfRound,
      trigger: toggle,
      parties: { service: environment.instances.map((i) => i.servicePid), receivers: receivers.pids, bench: [process.pid] },
      postmasterPid: environment.postmasterPid,
    });
    await receivers.close();

    // The baseline: bare ws servers, one per instance, the same receivers arrangement.
    const servers = await Promise.all(urls.map(() => startBroadcastServer()));
    cleanups.push(async () => servers.forEach((s) => s.child.kill('SIGTERM')));
    receivers = await Receivers.start(PROCESSES);
    const row = service.sampleRow ?? { regionId: shelter.regionId, category: shelter.category, outOfService: base };
    const id = randomUUID();
    const bare = await measure({
      path: 'bare ws',
      receivers,
      servers: servers.length,
      sample: (k) => bareSample(servers[k].port),
      connect: () => receivers.connect('ws', servers.map((s) => `ws://${HOST}:${s.port}/`), tokens, variables),
      valueOfRound,
      trigger: async (r) => {
        const text = JSON.stringify({ id, type: 'next', payload: { data: { availabilityChanged: { ...row, outOfService: valueOfRound(r) } } } });
        await Promise.all(servers.map((s) => post(s.port, '/broadcast', text)));
      },
      parties: { service: servers.map((s) => s.child.pid!), receivers: receivers.pids, bench: [process.pid] },
      postmasterPid: environment.postmasterPid,
    });
    gql.close();

    const ratio = (a: number, b: number) => round(a / b, 1);
    const results = {
      benchmark: 'fanout',
      label: LABEL,
      startedAt,
      finishedAt: new Date().toISOString(),
      commit: process.env.FANOUT_COMMIT,
      machine: { ...environment.machine, nproc: cpus().length },
      settings: { subscribers: SUBSCRIBERS, instances: INSTANCES, perInstance: SUBSCRIBERS / INSTANCES, rounds: ROUNDS, receiverProcesses: PROCESSES },
      graphql: service.result,
      bareWs: bare.result,
      p50Ratio: ratio(service.result.deliveryMs.p50, bare.result.deliveryMs.p50),
      p99Ratio: ratio(service.result.deliveryMs.p99, bare.result.deliveryMs.p99),
    };
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    const file = join(ROOT, 'bench', 'results', `fanout-${LABEL}-${startedAt.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    const line = (r: RunResult) =>
      `${r.path.padEnd(10)} p50 ${r.deliveryMs.p50} p99 ${r.deliveryMs.p99} max ${r.deliveryMs.max} ms; heap ${r.heapPerSubscriberKiB} KiB/sub; loop p99 ${r.eventLoopDelayMs.map((l) => l.p99).join('/')} ms; missed ${r.missed}; cpu ${JSON.stringify(r.cpuPct)}`;
    process.stdout.write(`\n${LABEL}\n${line(service.result)}\n${line(bare.result)}\nratio p50 ${results.p50Ratio}x p99 ${results.p99Ratio}x\nResults: ${file}\n`);
  } finally {
    await stop();
  }
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`[fanout] failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
