import pg from 'pg';
import { Role } from '../src/common/enums.js';
import { createDataSource } from '../src/database/data-source.js';
import { loadDemoNetwork } from '../src/scripts/demo/demo-network.js';
import { loadConfig } from '../src/config/app-config.js';
import { loadFreeCandidates } from '../src/referral/matching/candidates.js';
import { allowedCategories, MatchRequest } from '../src/referral/matching/matching.rules.js';
import { DistancePreference, RiskLevel, Urgency } from '../src/referral/referral.enums.js';
import { handWrittenOptions } from './matching-sql.js';
import { freshDatabase, measure, serve, startServer, token, writeResult } from './in-process.js';
import { formatTable, GraphQLHttpClient } from './support.js';

/*
 * Issue "Placement requests" and issue 11: placementOptions p50/p99 on the demo network at scale
 * 1, 10 and 50, next to one hand-written SQL statement that returns the same options
 * (bench/matching-sql.ts; checked to agree before timing). BENCH_QUICK=1: scales 1 and 10.
 */
const QUICK = ['1', 'true', 'yes'].includes(String(process.env.BENCH_QUICK ?? ''));
const SCALES = QUICK ? [1, 10] : [1, 10, 50];
const ITERATIONS = QUICK ? 30 : 150;
const log = (line: string) => process.stderr.write(`[bench:matching] ${line}\n`);

// BENCH_BEFORE=1: for a service from before the region search (no regionsSearched field).
const OPTIONS = `query($id: ID!) { placementOptions(requestId: $id, limit: 10) { ${process.env.BENCH_BEFORE ? '' : 'regionsSearched '}options { shelterId score reasons } excluded { rule places } } }`;
const settings = (() => {
  const config = loadConfig({ NODE_ENV: 'development' });
  return { minDistanceKm: config.MATCH_MIN_DISTANCE_KM, staleAfterHours: config.STALE_AFTER_HOURS };
})();
const CREATE = `mutation($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id } }`;

const risk = (level: RiskLevel, extra: Record<string, boolean> = {}) => ({
  level, honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false, ...extra,
});

async function main() {
  const server = await startServer(log);
  const results: Record<string, unknown>[] = [];
  try {
    for (const scale of SCALES) {
      const url = await freshDatabase(server, `bench_matching_${scale}`);
      const dataSource = createDataSource(url, 2);
      await dataSource.initialize();
      const loadStarted = Date.now();
      const network = await loadDemoNetwork(dataSource, { scale, seed: 1 });
      await dataSource.query('ANALYZE');
      await dataSource.destroy();
      log(`scale ${scale}: ${network.places} places loaded in ${Date.now() - loadStarted} ms`);

      const service = await serve(url);
      const gql = new GraphQLHttpClient(service.url);
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      try {
        const { rows } = await pool.query(`SELECT code, id FROM region`);
        const regions = Object.fromEntries(rows.map((r) => [r.code, r.id]));
        const referrer = await token({ sub: 'bench-officer', role: Role.REFERRER, referrerType: 'POLICE' as never });
        const scenarios = {
          'LOW risk, mother + 2 children, own region first': {
            urgency: Urgency.WITHIN_24H, risk: risk(RiskLevel.LOW), homeRegionId: regions.utrecht, avoidRegionIds: [],
            household: [{ sex: 'FEMALE', age: 33 }, { sex: 'MALE', age: 9 }, { sex: 'FEMALE', age: 4 }],
          },
          'honour-related, 17, far from Utrecht and Amersfoort': {
            urgency: Urgency.IMMEDIATE, risk: risk(RiskLevel.HIGH, { honourRelated: true, perpetratorNetwork: true }),
            homeRegionId: regions.utrecht, avoidRegionIds: [regions.amersfoort], household: [{ sex: 'FEMALE', age: 17 }],
          },
        };
        for (const [label, input] of Object.entries(scenarios)) {
          const created = await gql.call<{ createPlacementRequest: { id: string } }>(CREATE, { input: { ...input, consentToShare: true } }, referrer);
          const id = created.createPlacementRequest.id;
          type Options = { placementOptions: { regionsSearched: number; options: { shelterId: string; score: number }[] } };
          const ask = () => gql.call<Options>(OPTIONS, { id }, referrer);
          const graphql = await measure(ITERATIONS, 10, ask);
          const request: MatchRequest = {
            urgency: input.urgency, riskLevel: input.risk.level, honourRelated: !!input.risk.honourRelated, trafficking: false,
            perpetratorNetwork: !!input.risk.perpetratorNetwork, policeCoDecision: false, household: input.household as MatchRequest['household'],
            needsWheelchair: false, needsPets: false, languages: [], homeRegionId: input.homeRegionId, avoidRegionIds: input.avoidRegionIds,
            preferredRegionIds: [], distancePreference: DistancePreference.FAR,
          };
          const query = <T>(sql: string, params?: unknown[]) => pool.query(sql, params).then((r) => r.rows as T[]);
          const candidates = (await loadFreeCandidates(query, allowedCategories(request))).length;
          // The yardstick: one hand-written statement over the whole network that gives the same options.
          const served = (await ask()).placementOptions;
          const written = await handWrittenOptions(query, request, settings, 10);
          const sameOptions = JSON.stringify(served.options.map((o) => [o.shelterId, o.score])) === JSON.stringify(written.map((o) => [o.shelterId, o.score]));
          if (!sameOptions) log(`scale ${scale} ${label}: the hand-written SQL gives other options:\n${JSON.stringify({ served: served.options.map((o) => [o.shelterId, o.score]), written })}`);
          const rawSql = await measure(ITERATIONS, 10, () => handWrittenOptions(query, request, settings, 10));
          results.push({
            scale, places: network.places, scenario: label, candidates, regionsSearched: served.regionsSearched, sameOptions, graphql, rawSql,
            ratio: Math.round((graphql.p50 / rawSql.p50) * 10) / 10,
          });
          log(`scale ${scale} ${label}: placementOptions p50 ${graphql.p50} ms p99 ${graphql.p99} ms (${served.regionsSearched} regions read); hand-written SQL p50 ${rawSql.p50} ms (${candidates} candidates, same options: ${sameOptions})`);
        }
      } finally {
        gql.close();
        await pool.end();
        await service.close();
      }
    }
  } finally {
    await server.stop();
  }
  const file = writeResult('matching', { startedAt: new Date().toISOString(), quick: QUICK, iterations: ITERATIONS, results });
  process.stdout.write(
    `\nplacementOptions (ms)\n${formatTable(
      ['scale', 'places', 'scenario', 'candidates', 'regions read', 'GraphQL p50', 'GraphQL p99', 'SQL p50', 'SQL p99', 'ratio', 'same options'],
      results.map((r: any) => [r.scale, r.places, r.scenario, r.candidates, r.regionsSearched, r.graphql.p50, r.graphql.p99, r.rawSql.p50, r.rawSql.p99, r.ratio, r.sameOptions]),
    )}\n\nwritten to ${file}\n`,
  );
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
