// Waiting list: households waiting at each bucket's end, who left the list and how, and the offers made.
import { useTranslation } from 'react-i18next';
import { cell } from '../figures';
import { CountTrendFigure } from '../FigureKinds';
import { FlowSection, type FactSpec, type FigureKit } from '../kit';

const FACTS: FactSpec[] = [
  { name: 'waitingAtEnd', count: (x) => x.waitingList.waitingAtEnd },
  { name: 'leftList', count: (x) => x.waitingList.leftList },
  { name: 'daysWaited', median: (x) => x.waitingList.daysWaited },
  { name: 'offersMade', count: (x) => x.waitingList.offersMade },
  { name: 'offersAccepted', count: (x) => x.waitingList.offersAccepted },
  { name: 'offersDeclined', count: (x) => x.waitingList.offersDeclined },
];

export function WaitingListSection({ kit }: { kit: FigureKit }) {
  const { t } = useTranslation();
  const { report, total, prior } = kit;
  return (
    <FlowSection id="flows-waiting" title={t('flows.waiting')}>
      <CountTrendFigure
        kit={kit}
        spec={{
          id: 'waiting-trend',
          fig: 'waitingTrend',
          summary: t('flows.summaryWaiting', { shown: cell(total.waitingList.waitingAtEnd, kit.num) }),
          facts: FACTS,
          series: [{ name: t('flows.waitingAtEnd'), counts: report.buckets.map((b) => b.waitingList.waitingAtEnd) }],
          axis: 'households',
          more: [kit.keyedTable(t('flows.leftListCaption'), t('flows.col.leftList'), 'leftList', total.waitingList.leftListBy, prior?.waitingList.leftListBy)],
        }}
      />
    </FlowSection>
  );
}
