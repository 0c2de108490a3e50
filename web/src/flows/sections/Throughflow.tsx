// Throughflow: transfers between categories and regions, with the days before a move.
import { useTranslation } from 'react-i18next';
import { KeyedFigure } from '../FigureKinds';
import { FlowSection, type FigureKit, type Total } from '../kit';

export function ThroughflowSection({ kit, nation }: { kit: FigureKit; nation: boolean }) {
  const { t } = useTranslation();
  return (
    <FlowSection id="flows-through" title={t('flows.throughflow')}>
      <KeyedFigure
        kit={kit}
        spec={{
          id: 'through-moves',
          fig: 'throughMoves',
          kind: 'move',
          list: (x) => x.throughflow.byMove,
          col: 'move',
          axis: 'transfers',
          facts: [
            { name: 'transfers', count: (x) => x.throughflow.transfers },
            { name: 'toOtherRegions', count: (x) => x.throughflow.toOtherRegions },
            // The country has no other regions to come from.
            ...(nation ? [] : [{ name: 'fromOtherRegions', count: (x: Total) => x.throughflow.fromOtherRegions }]),
            { name: 'daysBeforeMove', median: (x) => x.throughflow.daysBeforeMove },
          ],
        }}
      />
    </FlowSection>
  );
}
