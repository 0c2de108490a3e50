import * as Plot from '@observablehq/plot';
import { Heading2 } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDashboardQuery } from '../gql/graphql';
import { DASHES, PALETTE, SYMBOLS, type LegendItem, type TableSpec } from './Figure';
import { cell, count, decimal, find, keysOf, MIN_OBSERVATIONS, tooFew, ZERO, type Keyed, type NumberFormat, type Shown } from './figures';

/**
 * The flow dashboard's figure kit: what every section uses to turn one report (and last year's, when
 * there is one) into labels, charts, tables and key figures. Sections get it from useFigureKit.
 */

export type Report = FlowDashboardQuery['flowReport'];
export type Total = Report['total'];

export interface RegionRef {
  id: string;
  name: string;
  code: string;
}

/** What a report's key names: each kind has its own words (see label). */
export type LabelKind = 'category' | 'origin' | 'referrer' | 'sexAge' | 'move' | 'destination' | 'blocker' | 'reason' | 'leftList';

/** One line of a chart over the buckets; null where nothing is drawn (withheld or missing). */
export interface Series {
  name: string;
  values: (number | null)[];
}

/** One column of a table over the buckets, already in words ("<5", "–"). */
export interface TrendColumn {
  name: string;
  cells: string[];
}

/** Counts over the buckets (undefined: no such bucket, e.g. in last year's report): one line and one table column. */
export interface CountSeries {
  name: string;
  counts: (Shown | undefined)[];
}

export interface Quantiles {
  p50?: number | null;
  p90?: number | null;
}

/** A key figure above a chart, read from a report's total (this period's, and last year's beside it); name is a flows.* key. */
export type FactSpec = { name: string } & (
  | { count: (x: Total) => Shown }
  | { median: (x: Total) => Quantiles }
  | { decimal: (x: Total) => number | null | undefined }
);

export interface FigureKit {
  report: Report;
  /** Last year's report, only when it has figures. */
  before: Report | undefined;
  total: Total;
  prior: Total | undefined;
  num: NumberFormat;
  /** Column headers: "this period" and "same period last year". */
  thisCol: string;
  prevCol: string;
  /** A table's columns: the first, this period and (with history) last year. */
  cols(first: string): string[];
  /** A region's name for its code (the code itself when unknown). */
  regionName(code: string): string;
  /** A key of the report in words. */
  label(kind: LabelKind, key: string): string;
  /** A bucket's start as a short date (a month, or a day). */
  bucketLabel(start: string): string;
  /** A table of one list by key, with last year's column when there is history. */
  keyedTable(caption: string, first: string, kind: LabelKind, now: Keyed[], then: Keyed[] | undefined): TableSpec;
  /** Horizontal bars with "<5" written where a count is withheld, and a black tick for last year. */
  bars(kind: LabelKind, now: Keyed[], then: Keyed[] | undefined, xLabel: string): Plot.PlotOptions;
  /** Lines over the buckets, one colour, symbol and dash per series (the legend names them: not colour alone). */
  lines(series: Series[], yLabel: string, percentScale?: boolean): Plot.PlotOptions;
  legendOf(series: { name: string }[]): LegendItem[];
  /** A table with a row per bucket and a column per series. */
  trendTable(caption: string, columns: TrendColumn[]): TableSpec;
  /** Counts over the buckets as chart lines and as table columns, so both show the same. */
  countTrend(series: CountSeries[]): { series: Series[]; columns: TrendColumn[] };
  /** One sentence naming the largest key, for the chart's text alternative. */
  summaryOf(kind: LabelKind, now: Keyed[]): string;
  /** The key figures above a chart. */
  facts(specs: FactSpec[]): ReactNode;
  /** Why a chart of these counts is not drawn: nothing counted, or too few (see MIN_OBSERVATIONS); undefined to draw it. */
  noChart(cells: Shown[]): string | undefined;
  tooFewText: string;
}

export function useFigureKit({ report, before, regions, num }: { report: Report; before: Report | undefined; regions: RegionRef[]; num: NumberFormat }): FigureKit {
  const { t, i18n } = useTranslation();
  const loc = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const total = report.total;
  const prior = before?.total;
  const thisCol = t('flows.thisPeriod');
  const prevCol = t('flows.yearEarlier');
  const cols = (first: string) => (prior ? [first, thisCol, prevCol] : [first, thisCol]);
  const regionByCode = new Map(regions.map((r) => [r.code, r.name]));
  const regionName = (code: string) => regionByCode.get(code) ?? code;

  const label = (kind: LabelKind, key: string): string => {
    switch (kind) {
      case 'category':
        return t(`category.${key}`, { defaultValue: key });
      case 'origin':
        return key === 'OWN_REGION' ? t('flows.ownRegion') : regionName(key);
      case 'referrer':
        return key === 'UNKNOWN' ? t('flows.unknown') : t(`referrerType.${key}`, { defaultValue: key });
      case 'sexAge': {
        const [sex, band] = key.split(' ');
        return `${t(`sex.${sex}`, { defaultValue: sex })} ${band ?? ''}`.trim();
      }
      case 'move': {
        const [a, b] = key.split('>');
        return `${label('category', a)} → ${label('category', b)}`;
      }
      case 'destination':
        return t(`destination.${key}`, { defaultValue: key });
      case 'blocker':
        return t(`blocker.${key}`, { defaultValue: key });
      case 'reason':
        return t(`flows.notAdmittedReason.${key}`, { defaultValue: key });
      case 'leftList':
        return t(`flows.leftListBy.${key}`, { defaultValue: key });
    }
  };

  const bucketLabel = (start: string) => {
    const d = new Date(`${start}T00:00:00Z`);
    return report.granularity === 'MONTH'
      ? new Intl.DateTimeFormat(loc, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d)
      : new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d);
  };
  const dates = report.buckets.map((b) => new Date(`${b.start}T00:00:00Z`));

  const keyedTable = (caption: string, first: string, kind: LabelKind, now: Keyed[], then: Keyed[] | undefined): TableSpec => ({
    caption,
    columns: cols(first),
    rows: keysOf(now, prior ? then : undefined).map((key) => ({
      header: label(kind, key),
      cells: prior ? [cell(find(now, key) ?? ZERO, num), cell(find(then, key) ?? ZERO, num)] : [cell(find(now, key), num)],
    })),
  });

  const bars = (kind: LabelKind, now: Keyed[], then: Keyed[] | undefined, xLabel: string): Plot.PlotOptions => {
    const rows = keysOf(now, prior ? then : undefined).map((key) => {
      const c = find(now, key);
      const p = prior ? find(then, key) : undefined;
      return { label: label(kind, key), value: c?.value ?? (c?.suppressed ? null : 0), suppressed: !!c?.suppressed, prev: p?.value ?? null };
    });
    return {
      width: 720,
      height: 40 + rows.length * 30,
      marginLeft: 230,
      marginRight: 50,
      x: { label: xLabel, grid: true, nice: true, tickFormat: (v: number) => num(v) },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [
        Plot.barX(rows.filter((r) => r.value !== null), { x: 'value', y: 'label', fill: PALETTE[0] }),
        ...(prior ? [Plot.tickX(rows.filter((r) => r.prev !== null), { x: 'prev', y: 'label', stroke: '#000', strokeWidth: 3 })] : []),
        Plot.text(rows, { x: (r) => r.value ?? 0, y: 'label', text: (r) => (r.suppressed ? '<5' : num(r.value ?? 0)), dx: 6, textAnchor: 'start', fontSize: 12 }),
        Plot.ruleX([0]),
      ],
    };
  };

  const lines = (series: Series[], yLabel: string, percentScale = false): Plot.PlotOptions => {
    const marks: Plot.Markish[] = [Plot.ruleY([0])];
    series.forEach((s, i) => {
      const data = s.values.map((v, j) => ({ date: dates[j], value: v, series: s.name }));
      const color = PALETTE[i % PALETTE.length];
      marks.push(
        // A withheld point (null) breaks the line: nothing is drawn for it, not a 0.
        Plot.lineY(data, { x: 'date', y: (d) => d.value ?? undefined, stroke: color, strokeWidth: 2, strokeDasharray: DASHES[i % DASHES.length] === 'none' ? undefined : DASHES[i % DASHES.length] }),
        Plot.dot(data.filter((d) => d.value !== null), { x: 'date', y: 'value', stroke: color, fill: 'white', symbol: SYMBOLS[i % SYMBOLS.length], r: 3.5 }),
      );
    });
    return {
      width: 720,
      height: 300,
      marginRight: 20,
      marginLeft: 50,
      x: { label: null, type: 'utc' },
      y: { label: yLabel, grid: true, nice: true, tickFormat: (v: number) => (percentScale ? `${num(v)} %` : num(v)) },
      marks,
    };
  };

  const trendTable = (caption: string, columns: TrendColumn[]): TableSpec => ({
    caption,
    columns: [t('flows.bucket'), ...columns.map((s) => s.name)],
    rows: report.buckets.map((b, i) => ({ header: bucketLabel(b.start), cells: columns.map((s) => s.cells[i]) })),
  });

  const countTrend = (series: CountSeries[]) => ({
    series: series.map((s) => ({ name: s.name, values: s.counts.map((c) => (c ? count(c) : null)) })),
    columns: series.map((s) => ({ name: s.name, cells: s.counts.map((c) => cell(c, num)) })),
  });

  const summaryOf = (kind: LabelKind, now: Keyed[]) => {
    const top = [...now].filter((k) => !k.suppressed && (k.value ?? 0) > 0).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
    return top ? t('flows.summaryTop', { label: label(kind, top.key), count: top.value ?? 0 }) : t('flows.summaryNone');
  };

  const medianP90 = (q: Quantiles) => t('flows.medianP90', { p50: decimal(q.p50, num), p90: decimal(q.p90, num) });
  const factText = (f: FactSpec, x: Total): string => ('count' in f ? cell(f.count(x), num) : 'median' in f ? medianP90(f.median(x)) : decimal(f.decimal(x), num));
  const fact = (name: string, now: string, then?: string) => (
    <div key={name}>
      <dt>{name}</dt>
      <dd>
        {now}
        {prior && then !== undefined ? <span className="opvangnet-fact-prev"> ({t('flows.yearEarlierShort')}: {then})</span> : null}
      </dd>
    </div>
  );
  const facts = (specs: FactSpec[]) => <dl className="opvangnet-facts">{specs.map((f) => fact(t(`flows.${f.name}`), factText(f, total), prior && factText(f, prior)))}</dl>;

  const tooFewText = t('flows.tooFew', { min: MIN_OBSERVATIONS });
  const noChart = (cells: Shown[]): string | undefined =>
    cells.every((c) => !c.suppressed && !c.value) ? t('flows.noData') : tooFew(cells) ? tooFewText : undefined;

  return {
    report,
    before,
    total,
    prior,
    num,
    thisCol,
    prevCol,
    cols,
    regionName,
    label,
    bucketLabel,
    keyedTable,
    bars,
    lines,
    legendOf: (series) => series.map((s, i) => ({ name: s.name, index: i })),
    trendTable,
    countTrend,
    summaryOf,
    facts,
    noChart,
    tooFewText,
  };
}

/** A section of the dashboard: a heading (its id labels the section) and its figures. */
export function FlowSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="opvangnet-stack">
      <Heading2 id={id}>{title}</Heading2>
      {children}
    </section>
  );
}
