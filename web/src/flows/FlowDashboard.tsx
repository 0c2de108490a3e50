import * as Plot from '@observablehq/plot';
import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSession } from '../auth/session';
import { AppLink } from '../common/AppLink';
import { CheckboxField, SelectField, TextField } from '../common/fields';
import { useErrorText } from '../common/useErrorText';
import { graphql } from '../gql';
import type { FlowDashboardQuery } from '../gql/graphql';
import { errorCode } from '../graphql/errors';
import { downloadExport, type ExportFormat } from './download';
import { DASHES, Figure, PALETTE, SYMBOLS, type LegendItem, type TableSpec } from './Figure';
import { cell, decimal, find, keysOf, MIN_OBSERVATIONS, percent, tooFew, type Keyed, type NumberFormat, type Shown } from './figures';
import { defaultGranularity, isDate, presetPeriod, today, yearEarlier, type Granularity, type Period, type Preset } from './period';

const FlowDashboardQuery = graphql(`
  query FlowDashboard($regionId: ID, $from: String!, $to: String!, $granularity: FlowGranularity!) {
    flowReport(regionId: $regionId, from: $from, to: $to, granularity: $granularity) {
      regionId
      from
      to
      granularity
      buckets {
        start
        end
        inflow { admissions { value suppressed } }
        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } }
        waitingList { waitingAtEnd { value suppressed } }
        occupancy { category rate }
      }
      total {
        start
        end
        inflow {
          admissions { value suppressed }
          persons { value suppressed }
          byCategory { key value suppressed }
          byOrigin { key value suppressed }
          byReferrerType { key value suppressed }
          bySexAndAgeBand { key value suppressed }
        }
        throughflow {
          transfers { value suppressed }
          byMove { key value suppressed }
          toOtherRegions { value suppressed }
          fromOtherRegions { value suppressed }
          daysBeforeMove { observations { value suppressed } p50 p90 }
        }
        outflow {
          discharges { value suppressed }
          byDestination { key value suppressed }
          lengthOfStay { category discharges { value suppressed } p50Days p90Days normDays overNormShare overMaxShare }
        }
        blockedOutflow { atPeriodEnd { value suppressed } byBlocker { key value suppressed } daysWaitingP50 markedInPeriod { value suppressed } }
        unmetDemand {
          notAdmitted { value suppressed }
          byReason { key value suppressed }
          escalations { value suppressed }
          hoursToClaim { observations { value suppressed } p50 p90 }
          hoursToAdmission { observations { value suppressed } p50 p90 }
          daysWithoutFreePlace { key value suppressed }
        }
        waitingList {
          waitingAtEnd { value suppressed }
          leftList { value suppressed }
          leftListBy { key value suppressed }
          daysWaited { observations { value suppressed } p50 p90 }
          offersMade { value suppressed }
          offersAccepted { value suppressed }
          offersDeclined { value suppressed }
        }
        occupancy { category rate occupiedPlaceSamples inServicePlaceSamples }
        placementMatrix { originRegion placementRegion value suppressed }
      }
    }
  }
`);

const FlowRegionsQuery = graphql(`
  query FlowRegions {
    regions {
      id
      name
      code
    }
  }
`);

type Report = FlowDashboardQuery['flowReport'];
type Total = Report['total'];

const NATION = 'NL';

function readUrl() {
  const params = new URLSearchParams(location.search);
  return {
    region: params.get('regio'),
    preset: (params.get('periode') as Preset | null) ?? null,
    from: params.get('van'),
    to: params.get('tot'),
    granularity: params.get('per') as Granularity | null,
    year: params.get('jaar'),
  };
}

/** Anything counted in the earlier report: without it there is no history to compare with. */
function hasFigures(total: Total | undefined): boolean {
  if (!total) return false;
  const counts: Shown[] = [total.inflow.admissions, total.outflow.discharges, total.throughflow.transfers, total.unmetDemand.notAdmitted];
  return counts.some((c) => c.suppressed || (c.value ?? 0) > 0) || total.occupancy.some((o) => o.inServicePlaceSamples > 0);
}

/** In-, through- and outflow of a region (or the country) for a period, with last year's figures beside them. */
export default function FlowDashboard() {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { session } = useSession();
  const role = session?.person.role;
  const coordinator = role === 'COORDINATOR';
  const day = today();
  const thisYear = Number(day.slice(0, 4));

  const initial = useMemo(readUrl, []);
  const [region, setRegion] = useState<string>(initial.region ?? (coordinator ? NATION : (session?.person.regionId ?? '')));
  const [preset, setPreset] = useState<Preset>(initial.preset ?? (initial.from && initial.to ? 'custom' : 'last12Months'));
  const [year, setYear] = useState<string>(initial.year ?? String(thisYear - 1));
  const [customFrom, setCustomFrom] = useState(initial.from ?? presetPeriod('thisMonth', day).from);
  const [customTo, setCustomTo] = useState(initial.to ?? day);
  const period: Period = preset === 'custom' ? { from: customFrom, to: customTo } : presetPeriod(preset, day, Number(year));
  const [granularity, setGranularity] = useState<Granularity>(initial.granularity ?? defaultGranularity(period));
  const [printTables, setPrintTables] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  const periodValid = isDate(period.from) && isDate(period.to) && period.from <= period.to;
  const regionId = region === NATION ? null : region || null;
  const earlier = yearEarlier(period);

  // The choices live in the address, so a link or a reload shows the same report.
  useEffect(() => {
    const params = new URLSearchParams();
    if (region) params.set('regio', region);
    params.set('periode', preset);
    if (preset === 'year') params.set('jaar', year);
    if (preset === 'custom') {
      params.set('van', customFrom);
      params.set('tot', customTo);
    }
    params.set('per', granularity);
    history.replaceState(null, '', `${location.pathname}?${params.toString()}`);
  }, [region, preset, year, customFrom, customTo, granularity]);

  const [current] = useQuery({
    query: FlowDashboardQuery,
    variables: { regionId, from: period.from, to: period.to, granularity },
    pause: !periodValid,
  });
  const [previous] = useQuery({
    query: FlowDashboardQuery,
    variables: { regionId, from: earlier.from, to: earlier.to, granularity },
    pause: !periodValid || !current.data,
  });
  const [{ data: regionData }] = useQuery({ query: FlowRegionsQuery });
  const regions = [...(regionData?.regions ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const regionName = regionId ? regions.find((r) => r.id === regionId)?.name : undefined;

  const loc = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const num: NumberFormat = (n, digits = 0) => new Intl.NumberFormat(loc, { maximumFractionDigits: digits }).format(n);
  const dateLong = (s: string) => new Intl.DateTimeFormat(loc, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${s}T00:00:00Z`));

  const doExport = async (format: ExportFormat) => {
    setExporting(format);
    setExportProblem(null);
    const code = await downloadExport(format, { regionId, from: period.from, to: period.to, granularity }, session?.token());
    setExporting(null);
    if (code) setExportProblem(code === 'FORBIDDEN' ? t('flows.forbidden') : code === 'RATE_LIMITED' ? t('errors.rateLimited') : t('flows.exportFailed'));
  };

  const title = regionId ? t('flows.titleRegion', { region: regionName ?? '' }) : t('flows.titleNation');
  const report = current.data?.flowReport;
  const before = previous.data?.flowReport;
  const hasHistory = hasFigures(before?.total);

  let body;
  if (!periodValid) {
    body = <Alert type="error"><Paragraph>{t('flows.invalidPeriod')}</Paragraph></Alert>;
  } else if (current.error) {
    const code = errorCode(current.error);
    body = (
      <Alert type="error">
        <Paragraph>{code === 'FORBIDDEN' ? t('flows.forbidden') : errorText(current.error)}</Paragraph>
      </Alert>
    );
  } else if (!report) {
    body = <Paragraph role="status">{t('app.loading')}</Paragraph>;
  } else {
    body = (
      <Sections
        report={report}
        before={hasHistory ? before : undefined}
        historyLoading={!previous.data && !previous.error}
        regions={regions}
        num={num}
        nation={!regionId}
      />
    );
  }

  return (
    <div className={`opvangnet-stack opvangnet-dashboard${printTables ? ' opvangnet-dashboard--print-tables' : ''}`}>
      {coordinator ? (
        <div className="opvangnet-no-print">
          <AppLink to="/">{t('coordinator.back')}</AppLink>
        </div>
      ) : null}
      <Heading1 tabIndex={-1}>{title}</Heading1>
      <Paragraph className="opvangnet-dashboard__period">
        {periodValid ? t('flows.periodLine', { from: dateLong(period.from), to: dateLong(period.to), granularity: t(`flows.granularity.${granularity}`) }) : null}
        {periodValid && report ? (
          <>
            {' '}
            {hasHistory ? t('flows.compareLine', { from: dateLong(earlier.from), to: dateLong(earlier.to) }) : previous.data ? t('flows.noHistory') : null}
          </>
        ) : null}
      </Paragraph>

      <form className="opvangnet-filters opvangnet-no-print" aria-label={t('flows.controls')} onSubmit={(e) => e.preventDefault()}>
        {coordinator ? (
          <SelectField
            id="flow-region"
            label={t('flows.region')}
            value={region}
            options={[{ value: NATION, label: t('flows.nation') }, ...regions.map((r) => ({ value: r.id, label: r.name }))]}
            onChange={setRegion}
          />
        ) : null}
        <SelectField<Preset>
          id="flow-preset"
          label={t('flows.period')}
          value={preset}
          options={(['thisMonth', 'lastQuarter', 'last12Months', 'year', 'custom'] as const).map((p) => ({ value: p, label: t(`flows.preset.${p}`) }))}
          onChange={(p) => {
            setPreset(p);
            if (p !== 'custom') setGranularity(defaultGranularity(presetPeriod(p, day, Number(year))));
          }}
        />
        {preset === 'year' ? (
          <SelectField
            id="flow-year"
            label={t('flows.year')}
            value={year}
            options={[0, 1, 2, 3].map((n) => ({ value: String(thisYear - n), label: String(thisYear - n) }))}
            onChange={setYear}
          />
        ) : null}
        {preset === 'custom' ? (
          <>
            <TextField id="flow-from" type="date" label={t('flows.from')} value={customFrom} onChange={setCustomFrom} />
            <TextField id="flow-to" type="date" label={t('flows.to')} value={customTo} onChange={setCustomTo} />
          </>
        ) : null}
        <SelectField<Granularity>
          id="flow-granularity"
          label={t('flows.granularityLabel')}
          value={granularity}
          options={(['DAY', 'WEEK', 'MONTH'] as const).map((g) => ({ value: g, label: t(`flows.granularity.${g}`) }))}
          onChange={setGranularity}
        />
      </form>

      <div className="opvangnet-row-actions opvangnet-no-print" role="group" aria-label={t('flows.exportGroup')}>
        <Button appearance="secondary-action-button" disabled={!report || !!exporting} onClick={() => void doExport('csv-comma')}>
          {t('flows.exportCsvComma')}
        </Button>
        <Button appearance="secondary-action-button" disabled={!report || !!exporting} onClick={() => void doExport('csv-semicolon')}>
          {t('flows.exportCsvSemicolon')}
        </Button>
        <Button appearance="secondary-action-button" disabled={!report || !!exporting} onClick={() => void doExport('html')}>
          {t('flows.exportHtml')}
        </Button>
        <Button appearance="secondary-action-button" disabled={!report} onClick={() => print()}>
          {t('flows.print')}
        </Button>
      </div>
      <div className="opvangnet-no-print">
        <CheckboxField id="flow-print-tables" label={t('flows.printTables')} checked={printTables} onChange={setPrintTables} />
      </div>
      <div role="status" className="opvangnet-no-print">
        {exporting ? t('flows.exporting') : null}
      </div>
      {exportProblem ? (
        <Alert type="error">
          <Paragraph>{exportProblem}</Paragraph>
        </Alert>
      ) : null}

      <Paragraph className="opvangnet-legend">
        <strong>{t('flows.legendTitle')}</strong> {t('flows.legend')}
      </Paragraph>
      {body}
    </div>
  );
}

interface RegionRef {
  id: string;
  name: string;
  code: string;
}

function Sections({
  report,
  before,
  historyLoading,
  regions,
  num,
  nation,
}: {
  report: Report;
  before: Report | undefined;
  historyLoading: boolean;
  regions: RegionRef[];
  num: NumberFormat;
  nation: boolean;
}) {
  const { t, i18n } = useTranslation();
  const loc = i18n.language === 'en' ? 'en-GB' : 'nl-NL';
  const total = report.total;
  const prior = before?.total;
  const thisCol = t('flows.thisPeriod');
  const prevCol = t('flows.yearEarlier');
  const cols = (first: string) => (prior ? [first, thisCol, prevCol] : [first, thisCol]);
  const noHistoryNote = historyLoading ? null : prior ? null : t('flows.noHistoryShort');
  const regionByCode = new Map(regions.map((r) => [r.code, r.name]));

  const label = (kind: string, key: string): string => {
    switch (kind) {
      case 'category':
        return t(`category.${key}`, { defaultValue: key });
      case 'origin':
        return key === 'OWN_REGION' ? t('flows.ownRegion') : (regionByCode.get(key) ?? key);
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
      default:
        return key;
    }
  };

  const bucketLabel = (start: string) => {
    const d = new Date(`${start}T00:00:00Z`);
    return report.granularity === 'MONTH'
      ? new Intl.DateTimeFormat(loc, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d)
      : new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d);
  };
  const dates = report.buckets.map((b) => new Date(`${b.start}T00:00:00Z`));

  /** A table of one list by key, with last year's column when there is history. */
  const keyedTable = (caption: string, first: string, kind: string, now: Keyed[], then: Keyed[] | undefined): TableSpec => ({
    caption,
    columns: cols(first),
    rows: keysOf(now, prior ? then : undefined).map((key) => ({
      header: label(kind, key),
      cells: prior ? [cell(find(now, key) ?? { value: 0, suppressed: false }, num), cell(find(then, key) ?? { value: 0, suppressed: false }, num)] : [cell(find(now, key), num)],
    })),
  });

  /** Horizontal bars with "<5" written where a count is withheld, and a black tick for last year. */
  const bars = (kind: string, now: Keyed[], then: Keyed[] | undefined, xLabel: string): Plot.PlotOptions => {
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

  interface Series {
    name: string;
    values: (number | null)[];
  }
  /** Lines over the buckets, one colour, symbol and dash per series (the legend names them: not colour alone). */
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
  const legendOf = (series: { name: string }[]): LegendItem[] => series.map((s, i) => ({ name: s.name, index: i }));

  const trendTable = (caption: string, series: { name: string; cells: string[] }[]): TableSpec => ({
    caption,
    columns: [t('flows.bucket'), ...series.map((s) => s.name)],
    rows: report.buckets.map((b, i) => ({ header: bucketLabel(b.start), cells: series.map((s) => s.cells[i]) })),
  });

  const count = (c: Shown) => (c.suppressed ? null : c.value);
  const summaryOf = (kind: string, now: Keyed[]) => {
    const top = [...now].filter((k) => !k.suppressed && (k.value ?? 0) > 0).sort((a, b) => (b.value ?? 0) - (a.value ?? 0))[0];
    return top ? t('flows.summaryTop', { label: label(kind, top.key), count: top.value ?? 0 }) : t('flows.summaryNone');
  };
  const fact = (name: string, now: string, then?: string) => (
    <div key={name}>
      <dt>{name}</dt>
      <dd>
        {now}
        {prior && then !== undefined ? <span className="opvangnet-fact-prev"> ({t('flows.yearEarlierShort')}: {then})</span> : null}
      </dd>
    </div>
  );
  const facts = (items: ReactNode[]) => <dl className="opvangnet-facts">{items}</dl>;

  // Inflow
  const admissionsNow = report.buckets.map((b) => b.inflow.admissions);
  const admissionsThen = before?.buckets.map((b) => b.inflow.admissions) ?? [];
  const inflowTrend: Series[] = [{ name: thisCol, values: admissionsNow.map(count) }];
  if (prior) inflowTrend.push({ name: prevCol, values: report.buckets.map((_b, i) => (admissionsThen[i] ? count(admissionsThen[i]) : null)) });

  // Blocked outflow per blocker over the buckets
  const blockers = [...new Set(report.buckets.flatMap((b) => b.blockedOutflow.byBlocker.map((k) => k.key)))].sort();
  const blockedTotal = report.buckets.map((b) => b.blockedOutflow.atPeriodEnd);
  const blockedSeries: Series[] = [{ name: t('flows.allBlockers'), values: blockedTotal.map(count) }, ...blockers.map((k) => ({
    name: label('blocker', k),
    values: report.buckets.map((b) => {
      const c = find(b.blockedOutflow.byBlocker, k);
      return c ? count(c) : 0;
    }),
  }))];
  const waitingSeries: Series[] = [{ name: t('flows.waitingAtEnd'), values: report.buckets.map((b) => count(b.waitingList.waitingAtEnd)) }];

  // Occupancy per category over the buckets
  const categories = [...new Set(report.buckets.flatMap((b) => b.occupancy.filter((o) => o.rate !== null).map((o) => o.category)))];
  const occupancySeries: Series[] = categories.map((c) => ({
    name: label('category', c),
    values: report.buckets.map((b) => {
      const o = b.occupancy.find((x) => x.category === c);
      return o?.rate === null || o?.rate === undefined ? null : Math.round(o.rate * 1000) / 10;
    }),
  }));

  // Length of stay against the norm
  const stays = total.outflow.lengthOfStay;
  const stayRows = stays.filter((l) => l.p50Days !== null).map((l) => ({ label: label('category', l.category), p50: l.p50Days!, p90: l.p90Days, norm: l.normDays }));

  // Placement matrix
  const matrix = total.placementMatrix.map((m) => ({
    origin: regionByCode.get(m.originRegion) ?? m.originRegion,
    placement: regionByCode.get(m.placementRegion) ?? m.placementRegion,
    value: m.value,
    suppressed: m.suppressed,
  }));
  const matrixMax = Math.max(1, ...matrix.map((m) => m.value ?? 0));
  const origins = [...new Set(matrix.map((m) => m.origin))].sort((a, b) => a.localeCompare(b, 'nl'));
  const placements = [...new Set(matrix.map((m) => m.placement))].sort((a, b) => a.localeCompare(b, 'nl'));

  const tooFewText = t('flows.tooFew', { min: MIN_OBSERVATIONS });
  /** Why a chart of these counts is not drawn: nothing counted, or too few (see MIN_OBSERVATIONS); undefined to draw it. */
  const noChart = (cells: Shown[]): string | undefined =>
    cells.every((c) => !c.suppressed && !c.value) ? t('flows.noData') : tooFew(cells) ? tooFewText : undefined;

  return (
    <div className="opvangnet-stack">
      {noHistoryNote ? <Paragraph className="opvangnet-no-history">{noHistoryNote}</Paragraph> : null}

      <section aria-labelledby="flows-inflow" className="opvangnet-stack">
        <Heading2 id="flows-inflow">{t('flows.inflow')}</Heading2>
        <Figure
          id="inflow-trend"
          title={t('flows.fig.inflowTrend')}
          about={t('flows.about.inflowTrend')}
          summary={t('flows.summaryTotal', { count: total.inflow.admissions.value ?? 0, shown: cell(total.inflow.admissions, num) })}
          facts={facts([
            fact(t('flows.admissions'), cell(total.inflow.admissions, num), prior && cell(prior.inflow.admissions, num)),
            fact(t('flows.persons'), cell(total.inflow.persons, num), prior && cell(prior.inflow.persons, num)),
          ])}
          chart={lines(inflowTrend, t('flows.households'))}
          legend={legendOf(inflowTrend)}
          tooFew={noChart(admissionsNow)}
          tables={[
            trendTable(t('flows.fig.inflowTrend'), [
              { name: thisCol, cells: admissionsNow.map((c) => cell(c, num)) },
              ...(prior ? [{ name: prevCol, cells: report.buckets.map((_b, i) => cell(admissionsThen[i], num)) }] : []),
            ]),
          ]}
        />
        {(
          [
            ['inflow-category', 'inflowCategory', 'category', total.inflow.byCategory, prior?.inflow.byCategory, 'category'],
            ['inflow-origin', 'inflowOrigin', 'origin', total.inflow.byOrigin, prior?.inflow.byOrigin, 'origin'],
            ['inflow-referrer', 'inflowReferrer', 'referrer', total.inflow.byReferrerType, prior?.inflow.byReferrerType, 'referrer'],
            ['inflow-persons', 'inflowPersons', 'sexAge', total.inflow.bySexAndAgeBand, prior?.inflow.bySexAndAgeBand, 'sexAge'],
          ] as const
        ).map(([id, key, kind, now, then, col]) => (
          <Figure
            key={id}
            id={id}
            title={t(`flows.fig.${key}`)}
            about={t(`flows.about.${key}`)}
            summary={summaryOf(kind, now)}
            chart={bars(kind, now, then, key === 'inflowPersons' ? t('flows.personsAxis') : t('flows.households'))}
            tooFew={noChart(now)}
            tables={[keyedTable(t(`flows.fig.${key}`), t(`flows.col.${col}`), kind, now, then)]}
          />
        ))}
      </section>

      <section aria-labelledby="flows-through" className="opvangnet-stack">
        <Heading2 id="flows-through">{t('flows.throughflow')}</Heading2>
        <Figure
          id="through-moves"
          title={t('flows.fig.throughMoves')}
          about={t('flows.about.throughMoves')}
          summary={summaryOf('move', total.throughflow.byMove)}
          facts={facts([
            fact(t('flows.transfers'), cell(total.throughflow.transfers, num), prior && cell(prior.throughflow.transfers, num)),
            fact(t('flows.toOtherRegions'), cell(total.throughflow.toOtherRegions, num), prior && cell(prior.throughflow.toOtherRegions, num)),
            ...(nation ? [] : [fact(t('flows.fromOtherRegions'), cell(total.throughflow.fromOtherRegions, num), prior && cell(prior.throughflow.fromOtherRegions, num))]),
            fact(
              t('flows.daysBeforeMove'),
              t('flows.medianP90', { p50: decimal(total.throughflow.daysBeforeMove.p50, num), p90: decimal(total.throughflow.daysBeforeMove.p90, num) }),
              prior && t('flows.medianP90', { p50: decimal(prior.throughflow.daysBeforeMove.p50, num), p90: decimal(prior.throughflow.daysBeforeMove.p90, num) }),
            ),
          ])}
          chart={bars('move', total.throughflow.byMove, prior?.throughflow.byMove, t('flows.transfers'))}
          tooFew={noChart(total.throughflow.byMove)}
          tables={[keyedTable(t('flows.fig.throughMoves'), t('flows.col.move'), 'move', total.throughflow.byMove, prior?.throughflow.byMove)]}
        />
      </section>

      <section aria-labelledby="flows-out" className="opvangnet-stack">
        <Heading2 id="flows-out">{t('flows.outflow')}</Heading2>
        <Figure
          id="outflow-destination"
          title={t('flows.fig.outflowDestination')}
          about={t('flows.about.outflowDestination')}
          summary={summaryOf('destination', total.outflow.byDestination)}
          facts={facts([fact(t('flows.discharges'), cell(total.outflow.discharges, num), prior && cell(prior.outflow.discharges, num))])}
          chart={bars('destination', total.outflow.byDestination, prior?.outflow.byDestination, t('flows.households'))}
          tooFew={noChart(total.outflow.byDestination)}
          tables={[keyedTable(t('flows.fig.outflowDestination'), t('flows.col.destination'), 'destination', total.outflow.byDestination, prior?.outflow.byDestination)]}
        />
        <Figure
          id="outflow-stay"
          title={t('flows.fig.outflowStay')}
          about={t('flows.about.outflowStay')}
          summary={t('flows.summaryStay', { count: stayRows.length })}
          chart={{
            width: 720,
            height: 40 + stayRows.length * 34,
            marginLeft: 230,
            marginRight: 60,
            x: { label: t('flows.daysAxis'), grid: true, nice: true, tickFormat: (v: number) => num(v) },
            y: { label: null, domain: stayRows.map((r) => r.label) },
            marks: [
              Plot.barX(stayRows, { x: 'p50', y: 'label', fill: PALETTE[0] }),
              Plot.tickX(stayRows, { x: 'norm', y: 'label', stroke: '#000', strokeWidth: 3, strokeDasharray: '4 2' }),
              Plot.text(stayRows, { x: 'p50', y: 'label', text: (r) => t('flows.medianShort', { days: num(r.p50, 1) }), dx: 6, textAnchor: 'start', fontSize: 12 }),
              Plot.ruleX([0]),
            ],
          }}
          tooFew={stayRows.length === 0 || tooFew(stays.map((l) => l.discharges)) ? tooFewText : undefined}
          tables={[
            {
              caption: t('flows.fig.outflowStay'),
              columns: [t('flows.col.category'), t('flows.discharges'), t('flows.median'), t('flows.p90'), t('flows.norm'), t('flows.overNorm'), ...(prior ? [t('flows.overNormEarlier')] : [])],
              rows: stays.map((l) => ({
                header: label('category', l.category),
                cells: [
                  cell(l.discharges, num),
                  decimal(l.p50Days, num),
                  decimal(l.p90Days, num),
                  num(l.normDays),
                  percent(l.overNormShare, num),
                  ...(prior ? [percent(prior.outflow.lengthOfStay.find((p) => p.category === l.category)?.overNormShare, num)] : []),
                ],
              })),
            },
          ]}
        />
      </section>

      <section aria-labelledby="flows-blocked" className="opvangnet-stack">
        <Heading2 id="flows-blocked">{t('flows.blocked')}</Heading2>
        <Figure
          id="blocked-trend"
          title={t('flows.fig.blockedTrend')}
          about={t('flows.about.blockedTrend')}
          summary={summaryOf('blocker', total.blockedOutflow.byBlocker)}
          facts={facts([
            fact(t('flows.blockedAtEnd'), cell(total.blockedOutflow.atPeriodEnd, num), prior && cell(prior.blockedOutflow.atPeriodEnd, num)),
            fact(t('flows.daysWaitingP50'), decimal(total.blockedOutflow.daysWaitingP50, num), prior && decimal(prior.blockedOutflow.daysWaitingP50, num)),
            fact(t('flows.markedInPeriod'), cell(total.blockedOutflow.markedInPeriod, num), prior && cell(prior.blockedOutflow.markedInPeriod, num)),
          ])}
          chart={lines(blockedSeries, t('flows.households'))}
          legend={legendOf(blockedSeries)}
          tooFew={noChart(blockedTotal)}
          tables={[
            trendTable(t('flows.fig.blockedTrend'), [
              { name: t('flows.allBlockers'), cells: blockedTotal.map((c) => cell(c, num)) },
              ...blockers.map((k) => ({ name: label('blocker', k), cells: report.buckets.map((b) => cell(find(b.blockedOutflow.byBlocker, k) ?? { value: 0, suppressed: false }, num)) })),
            ]),
            keyedTable(t('flows.blockedByBlockerAtEnd'), t('flows.col.blocker'), 'blocker', total.blockedOutflow.byBlocker, prior?.blockedOutflow.byBlocker),
          ]}
        />
      </section>

      <section aria-labelledby="flows-unmet" className="opvangnet-stack">
        <Heading2 id="flows-unmet">{t('flows.unmet')}</Heading2>
        <Figure
          id="unmet-reasons"
          title={t('flows.fig.unmetReasons')}
          about={t('flows.about.unmetReasons')}
          summary={summaryOf('reason', total.unmetDemand.byReason)}
          facts={facts([
            fact(t('flows.notAdmitted'), cell(total.unmetDemand.notAdmitted, num), prior && cell(prior.unmetDemand.notAdmitted, num)),
            fact(t('flows.escalations'), cell(total.unmetDemand.escalations, num), prior && cell(prior.unmetDemand.escalations, num)),
            fact(
              t('flows.hoursToClaim'),
              t('flows.medianP90', { p50: decimal(total.unmetDemand.hoursToClaim.p50, num), p90: decimal(total.unmetDemand.hoursToClaim.p90, num) }),
              prior && t('flows.medianP90', { p50: decimal(prior.unmetDemand.hoursToClaim.p50, num), p90: decimal(prior.unmetDemand.hoursToClaim.p90, num) }),
            ),
            fact(
              t('flows.hoursToAdmission'),
              t('flows.medianP90', { p50: decimal(total.unmetDemand.hoursToAdmission.p50, num), p90: decimal(total.unmetDemand.hoursToAdmission.p90, num) }),
              prior && t('flows.medianP90', { p50: decimal(prior.unmetDemand.hoursToAdmission.p50, num), p90: decimal(prior.unmetDemand.hoursToAdmission.p90, num) }),
            ),
          ])}
          chart={bars('reason', total.unmetDemand.byReason, prior?.unmetDemand.byReason, t('flows.requests'))}
          tooFew={noChart(total.unmetDemand.byReason)}
          tables={[keyedTable(t('flows.fig.unmetReasons'), t('flows.col.reason'), 'reason', total.unmetDemand.byReason, prior?.unmetDemand.byReason)]}
        />
        <Figure
          id="unmet-days"
          title={t('flows.fig.unmetDays')}
          about={t(nation ? 'flows.about.unmetDaysNation' : 'flows.about.unmetDays')}
          summary={summaryOf('category', total.unmetDemand.daysWithoutFreePlace)}
          chart={bars('category', total.unmetDemand.daysWithoutFreePlace, prior?.unmetDemand.daysWithoutFreePlace, t('flows.daysAxis'))}
          tooFew={total.unmetDemand.daysWithoutFreePlace.length === 0 ? t('flows.noData') : undefined}
          tables={[keyedTable(t('flows.fig.unmetDays'), t('flows.col.category'), 'category', total.unmetDemand.daysWithoutFreePlace, prior?.unmetDemand.daysWithoutFreePlace)]}
        />
      </section>

      <section aria-labelledby="flows-waiting" className="opvangnet-stack">
        <Heading2 id="flows-waiting">{t('flows.waiting')}</Heading2>
        <Figure
          id="waiting-trend"
          title={t('flows.fig.waitingTrend')}
          about={t('flows.about.waitingTrend')}
          summary={t('flows.summaryWaiting', { shown: cell(total.waitingList.waitingAtEnd, num) })}
          facts={facts([
            fact(t('flows.waitingAtEnd'), cell(total.waitingList.waitingAtEnd, num), prior && cell(prior.waitingList.waitingAtEnd, num)),
            fact(t('flows.leftList'), cell(total.waitingList.leftList, num), prior && cell(prior.waitingList.leftList, num)),
            fact(
              t('flows.daysWaited'),
              t('flows.medianP90', { p50: decimal(total.waitingList.daysWaited.p50, num), p90: decimal(total.waitingList.daysWaited.p90, num) }),
              prior && t('flows.medianP90', { p50: decimal(prior.waitingList.daysWaited.p50, num), p90: decimal(prior.waitingList.daysWaited.p90, num) }),
            ),
            fact(t('flows.offersMade'), cell(total.waitingList.offersMade, num), prior && cell(prior.waitingList.offersMade, num)),
            fact(t('flows.offersAccepted'), cell(total.waitingList.offersAccepted, num), prior && cell(prior.waitingList.offersAccepted, num)),
            fact(t('flows.offersDeclined'), cell(total.waitingList.offersDeclined, num), prior && cell(prior.waitingList.offersDeclined, num)),
          ])}
          chart={lines(waitingSeries, t('flows.households'))}
          legend={legendOf(waitingSeries)}
          tooFew={noChart(report.buckets.map((b) => b.waitingList.waitingAtEnd))}
          tables={[
            trendTable(t('flows.fig.waitingTrend'), [{ name: t('flows.waitingAtEnd'), cells: report.buckets.map((b) => cell(b.waitingList.waitingAtEnd, num)) }]),
            keyedTable(t('flows.leftListCaption'), t('flows.col.leftList'), 'leftList', total.waitingList.leftListBy, prior?.waitingList.leftListBy),
          ]}
        />
      </section>

      <section aria-labelledby="flows-occupancy" className="opvangnet-stack">
        <Heading2 id="flows-occupancy">{t('flows.occupancy')}</Heading2>
        <Figure
          id="occupancy-trend"
          title={t('flows.fig.occupancyTrend')}
          about={t('flows.about.occupancyTrend')}
          summary={t('flows.summaryOccupancy', {
            list: total.occupancy.filter((o) => o.rate !== null).map((o) => `${label('category', o.category)} ${percent(o.rate, num)}`).join(', '),
          })}
          chart={lines(occupancySeries, t('flows.occupancyAxis'), true)}
          legend={legendOf(occupancySeries)}
          tooFew={occupancySeries.length === 0 ? t('flows.noData') : undefined}
          tables={[
            trendTable(
              t('flows.fig.occupancyTrend'),
              categories.map((c) => ({ name: label('category', c), cells: report.buckets.map((b) => percent(b.occupancy.find((o) => o.category === c)?.rate, num)) })),
            ),
            {
              caption: t('flows.occupancyTotal'),
              columns: cols(t('flows.col.category')),
              rows: total.occupancy.map((o) => ({
                header: label('category', o.category),
                cells: [percent(o.rate, num), ...(prior ? [percent(prior.occupancy.find((p) => p.category === o.category)?.rate, num)] : [])],
              })),
            },
          ]}
        />
      </section>

      <section aria-labelledby="flows-matrix" className="opvangnet-stack">
        <Heading2 id="flows-matrix">{t('flows.matrix')}</Heading2>
        <Figure
          id="placement-matrix"
          title={t('flows.fig.matrix')}
          about={t(nation ? 'flows.about.matrixNation' : 'flows.about.matrix')}
          summary={t('flows.summaryMatrix', { origins: origins.length, placements: placements.length })}
          chart={{
            width: Math.max(480, 200 + placements.length * 36),
            height: 160 + origins.length * 26,
            marginLeft: 190,
            marginBottom: 150,
            padding: 0.05,
            x: { label: t('flows.placementRegion'), domain: placements, tickRotate: -50 },
            y: { label: t('flows.originRegion'), domain: origins },
            // Square root: the own region's diagonal would otherwise wash out every other pair.
            color: { type: 'sqrt', scheme: 'blues', domain: [0, matrixMax] },
            marks: [
              Plot.cell(matrix.filter((m) => m.value !== null && m.value > 0), { x: 'placement', y: 'origin', fill: 'value' }),
              Plot.cell(matrix, { x: 'placement', y: 'origin', stroke: '#5b5b5b', strokeWidth: 0.5, fill: 'none' }),
              Plot.text(matrix, {
                x: 'placement',
                y: 'origin',
                text: (m) => (m.suppressed ? '<5' : num(m.value ?? 0)),
                fill: (m) => ((m.value ?? 0) > matrixMax * 0.64 ? 'white' : 'black'),
                fontSize: 11,
              }),
            ],
          }}
          tooFew={noChart(matrix)}
          tables={[
            {
              caption: t('flows.fig.matrix'),
              columns: [t('flows.originRegion'), t('flows.placementRegion'), thisCol, ...(prior ? [prevCol] : [])],
              rows: matrix.map((m) => {
                const then = prior?.placementMatrix.find(
                  (p) => (regionByCode.get(p.originRegion) ?? p.originRegion) === m.origin && (regionByCode.get(p.placementRegion) ?? p.placementRegion) === m.placement,
                );
                return {
                  header: m.origin,
                  key: `${m.origin}>${m.placement}`,
                  cells: [m.placement, cell(m, num), ...(prior ? [cell(then ?? { value: 0, suppressed: false }, num)] : [])],
                };
              }),
            },
          ]}
        />
      </section>
    </div>
  );
}
