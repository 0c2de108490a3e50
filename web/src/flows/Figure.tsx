import * as Plot from '@observablehq/plot';
import { Button, Heading3, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type JSX, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One figure of the dashboard: a title, what it means, a chart (an SVG from Observable Plot, hidden
 * from assistive technology behind a text alternative) and its numbers one click away in a real table.
 */

/** Colours with at least 3:1 contrast on white (WCAG 1.4.11); series also differ by symbol or dash. */
export const PALETTE = ['#01689b', '#a90061', '#275937', '#c1410c', '#42145f', '#5b5b5b', '#673327'];
export const SYMBOLS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'];
export const DASHES = ['none', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4'];

export interface LegendItem {
  name: string;
  /** Index into PALETTE, SYMBOLS and DASHES. */
  index: number;
}

/** The same marks the chart draws, small, beside each series' name. */
function Swatch({ index }: { index: number }) {
  const color = PALETTE[index % PALETTE.length];
  const symbol = SYMBOLS[index % SYMBOLS.length];
  const dash = DASHES[index % DASHES.length];
  const mark = { stroke: color, fill: '#fff', strokeWidth: 1.5 };
  const shapes: Record<string, JSX.Element> = {
    circle: <circle cx="18" cy="7" r="4" {...mark} />,
    square: <rect x="14" y="3" width="8" height="8" {...mark} />,
    triangle: <polygon points="18,2 23,11 13,11" {...mark} />,
    diamond: <polygon points="18,2 23,7 18,12 13,7" {...mark} />,
    cross: <polygon points="16,2 20,2 20,5 23,5 23,9 20,9 20,12 16,12 16,9 13,9 13,5 16,5" {...mark} />,
    star: <polygon points="18,2 19.5,5.8 23.5,6 20.4,8.5 21.4,12.3 18,10.2 14.6,12.3 15.6,8.5 12.5,6 16.5,5.8" {...mark} />,
    wye: <path d="M18,7 L18,2 M18,7 L22.5,10 M18,7 L13.5,10" stroke={color} strokeWidth="2" fill="none" />,
  };
  return (
    <svg width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" focusable="false">
      <line x1="1" y1="7" x2="35" y2="7" stroke={color} strokeWidth="2" strokeDasharray={dash === 'none' ? undefined : dash} />
      {shapes[symbol]}
    </svg>
  );
}

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
  /** For lines: which colour, symbol and dash is which series. */
  legend?: LegendItem[];
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
      ) : null}
      {props.chart && !props.tooFew && props.legend?.length ? (
        <ul className="opvangnet-chart-legend" aria-label={t('flows.legendSeries')}>
          {props.legend.map((item) => (
            <li key={item.name}>
              <Swatch index={item.index} /> {item.name}
            </li>
          ))}
        </ul>
      ) : null}
      {props.chart && !props.tooFew ? null : (
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
