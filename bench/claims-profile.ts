import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphqlClaimRelease, rawClaimRelease, serviceStatements } from './claims.bench.js';
import { InspectorProfiler, summariseProfile } from './cpu-profile.js';
import { ROOT, startEnvironment } from './environment.js';
import { createBenchShelter, regionIds } from './fixtures.js';
import { ratio } from './report.js';
import { formatTable, freePort, GraphQLHttpClient, signToken } from './support.js';

/*
 * `npm run bench:claims-path`: only the claim+release comparison (GraphQL/HTTP against the same
 * transactions in raw pg), at BENCH_CLIENTS clients (default 16), with a V8 CPU profile of the
 * service over the GraphQL run (through its inspector, bench/cpu-profile.ts) summarised by self
 * time: where the service's CPU per cycle goes. Results: bench/results/claims-path-latest.json.
 */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16);
const QUICK = ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? '').toLowerCase());
const timing = { warmupMs: QUICK ? 500 : 2000, measureMs: QUICK ? 3000 : 10_000 };
const log = (line: string) => process.stderr.write(`[bench:claims-path] ${line}\n`);

async function main() {
  // BENCH_PROFILE=0: no inspector and no profile (the sampling profiler itself costs the service CPU).
  const profiling = !['0', 'false', 'no'].includes(String(process.env.BENCH_PROFILE ?? '').toLowerCase());
  if (profiling) process.env.BENCH_INSPECT_PORT = String(await freePort());
  const env = await startEnvironment(log);
  const profiler = profiling ? await InspectorProfiler.connect(Number(process.env.BENCH_INSPECT_PORT)) : undefined;
  let results: Record<string, unknown>;
  try {
    const gql = new GraphQLHttpClient(env.serviceUrl);
    const admin = await signToken('ADMIN');
    const tokens = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => signToken('COORDINATOR', { sub: `bench-path-${i + 1}` })));
    const regions = await regionIds(gql, admin);
    const shelter = await createBenchShelter(gql, admin, { name: 'claims-path', regionId: [...regions.values()][0], category: 'CRISIS', places: CLIENTS });
    const window = { ...timing, servicePid: env.servicePid, postmasterPid: env.postmasterPid };
    const before = await serviceStatements(env.serviceUrl);
    log(`GraphQL, ${CLIENTS} clients`);
    await profiler?.start();
    const graphql = await graphqlClaimRelease(gql, tokens, shelter, CLIENTS, window);
    const rawProfile = await profiler?.stop();
    profiler?.close();
    // The whole profile too, for Chrome DevTools or speedscope (not committed: bench/results/*.cpuprofile).
    if (rawProfile) writeFileSync(join(ROOT, 'bench', 'results', 'claims-path.cpuprofile'), JSON.stringify(rawProfile));
    const profile = rawProfile && summariseProfile(rawProfile, ROOT);
    const between = await serviceStatements(env.serviceUrl);
    log(`raw pg, ${CLIENTS} clients`);
    const raw = await rawClaimRelease(env.databaseUrl, shelter, CLIENTS, window);
    gql.close();
    const perCycle = (pct: number | undefined, cycles: number) => (pct === undefined ? NaN : Math.round((100 * 10 * pct) / cycles) / 100);
    results = {
      benchmark: 'claims-path',
      at: new Date().toISOString(),
      machine: env.machine,
      clients: CLIENTS,
      timing,
      graphql: { cyclesPerSecond: graphql.cyclesPerSecond, cycleMs: graphql.cycleMs, errors: graphql.errors, cpu: graphql.cpu },
      raw: { cyclesPerSecond: raw.cyclesPerSecond, cycleMs: raw.cycleMs, errors: raw.errors, cpu: raw.cpu },
      throughputRatio: ratio(graphql.cyclesPerSecond, raw.cyclesPerSecond),
      serviceCpuMsPerGraphqlCycle: perCycle(graphql.cpu?.servicePct, graphql.cyclesPerSecond),
      postgresCpuMsPerGraphqlCycle: perCycle(graphql.cpu?.postgresPct, graphql.cyclesPerSecond),
      postgresCpuMsPerRawCycle: perCycle(raw.cpu?.postgresPct, raw.cyclesPerSecond),
      serviceStatementsPerGraphqlCycle: before !== undefined && between !== undefined ? ratio(between - before, graphql.totalCycles) : undefined,
      profile,
    };
  } finally {
    await env.stop();
  }
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'claims-path-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const r = results as any;
  const out = [
    `claim+release, ${CLIENTS} clients: GraphQL ${r.graphql.cyclesPerSecond} cycles/s, raw ${r.raw.cyclesPerSecond} cycles/s, ratio ${r.throughputRatio}`,
    `service CPU ms/cycle ${r.serviceCpuMsPerGraphqlCycle}; PostgreSQL CPU ms/cycle GraphQL ${r.postgresCpuMsPerGraphqlCycle}, raw ${r.postgresCpuMsPerRawCycle}; service SQL statements/cycle ${r.serviceStatementsPerGraphqlCycle}`,
    `other CPU: GraphQL window ${r.graphql.cpu?.otherPct}%, raw window ${r.raw.cpu?.otherPct}%`,
  ];
  const profile = r.profile as ReturnType<typeof summariseProfile> | undefined;
  if (profile) out.push('', `service CPU profile over the GraphQL run: ${profile.busyMs} ms busy, ${profile.idleMs} ms idle; self time by owner:`);
  if (profile) out.push(formatTable(['owner', '% of busy', 'ms'], profile.byOwner.map((l) => [l.what, l.selfPct, l.selfMs])));
  if (profile) out.push('', 'top functions by self time:');
  if (profile) out.push(formatTable(['function', '% of busy', 'ms'], profile.topFunctions.map((l) => [l.what, l.selfPct, l.selfMs])));
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`[bench:claims-path] failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
