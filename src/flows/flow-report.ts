import { Cell } from './suppression.js';

export type Granularity = 'DAY' | 'WEEK' | 'MONTH';

export interface Percentiles {
  observations: Cell;
  p50: number | null;
  p90: number | null;
}

/** One period (a bucket, or the whole report), as counted, before anything is withheld. */
export interface PeriodFigures {
  start: string;
  end: string;
  inflow: {
    admissions: Cell;
    persons: Cell;
    adults: Cell;
    children: Cell;
    byCategory: Map<string, Cell>;
    byOrigin: Map<string, Cell>;
    byReferrerType: Map<string, Cell>;
    bySexAndAgeBand: Map<string, Cell>;
  };
  throughflow: {
    transfers: Cell;
    byMove: Map<string, Cell>;
    toOtherRegions: Cell;
    fromOtherRegions: Cell;
    daysBeforeMove: Percentiles;
  };
  outflow: {
    discharges: Cell;
    byDestination: Map<string, Cell>;
    lengthOfStay: Map<string, { discharges: Cell; p50: number | null; p90: number | null; normDays: number | null; overNorm: number; overMax: number }>;
  };
  blockedOutflow: {
    atPeriodEnd: Cell;
    byBlocker: Map<string, Cell>;
    daysWaitingP50: number | null;
    markedInPeriod: Cell;
  };
  unmetDemand: {
    notAdmitted: Cell;
    byReason: Map<string, Cell>;
    escalations: Cell;
    hoursToClaim: Percentiles;
    hoursToAdmission: Percentiles;
    daysWithoutFreePlace: Map<string, number>;
  };
  waitingList: {
    waitingAtEnd: Cell;
    waitingAtEndByCategory: Map<string, Cell>;
    leftList: Cell;
    leftListBy: Map<string, Cell>;
    daysWaited: Percentiles;
    offersMade: Cell;
    offersAccepted: Cell;
    offersDeclined: Cell;
    offersDeclinedByReason: Map<string, Cell>;
  };
  occupancy: Map<string, { occupied: number; inService: number; samples: number }>;
  placementMatrix: Map<string, Cell>;
}

export interface FlowReportFigures {
  regionId: string | null;
  from: string;
  to: string;
  granularity: Granularity;
  buckets: PeriodFigures[];
  total: PeriodFigures;
}
