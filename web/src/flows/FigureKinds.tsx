import { useTranslation } from 'react-i18next';
import { Figure, type TableSpec } from './Figure';
import type { Keyed, Shown } from './figures';
import type { CountSeries, FactSpec, FigureKit, LabelKind, Total } from './kit';

/** The two kinds of figure that several sections declare as data: a list by key, and counts over the buckets. */

/** A figure of one list by key (bars, last year as ticks, a table by key), declared as data by the sections. */
export interface KeyedFigureSpec {
  id: string;
  /** Its title is flows.fig.<fig>, its explanation flows.about.<fig> (unless about says another). */
  fig: string;
  about?: string;
  kind: LabelKind;
  /** The list drawn, from a report's total: this period's, and last year's for the ticks and column. */
  list: (x: Total) => Keyed[];
  /** The table's first column: flows.col.<col>. */
  col: string;
  /** The bars' axis: flows.<axis>. */
  axis: string;
  facts?: FactSpec[];
  /** Draw whenever the list has a key (days, not counts of people: the too-few rule is not theirs). */
  drawUnlessEmpty?: boolean;
}

export function KeyedFigure({ kit, spec }: { kit: FigureKit; spec: KeyedFigureSpec }) {
  const { t } = useTranslation();
  const title = t(`flows.fig.${spec.fig}`);
  const now = spec.list(kit.total);
  const then = kit.prior && spec.list(kit.prior);
  return (
    <Figure
      id={spec.id}
      title={title}
      about={t(`flows.about.${spec.about ?? spec.fig}`)}
      summary={kit.summaryOf(spec.kind, now)}
      facts={spec.facts && kit.facts(spec.facts)}
      chart={kit.bars(spec.kind, now, then, t(`flows.${spec.axis}`))}
      tooFew={spec.drawUnlessEmpty ? (now.length === 0 ? t('flows.noData') : undefined) : kit.noChart(now)}
      tables={[kit.keyedTable(title, t(`flows.col.${spec.col}`), spec.kind, now, then)]}
    />
  );
}

/** A figure of counts over the buckets (lines, a table by bucket), declared as data by the sections. */
export interface CountTrendSpec {
  id: string;
  /** Its title is flows.fig.<fig>, its explanation flows.about.<fig>. */
  fig: string;
  /** The text alternative's sentence, in words. */
  summary: string;
  facts: FactSpec[];
  /** The lines, and the table's columns; the first decides whether there is enough to draw. */
  series: [{ name: string; counts: Shown[] }, ...CountSeries[]];
  /** The lines' axis: flows.<axis>. */
  axis: string;
  /** Tables after the one by bucket. */
  more?: TableSpec[];
}

export function CountTrendFigure({ kit, spec }: { kit: FigureKit; spec: CountTrendSpec }) {
  const { t } = useTranslation();
  const title = t(`flows.fig.${spec.fig}`);
  const trend = kit.countTrend(spec.series);
  return (
    <Figure
      id={spec.id}
      title={title}
      about={t(`flows.about.${spec.fig}`)}
      summary={spec.summary}
      facts={kit.facts(spec.facts)}
      chart={kit.lines(trend.series, t(`flows.${spec.axis}`))}
      legend={kit.legendOf(trend.series)}
      tooFew={kit.noChart(spec.series[0].counts)}
      tables={[kit.trendTable(title, trend.columns), ...(spec.more ?? [])]}
    />
  );
}
