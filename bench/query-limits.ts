import { readFileSync } from 'node:fs';
import { startEnvironment } from './environment.js';
import { formatTable, GraphQLHttpClient, httpGet, signToken, sleep } from './support.js';
import { writeResult } from './in-process.js';

/*
 * Issue 13, "One query takes the instance down": the worst query shapes an ordinary token can send,
 * against the service as a child process on the demo network (DEMO_SCALE, default 1). Per shape:
 * the answer (code or OK), wall time, the service's peak resident memory while it ran, and how
 * /health fared meanwhile (polled every 250 ms). Works against the old schema (plain lists) and
 * the new one (connections), so the same script gives the "before" and "after" figures.
 * BENCH_QUERY_TIMEOUT_MS (default 180000) gives up on one query; a crash ends the run.
 */
const QUERY_TIMEOUT_MS = Number(process.env.BENCH_QUERY_TIMEOUT_MS ?? 180_000);
const ONLY = process.env.BENCH_SHAPES?.split(',');
/** Answered shapes are sent this many times in a row (the first run includes warm-up). */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 10);
const log = (line: string) => process.stderr.write(`[bench:query-limits] ${line}\n`);

interface Shape {
  name: string;
  legacy: string;
  connections: string;
}

const cycle = (levels: number, leaf = 'id'): string =>
  levels === 0 ? leaf : `places { shelter { ${cycle(levels - 1, leaf)} } }`;
const aliased = (n: number, body: string) => Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ');

const SHAPES: Shape[] = [
  {
    name: 'issue 13: shelters > places > shelter x3 (depth 7)',
    legacy: `{ shelters { ${cycle(3)} } }`,
    connections: `{ shelters { nodes { ${cycle(3)} } } }`,
  },
  {
    name: 'depth 5: shelters > places > shelter > places',
    legacy: `{ shelters { places { shelter { places { id } } } } }`,
    connections: `{ shelters { nodes { places { shelter { places { id } } } } } }`,
  },
  {
    name: '15 aliases of a depth-9 cycle',
    legacy: `{ ${aliased(15, `shelters { ${cycle(4)} }`)} }`,
    connections: `{ ${aliased(15, `shelters { nodes { ${cycle(4)} } }`)} }`,
  },
  {
    name: 'every shelter with its places (one level)',
    legacy: `{ shelters { id name places { id label beds status version } } }`,
    connections: `{ shelters(first: 100) { nodes { id name places(first: 30) { id label beds status version } } pageInfo { hasNextPage endCursor } } }`,
  },
  {
    name: 'regions > shelters > places with shelter',
    legacy: `{ regions { shelters { id name places { id label status shelter { id name } } } } }`,
    connections: `{ regions { shelters(first: 2) { id name places(first: 15) { id label status shelter { id name } } } } }`,
  },
  {
    name: 'a page of places, each with its shelter and that shelter\'s places',
    legacy: `{ regions { shelters { places { id label shelter { name places { id label } } } } } }`,
    connections: `{ places(first: 100) { nodes { id label shelter { name places(first: 90) { id label } } } } }`,
  },
];

interface Outcome {
  shape: string;
  outcome: string;
  ms: number;
  runs: number;
  p50Ms: number;
  maxMs: number;
  responseBytes: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  healthPolls: number;
  healthOk: number;
  healthSlowestMs: number;
}

function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function main() {
  const env = await startEnvironment(log);
  const client = new GraphQLHttpClient(env.serviceUrl);
  const results: Outcome[] = [];
  try {
    const token = await signToken('MUNICIPALITY' as never, { sub: 'bench-municipality' });
    const probe = await client.request<{ __type: unknown }>(`{ __type(name: "ShelterConnection") { name } }`, {}, token);
    const connections = !!probe.data?.__type;
    log(`schema: ${connections ? 'connections' : 'plain lists (before issue 13)'}`);
    const one = (query: string) => async () => {
      const res = await client.request<unknown>(query, {}, token, QUERY_TIMEOUT_MS);
      return { bytes: JSON.stringify(res).length, outcome: res.errors?.length ? String(res.errors[0].extensions?.code ?? res.errors[0].message) : 'OK' };
    };
    const cases = SHAPES.filter((s) => !ONLY || ONLY.some((o) => s.name.includes(o))).map((shape) => ({
      name: shape.name,
      send: one(connections ? shape.connections : shape.legacy),
    }));
    if (connections) {
      // Every accepted shape three times at once: what a few heavy users together cost.
      const accepted = SHAPES.slice(3).map((s) => one(s.connections));
      cases.push({
        name: 'the accepted shapes above, 3 of each at once',
        send: async () => {
          const answers = await Promise.all([...accepted, ...accepted, ...accepted].map((send) => send()));
          const failed = answers.find((a) => a.outcome !== 'OK');
          return { bytes: answers.reduce((n, a) => n + a.bytes, 0), outcome: failed?.outcome ?? 'OK' };
        },
      });
    }
    for (const shape of cases) {
      const rssBefore = rssMiB(env.servicePid);
      let peak = rssBefore;
      let done = false;
      let healthPolls = 0;
      let healthOk = 0;
      let healthSlowest = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(env.servicePid))), 100);
      const poller = (async () => {
        while (!done) {
          const started = performance.now();
          const res = await httpGet(`${env.serviceUrl}/health`, 5000).catch(() => undefined);
          healthPolls++;
          if (res?.status === 200) healthOk++;
          healthSlowest = Math.max(healthSlowest, performance.now() - started);
          await sleep(250);
        }
      })();
      log(`${shape.name}: sending`);
      let started = performance.now();
      let outcome = '';
      let bytes = 0;
      const times: number[] = [];
      for (let run = 0; run < REPEAT; run++) {
        started = performance.now();
        try {
          ({ bytes, outcome } = await shape.send());
        } catch (err) {
          outcome = `no answer: ${(err as Error).message}`;
        }
        times.push(performance.now() - started);
        // A query that takes more than a few seconds is measured once (the "before" runs).
        if (outcome.startsWith('no answer') || times[0] > 5000) break;
      }
      const sorted = [...times].sort((a, b) => a - b);
      const ms = Math.round(times[0]);
      done = true;
      await poller;
      clearInterval(sampler);
      peak = Math.max(peak, rssMiB(env.servicePid));
      const result = {
        shape: shape.name, outcome, ms, runs: times.length, p50Ms: Math.round(sorted[Math.floor(sorted.length / 2)]), maxMs: Math.round(sorted[sorted.length - 1]),
        responseBytes: bytes, peakRssMiB: peak, rssBeforeMiB: rssBefore,
        healthPolls, healthOk, healthSlowestMs: Math.round(healthSlowest),
      };
      log(JSON.stringify(result));
      results.push(result);
      const alive = await httpGet(`${env.serviceUrl}/health`, 10_000).catch(() => undefined);
      if (alive?.status !== 200) {
        log('the service no longer answers /health: stopping here');
        break;
      }
    }
    const file = writeResult('query-limits', { machine: env.machine, schema: connections ? 'connections' : 'lists', results });
    log(`written to ${file}`);
    process.stdout.write(
      `${formatTable(
        ['shape', 'answer', 'first ms', 'runs', 'p50 ms', 'max ms', 'response bytes', 'peak RSS MiB', 'health ok/polls', 'slowest health ms'],
        results.map((r) => [r.shape, r.outcome, r.ms, r.runs, r.p50Ms, r.maxMs, r.responseBytes, r.peakRssMiB, `${r.healthOk}/${r.healthPolls}`, r.healthSlowestMs]),
      )}\n`,
    );
  } finally {
    client.close();
    await env.stop();
  }
}

main().catch((err) => {
  log(String(err?.stack ?? err));
  process.exit(1);
});
