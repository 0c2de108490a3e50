import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const DEV_JWT_SECRET = 'opvangnet-dev-secret-not-for-production-use-0123456789';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase());

/** Every setting the service reads from the environment, validated once at start. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /** postgres://... ; when absent, an embedded PostgreSQL is started under EMBEDDED_PG_DIR. */
  @IsOptional() @IsString()
  DATABASE_URL?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DATABASE_POOL_SIZE = 20;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString() @MinLength(32)
  AUTH_JWT_SECRET: string = DEV_JWT_SECRET;

  /** OIDC issuer: when set, bearer tokens are RS256/ES256 JWTs verified against its JWKS (required in production). */
  @IsOptional() @IsString()
  AUTH_ISSUER?: string;

  /** Expected `aud` of OIDC tokens. */
  @IsOptional() @IsString()
  AUTH_AUDIENCE?: string;

  /** JWKS location; by default `<AUTH_ISSUER>/.well-known/jwks.json`. */
  @IsOptional() @IsString()
  AUTH_JWKS_URL?: string;

  /** The console's OIDC client (authorization code + PKCE) at AUTH_ISSUER; handed to the browser by /console/config. */
  @IsOptional() @IsString() @MinLength(1)
  OIDC_CLIENT_ID?: string;

  /** Scopes the console asks the issuer for, space-separated. */
  @IsString() @MinLength(1)
  OIDC_SCOPES = 'openid profile';

  /** Where the built web console is (served at `/`); relative to the working directory. */
  @IsString() @MinLength(1)
  CONSOLE_DIR = 'dist/web';

  /** Per principal, shared by all instances: reads, and the stricter budget for claims and requests. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_READS_PER_MINUTE = 600;

  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_WRITES_PER_MINUTE = 60;

  /** Per principal, shared by all instances: CSV and HTML flow exports (each one is a whole report). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1_000_000)
  RATE_LIMIT_EXPORTS_PER_MINUTE = 30;

  /** When set, /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional() @IsString() @MinLength(24)
  METRICS_TOKEN?: string;

  /** When set, /metrics is served on this port only (not on PORT); 0 picks a free port (tests). */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  METRICS_PORT?: number;

  /** Production refuses to start with /metrics open to anyone on PORT unless this says it may. */
  @Transform(toBool) @IsBoolean()
  METRICS_PUBLIC = false;

  @Transform(toInt) @IsInt() @Min(2) @Max(50)
  MAX_QUERY_DEPTH = 12;

  /** Most field values one response may hold, lists multiplied by their bound (src/common/query-limits.ts). */
  @Transform(toInt) @IsInt() @Min(100) @Max(1_000_000)
  MAX_QUERY_COST = 20000;

  /** Longest a statement of the service's pool may run (0: no limit). Migrations and seeding are not limited. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  DB_STATEMENT_TIMEOUT_MS = 10000;

  /** Deadline of a GraphQL query; fields still to resolve after it fail with TIMEOUT. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3_600_000)
  GRAPHQL_EXECUTION_TIMEOUT_MS = 15000;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  MAX_ALIASES = 15;

  /** Days after a request closes before its risk summary, notes and client reference are erased. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  RETENTION_DAYS = 90;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Load the demo national network when the database has no regions yet. */
  @Transform(toBool) @IsBoolean()
  DEMO_SEED = true;

  @Transform(toInt) @IsInt() @Min(1) @Max(200)
  DEMO_SCALE = 1;

  /**
   * Years of generated history behind a demo network loaded at start (so the flow dashboard has
   * figures); 0 for none. Unset: 1 at DEMO_SCALE 1 (about 5 s), 0 at larger scales (minutes).
   */
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(5)
  DEMO_HISTORY_YEARS?: number;

  /** JSON file with the centre-municipality regions; replace it to change the list. */
  @IsOptional() @IsString()
  REGIONS_FILE?: string;

  /** How often the background sweep returns expired holds to AVAILABLE. */
  @Transform(toInt) @IsInt() @Min(100) @Max(60000)
  CLAIM_SWEEP_INTERVAL_MS = 15000;

  /** An IMMEDIATE request nobody claimed within this many minutes is escalated. */
  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60)
  ESCALATE_IMMEDIATE_MINUTES = 15;

  /** A WITHIN_24H request nobody claimed within this many minutes is escalated. */
  @Transform(toInt) @IsInt() @Min(1) @Max(48 * 60)
  ESCALATE_WITHIN_24H_MINUTES = 240;

  /** With high risk, honour-related threat or a perpetrator network: minimum distance from home and avoided regions. */
  @Transform(toInt) @IsInt() @Min(0) @Max(500)
  MATCH_MIN_DISTANCE_KM = 50;

  /** Flow report norms (days): average stays of the national framework, and the 6-month maximum. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  NORM_EMERGENCY_DAYS = 3;

  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  NORM_CRISIS_DAYS = 63;

  @Transform(toInt) @IsInt() @Min(1) @Max(3650)
  NORM_MAX_STAY_DAYS = 183;

  /** Local calendar of the reports' days, weeks and months. */
  @IsString()
  REPORT_TIME_ZONE = 'Europe/Amsterdam';

  /**
   * `on`: the flow report reads the per-day aggregates the database keeps up to date (their days
   * are Europe/Amsterdam's: with another REPORT_TIME_ZONE it reads the source rows). `off`: always
   * the source rows (the same answers, slower; tests compare the two).
   */
  @IsIn(['on', 'off'])
  FLOW_AGGREGATES: 'on' | 'off' = 'on';

  /** How long a place offered to the first on the waiting list is held for it. */
  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 60)
  OFFER_HOLD_MINUTES = 30;

  /** A request leaves the waiting list (NOT_ADMITTED, NO_CAPACITY) after this many days without a place. */
  @Transform(toInt) @IsInt() @Min(1) @Max(365)
  WAITING_EXPIRE_DAYS = 28;

  /** The referrer is told this many hours before a waiting request expires. */
  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 30)
  WAITING_NOTICE_HOURS = 48;

  /** A shelter whose status was not confirmed for this long shows as stale ("no information"). */
  @Transform(toInt) @IsInt() @Min(1) @Max(24 * 30)
  STALE_AFTER_HOURS = 24;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get usesDevSecret(): boolean {
    return this.AUTH_JWT_SECRET === DEV_JWT_SECRET;
  }

  /** OIDC (asymmetric, JWKS) when an issuer is configured; HS256 development tokens otherwise. */
  get usesOidc(): boolean {
    return !!this.AUTH_ISSUER;
  }
}

/** A setting is missing or wrong: the message names it, on one line, and no stack is worth printing. */
export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    readonly settings: string[],
  ) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const listed = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/**
 * `serve` (the default) adds the rules for a process that answers requests (metrics not public in
 * production); `tool` is for the migration and seed commands, which serve nothing.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, purpose: 'serve' | 'tool' = 'serve'): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw = Object.fromEntries(Object.entries(env).filter(([key]) => known.includes(key)));
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    // class-validator's messages start with the setting's name; values are not echoed (secrets).
    // A value of the wrong type fails every bound too; then only the type is worth saying.
    const problems = errors.map((e) => {
      const c = e.constraints ?? {};
      return c.isInt ?? c.isBoolean ?? (Object.values(c).join(', ') || `${e.property} is invalid`);
    });
    throw new ConfigError(problems, errors.map((e) => e.property));
  }
  const problems: string[] = [];
  const settings: string[] = [];
  const problem = (setting: string, message: string) => {
    settings.push(setting);
    problems.push(message);
  };
  if (config.isProduction) {
    const missing = (['DATABASE_URL', 'AUTH_ISSUER', 'AUTH_AUDIENCE'] as const).filter((name) => !config[name]);
    if (missing.length) {
      settings.push(...missing);
      problems.push(`production needs ${listed(missing)}`);
    }
  }
  if (config.AUTH_ISSUER && !/^https?:\/\//.test(config.AUTH_ISSUER)) {
    problem('AUTH_ISSUER', 'AUTH_ISSUER must be a URL');
  }
  if (config.OIDC_CLIENT_ID && !config.AUTH_ISSUER) {
    problem('OIDC_CLIENT_ID', 'OIDC_CLIENT_ID needs AUTH_ISSUER (the issuer the console signs in at)');
  }
  if (!/(^|\s)openid(\s|$)/.test(config.OIDC_SCOPES)) {
    problem('OIDC_SCOPES', 'OIDC_SCOPES must include "openid"');
  }
  const loopback = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;
  if (config.isProduction && config.AUTH_ISSUER?.startsWith('http://') && !loopback.test(config.AUTH_ISSUER)) {
    problem('AUTH_ISSUER', 'AUTH_ISSUER must use https in production');
  }
  if (purpose === 'serve' && config.isProduction && !config.METRICS_TOKEN && config.METRICS_PORT === undefined && !config.METRICS_PUBLIC) {
    problem('METRICS_TOKEN', 'production needs METRICS_TOKEN or METRICS_PORT so /metrics is not public (or METRICS_PUBLIC=true to allow it)');
  }
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT !== 0 && config.METRICS_PORT === config.PORT) {
    problem('METRICS_PORT', 'METRICS_PORT must differ from PORT');
  }
  if (problems.length) throw new ConfigError(problems, settings);
  return config;
}
