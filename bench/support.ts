import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SignJWT } from 'jose';
import { loadConfig } from '../src/config/app-config.js';

/** Every benchmark talks to this host only. */
export const HOST = '127.0.0.1';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const now = () => performance.now();

/** A port the kernel just handed out; tiny race with other processes, acceptable for a bench. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Rejects when `promise` takes longer than `ms`, so no wait in the bench is unbounded. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1];
}

export function summarise(samples: number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.length ? sorted[sorted.length - 1] : NaN),
    mean: round(sorted.length ? sum / sorted.length : NaN),
  };
}

export function median(values: number[]): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ---------------------------------------------------------------------------------------------
// Tokens

export type Role = 'INTAKE' | 'COORDINATOR' | 'ADMIN';

/**
 * Signed like src/auth/token.service.ts does (HS256; sub, role, shelterIds, exp). The secret is the
 * service's own default unless AUTH_JWT_SECRET is set, which the service child then inherits too.
 */
export async function signToken(role: Role, options: { sub?: string; shelterIds?: string[] } = {}): Promise<string> {
  const secret = process.env.AUTH_JWT_SECRET ?? loadConfig({}).AUTH_JWT_SECRET;
  return new SignJWT({ role, shelterIds: options.shelterIds ?? [] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.sub ?? `bench-${role.toLowerCase()}`)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(secret));
}

// ---------------------------------------------------------------------------------------------
// GraphQL over HTTP

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GqlResponse<T> {
  data?: T | null;
  errors?: GqlError[];
}

export class GqlRequestError extends Error {
  constructor(readonly errors: GqlError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; '));
  }
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/**
 * node:http with a keep-alive agent rather than fetch: on a 2-core box the client's own cost
 * counts against the service, and this is the cheapest client that still speaks plain HTTP/1.1.
 */
export class GraphQLHttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  private readonly url: URL;

  constructor(baseUrl: string) {
    this.url = new URL('/graphql', baseUrl);
  }

  request<T>(query: string, variables: Record<string, unknown>, token: string, timeoutMs = 30_000, retry = true): Promise<GqlResponse<T>> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.url.hostname,
          port: this.url.port,
          path: this.url.pathname,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${token}`,
          },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve(JSON.parse(text) as GqlResponse<T>);
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: not JSON: ${text.slice(0, 200)}`));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`GraphQL request timed out after ${timeoutMs} ms`)));
      req.on('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed (idle longer than its keep-alive timeout, e.g. while
        // the bench timed the slow direct path) fails as it is reused: a read is sent again, once,
        // on a new socket (Node's own advice for idempotent requests); a mutation is not.
        if (req.reusedSocket && err.code === 'ECONNRESET' && retry && !/^\s*mutation\b/.test(query)) {
          this.request<T>(query, variables, token, timeoutMs, false).then(resolve, reject);
        } else reject(err);
      });
      req.end(body);
    });
  }

  /** The data, or a GqlRequestError carrying the error codes. */
  async call<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const response = await this.request<T>(query, variables, token);
    if (response.errors?.length || !response.data) throw new GqlRequestError(response.errors ?? [{ message: 'no data' }]);
    return response.data;
  }

  /** Opens `sockets` keep-alive connections now, so a timed phase does not pay for TCP connects. */
  async prewarm(sockets: number, token: string): Promise<void> {
    await Promise.all(Array.from({ length: sockets }, () => this.request('{ __typename }', {}, token)));
  }

  close(): void {
    this.agent.destroy();
  }
}

/** GET returning status and body; used for /health and /metrics. */
export function httpGet(url: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

/** Reads one unlabelled sample from a Prometheus text exposition. */
export function metricValue(text: string, name: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{}`));
  if (!line) return undefined;
  const value = Number(line.slice(line.lastIndexOf(' ') + 1));
  return Number.isFinite(value) ? value : undefined;
}

// ---------------------------------------------------------------------------------------------
// Output helpers

/** A plain text table; numbers are right-aligned. */
export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? formatNumber(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: Array<string | number>, isHeader = false) =>
    r
      .map((c, i) => {
        const text = String(c ?? '');
        return !isHeader && typeof rows[0]?.[i] === 'number' ? text.padStart(widths[i]) : text.padEnd(widths[i]);
      })
      .join('  ');
  return [line(header, true), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((r) => line(r))].join('\n');
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) || Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

// ---------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): where the two cores went during a measuring window

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux build

export interface CpuSnapshot {
  at: number;
  machineBusy: number;
  service: number;
  bench: number;
  /** CPU seconds per process of our PostgreSQL server (postmaster and its children), when known. */
  postgres?: Map<number, number>;
}

export function processSeconds(pid: number): { ppid: number; seconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state, ppid, ... utime is the 12th and stime the 13th of these.
    return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

function postgresSeconds(postmasterPid: number): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const p = processSeconds(pid);
    if (p && (pid === postmasterPid || p.ppid === postmasterPid)) seconds.set(pid, p.seconds);
  }
  return seconds;
}

/** Seconds of CPU so far: the whole machine (busy), the service, this process, our PostgreSQL. */
export function cpuSnapshot(servicePid: number, postmasterPid?: number): CpuSnapshot | undefined {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    // user nice system idle iowait irq softirq steal: busy is what ran here, not idle, I/O wait or steal.
    const [user0, nice, system0, , , irq, softirq] = fields.map(Number);
    const { user, system } = process.cpuUsage();
    return {
      at: now(),
      machineBusy: (user0 + nice + system0 + irq + softirq) / TICKS_PER_SECOND,
      service: processSeconds(servicePid)?.seconds ?? NaN,
      bench: (user + system) / 1e6,
      postgres: postmasterPid ? postgresSeconds(postmasterPid) : undefined,
    };
  } catch {
    return undefined;
  }
}

/** Percent of one core (200 = both cores of a 2-core box) used by each party between two snapshots. */
export interface CpuShare {
  servicePct: number;
  benchPct: number;
  /** Our PostgreSQL server; NaN when it is not on this machine (DATABASE_URL given). */
  postgresPct: number;
  /** Everything else on the machine: should be near 0, or the figures are disturbed. */
  otherPct: number;
  machinePct: number;
}

export function cpuShare(from?: CpuSnapshot, to?: CpuSnapshot): CpuShare | undefined {
  if (!from || !to) return undefined;
  const seconds = (to.at - from.at) / 1000;
  if (seconds <= 0) return undefined;
  const pct = (x: number) => round((100 * x) / seconds, 0);
  const machine = to.machineBusy - from.machineBusy;
  const service = to.service - from.service;
  const bench = to.bench - from.bench;
  // A backend that started inside the window counts whole; one that ended inside it is lost (rare).
  let postgres = NaN;
  if (from.postgres && to.postgres) {
    postgres = 0;
    for (const [pid, s] of to.postgres) postgres += s - (from.postgres.get(pid) ?? 0);
  }
  const other = machine - service - bench - (Number.isNaN(postgres) ? 0 : postgres);
  return {
    servicePct: pct(service),
    benchPct: pct(bench),
    postgresPct: pct(postgres),
    otherPct: pct(Math.max(0, other)),
    machinePct: pct(machine),
  };
}
