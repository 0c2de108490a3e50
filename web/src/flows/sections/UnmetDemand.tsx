// Unmet demand: requests not admitted by reason, and days without a free place per category.
import { useTranslation } from 'react-i18next';
import { KeyedFigure, type KeyedFigureSpec } from '../FigureKinds';
import { FlowSection, type FigureKit } from '../kit';

const REASONS: KeyedFigureSpec = {
  id: 'unmet-reasons',
  fig: 'unmetReasons',
  kind: 'reason',
  list: (x) => x.unmetDemand.byReason,
  col: 'reason',
  axis: 'requests',
  facts: [
    { name: 'notAdmitted', count: (x) => x.unmetDemand.notAdmitted },
    { name: 'escalations', count: (x) => x.unmetDemand.escalations },
    { name: 'hoursToClaim', median: (x) => x.unmetDemand.hoursToClaim },
    { name: 'hoursToAdmission', median: (x) => x.unmetDemand.hoursToAdmission },
  ],
};

export function UnmetDemandSection({ kit, nation }: { kit: FigureKit; nation: boolean }) {
  const { t } = useTranslation();
  const days: KeyedFigureSpec = {
    id: 'unmet-days',
    fig: 'unmetDays',
    about: nation ? 'unmetDaysNation' : undefined,
    kind: 'category',
    list: (x) => x.unmetDemand.daysWithoutFreePlace,
    col: 'category',
    axis: 'daysAxis',
    drawUnlessEmpty: true,
  };
  return (
    <FlowSection id="flows-unmet" title={t('flows.unmet')}>
      {[REASONS, days].map((spec) => (
        <KeyedFigure key={spec.id} kit={kit} spec={spec} />
      ))}
    </FlowSection>
  );
}
