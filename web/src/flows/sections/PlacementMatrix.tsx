// Placement matrix: from which region into which region households were placed, codes shown as region names.
import * as Plot from '@observablehq/plot';
import { useTranslation } from 'react-i18next';
import { Figure } from '../Figure';
import { cell, ZERO } from '../figures';
import { FlowSection, type FigureKit } from '../kit';

export function PlacementMatrixSection({ kit, nation }: { kit: FigureKit; nation: boolean }) {
  const { t } = useTranslation();
  const { total, prior, num, regionName } = kit;
  const matrix = total.placementMatrix.map((m) => ({
    origin: regionName(m.originRegion),
    placement: regionName(m.placementRegion),
    value: m.value,
    suppressed: m.suppressed,
  }));
  const matrixMax = Math.max(1, ...matrix.map((m) => m.value ?? 0));
  const origins = [...new Set(matrix.map((m) => m.origin))].sort((a, b) => a.localeCompare(b, 'nl'));
  const placements = [...new Set(matrix.map((m) => m.placement))].sort((a, b) => a.localeCompare(b, 'nl'));
  return (
    <FlowSection id="flows-matrix" title={t('flows.matrix')}>
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
        tooFew={kit.noChart(matrix)}
        tables={[
          {
            caption: t('flows.fig.matrix'),
            columns: [t('flows.originRegion'), t('flows.placementRegion'), kit.thisCol, ...(prior ? [kit.prevCol] : [])],
            rows: matrix.map((m) => {
              const then = prior?.placementMatrix.find((p) => regionName(p.originRegion) === m.origin && regionName(p.placementRegion) === m.placement);
              return {
                header: m.origin,
                key: `${m.origin}>${m.placement}`,
                cells: [m.placement, cell(m, num), ...(prior ? [cell(then ?? ZERO, num)] : [])],
              };
            }),
          },
        ]}
      />
    </FlowSection>
  );
}
