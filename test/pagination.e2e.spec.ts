import { Role } from '../src/common/enums.js';
import { CLAIM, createShelter, ShelterFixture } from './support/fixtures.js';
import { errorCode, GqlResponse, startTestService, TestService } from './support/service.js';

interface PageResult {
  nodes: { id: string }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Reads every page of a connection; `between` runs after each page (to insert rows while paging).
 * Every page but the last must be full: authorisation is applied in SQL, not after the fetch.
 */
async function pageThrough(
  t: TestService,
  field: string,
  args: string,
  token: string,
  first: number,
  between: (page: number) => Promise<void> = async () => undefined,
): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  let after: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const res: GqlResponse<Record<string, PageResult>> = await t.gql<Record<string, PageResult>>(
      `query($first: Int!, $after: String) { ${field}(first: $first, after: $after${args ? `, ${args}` : ''}) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
      { first, after },
      token,
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const { nodes, pageInfo } = res.data![field];
    ids.push(...nodes.map((n) => n.id));
    sizes.push(nodes.length);
    if (!pageInfo.hasNextPage) return { ids, sizes };
    expect(nodes).toHaveLength(first);
    after = pageInfo.endCursor;
    await between(page);
  }
  throw new Error('did not reach the last page');
}

const unique = (ids: string[]) => new Set(ids).size === ids.length;

describe('cursor pagination: every row exactly once, rows inserted between pages not repeated', () => {
  let t: TestService;
  let coordinator: string;
  let shelters: ShelterFixture[];

  beforeAll(async () => {
    t = await startTestService();
    coordinator = await t.token({ role: Role.COORDINATOR });
    shelters = [];
    for (let i = 0; i < 7; i++) shelters.push(await createShelter(t, { places: 3, name: `Shelter ${String.fromCharCode(66 + i)}` }));
  });
  afterAll(async () => t.close());

  it('shelters', async () => {
    const { rows: before } = await t.db.pool.query(`SELECT id FROM shelter`);
    // New shelters sort before ("A ...") and after ("Z ...") the cursor while we page.
    const { ids, sizes } = await pageThrough(t, 'shelters', '', coordinator, 3, async (page) => {
      await createShelter(t, { places: 1, name: page % 2 ? `A late shelter ${page}` : `Z late shelter ${page}` });
    });
    expect(unique(ids)).toBe(true);
    expect(ids).toEqual(expect.arrayContaining(before.map((r) => r.id)));
    expect(sizes.slice(0, -1).every((n) => n === 3)).toBe(true);
  });

  it('places of a shelter, and of every shelter', async () => {
    const shelter = shelters[0];
    const admin = await t.token({ role: Role.ADMIN });
    const { ids } = await pageThrough(t, 'places', `shelterId: "${shelter.shelterId}"`, coordinator, 2, async (page) => {
      const res = await t.gql(`mutation($input: CreatePlacesInput!) { createPlaces(input: $input) { id } }`, {
        input: { shelterId: shelter.shelterId, places: [{ category: 'CRISIS', label: `A-${page}`, beds: 2 }, { category: 'CRISIS', label: `Z-${page}`, beds: 2 }] },
      }, admin);
      expect(res.errors).toBeUndefined();
    });
    expect(unique(ids)).toBe(true);
    expect(ids).toEqual(expect.arrayContaining(shelter.placeIds));

    const { rows: [{ count }] } = await t.db.pool.query(`SELECT count(*)::int AS count FROM place`);
    const all = await pageThrough(t, 'places', '', coordinator, 4);
    expect(unique(all.ids)).toBe(true);
    expect(all.ids).toHaveLength(count);
  });

  it('claims of a shelter, newest first', async () => {
    const shelter = await createShelter(t, { places: 9 });
    const claimed: string[] = [];
    for (const placeId of shelter.placeIds.slice(0, 7)) {
      const res = await t.gql(CLAIM, { input: { placeIds: [placeId], householdSize: 1 } }, coordinator);
      claimed.push(res.data!.claimPlace.id);
    }
    let extra = 7;
    const { ids } = await pageThrough(t, 'claims', `shelterId: "${shelter.shelterId}"`, coordinator, 2, async () => {
      if (extra < 9) await t.gql(CLAIM, { input: { placeIds: [shelter.placeIds[extra++]], householdSize: 1 } }, coordinator);
    });
    // The claims made while paging are newer than the cursor: not on later pages, and none twice.
    expect(ids).toEqual([...claimed].reverse());
    const other = await t.token({ role: Role.INTAKE, shelterIds: [shelters[1].shelterId] });
    expect(errorCode(await t.gql(`{ claims(shelterId: "${shelter.shelterId}") { nodes { id } } }`, {}, other))).toBe('FORBIDDEN');
  });

  it('auditEvents past the newest 1,000, back to the first', async () => {
    await t.db.pool.query(
      `INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id)
       SELECT 'bulk', 'ADMIN', 'test.bulk', 'test', g::text FROM generate_series(1, 1200) g`,
    );
    const { rows: [{ count }] } = await t.db.pool.query(`SELECT count(*)::int AS count FROM audit_event`);
    expect(count).toBeGreaterThan(1200);
    const { ids } = await pageThrough(t, 'auditEvents', '', coordinator, 100, async () => {
      // A new event (this mutation's attempt) is newer than the cursor: not repeated.
      await t.gql(`mutation { createOrganisation(input: { name: "x" }) { id } }`, {}, await t.token({ role: Role.REFERRER, referrerType: 'POLICE' } as never));
    });
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids).toHaveLength(count);
    const filtered = await pageThrough(t, 'auditEvents', 'action: "test.*"', coordinator, 100);
    expect(filtered.ids).toHaveLength(1200);
  });
});

describe('placementRequests pages are filtered in SQL: full pages of what the caller may read', () => {
  let t: TestService;
  let regions: Record<string, string>;
  const member = { sex: 'FEMALE', age: 35 };
  const risk = { level: 'LOW', honourRelated: false, trafficking: false, perpetratorNetwork: false, firearmAccess: false, policeCoDecision: false };

  beforeAll(async () => {
    t = await startTestService();
    const { rows } = await t.db.pool.query(`SELECT code, id FROM region`);
    regions = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(async () => t.close());

  async function file(token: string, homeRegion: string): Promise<string> {
    const res = await t.gql(`mutation($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id } }`, {
      input: { urgency: 'WITHIN_24H', risk, household: [member], homeRegionId: regions[homeRegion], consentToShare: true, clientReference: 'P-1' },
    }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.createPlacementRequest.id;
  }

  it('gives each caller every request it may read, once, in full pages', async () => {
    const police = await t.token({ role: Role.REFERRER, referrerType: 'POLICE', sub: 'officer-a', organisationId: '00000000-0000-4000-8000-00000000000a' } as never);
    const colleague = await t.token({ role: Role.REFERRER, referrerType: 'POLICE', sub: 'officer-b', organisationId: '00000000-0000-4000-8000-00000000000a' } as never);
    const stranger = await t.token({ role: Role.REFERRER, referrerType: 'VEILIG_THUIS', sub: 'vt-c', organisationId: '00000000-0000-4000-8000-00000000000c' } as never);
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) mine.push(await file(police, 'utrecht'));
    const theirs: string[] = [];
    for (let i = 0; i < 6; i++) theirs.push(await file(stranger, 'amsterdam'));
    const cancelled = theirs[0];
    expect((await t.gql(`mutation($id: ID!) { cancelPlacementRequest(id: $id) { status } }`, { id: cancelled }, stranger)).errors).toBeUndefined();

    // The newest requests are the stranger's: a filter after the fetch would return short pages.
    const own = await pageThrough(t, 'placementRequests', '', colleague, 2);
    expect(own.ids).toEqual([...mine].reverse());
    expect(own.sizes).toEqual([2, 2, 1]);

    const coordinator = await t.token({ role: Role.COORDINATOR });
    let late = 0;
    const all = await pageThrough(t, 'placementRequests', '', coordinator, 3, async () => {
      if (late++ < 2) await file(police, 'utrecht');
    });
    // Requests filed while paging are newer than the cursor: neither repeated nor shifting the pages.
    expect(all.ids).toEqual([...mine, ...theirs].reverse());

    // Intake elsewhere reads open requests only (not the cancelled one); intake of Amsterdam reads its region's, cancelled too.
    const shelter = await createShelter(t, { regionCode: 'groningen', places: 1 });
    const intake = await t.token({ role: Role.INTAKE, shelterIds: [shelter.shelterId], sub: 'intake-groningen' });
    const open = await pageThrough(t, 'placementRequests', '', intake, 4);
    expect(open.ids).not.toContain(cancelled);
    expect(open.ids).toEqual(expect.arrayContaining([...mine, ...theirs.slice(1)]));
    expect(open.sizes.slice(0, -1).every((n) => n === 4)).toBe(true);
    const amsterdam = await createShelter(t, { regionCode: 'amsterdam', places: 1 });
    const local = await t.token({ role: Role.INTAKE, shelterIds: [amsterdam.shelterId], sub: 'intake-amsterdam' });
    expect((await pageThrough(t, 'placementRequests', 'status: CANCELLED', local, 2)).ids).toEqual([cancelled]);
  });
});
