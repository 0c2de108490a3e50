// Outflow: discharges by destination, and length of stay per category against its norm.
import * as Plot from '@observablehq/plot';
import { useTranslation } from 'react-i18next';
import { Figure, PALETTE } from '../Figure';
import { cell, decimal, percent, tooFew } from '../figures';
import { KeyedFigure, type KeyedFigureSpec } from '../FigureKinds';
import { FlowSection, type FigureKit } from '../kit';

const DESTINATION: KeyedFigureSpec = {
  id: 'outflow-destination',
  fig: 'outflowDestination',
  kind: 'destination',
  list: (x) => x.outflow.byDestination,
  col: 'destination',
  axis: 'households',
  facts: [{ name: 'discharges', count: (x) => x.outflow.discharges }],
};

export function OutflowSection({ kit }: { kit: FigureKit }) {
  const { t } = useTranslation();
  const { prior, num, label } = kit;
  const stays = kit.total.outflow.lengthOfStay;
  const stayRows = stays.filter((l) => l.p50Days !== null).map((l) => ({ label: label('category', l.category), p50: l.p50Days!, p90: l.p90Days, norm: l.normDays }));
  return (
    <FlowSection id="flows-out" title={t('flows.outflow')}>
      <KeyedFigure kit={kit} spec={DESTINATION} />
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
        tooFew={stayRows.length === 0 || tooFew(stays.map((l) => l.discharges)) ? kit.tooFewText : undefined}
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
    </FlowSection>
  );
}
