// Occupancy: the share of places in service that were occupied, per category, over the buckets and in total.
import { useTranslation } from 'react-i18next';
import { Figure } from '../Figure';
import { percent } from '../figures';
import { FlowSection, type FigureKit, type Series } from '../kit';

export function OccupancySection({ kit }: { kit: FigureKit }) {
  const { t } = useTranslation();
  const { report, total, prior, num, label } = kit;
  const categories = [...new Set(report.buckets.flatMap((b) => b.occupancy.filter((o) => o.rate !== null).map((o) => o.category)))];
  const byCategory = categories.map((c) => ({ name: label('category', c), rates: report.buckets.map((b) => b.occupancy.find((o) => o.category === c)?.rate) }));
  const series: Series[] = byCategory.map((s) => ({ name: s.name, values: s.rates.map((r) => (r === null || r === undefined ? null : Math.round(r * 1000) / 10)) }));
  return (
    <FlowSection id="flows-occupancy" title={t('flows.occupancy')}>
      <Figure
        id="occupancy-trend"
        title={t('flows.fig.occupancyTrend')}
        about={t('flows.about.occupancyTrend')}
        summary={t('flows.summaryOccupancy', {
          list: total.occupancy.filter((o) => o.rate !== null).map((o) => `${label('category', o.category)} ${percent(o.rate, num)}`).join(', '),
        })}
        chart={kit.lines(series, t('flows.occupancyAxis'), true)}
        legend={kit.legendOf(series)}
        tooFew={series.length === 0 ? t('flows.noData') : undefined}
        tables={[
          kit.trendTable(t('flows.fig.occupancyTrend'), byCategory.map((s) => ({ name: s.name, cells: s.rates.map((r) => percent(r, num)) }))),
          {
            caption: t('flows.occupancyTotal'),
            columns: kit.cols(t('flows.col.category')),
            rows: total.occupancy.map((o) => ({
              header: label('category', o.category),
              cells: [percent(o.rate, num), ...(prior ? [percent(prior.occupancy.find((p) => p.category === o.category)?.rate, num)] : [])],
            })),
          },
        ]}
      />
    </FlowSection>
  );
}
