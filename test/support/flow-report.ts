import { TestService } from './service.js';

/** Every figure of the flow report, for tests that check the whole of it. */
export const FLOW_REPORT = `query Report($regionId: ID, $from: String!, $to: String!, $granularity: FlowGranularity) {
  flowReport(regionId: $regionId, from: $from, to: $to, granularity: $granularity) {
    regionId from to granularity suppressBelow
    total { ...period }
    buckets { ...period }
  }
}
fragment count on Count { value suppressed }
fragment by on CountBy { key value suppressed }
fragment pct on Percentiles { observations { ...count } p50 p90 }
fragment period on FlowPeriod {
  start end
  inflow { admissions { ...count } persons { ...count } adults { ...count } children { ...count }
    byCategory { ...by } byOrigin { ...by } byReferrerType { ...by } bySexAndAgeBand { ...by } }
  throughflow { transfers { ...count } byMove { ...by } toOtherRegions { ...count } fromOtherRegions { ...count }
    daysBeforeMove { ...pct } }
  outflow { discharges { ...count } byDestination { ...by }
    lengthOfStay { category discharges { ...count } p50Days p90Days normDays overNormShare overMaxShare } }
  blockedOutflow { atPeriodEnd { ...count } byBlocker { ...by } daysWaitingP50 markedInPeriod { ...count } }
  unmetDemand { notAdmitted { ...count } byReason { ...by } escalations { ...count }
    hoursToClaim { ...pct } hoursToAdmission { ...pct } daysWithoutFreePlace { ...by } }
  waitingList { waitingAtEnd { ...count } waitingAtEndByCategory { ...by } leftList { ...count } leftListBy { ...by } daysWaited { ...pct }
    offersMade { ...count } offersAccepted { ...count } offersDeclined { ...count } offersDeclinedByReason { ...by } }
  occupancy { category rate occupiedPlaceSamples inServicePlaceSamples }
  placementMatrix { originRegion placementRegion value suppressed }
}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the report as the API answered it
export async function flowReport(t: TestService, token: string, variables: Record<string, unknown>): Promise<any> {
  const res = await t.gql(FLOW_REPORT, { granularity: 'MONTH', ...variables }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.flowReport;
}

/** Today's date in the report time zone (YYYY-MM-DD), and a day relative to it. */
export function localDay(offsetDays = 0, timeZone = 'Europe/Amsterdam'): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + offsetDays);
  return d.toISOString().slice(0, 10);
}

type Shown = { value: number | null; suppressed: boolean };
type Keyed = Shown & { key: string };
type Period = Record<string, any>;

/** One additive relation of a report: total = the sum of cells (a cell the report leaves out is 0). */
export interface Relation {
  name: string;
  total: Shown;
  cells: Shown[];
}

const zero: Shown = { value: 0, suppressed: false };
const keyedCells = (rows: Keyed[]) => new Map(rows.map((r) => [r.key, r]));

/**
 * Every additive relation a reader can see in a flow report, derived from the response alone:
 * breakdowns against their totals, adults and children against the age bands, the placement
 * matrix against inflow by origin, twins (a figure shown twice), buckets against the period
 * total (stocks: the last bucket is the total).
 */
export function relationsOf(report: { buckets: Period[]; total: Period }, regionCode: string | null): Relation[] {
  const relations: Relation[] = [];
  const rel = (name: string, total: Shown, cells: Shown[]) => relations.push({ name, total, cells });
  const periods = [...report.buckets.map((b) => ({ label: b.start, p: b })), { label: 'total', p: report.total }];
  for (const { label, p } of periods) {
    const i = p.inflow;
    rel(`${label} admissions by category`, i.admissions, i.byCategory);
    rel(`${label} admissions by origin`, i.admissions, i.byOrigin);
    rel(`${label} admissions by referrer`, i.admissions, i.byReferrerType);
    rel(`${label} persons by sex and age`, i.persons, i.bySexAndAgeBand);
    rel(`${label} persons = adults + children`, i.persons, [i.adults, i.children]);
    rel(`${label} children = 0-17 cells`, i.children, i.bySexAndAgeBand.filter((c: Keyed) => c.key.endsWith(' 0-17')));
    rel(`${label} adults = 18+ cells`, i.adults, i.bySexAndAgeBand.filter((c: Keyed) => !c.key.endsWith(' 0-17')));
    const matrix = (p.placementMatrix as { originRegion: string; placementRegion: string; value: number | null; suppressed: boolean }[])
      .filter((m) => regionCode === null || m.placementRegion === regionCode);
    rel(`${label} admissions = matrix cells placed here`, i.admissions, matrix);
    const byOrigin = keyedCells(i.byOrigin);
    const originKeys = new Set([...byOrigin.keys(), ...matrix.map((m) => (m.originRegion === m.placementRegion ? 'OWN_REGION' : m.originRegion))]);
    for (const key of originKeys) {
      rel(`${label} origin ${key} = matrix`, byOrigin.get(key) ?? zero,
        matrix.filter((m) => (key === 'OWN_REGION' ? m.originRegion === m.placementRegion : m.originRegion === key && m.placementRegion !== key)));
    }
    const th = p.throughflow;
    rel(`${label} transfers by move`, th.transfers, th.byMove);
    rel(`${label} transfers = days-before-move observations`, th.transfers, [th.daysBeforeMove.observations]);
    const o = p.outflow;
    rel(`${label} discharges by destination`, o.discharges, o.byDestination);
    rel(`${label} discharges by category left`, o.discharges, o.lengthOfStay.map((l: { discharges: Shown }) => l.discharges));
    const u = p.unmetDemand;
    rel(`${label} not admitted by reason`, u.notAdmitted, u.byReason);
    if (p.waitingList) {
      const w = p.waitingList;
      rel(`${label} offers declined by reason`, w.offersDeclined, w.offersDeclinedByReason);
      rel(`${label} left the list = days-waited observations`, w.leftList, [w.daysWaited.observations]);
      rel(`${label} left the list by exit`, w.leftList, w.leftListBy);
      rel(`${label} offers accepted = left the list by an accepted offer`, w.offersAccepted,
        w.leftListBy.filter((c: Keyed) => c.key === 'OFFER_ACCEPTED'));
    }
  }

  // Across buckets. Flows add up to the total; stocks (at the end of a bucket) are the last bucket's.
  const last = report.buckets[report.buckets.length - 1];
  const across = (name: string, pick: (p: Period) => Shown | undefined, stock = false) => {
    if (stock) rel(`${name}: total = last bucket`, pick(report.total) ?? zero, [pick(last) ?? zero]);
    else rel(`${name}: total = sum of buckets`, pick(report.total) ?? zero, report.buckets.map((b) => pick(b) ?? zero));
  };
  const acrossKeyed = (name: string, pick: (p: Period) => Keyed[], stock = false) => {
    const keys = new Set([report.total, ...report.buckets].flatMap((p) => pick(p).map((c) => c.key)));
    for (const key of keys) across(`${name} ${key}`, (p) => pick(p).find((c) => c.key === key), stock);
  };
  for (const path of [
    'inflow.admissions', 'inflow.persons', 'inflow.adults', 'inflow.children', 'throughflow.transfers', 'throughflow.toOtherRegions',
    'throughflow.fromOtherRegions', 'throughflow.daysBeforeMove.observations', 'outflow.discharges', 'blockedOutflow.markedInPeriod',
    'unmetDemand.notAdmitted', 'unmetDemand.escalations', 'unmetDemand.hoursToClaim.observations', 'unmetDemand.hoursToAdmission.observations',
    'waitingList.offersMade', 'waitingList.offersAccepted', 'waitingList.offersDeclined', 'waitingList.leftList', 'waitingList.daysWaited.observations',
  ]) {
    across(path, (p) => path.split('.').reduce((x: any, k) => x?.[k], p));
  }
  across('blockedOutflow.atPeriodEnd', (p) => p.blockedOutflow.atPeriodEnd, true);
  acrossKeyed('blockedOutflow.byBlocker', (p) => p.blockedOutflow.byBlocker, true);
  if (report.total.waitingList) {
    across('waitingList.waitingAtEnd', (p) => p.waitingList.waitingAtEnd, true);
    acrossKeyed('waitingList.waitingAtEndByCategory', (p) => p.waitingList.waitingAtEndByCategory, true);
    acrossKeyed('waitingList.offersDeclinedByReason', (p) => p.waitingList.offersDeclinedByReason);
    acrossKeyed('waitingList.leftListBy', (p) => p.waitingList.leftListBy);
  }
  for (const [name, pick] of [
    ['inflow.byCategory', (p: Period) => p.inflow.byCategory], ['inflow.byOrigin', (p: Period) => p.inflow.byOrigin],
    ['inflow.byReferrerType', (p: Period) => p.inflow.byReferrerType], ['inflow.bySexAndAgeBand', (p: Period) => p.inflow.bySexAndAgeBand],
    ['throughflow.byMove', (p: Period) => p.throughflow.byMove], ['outflow.byDestination', (p: Period) => p.outflow.byDestination],
    ['unmetDemand.byReason', (p: Period) => p.unmetDemand.byReason],
    ['outflow.lengthOfStay', (p: Period) => p.outflow.lengthOfStay.map((l: { category: string; discharges: Shown }) => ({ key: l.category, ...l.discharges }))],
    ['placementMatrix', (p: Period) => p.placementMatrix.map((m: { originRegion: string; placementRegion: string } & Shown) => ({ key: `${m.originRegion}>${m.placementRegion}`, ...m }))],
  ] as [string, (p: Period) => Keyed[]][]) acrossKeyed(name, pick);
  return relations;
}

/**
 * What a reader can work out: a relation with exactly one withheld member determines it; that cell
 * is then known for every other relation, and so on until nothing changes. Returns the names of
 * the determined cells (empty when suppression holds) and the relations whose visible cells do
 * not add up (empty when the relations are real).
 */
export function recoverable(relations: Relation[]): { determined: string[]; inconsistent: string[] } {
  const known = new Map<Shown, number>();
  const valueOf = (c: Shown) => (c.value !== null ? c.value : known.get(c));
  const determined: string[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of relations) {
      const unknown = [r.total, ...r.cells].filter((c) => valueOf(c) === undefined);
      if (unknown.length !== 1) continue;
      const [cell] = unknown;
      const sum = r.cells.filter((c) => c !== cell).reduce((s, c) => s + valueOf(c)!, 0);
      known.set(cell, cell === r.total ? sum : valueOf(r.total)! - sum);
      determined.push(`${r.name}: ${cell === r.total ? 'total' : 'a cell'} = ${known.get(cell)}`);
      changed = true;
    }
  }
  const inconsistent = relations
    .filter((r) => [r.total, ...r.cells].every((c) => c.value !== null))
    .filter((r) => r.cells.reduce((s, c) => s + c.value!, 0) !== r.total.value)
    .map((r) => `${r.name}: ${r.total.value} != ${r.cells.map((c) => c.value).join(' + ')}`);
  return { determined, inconsistent };
}

/** A transfer written straight into the history, as the tests' hand-built histories need it. */
export async function moveStay(
  pool: { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[] }> },
  stayId: string,
  to: { shelterId: string; regionId: string },
  toCategory: string,
  at: string,
  days: number,
): Promise<void> {
  const { rows: [s] } = await pool.query(`SELECT shelter_id, region_id, category FROM stay WHERE id = $1`, [stayId]);
  await pool.query(
    `INSERT INTO transfer (stay_id, transferred_at, from_shelter_id, to_shelter_id, from_region_id, to_region_id, from_category, to_category, days_before_move, reason, transferred_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'test', 'history')`,
    [stayId, at, s.shelter_id, to.shelterId, s.region_id, to.regionId, s.category, toCategory, days],
  );
  await pool.query(`UPDATE stay SET shelter_id = $2, region_id = $3, category = $4 WHERE id = $1`, [stayId, to.shelterId, to.regionId, toCategory]);
}

/** A report with its breakdowns as [key, value] lists in key order, so two can be compared with toEqual. */
export function comparable(report: unknown): unknown {
  return JSON.parse(JSON.stringify(report, (_key, value) =>
    value instanceof Map ? [...value.entries()].sort(([a], [b]) => String(a).localeCompare(String(b))) : value));
}

/**
 * The whole report (every field, suppressed flags included) read from the aggregates and from the
 * source rows, for each granularity, for each region given and the whole country (null).
 */
export async function bothWays(
  t: TestService, regionIds: (string | null)[], from: string, to: string,
): Promise<{ label: string; aggregated: unknown; direct: unknown }[]> {
  const { FlowsService } = await import('../../src/flows/flows.service.js');
  const flows = t.service.app.get(FlowsService);
  const answers = [];
  for (const regionId of regionIds) {
    for (const granularity of ['DAY', 'WEEK', 'MONTH'] as const) {
      answers.push({
        label: `${regionId ?? 'country'} ${granularity}`,
        aggregated: comparable(await flows.figures(regionId, from, to, granularity, { aggregates: true })),
        direct: comparable(await flows.figures(regionId, from, to, granularity, { aggregates: false })),
      });
    }
  }
  return answers;
}
