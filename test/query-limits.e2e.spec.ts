import { readFileSync } from 'node:fs';
import {
  buildSchema, getNamedType, GraphQLField, GraphQLInputType, GraphQLObjectType, isEnumType, isInputObjectType, isLeafType, isListType,
  isNonNullType, isObjectType, parse,
} from 'graphql';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../src/common/enums.js';
import { LIST_BOUNDS, listFieldsOf, MAX_PAGE_SIZE, operationCost } from '../src/common/query-limits.js';
import { createDataSource } from '../src/database/data-source.js';
import { createShelter } from './support/fixtures.js';
import { errorCode, startTestService, TestService } from './support/service.js';
import { subscribe, wsClient } from './support/ws.js';

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), undefined, variables);

// The query of issue 13 (depth 7, no aliases) and its variants.
const cycle = (levels: number, leaf = 'id'): string => (levels === 0 ? leaf : `places { shelter { ${cycle(levels - 1, leaf)} } }`);
const ISSUE_13 = `{ shelters { nodes { ${cycle(3)} } } }`;
const aliased = (n: number, body: string) => Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ');

/** A literal of an input type (required parts only), for building valid operations. */
function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return '[]';
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${required.map((f) => `${f.name}: ${literal(f.type)}`).join(', ')} }`;
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  const scalar = getNamedType(type).name;
  if (scalar === 'Int' || scalar === 'Float') return '1';
  if (scalar === 'Boolean') return 'true';
  return '"2026-01-01"';
}

function callOf(field: GraphQLField<unknown, unknown>): string {
  const args = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return args.length ? `(${args.map((a) => `${a.name}: ${literal(a.type)}`).join(', ')})` : '';
}

/** The shortest operation from a root type to a field of `typeName`: `query { shelters { nodes { ` ... ` } } }`. */
function pathTo(typeName: string): { open: string; close: string } | undefined {
  const roots: [string, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()], ['mutation', schema.getMutationType()], ['subscription', schema.getSubscriptionType()],
  ];
  for (const [keyword, root] of roots) {
    if (!root) continue;
    const queue: { type: GraphQLObjectType; open: string; close: string }[] = [{ type: root, open: `${keyword} { `, close: ' }' }];
    const seen = new Set<string>([root.name]);
    while (queue.length) {
      const { type, open, close } = queue.shift()!;
      if (type.name === typeName) return { open, close };
      for (const field of Object.values(type.getFields())) {
        const target = getNamedType(field.type);
        if (!isObjectType(target) || seen.has(target.name)) continue;
        seen.add(target.name);
        queue.push({ type: target, open: `${open}${field.name}${callOf(field)} { `, close: ` }${close}` });
      }
    }
  }
  return undefined;
}

describe('every list of the schema has a declared bound', () => {
  it('has a bound for every list field, and none for fields that do not exist', () => {
    const lists = listFieldsOf(schema);
    expect(lists.length).toBeGreaterThan(40);
    expect(lists.filter((f) => !LIST_BOUNDS[f])).toEqual([]);
    // The other entries are the fields that return a connection: priced by their page size.
    const connectionFields = Object.keys(LIST_BOUNDS).filter((f) => !lists.includes(f));
    expect(connectionFields.map((f) => {
      const [type, name] = f.split('.');
      return getNamedType((schema.getType(type) as GraphQLObjectType | undefined)?.getFields()[name]?.type ?? schema.getQueryType()!).name;
    })).toEqual(connectionFields.map(() => expect.stringMatching(/Connection$/)));
  });

  it('pages every connection with `first` (at most the page size) and an `after` cursor', () => {
    const connections = Object.entries(LIST_BOUNDS).filter(([, b]) => 'perPage' in b).map(([f]) => f.split('.')[0]);
    expect(connections.sort()).toEqual(['AuditEventConnection', 'ClaimConnection', 'PlaceConnection', 'PlacementRequestConnection', 'ShelterConnection']);
    const query = schema.getQueryType()!.getFields();
    for (const name of ['shelters', 'places', 'claims', 'placementRequests', 'auditEvents']) {
      const field = query[name];
      expect([name, getNamedType(field.type).name, field.args.map((a) => a.name).filter((a) => a === 'first' || a === 'after')]).toEqual([
        name, `${getNamedType(field.type).name}`, ['after', 'first'],
      ]);
      expect(connections).toContain(getNamedType(field.type).name);
    }
  });

  it('multiplies what is below every list field by its bound', () => {
    const unreachable: string[] = [];
    for (const key of listFieldsOf(schema)) {
      const [typeName, fieldName] = key.split('.');
      const bound = LIST_BOUNDS[key];
      const field = (schema.getType(typeName) as GraphQLObjectType).getFields()[fieldName];
      const path = pathTo(typeName);
      // A flow report is priced as a whole (FLOW_REPORT_COST), whatever its lists hold.
      if (path?.open.includes('flowReport')) continue;
      if (!path) {
        unreachable.push(key);
        continue;
      }
      const item = getNamedType(field.type);
      const leaf = isObjectType(item) ? Object.values(item.getFields()).find((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0)!.name : undefined;
      const body = (inner: string) => `${path.open}${fieldName}${callOf(field)}${inner}${path.close}`;
      // What one more value per item adds: the list's multiplier (a page's nodes: the page size, counted above them).
      const multiplier = leaf ? cost(body(` { ${leaf} b: ${leaf} }`)) - cost(body(` { ${leaf} }`)) : cost(body(''));
      const declared = 'perPage' in bound ? 1 : 'arg' in bound ? Number(field.args.find((a) => a.name === bound.arg)!.defaultValue) : bound.max;
      expect([key, multiplier >= declared]).toEqual([key, true]);
    }
    expect(unreachable).toEqual([]);
  });

  it('prices the issue 13 query and its variants far above the limit, and ordinary queries below it', () => {
    expect(cost(ISSUE_13)).toBeGreaterThan(1_000_000);
    // Fragments that hide the depth, inline fragments and variables for `first` cost the same as written out.
    const hidden = `query($n: Int!) { shelters(first: $n) { nodes { ...A } } }
      fragment A on Shelter { places { shelter { ...B } } }
      fragment B on Shelter { places { shelter { ... on Shelter { places { id } } } } }`;
    expect(cost(hidden, { n: 100 })).toBeGreaterThan(cost(`{ shelters(first: 100) { nodes { ${cycle(2, 'places { id }')} } } }`) - 1);
    expect(cost(hidden, { n: 100 })).toBeGreaterThan(20_000);
    expect(cost(hidden, { n: 1 })).toBeLessThan(cost(hidden, { n: 100 }));
    expect(cost(`{ regions { id name } }`)).toBeLessThan(1000);
    expect(cost(`{ shelters { nodes { id name places { id label beds status version } } pageInfo { hasNextPage endCursor } } }`)).toBeGreaterThan(20_000);
    expect(cost(`{ shelters(first: 10) { nodes { id name places { id label beds status version } } pageInfo { hasNextPage endCursor } } }`)).toBeLessThan(20_000);
  });
});

describe('query limits against the running service', () => {
  let t: TestService;
  let municipality: string;
  let coordinator: string;
  beforeAll(async () => {
    t = await startTestService();
    // A small network: before the fix the issue 13 query would run here quickly and answer data.
    for (let i = 0; i < 3; i++) await createShelter(t, { places: 3 });
    const { rows: [region] } = await t.db.pool.query(`SELECT id FROM region WHERE code = 'utrecht'`);
    municipality = await t.token({ role: Role.MUNICIPALITY, regionId: region.id });
    coordinator = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());

  async function refusedBeforeExecution(query: string, variables: Record<string, unknown> = {}, token = municipality) {
    const res = await request(t.service.url).post('/graphql').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json')
      .send({ query, variables }).timeout(20_000);
    return { status: res.status, code: res.body.errors?.[0]?.extensions?.code, data: res.body.data, message: res.body.errors?.[0]?.message, extensions: res.body.errors?.[0]?.extensions };
  }

  it('refuses the issue 13 query before execution with QUERY_TOO_COMPLEX and HTTP 400', async () => {
    const res = await refusedBeforeExecution(ISSUE_13);
    expect(res).toEqual({
      status: 400, code: 'QUERY_TOO_COMPLEX', data: undefined, message: expect.stringMatching(/could return up to \d+ values; the limit is 20000/),
      extensions: { code: 'QUERY_TOO_COMPLEX', cost: cost(ISSUE_13), limit: 20000 },
    });
  });

  it.each([
    ['15 aliases of a depth-9 cycle', `{ ${aliased(15, `shelters { nodes { ${cycle(4)} } }`)} }`, {}],
    ['aliases of a query that alone is accepted', `{ ${aliased(15, 'shelters(first: 20) { nodes { id places(first: 40) { id label } } }')} }`, {}],
    ['fragment spreads that hide depth', `{ shelters { nodes { ...A } } } fragment A on Shelter { places { shelter { ...B } } } fragment B on Shelter { places { shelter { id } } }`, {}],
    ['a variable for first', `query($n: Int!) { shelters(first: $n) { nodes { places { shelter { places { id } } } } } }`, { n: 100 }],
    ['nested region lists', `{ regions { shelters { places { shelter { region { shelters { id } } } } } } }`, {}],
    ['every page at its maximum', `{ a: auditEvents(first: 100) { nodes { id detail } } c: placementRequests(first: 100) { nodes { household { age } timeline { kind } } } }`, {}],
  ])('refuses %s', async (_, query, variables) => {
    const res = await refusedBeforeExecution(query, variables, coordinator);
    expect([res.status, res.code, res.data]).toEqual([400, 'QUERY_TOO_COMPLEX', undefined]);
  });

  it('accepts an ordinary page with its places, and answers a first above the page size as bad input', async () => {
    const ok = await t.gql(`{ shelters(first: 20) { nodes { id places(first: 40) { id label } } pageInfo { hasNextPage } } }`, {}, municipality);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.shelters.nodes).toHaveLength(3);
    expect(ok.data!.shelters.nodes.map((s: { places: unknown[] }) => s.places.length)).toEqual([3, 3, 3]);
    const tooBig = await t.gql(`{ shelters(first: ${MAX_PAGE_SIZE + 1}) { nodes { id } } }`, {}, municipality);
    expect(errorCode(tooBig)).toBe('BAD_USER_INPUT');
    const badCursor = await t.gql(`{ shelters(after: "not-a-cursor") { nodes { id } } }`, {}, municipality);
    expect(errorCode(badCursor)).toBe('BAD_USER_INPUT');
  });

  it('applies the same limits over graphql-ws, to subscriptions and to queries sent there', async () => {
    const shelterId = (await t.db.pool.query(`SELECT id FROM shelter LIMIT 1`)).rows[0].id;
    const client = wsClient(t.service.url, coordinator);
    try {
      const costly = await subscribe(client, `subscription($id: ID!) { shelterPlacesChanged(shelterId: $id) { ${cycle(2, 'places { id }')} } }`, { id: shelterId });
      const issue13 = await subscribe(client, ISSUE_13);
      const deep = await subscribe(client, `subscription($id: ID!) { shelterPlacesChanged(shelterId: $id) { places { ${cycle(6)} } } }`, { id: shelterId });
      const fine = await subscribe<{ shelterId: string }>(client, `subscription($id: ID!) { shelterPlacesChanged(shelterId: $id) { shelterId places { id } } }`, { id: shelterId });
      await waitFor(() => costly.errors.length > 0 && issue13.errors.length > 0 && deep.errors.length > 0);
      expect(JSON.stringify(costly.errors)).toMatch(/QUERY_TOO_COMPLEX/);
      expect(JSON.stringify(issue13.errors)).toMatch(/QUERY_TOO_COMPLEX/);
      expect(JSON.stringify(deep.errors)).toMatch(/depth limit/i);
      expect(fine.errors).toEqual([]);
    } finally {
      await client.dispose();
    }
  });

  it('cuts the nested lists at their first argument', async () => {
    const res = await t.gql(`{ shelters(first: 2) { nodes { places(first: 2) { label } } } regions { shelters(first: 1) { id } } }`, {}, municipality);
    expect(res.errors).toBeUndefined();
    expect(res.data!.shelters.nodes.map((s: { places: unknown[] }) => s.places.length)).toEqual([2, 2]);
    expect(Math.max(...res.data!.regions.map((r: { shelters: unknown[] }) => r.shelters.length))).toBe(1);
  });
});

describe('time limits', () => {
  let t: TestService;
  let coordinator: string;
  beforeAll(async () => {
    t = await startTestService({ env: { DB_STATEMENT_TIMEOUT_MS: '300', GRAPHQL_EXECUTION_TIMEOUT_MS: '250' } });
    await createShelter(t, { places: 3 });
    coordinator = await t.token({ role: Role.COORDINATOR });
  });
  afterAll(async () => t.close());

  /** Holds an exclusive lock on `table` (every read of it waits) while `work` runs, for at least `ms`. */
  async function withTableLocked<T>(table: string, ms: number, work: () => Promise<T>): Promise<T> {
    const client = await t.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const pending = work();
      await new Promise((r) => setTimeout(r, ms));
      await client.query('ROLLBACK');
      return await pending;
    } finally {
      client.release();
    }
  }

  it('sets the statement timeout on the service pool only, not on migration or seeding connections', async () => {
    const app = t.service.app.get(DataSource);
    expect(await app.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
    const tool = createDataSource(t.db.url, 1);
    await tool.initialize();
    try {
      expect(await tool.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '0' }]);
    } finally {
      await tool.destroy();
    }
  });

  it('answers TIMEOUT when a statement runs past DB_STATEMENT_TIMEOUT_MS', async () => {
    // `shelter` is locked: the shelters page waits, and PostgreSQL cancels it after 300 ms.
    const res = await withTableLocked('shelter', 1500, () => t.gql(`{ shelters(first: 5) { nodes { id } } }`, {}, coordinator));
    expect(res.status).toBeLessThan(500);
    expect(errorCode(res)).toBe('TIMEOUT');
    const after = await t.gql(`{ shelters(first: 5) { nodes { id } } }`, {}, coordinator);
    expect(after.errors).toBeUndefined();
  });

  it('answers TIMEOUT for the fields of a query still unresolved after GRAPHQL_EXECUTION_TIMEOUT_MS', async () => {
    // The shelters come back at once; their places wait for the lock (200 ms < statement timeout) and
    // arrive after the 250 ms deadline, so the place fields are not resolved.
    const res = await withTableLocked('place', 280, () =>
      t.gql(`{ shelters(first: 5) { nodes { id places { id label shelter { name } } } } }`, {}, coordinator),
    );
    expect(res.status).toBeLessThan(500);
    expect(errorCode(res)).toBe('TIMEOUT');
    expect(res.errors![0].message).toMatch(/longer than 250 ms/);
    expect(res.data?.shelters ?? null).toBeNull();
  });
});

describe('the heaviest accepted queries do not starve /health or other users', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService({ demo: true });
  });
  afterAll(async () => t.close());

  it('answers /health and a small query while the heaviest accepted queries run', async () => {
    const token = await t.token({ role: Role.MUNICIPALITY });
    const heavy = [
      `{ shelters(first: 100) { nodes { id name places(first: 30) { id label status shelter { id name } } } } }`,
      `{ regions { shelters(first: 2) { id name places(first: 15) { id label beds status version } } } }`,
      `{ places(first: 100) { nodes { id label shelter { name places(first: 90) { id label } } } } }`,
    ];
    for (const q of heavy) expect(cost(q)).toBeLessThanOrEqual(t.config.MAX_QUERY_COST);
    const running = Promise.all(heavy.map((q) => t.gql(q, {}, token)));
    const health: number[] = [];
    const small: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) {
      health.push((await request(t.service.url).get('/health').timeout(10_000)).status);
      small.push(errorCode(await t.gql(`{ regions { id } }`, {}, token)) ?? 'OK');
    }
    const answers = await running;
    expect(health).toEqual([200, 200, 200, 200, 200]);
    expect(small).toEqual(['OK', 'OK', 'OK', 'OK', 'OK']);
    expect(answers.map((a) => errorCode(a) ?? 'OK')).toEqual(['OK', 'OK', 'OK']);
    expect(answers[0].data!.shelters.nodes.length).toBeGreaterThan(50);
  });
});
