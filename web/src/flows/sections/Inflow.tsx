// Inflow: admissions over the buckets, and by category, origin, referrer and sex and age.
import { useTranslation } from 'react-i18next';
import { cell } from '../figures';
import { CountTrendFigure, KeyedFigure, type KeyedFigureSpec } from '../FigureKinds';
import { FlowSection, type FactSpec, type FigureKit } from '../kit';

const FACTS: FactSpec[] = [
  { name: 'admissions', count: (x) => x.inflow.admissions },
  { name: 'persons', count: (x) => x.inflow.persons },
];

const BY_KEY: KeyedFigureSpec[] = [
  { id: 'inflow-category', fig: 'inflowCategory', kind: 'category', list: (x) => x.inflow.byCategory, col: 'category', axis: 'households' },
  { id: 'inflow-origin', fig: 'inflowOrigin', kind: 'origin', list: (x) => x.inflow.byOrigin, col: 'origin', axis: 'households' },
  { id: 'inflow-referrer', fig: 'inflowReferrer', kind: 'referrer', list: (x) => x.inflow.byReferrerType, col: 'referrer', axis: 'households' },
  { id: 'inflow-persons', fig: 'inflowPersons', kind: 'sexAge', list: (x) => x.inflow.bySexAndAgeBand, col: 'sexAge', axis: 'personsAxis' },
];

export function InflowSection({ kit }: { kit: FigureKit }) {
  const { t } = useTranslation();
  const { report, before, total, prior } = kit;
  const earlier = before?.buckets.map((b) => b.inflow.admissions) ?? [];
  return (
    <FlowSection id="flows-inflow" title={t('flows.inflow')}>
      <CountTrendFigure
        kit={kit}
        spec={{
          id: 'inflow-trend',
          fig: 'inflowTrend',
          summary: t('flows.summaryTotal', { count: total.inflow.admissions.value ?? 0, shown: cell(total.inflow.admissions, kit.num) }),
          facts: FACTS,
          series: [
            { name: kit.thisCol, counts: report.buckets.map((b) => b.inflow.admissions) },
            // Last year's buckets beside this period's, one for one.
            ...(prior ? [{ name: kit.prevCol, counts: report.buckets.map((_b, i) => earlier[i]) }] : []),
          ],
          axis: 'households',
        }}
      />
      {BY_KEY.map((spec) => (
        <KeyedFigure key={spec.id} kit={kit} spec={spec} />
      ))}
    </FlowSection>
  );
}
