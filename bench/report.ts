import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentionResult, LoadResult } from './claims.bench.js';
import type { MachineInfo } from './environment.js';
import type { FanoutResult } from './fanout.bench.js';
import { formatTable, round } from './support.js';

export interface ClaimsLevel {
  clients: number;
  graphql: LoadResult;
  raw: LoadResult;
  /** GraphQL throughput as a share of raw SQL throughput (1 = no overhead). */
  throughputRatio: number;
  /** GraphQL cycle p50 / raw cycle p50 (1 = no overhead). */
  p50Ratio: number;
  p99Ratio: number;
  /** SQL statements the service's pool sent per claim+release cycle (request path + live refresh). */
  serviceStatementsPerGraphqlCycle?: number;
  /** Statements the service sent per raw cycle: the live-availability refresh the NOTIFYs cause. */
  serviceStatementsPerRawCycle?: number;
}

export interface FanoutComparison {
  graphql: FanoutResult;
  bareWs: FanoutResult;
  p50Ratio: number;
  p99Ratio: number;
}

export interface BenchResults {
  benchmark: 'claims';
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  machine: MachineInfo;
  settings: Record<string, unknown>;
  claims: ClaimsLevel[];
  contention: ContentionResult;
  fanout: FanoutComparison;
  serviceLogWarnings: string[];
}

export function ratio(a: number, b: number, digits = 2): number {
  return b > 0 ? round(a / b, digits) : NaN;
}

/**
 * Timestamped file for the record; latest.json (asked for by the issue) and claims-latest.json (the
 * naming of the sibling benchmarks) for tools. Each is written whole, then renamed into place.
 */
export function writeResults(root: string, results: BenchResults): string {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const file = join(dir, `claims-${stamp}.json`);
  const text = `${JSON.stringify(results, null, 2)}\n`;
  for (const target of [file, join(dir, 'latest.json'), join(dir, 'claims-latest.json')]) {
    writeFileSync(`${target}.tmp`, text);
    renameSync(`${target}.tmp`, target);
  }
  return file;
}

/** Warnings and errors the service logged while under load (pino levels 40+, Node warnings). */
export function serviceLogWarnings(logFile: string, max = 20): string[] {
  let text = '';
  try {
    text = readFileSync(logFile, 'utf8');
  } catch {
    return [];
  }
  const lines = text.split('\n').filter((l) => /"level":(4|5|6)0/.test(l) || /Warning|Error/.test(l));
  return lines.slice(0, max).map((l) => l.slice(0, 400));
}

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);

export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(
    `Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB, Node ${m.node}, PostgreSQL ${m.postgres}` +
      `${m.embeddedPostgres ? ' (embedded, fsync off)' : ''}, load average at start ${m.loadAverageAtStart}${r.quick ? '   [QUICK RUN]' : ''}`,
  );

  out.push('', 'Claim then release (each client its own place; a cycle = claimPlace + releaseClaim)');
  out.push(
    formatTable(
      ['clients', 'path', 'cycles/s', 'tx/s', 'cycle p50 ms', 'cycle p99 ms', 'claim p50', 'claim p99', 'release p50', 'release p99', 'errors'],
      r.claims.flatMap((level) =>
        (['graphql', 'raw'] as const).map((path) => {
          const x = level[path];
          return [level.clients, path === 'graphql' ? 'GraphQL/HTTP' : 'raw SQL (pg)', x.cyclesPerSecond, x.transactionsPerSecond,
            x.cycleMs.p50, x.cycleMs.p99, x.claimMs.p50, x.claimMs.p99, x.releaseMs.p50, x.releaseMs.p99, x.errors];
        }),
      ),
    ),
  );
  out.push('', `CPU over each measuring window, % of one core (${m.nproc * 100} = the whole machine; "other" should be near 0)`);
  out.push(
    formatTable(
      ['clients', 'path', 'service %', 'PostgreSQL %', 'bench client %', 'other %', 'machine %', 'service CPU ms/cycle', 'PostgreSQL CPU ms/cycle'],
      r.claims.flatMap((level) =>
        (['graphql', 'raw'] as const).map((path) => {
          const { cpu, cyclesPerSecond } = level[path];
          const msPerCycle = (pct?: number) => (pct === undefined ? NaN : round((10 * pct) / cyclesPerSecond, 1));
          return [level.clients, path === 'graphql' ? 'GraphQL/HTTP' : 'raw SQL (pg)', cpu?.servicePct ?? NaN, cpu?.postgresPct ?? NaN,
            cpu?.benchPct ?? NaN, cpu?.otherPct ?? NaN, cpu?.machinePct ?? NaN, msPerCycle(cpu?.servicePct), msPerCycle(cpu?.postgresPct)];
        }),
      ),
    ),
  );
  const busiest = Math.max(...r.claims.flatMap((l) => [l.graphql.cpu?.otherPct ?? 0, l.raw.cpu?.otherPct ?? 0]));
  if (busiest > 25) out.push(`WARNING: other processes used up to ${busiest}% of a core during a window: the figures are disturbed.`);
  out.push('', 'GraphQL / raw');
  out.push(
    formatTable(
      ['clients', 'throughput GraphQL/raw', 'p50 GraphQL/raw', 'p99 GraphQL/raw', 'service SQL stmts/cycle (GraphQL)', 'service SQL stmts/cycle (raw run)'],
      r.claims.map((l) => [l.clients, l.throughputRatio, l.p50Ratio, l.p99Ratio, l.serviceStatementsPerGraphqlCycle ?? NaN, l.serviceStatementsPerRawCycle ?? NaN]),
    ),
  );

  const c = r.contention;
  out.push('', `Contention: ${c.clients} clients, last ${c.places} free places, ${c.rounds.length} rounds`);
  out.push(
    formatTable(
      ['round', 'all taken ms', 'settled ms', 'winners', 'attempts', 'conflicts', 'other errors', 'HELD claims in DB', 'HELD places in DB', 'correct'],
      c.rounds.map((x, i) => [String(i + 1), x.allTakenMs, x.settledMs, x.winners, x.attempts, x.conflicts, x.otherErrors, x.heldClaimsInDb, x.heldPlacesInDb, x.correct ? 'yes' : 'NO']),
    ),
  );
  out.push(`all ${c.places} taken: median ${c.allTakenMs.median} ms, max ${c.allTakenMs.max} ms`);
  out.push(`settled: median ${c.settledMs.median} ms, min ${c.settledMs.min} ms, max ${c.settledMs.max} ms; all rounds correct: ${c.allCorrect ? 'yes' : 'NO'}`);

  const f = r.fanout;
  out.push('', `Fan-out: one change to ${f.graphql.subscribers} subscribers, ${f.graphql.rounds} rounds`);
  out.push(
    formatTable(
      ['path', 'connected', 'delivery p50 ms', 'p90', 'p99', 'max', 'last of round (median)', 'trigger p50 ms', 'missed', 'stray', 'RSS KiB/sub', 'heap KiB/sub', 'RSS before MiB', 'RSS after MiB'],
      (['graphql', 'bareWs'] as const).map((path) => {
        const x = f[path];
        return [path === 'graphql' ? 'graphql-ws (service)' : 'bare ws broadcast', x.connected, x.deliveryMs.p50, x.deliveryMs.p90, x.deliveryMs.p99, x.deliveryMs.max,
          x.lastDeliveryMs.median, x.triggerMs.p50, x.missed, x.stray, x.rssPerSubscriberKiB, x.heapPerSubscriberKiB, mib(x.memoryBefore.rssBytes), mib(x.memoryAfter.rssBytes)];
      }),
    ),
  );
  out.push(`graphql-ws / bare ws: p50 ${f.p50Ratio}x, p99 ${f.p99Ratio}x`);
  const lag = f.graphql.serviceEventLoopDelayMs;
  if (lag) out.push(`service event-loop delay during the measured rounds: max ${lag.max} ms, p99 ${lag.p99} ms`);
  if (r.serviceLogWarnings.length) {
    out.push('', `The service logged ${r.serviceLogWarnings.length} warning/error line(s), e.g.:`, ...r.serviceLogWarnings.slice(0, 5).map((l) => `  ${l}`));
  }
  return out.join('\n');
}
