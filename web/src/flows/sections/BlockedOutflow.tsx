// Blocked outflow: households ready to leave but held up, over the buckets and by what blocks them.
import { useTranslation } from 'react-i18next';
import { find, ZERO } from '../figures';
import { CountTrendFigure } from '../FigureKinds';
import { FlowSection, type FactSpec, type FigureKit } from '../kit';

const FACTS: FactSpec[] = [
  { name: 'blockedAtEnd', count: (x) => x.blockedOutflow.atPeriodEnd },
  { name: 'daysWaitingP50', decimal: (x) => x.blockedOutflow.daysWaitingP50 },
  { name: 'markedInPeriod', count: (x) => x.blockedOutflow.markedInPeriod },
];

export function BlockedOutflowSection({ kit }: { kit: FigureKit }) {
  const { t } = useTranslation();
  const { report, total, prior } = kit;
  const blockers = [...new Set(report.buckets.flatMap((b) => b.blockedOutflow.byBlocker.map((k) => k.key)))].sort();
  return (
    <FlowSection id="flows-blocked" title={t('flows.blocked')}>
      <CountTrendFigure
        kit={kit}
        spec={{
          id: 'blocked-trend',
          fig: 'blockedTrend',
          summary: kit.summaryOf('blocker', total.blockedOutflow.byBlocker),
          facts: FACTS,
          series: [
            { name: t('flows.allBlockers'), counts: report.buckets.map((b) => b.blockedOutflow.atPeriodEnd) },
            // A blocker missing from a bucket held nobody up then: 0, not a gap.
            ...blockers.map((k) => ({ name: kit.label('blocker', k), counts: report.buckets.map((b) => find(b.blockedOutflow.byBlocker, k) ?? ZERO) })),
          ],
          axis: 'households',
          more: [kit.keyedTable(t('flows.blockedByBlockerAtEnd'), t('flows.col.blocker'), 'blocker', total.blockedOutflow.byBlocker, prior?.blockedOutflow.byBlocker)],
        }}
      />
    </FlowSection>
  );
}
