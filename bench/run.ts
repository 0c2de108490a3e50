import { contention, graphqlClaimRelease, rawClaimRelease, serviceStatements } from './claims.bench.js';
import { BenchEnvironment, ROOT, startEnvironment } from './environment.js';
import { bareWsFanout, graphqlFanout } from './fanout.bench.js';
import { createBenchShelter, regionIds } from './fixtures.js';
import { BenchResults, ClaimsLevel, formatReport, ratio, serviceLogWarnings, writeResults } from './report.js';
import { GraphQLHttpClient, signToken } from './support.js';

/*
 * The benchmarks of the issue "Claim, admit, transfer, discharge", end to end against the service
 * as it runs in production (a child process on its own PostgreSQL). No arguments; BENCH_QUICK=1
 * gives a short smoke run. Budget: about 3-4 minutes on 2 cores for the full run.
 */

const QUICK = ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? '').toLowerCase());

const SETTINGS = QUICK
  ? { levels: [1, 16, 64], warmupMs: 300, measureMs: 1500, contentionClients: 64, contentionPlaces: 5, contentionRounds: 2, subscribers: 100, fanoutRounds: 3 }
  : { levels: [1, 16, 64], warmupMs: 2000, measureMs: 10_000, contentionClients: 64, contentionPlaces: 5, contentionRounds: 10, subscribers: 1000, fanoutRounds: 20 };

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

function regionOr(regions: Map<string, string>, code: string): string {
  const id = regions.get(code) ?? [...regions.values()][0];
  if (!id) throw new Error('the service has no regions');
  return id;
}

async function main(): Promise<void> {
  const startedAt = new Date().toISOString();
  let env: BenchEnvironment | undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await env?.stop();
  };
  process.once('SIGINT', () => void stop().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stop().finally(() => process.exit(143)));

  try {
    env = await startEnvironment(log);
    const gql = new GraphQLHttpClient(env.serviceUrl);
    const admin = await signToken('ADMIN');
    const coordinator = await signToken('COORDINATOR');
    const people = (n: number, role: 'COORDINATOR', prefix: string) =>
      Promise.all(Array.from({ length: n }, (_, i) => signToken(role, { sub: `bench-${prefix}-${i + 1}` })));
    const clientTokens = await people(Math.max(...SETTINGS.levels, SETTINGS.contentionClients), 'COORDINATOR', 'coordinator');
    const subscriberTokens = await people(SETTINGS.subscribers, 'COORDINATOR', 'watcher');

    const regions = await regionIds(gql, admin);
    const maxClients = Math.max(...SETTINGS.levels);
    const claimShelter = await createBenchShelter(gql, admin, { name: 'claims', regionId: regionOr(regions, 'utrecht'), category: 'CRISIS', places: maxClients });
    const contentionShelter = await createBenchShelter(gql, admin, { name: 'contention', regionId: regionOr(regions, 'utrecht'), category: 'CRISIS', places: SETTINGS.contentionPlaces });
    // Utrecht like the others: the fixture's address must lie within 10 km of the region's locality.
    const fanoutShelter = await createBenchShelter(gql, admin, { name: 'fan-out', regionId: regionOr(regions, 'utrecht'), category: 'SAFE_HOUSE', places: 1 });

    // Fan-out first, while the service's heap and RSS have not yet grown under the claim load, so
    // the memory a thousand subscribers add shows as growth rather than vanishing into free pages.
    log('fan-out through the service');
    const { sampleRow, ...graphqlFan } = await graphqlFanout({
      serviceUrl: env.serviceUrl, gql, token: coordinator, subscriberTokens, shelter: fanoutShelter, subscribers: SETTINGS.subscribers, rounds: SETTINGS.fanoutRounds, log,
    });
    log('fan-out baseline: bare ws');
    const row = sampleRow ?? { regionId: fanoutShelter.regionId, category: fanoutShelter.category, outOfService: 0 };
    const bareWs = await bareWsFanout({ subscribers: SETTINGS.subscribers, rounds: SETTINGS.fanoutRounds, row, log });

    const timing = { warmupMs: SETTINGS.warmupMs, measureMs: SETTINGS.measureMs, servicePid: env.servicePid, postmasterPid: env.postmasterPid };
    const claims: ClaimsLevel[] = [];
    for (const clients of SETTINGS.levels) {
      log(`claim+release, ${clients} client(s): GraphQL`);
      const before = await serviceStatements(env.serviceUrl);
      const graphql = await graphqlClaimRelease(gql, clientTokens, claimShelter, clients, timing);
      const between = await serviceStatements(env.serviceUrl);
      log(`claim+release, ${clients} client(s): raw SQL`);
      const raw = await rawClaimRelease(env.databaseUrl, claimShelter, clients, timing);
      const after = await serviceStatements(env.serviceUrl);
      for (const [path, run] of [['GraphQL', graphql], ['raw SQL', raw]] as const) {
        if (run.errors > 0) {
          log(`WARNING: ${run.errors} failed cycle(s) in the ${path} run, e.g. ${run.firstErrors[0]}`);
          process.exitCode = 1;
        }
      }
      const per = (from?: number, to?: number, cycles = 0) =>
        from !== undefined && to !== undefined && cycles > 0 ? ratio(to - from, cycles, 1) : undefined;
      claims.push({
        clients,
        graphql,
        raw,
        throughputRatio: ratio(graphql.cyclesPerSecond, raw.cyclesPerSecond),
        p50Ratio: ratio(graphql.cycleMs.p50, raw.cycleMs.p50),
        p99Ratio: ratio(graphql.cycleMs.p99, raw.cycleMs.p99),
        serviceStatementsPerGraphqlCycle: per(before, between, graphql.totalCycles),
        serviceStatementsPerRawCycle: per(between, after, raw.totalCycles),
      });
    }

    log(`contention: ${SETTINGS.contentionClients} clients, ${SETTINGS.contentionPlaces} places, ${SETTINGS.contentionRounds} rounds`);
    const contentionResult = await contention(gql, clientTokens, env.db, contentionShelter, SETTINGS.contentionClients, SETTINGS.contentionRounds);

    gql.close();

    const results: BenchResults = {
      benchmark: 'claims',
      startedAt,
      finishedAt: new Date().toISOString(),
      quick: QUICK,
      machine: env.machine,
      settings: {
        ...SETTINGS,
        servicePoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 20),
        serviceRateLimitsPerMinute: {
          reads: Number(process.env.RATE_LIMIT_READS_PER_MINUTE ?? 1_000_000),
          writes: Number(process.env.RATE_LIMIT_WRITES_PER_MINUTE ?? 1_000_000),
        },
      },
      claims,
      contention: contentionResult,
      fanout: {
        graphql: graphqlFan,
        bareWs,
        p50Ratio: ratio(graphqlFan.deliveryMs.p50, bareWs.deliveryMs.p50, 1),
        p99Ratio: ratio(graphqlFan.deliveryMs.p99, bareWs.deliveryMs.p99, 1),
      },
      serviceLogWarnings: serviceLogWarnings(env.serviceLog),
    };
    const file = writeResults(ROOT, results);
    process.stdout.write(`\n${formatReport(results)}\n\nResults: ${file}\n`);
    if (!contentionResult.allCorrect) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().then(() => process.exit(process.exitCode ?? 0), (err) => {
  process.stderr.write(`[bench] failed: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
