import { FlowReportFigures, PeriodFigures, Percentiles } from './flow-report.js';
import { FlowGranularity, FlowPeriodModel, FlowReportModel } from './models/flow.models.js';
import { Cell, shown, SUPPRESS_BELOW } from './suppression.js';

/*
 * Breakdowns come in key order: FlowsService sorts every Map of the figures before suppression
 * (sortBreakdowns), and the order it suppressed in is the order shown.
 */

const byKey = (map: Map<string, Cell>) => [...map.entries()].map(([key, c]) => ({ key, ...shown(c) }));
const pct = (p: Percentiles) => ({ observations: shown(p.observations), p50: p.p50, p90: p.p90 });
const share = (part: number, whole: number) => (whole < SUPPRESS_BELOW || (part > 0 && part < SUPPRESS_BELOW) ? null : Math.round((part / whole) * 1000) / 1000);

function period(p: PeriodFigures): FlowPeriodModel {
  return {
    start: p.start,
    end: p.end,
    inflow: {
      admissions: shown(p.inflow.admissions), persons: shown(p.inflow.persons), adults: shown(p.inflow.adults), children: shown(p.inflow.children),
      byCategory: byKey(p.inflow.byCategory), byOrigin: byKey(p.inflow.byOrigin), byReferrerType: byKey(p.inflow.byReferrerType),
      bySexAndAgeBand: byKey(p.inflow.bySexAndAgeBand),
    },
    throughflow: {
      transfers: shown(p.throughflow.transfers), byMove: byKey(p.throughflow.byMove), toOtherRegions: shown(p.throughflow.toOtherRegions),
      fromOtherRegions: shown(p.throughflow.fromOtherRegions), daysBeforeMove: pct(p.throughflow.daysBeforeMove),
    },
    outflow: {
      discharges: shown(p.outflow.discharges),
      byDestination: byKey(p.outflow.byDestination),
      lengthOfStay: [...p.outflow.lengthOfStay.entries()].map(([category, l]) => ({
        category, discharges: shown(l.discharges), p50Days: l.p50, p90Days: l.p90, normDays: l.normDays ?? 0,
        overNormShare: l.discharges.suppressed ? null : share(l.overNorm, l.discharges.value),
        overMaxShare: l.discharges.suppressed ? null : share(l.overMax, l.discharges.value),
      })),
    },
    blockedOutflow: {
      atPeriodEnd: shown(p.blockedOutflow.atPeriodEnd), byBlocker: byKey(p.blockedOutflow.byBlocker),
      daysWaitingP50: p.blockedOutflow.daysWaitingP50, markedInPeriod: shown(p.blockedOutflow.markedInPeriod),
    },
    unmetDemand: {
      notAdmitted: shown(p.unmetDemand.notAdmitted), byReason: byKey(p.unmetDemand.byReason), escalations: shown(p.unmetDemand.escalations),
      hoursToClaim: pct(p.unmetDemand.hoursToClaim), hoursToAdmission: pct(p.unmetDemand.hoursToAdmission),
      daysWithoutFreePlace: [...p.unmetDemand.daysWithoutFreePlace.entries()]
        .map(([key, value]) => ({ key, value, suppressed: false })),
    },
    waitingList: {
      waitingAtEnd: shown(p.waitingList.waitingAtEnd), waitingAtEndByCategory: byKey(p.waitingList.waitingAtEndByCategory),
      leftList: shown(p.waitingList.leftList), leftListBy: byKey(p.waitingList.leftListBy), daysWaited: pct(p.waitingList.daysWaited),
      offersMade: shown(p.waitingList.offersMade), offersAccepted: shown(p.waitingList.offersAccepted),
      offersDeclined: shown(p.waitingList.offersDeclined), offersDeclinedByReason: byKey(p.waitingList.offersDeclinedByReason),
    },
    occupancy: [...p.occupancy.entries()].map(([category, o]) => ({
      category, rate: o.inService > 0 ? Math.round((o.occupied / o.inService) * 1000) / 1000 : null,
      occupiedPlaceSamples: o.occupied, inServicePlaceSamples: o.inService,
    })),
    placementMatrix: [...p.placementMatrix.entries()].map(([key, c]) => {
      const [originRegion, placementRegion] = key.split('>');
      return { originRegion, placementRegion, ...shown(c) };
    }),
  };
}

export function presentReport(figures: FlowReportFigures): FlowReportModel {
  return {
    regionId: figures.regionId,
    from: figures.from,
    to: figures.to,
    granularity: figures.granularity as FlowGranularity,
    suppressBelow: SUPPRESS_BELOW,
    buckets: figures.buckets.map(period),
    total: period(figures.total),
  };
}

export interface TidyRow {
  bucket: string;
  measure: string;
  dimension: string;
  value: number | null;
  suppressed: boolean;
}

/** The same report as tidy rows (bucket, measure, dimension, value): what the CSV export writes. */
export function tidyRows(report: FlowReportModel): TidyRow[] {
  const rows: TidyRow[] = [];
  const walk = (bucket: string, measure: string, value: unknown): void => {
    if (value === null || value === undefined) {
      rows.push({ bucket, measure, dimension: '', value: null, suppressed: false });
    } else if (typeof value === 'number') {
      rows.push({ bucket, measure, dimension: '', value, suppressed: false });
    } else if (Array.isArray(value)) {
      for (const item of value as Record<string, unknown>[]) {
        const dimension = String(item.key ?? item.category ?? `${item.originRegion}>${item.placementRegion}`);
        if ('value' in item && 'suppressed' in item) {
          rows.push({ bucket, measure, dimension, value: item.value as number | null, suppressed: item.suppressed as boolean });
        } else {
          for (const [field, inner] of Object.entries(item)) {
            if (field === 'category' || field === 'key') continue;
            const before = rows.length;
            walk(bucket, `${measure}.${field}`, inner);
            for (const row of rows.slice(before)) row.dimension = row.dimension ? `${dimension} ${row.dimension}` : dimension;
          }
        }
      }
    } else if (typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if ('value' in obj && 'suppressed' in obj && Object.keys(obj).length === 2) {
        rows.push({ bucket, measure, dimension: '', value: obj.value as number | null, suppressed: obj.suppressed as boolean });
      } else {
        for (const [field, inner] of Object.entries(obj)) walk(bucket, `${measure}.${field}`, inner);
      }
    }
  };
  for (const p of [...report.buckets.map((b) => ({ label: b.start, b })), { label: 'total', b: report.total }]) {
    const { start: _s, end: _e, ...figures } = p.b;
    for (const [family, value] of Object.entries(figures)) walk(p.label, family, value);
  }
  return rows;
}
