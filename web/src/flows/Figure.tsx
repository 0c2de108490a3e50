import * as Plot from '@observablehq/plot';
import { Button, Heading3, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One figure of the dashboard: a title, what it means, a chart (an SVG from Observable Plot, hidden
 * from assistive technology behind a text alternative) and its numbers one click away in a real table.
 */

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11); series also differ by symbol or dash. */
export const PALETTE = ['#01689b', '#a90061', '#275937', '#c1410c', '#42145f', '#5b5b5b', '#673327'];
export const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'];

export interface TableSpec {
  caption: string;
  /** Column headers; the first is the row header's. */
  columns: string[];
  rows: { header: string; cells: string[]; key?: string }[];
}

/** Renders Plot's SVG into the page without its inline <style> (the CSP allows none; styles.css has the rules). */
export function PlotChart({ options }: { options: Plot.PlotOptions }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = Plot.plot({ ...options, className: 'opvangnet-plot', style: undefined });
    for (const style of chart.querySelectorAll('style')) style.remove();
    chart.setAttribute('aria-hidden', 'true');
    chart.setAttribute('focusable', 'false');
    ref.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options]);
  return <div ref={ref} className="opvangnet-chart__svg" />;
}

export function Figure(props: {
  id: string;
  title: string;
  /** What the figure counts, in one or two sentences. */
  about: string;
  /** A one-sentence summary read instead of the chart. */
  summary: string;
  chart: Plot.PlotOptions | null;
  /** Why no chart is drawn (too few stays); the table is still there. */
  tooFew?: string;
  /** Key figures above the chart (medians, totals). */
  facts?: ReactNode;
  tables: TableSpec[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const tableId = useId();
  const titleId = `${props.id}-title`;
  return (
    <section className="opvangnet-figure" aria-labelledby={titleId} data-figure={props.id}>
      <Heading3 id={titleId}>{props.title}</Heading3>
      <Paragraph className="opvangnet-figure__about">{props.about}</Paragraph>
      {props.facts}
      {props.chart && !props.tooFew ? (
        <div className="opvangnet-chart" role="img" aria-label={`${props.title}. ${props.summary}`}>
          <PlotChart options={props.chart} />
        </div>
      ) : (
        <Paragraph className="opvangnet-too-few">
          <strong>{t('flows.noChart')}</strong> {props.tooFew ?? t('flows.noData')}
        </Paragraph>
      )}
      <div className="opvangnet-figure__tools">
        <Button appearance="subtle-button" aria-expanded={open} aria-controls={tableId} onClick={() => setOpen(!open)}>
          {open ? t('flows.hideTable', { title: props.title }) : t('flows.showTable', { title: props.title })}
        </Button>
      </div>
      <div id={tableId} className="opvangnet-figure__table" hidden={!open}>
        {props.tables.map((spec) => (
          <div className="opvangnet-table-scroll" key={spec.caption}>
            <Table>
              <TableCaption>{spec.caption}</TableCaption>
              <TableHeader>
                <TableRow>
                  {spec.columns.map((c) => (
                    <TableHeaderCell scope="col" key={c}>
                      {c}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {spec.rows.map((r) => (
                  <TableRow key={r.key ?? r.header}>
                    <TableHeaderCell scope="row">{r.header}</TableHeaderCell>
                    {r.cells.map((c, i) => (
                      <TableCell key={i} className="opvangnet-num">
                        {c}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ))}
      </div>
    </section>
  );
}
