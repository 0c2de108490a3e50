import { readFileSync } from 'node:fs';
import {
  buildSchema, getNamedType, GraphQLArgument, GraphQLEnumType, GraphQLField, GraphQLInputObjectType, GraphQLInputType,
  GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType, isLeafType,
} from 'graphql';
import { OPERATIONS } from '../src/auth/policy.js';
import { Role } from '../src/common/enums.js';
import { createShelter } from './support/fixtures.js';
import { startTestService, TestService } from './support/service.js';

const schema = buildSchema(readFileSync('schema.gql', 'utf8'));

type Kind = 'wrongType' | 'oversized' | 'outOfRange' | 'unicode' | 'injection';
const KINDS: Kind[] = ['wrongType', 'oversized', 'outOfRange', 'unicode', 'injection'];
const INJECTION = `' OR 1=1; DROP TABLE place; -- {{7*7}} <script>alert(1)</script> \${jndi:ldap://x} `.repeat(10).slice(0, 600);
const STRINGS: Record<Kind, unknown> = {
  wrongType: { nested: [1, 2] },
  oversized: 'x'.repeat(20_000),
  outOfRange: '',
  unicode: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \u202Eevil\u202C \u0000 zero\u200Bwidth 👩‍👧‍👦 ﷽',
  injection: INJECTION,
};
const INTS: Record<Kind, unknown> = { wrongType: 'seven', oversized: 2 ** 31, outOfRange: -1, unicode: -(2 ** 31), injection: '1; DROP TABLE place' };
const KNOWN_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'PAYLOAD_TOO_LARGE']);

/** A value of the given input type, malformed in the given way all the way down. */
function malformed(type: GraphQLInputType, kind: Kind): unknown {
  if (type instanceof GraphQLNonNull) return malformed(type.ofType, kind);
  if (type instanceof GraphQLList) return [malformed(type.ofType, kind)];
  if (type instanceof GraphQLInputObjectType) {
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, malformed(f.type, kind)]));
  }
  if (type instanceof GraphQLEnumType) return kind === 'wrongType' ? 'NOT_A_VALUE' : type.getValues()[0].value;
  const scalar = (type as GraphQLScalarType).name;
  if (scalar === 'Int') return INTS[kind];
  if (scalar === 'Float') return kind === 'wrongType' ? 'NaN' : -1e308;
  if (scalar === 'Boolean') return kind === 'wrongType' ? 'yes' : true;
  return STRINGS[kind];
}

function typeName(type: GraphQLInputType): string {
  return String(type);
}

function operation(root: 'Query' | 'Mutation', field: GraphQLField<unknown, unknown>, args: readonly GraphQLArgument[], extraArg = false): string {
  const vars = args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
  const call = [...args.map((a) => `${a.name}: $${a.name}`), ...(extraArg ? ['notAnArgument: 1'] : [])].join(', ');
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${root === 'Query' ? 'query' : 'mutation'}${vars ? ` (${vars})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`;
}

/**
 * Every query and mutation of the schema, sent malformed, oversized, wrongly typed, out of range,
 * unicode-heavy and injection-shaped, by a role the policy allows: every answer is an error with
 * a code (never a 500, never a stack trace or SQL), and no table but the audit log changes.
 */
describe('bad input to every operation', () => {
  let t: TestService;
  const tokens = new Map<Role, string>();

  async function snapshot(): Promise<Record<string, string>> {
    const { rows: tables } = await t.db.pool.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_event', 'rate_limit') ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    for (const { tablename } of tables) {
      const { rows: [r] } = await t.db.pool.query(`SELECT count(*)::text || ':' || coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS s FROM "${tablename}" x`);
      result[tablename] = r.s;
    }
    return result;
  }

  beforeAll(async () => {
    t = await startTestService();
    const shelter = await createShelter(t, { places: 2 });
    const { rows: [region] } = await t.db.pool.query(`SELECT id FROM region WHERE code = 'utrecht'`);
    tokens.set(Role.COORDINATOR, await t.token({ role: Role.COORDINATOR }));
    tokens.set(Role.ADMIN, await t.token({ role: Role.ADMIN }));
    tokens.set(Role.INTAKE, await t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId] }));
    tokens.set(Role.REFERRER, await t.token({ role: Role.REFERRER, referrerType: 'POLICE' } as never));
    tokens.set(Role.MUNICIPALITY, await t.token({ role: Role.MUNICIPALITY, regionId: region.id }));
  });
  afterAll(async () => t.close());

  const operations = (['Query', 'Mutation'] as const).flatMap((root) =>
    Object.values((schema.getType(root) as GraphQLObjectType).getFields()).map((field) => ({ root, field })),
  );

  it('answers a list of more than 50 wrongly typed items as bad input, not as an internal error', async () => {
    // graphql-js stops coercing after 50 errors with "Too many errors processing variables".
    const res = await t.gql(
      `query($ids: [ID!]) { availability(regionIds: $ids) { regionId } }`,
      { ids: Array.from({ length: 60 }, () => ({ wrong: true })) },
      tokens.get(Role.COORDINATOR),
    );
    expect(res.status).toBe(400);
    expect(res.errors!.length).toBeGreaterThan(50);
    expect(res.errors!.filter((e) => e.extensions?.code !== 'BAD_USER_INPUT')).toEqual([]);
    expect(res.errors![res.errors!.length - 1].message).toMatch(/Too many errors processing variables/);
  });

  it('covers every query and mutation', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('answers every malformed call with a coded error and changes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    let calls = 0;
    const tally: Record<string, number> = {};
    for (const { root, field } of operations) {
      const rule = OPERATIONS[`${root}.${field.name}`];
      const role = [Role.COORDINATOR, Role.ADMIN, Role.INTAKE, Role.REFERRER, Role.MUNICIPALITY].find((r) => rule.roles.includes(r))!;
      const token = tokens.get(role)!;
      const cases: { label: string; query: string; variables: Record<string, unknown> }[] = [];
      if (field.args.length === 0) {
        cases.push({ label: 'unknown argument', query: operation(root, field, [], true), variables: {} });
      } else {
        for (const kind of KINDS) {
          cases.push({ label: kind, query: operation(root, field, field.args), variables: Object.fromEntries(field.args.map((a) => [a.name, malformed(a.type, kind)])) });
        }
        if (field.args.some((a) => a.type instanceof GraphQLNonNull)) {
          cases.push({ label: 'missing', query: operation(root, field, field.args), variables: {} });
        }
      }
      for (const c of cases) {
        calls++;
        const res = await t.gql(c.query, c.variables, token);
        const code = res.errors?.[0]?.extensions?.code;
        const text = JSON.stringify(res.errors ?? res.data);
        const problem =
          res.status >= 500 ? `HTTP ${res.status}`
          : !res.errors?.length ? `no error (data: ${JSON.stringify(res.data).slice(0, 120)})`
          : !code || !KNOWN_CODES.has(String(code)) ? `code ${code}: ${res.errors[0].message}`
          : /\bat .+:\d+:\d+|stacktrace|\b(SELECT|INSERT|UPDATE)\b.+\b(FROM|INTO|SET)\b/i.test(text) ? 'leaks internals'
          : undefined;
        tally[String(code)] = (tally[String(code)] ?? 0) + 1;
        if (problem) failures.push(`${root}.${field.name} [${c.label}, ${role}]: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    // The calls reached input validation, not just the door.
    expect(tally.BAD_USER_INPUT).toBeGreaterThan(calls / 2);
    expect(tally.FORBIDDEN ?? 0).toBeLessThan(calls / 10);
    expect(calls).toBeGreaterThan(150);
    expect(await snapshot()).toEqual(before);
  });
});
