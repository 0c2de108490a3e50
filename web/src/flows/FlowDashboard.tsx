import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { useSession } from '../auth/session';
import { AppLink } from '../common/AppLink';
import { CheckboxField, SelectField, TextField } from '../common/fields';
import { useErrorText } from '../common/useErrorText';
import { graphql } from '../gql';
import { errorCode } from '../graphql/errors';
import { downloadExport, type ExportFormat } from './download';
import type { NumberFormat, Shown } from './figures';
import { useFigureKit, type RegionRef, type Report, type Total } from './kit';
import { defaultGranularity, isDate, presetPeriod, today, yearEarlier, type Granularity, type Period, type Preset } from './period';
import { BlockedOutflowSection } from './sections/BlockedOutflow';
import { InflowSection } from './sections/Inflow';
import { OccupancySection } from './sections/Occupancy';
import { OutflowSection } from './sections/Outflow';
import { PlacementMatrixSection } from './sections/PlacementMatrix';
import { ThroughflowSection } from './sections/Throughflow';
import { UnmetDemandSection } from './sections/UnmetDemand';
import { WaitingListSection } from './sections/WaitingList';

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

/** The report's sections, each with its own figures (sections/*.tsx), sharing one figure kit. */
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
  const { t } = useTranslation();
  const kit = useFigureKit({ report, before, regions, num });
  const noHistoryNote = historyLoading ? null : kit.prior ? null : t('flows.noHistoryShort');
  return (
    <div className="opvangnet-stack">
      {noHistoryNote ? <Paragraph className="opvangnet-no-history">{noHistoryNote}</Paragraph> : null}
      <InflowSection kit={kit} />
      <ThroughflowSection kit={kit} nation={nation} />
      <OutflowSection kit={kit} />
      <BlockedOutflowSection kit={kit} />
      <UnmetDemandSection kit={kit} nation={nation} />
      <WaitingListSection kit={kit} />
      <OccupancySection kit={kit} />
      <PlacementMatrixSection kit={kit} nation={nation} />
    </div>
  );
}
