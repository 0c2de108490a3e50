import request from 'supertest';
import { TokenClaims, TokenService } from '../../src/auth/token.service.js';
import { Role } from '../../src/common/enums.js';
import { AppConfig, loadConfig } from '../../src/config/app-config.js';
import { loadDemoNetwork } from '../../src/scripts/demo/demo-network.js';
import { createDataSource } from '../../src/database/data-source.js';
import { createRootLogger } from '../../src/observability/logger.js';
import { RunningService, startService } from '../../src/service.js';
import { createTestDatabase, TestDatabase } from './database.js';

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

export interface TestService {
  db: TestDatabase;
  service: RunningService;
  config: AppConfig;
  token(claims: Partial<TokenClaims> & { role: Role }, expiresIn?: string | number): Promise<string>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  // Tests fire hundreds of requests per second from one principal: the rate limits have their own test.
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    RATE_LIMIT_READS_PER_MINUTE: '1000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    RATE_LIMIT_EXPORTS_PER_MINUTE: '1000000',
    ...overrides,
  });
}

/** The real service on a random port over a fresh database: what the tests talk to, via HTTP. */
export async function startTestService(
  options: { demo?: boolean; db?: TestDatabase; env?: Record<string, string> } = {},
): Promise<TestService> {
  const db = options.db ?? (await createTestDatabase());
  if (options.demo) {
    const dataSource = createDataSource(db.url, 2);
    await dataSource.initialize();
    try {
      await loadDemoNetwork(dataSource, { scale: 1, seed: 1 });
    } finally {
      await dataSource.destroy();
    }
  }
  const config = testConfig(options.env);
  const service = await startService({
    config,
    databaseUrl: db.url,
    log: createRootLogger(config.LOG_LEVEL),
    port: 0,
    host: '127.0.0.1',
  });
  const tokens = new TokenService(config);
  return {
    db,
    service,
    config,
    token: (claims, expiresIn) => tokens.sign({ sub: `test-${claims.role.toLowerCase()}`, ...claims }, expiresIn),
    async gql(query, variables, token) {
      const req = request(service.url).post('/graphql').set('Content-Type', 'application/json');
      if (token) req.set('Authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, data: res.body.data ?? undefined, errors: res.body.errors };
    },
    async close() {
      await service.close();
      if (!options.db) await db.drop();
    },
  };
}

/** The single error code of a response that must have failed. */
export function errorCode(res: GqlResponse): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
