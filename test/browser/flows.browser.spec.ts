import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/enums.js';
import { createDataSource } from '../../src/database/data-source.js';
import { generateHistory } from '../../src/flows/history/history-generator.js';
import { flowReport, localDay } from '../support/flow-report.js';
import { startTestService, TestService } from '../support/service.js';
import { describeInBrowser, expectAccessible, closeWatched, launchBrowser, openPage, screenshot, signIn, type WatchedPage } from './support.js';

import { jest } from '@jest/globals';

jest.setTimeout(240_000);

const nl = JSON.parse(readFileSync(join(process.cwd(), 'web/src/locales/nl.json'), 'utf8')) as {
  category: Record<string, string>;
  flows: { fig: Record<string, string> };
};

/** Every figure of the dashboard, by its title. */
const FIGURES = Object.values(nl.flows.fig);

/** Sign in as the centre municipality of a region (the development sign-in's list). */
async function signInAsMunicipality(page: Page, regionName: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Regio' }).selectOption({ label: regionName });
  await page.getByRole('button', { name: 'Aanmelden als centrumgemeente' }).click();
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

/** The figure (section) with this title. */
const figure = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

/** Opens a figure's table and returns it (caption = the title, unless another caption is given). */
async function openTable(page: Page, title: string, caption = title) {
  await figure(page, title).getByRole('button', { name: `Toon de cijfers van: ${title}` }).click();
  const table = figure(page, title).getByRole('table', { name: caption, exact: true });
  await table.waitFor();
  return table;
}

/** The table's rows as header -> first data cell (this period). */
async function firstColumn(page: Page, title: string): Promise<Map<string, string>> {
  const table = figure(page, title).getByRole('table', { name: title, exact: true });
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th')!.textContent!.trim(), tr.querySelectorAll('td')[0].textContent!.trim()] as [string, string]),
  );
  return new Map(rows);
}

function parseCsv(text: string, sep: string): { bucket: string; measure: string; dimension: string; value: string; suppressed: string }[] {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(header).toBe(['bucket', 'measure', 'dimension', 'value', 'suppressed'].join(sep));
  return lines.map((l) => {
    const [bucket, measure, dimension, value, suppressed] = l.split(sep);
    return { bucket, measure, dimension, value, suppressed };
  });
}

const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

describeInBrowser('municipality: the flow dashboard (Chromium, real service, real PostgreSQL, generated history)', () => {
  let t: TestService;
  let browser: Browser;
  let region: { id: string; name: string };
  let other: { id: string; name: string };
  const pages: WatchedPage[] = [];
  const open = async () => {
    const watched = await openPage(browser, t.service.url);
    pages.push(watched);
    return watched;
  };

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    const dataSource = createDataSource(t.db.url, 2);
    await dataSource.initialize();
    try {
      // A little over a year, so the last quarter has the same quarter a year earlier to compare with.
      await generateHistory(dataSource, { years: 1.5, seed: 42 });
    } finally {
      await dataSource.destroy();
    }
    // A region with many admissions in the last year (every figure has something to draw) whose
    // inflow by origin has a withheld cell to show as "<5": the generated history differs from run
    // to run, and the busiest region alone has had none.
    const { rows } = await t.db.pool.query<{ id: string; name: string }>(
      `SELECT r.id, r.name FROM region r JOIN stay s ON s.region_id = r.id
        WHERE s.admitted_at > now() - interval '1 year'
        GROUP BY r.id, r.name ORDER BY count(*) DESC, r.name LIMIT 5`,
    );
    region = rows[0];
    for (const candidate of rows) {
      const token = await t.token({ role: Role.MUNICIPALITY, regionId: candidate.id });
      const report = await flowReport(t, token, { regionId: candidate.id, from: localDay(-364), to: localDay(0), granularity: 'MONTH' });
      if ((report.total.inflow.byOrigin as { suppressed: boolean }[]).some((k) => k.suppressed)) {
        region = candidate;
        break;
      }
    }
    other = rows.find((r) => r.id !== region.id)!;
    browser = await launchBrowser();
  }, 240_000);
  afterEach(() => closeWatched(pages));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows every figure with its chart and table, withheld counts as "<5", and last year beside this period', async () => {
    const token = await t.token({ role: Role.MUNICIPALITY, regionId: region.id });
    const report = await flowReport(t, token, { regionId: region.id, from: localDay(-364), to: localDay(0), granularity: 'MONTH' });
    const { page } = await open();
    await signInAsMunicipality(page, region.name);
    await page.getByRole('heading', { level: 1, name: `Stromen in ${region.name}` }).waitFor();
    // The default period is the last 12 months per month; the API got the same dates.
    expect(new URL(page.url()).searchParams.get('periode')).toBe('last12Months');
    await page.getByText(/Periode .* tot en met .*, per maand\./).waitFor();

    for (const title of FIGURES) await figure(page, title).waitFor();
    await page.locator('svg.opvangnet-plot').first().waitFor();
    await screenshot(page, 'console-gemeente-dashboard');
    // Each figure as its own image, for a look at every chart (git-ignored like the others).
    for (const [key, title] of Object.entries(nl.flows.fig)) await figure(page, title).screenshot({ path: join(process.cwd(), `test/artifacts/flows/${key}.png`) });

    let charts = 0;
    for (const title of FIGURES) {
      const section = figure(page, title);
      await section.waitFor();
      const chart = section.locator('.opvangnet-chart[role="img"]');
      if ((await chart.count()) === 1) {
        expect(await chart.getAttribute('aria-label')).toMatch(new RegExp(`^${title.replace(/[()]/g, '\\$&')}\\. .+`));
        expect(await chart.locator('svg').count()).toBe(1);
        charts++;
      } else {
        // No chart: then it says why, never an empty or misleading drawing.
        await section.getByText('Geen grafiek.').waitFor();
      }
      const table = await openTable(page, title);
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    }
    // A busy region over a year: (nearly) every figure has a chart.
    expect(charts).toBeGreaterThanOrEqual(FIGURES.length - 2);

    // Withheld origins show "<5" in this period's column, exactly where the API withheld them.
    const byOrigin = report.total.inflow.byOrigin as { key: string; value: number | null; suppressed: boolean }[];
    const withheld = byOrigin.filter((k) => k.suppressed).length;
    expect(withheld).toBeGreaterThan(0);
    const origins = await firstColumn(page, nl.flows.fig.inflowOrigin);
    expect([...origins.values()].filter((v) => v === '<5').length).toBe(withheld);
    expect([...origins.values()]).not.toContain('0');
    await page.getByText('"<5" betekent dus nooit 0', { exact: false }).waitFor();

    // The same numbers as the API for the admissions by category.
    const categories = await firstColumn(page, nl.flows.fig.inflowCategory);
    for (const c of report.total.inflow.byCategory as { key: string; value: number | null; suppressed: boolean }[]) {
      expect(categories.get(nl.category[c.key])).toBe(c.suppressed ? '<5' : new Intl.NumberFormat('nl-NL').format(c.value!));
    }

    await expectAccessible(page, 'flow dashboard with every table open');

    // The last quarter has history a year earlier: its column is there.
    await page.getByRole('combobox', { name: 'Periode' }).selectOption('lastQuarter');
    await page.getByText(/Vergeleken met dezelfde periode een jaar eerder/).waitFor();
    await figure(page, nl.flows.fig.inflowCategory).getByRole('columnheader', { name: 'Zelfde periode vorig jaar' }).waitFor();
  });

  it('downloads the CSV (comma and semicolon) with the same numbers as the table, and the HTML export', async () => {
    const { page } = await open();
    await signInAsMunicipality(page, region.name);
    const title = nl.flows.fig.inflowCategory;
    await figure(page, title).waitFor();
    await openTable(page, title);
    const table = await firstColumn(page, title);
    expect(table.size).toBeGreaterThan(0);

    for (const [button, sep] of [['Download CSV (komma)', ','], ['Download CSV (puntkomma, voor Excel)', ';']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      expect(download.suggestedFilename()).toMatch(/^opvangnet-stromen-regio-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}(-puntkomma)?\.csv$/);
      const text = readFileSync((await download.path())!, 'utf8');
      if (sep === ';') expect(text.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(text, sep).filter((r) => r.bucket === 'total' && r.measure === 'inflow.byCategory');
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBeLessThanOrEqual(table.size);
      for (const row of rows) {
        const shown = row.suppressed === 'true' ? '<5' : new Intl.NumberFormat('nl-NL').format(Number(row.value));
        expect(table.get(nl.category[row.dimension])).toBe(shown);
      }
    }
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML-tabellen' }).click()]);
    expect(readFileSync((await html.path())!, 'utf8')).toContain('<td>inflow.byCategory</td>');
  });

  it('a municipality asking for another region reads a plain message, no error text', async () => {
    const { page } = await open();
    await signInAsMunicipality(page, region.name);
    await page.getByRole('heading', { level: 1, name: `Stromen in ${region.name}` }).waitFor();
    await page.goto(`/?regio=${other.id}`);
    await page.getByText('U kunt alleen de cijfers van uw eigen regio bekijken.', { exact: false }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/FORBIDDEN|Error|stack|at \w+ \(/);
    expect(await page.locator('main svg.opvangnet-plot').count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('You can only see the figures of your own region.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('prints on A4 pages with the charts, without the controls', async () => {
    const { page } = await open();
    await signInAsMunicipality(page, region.name);
    for (const title of FIGURES) await figure(page, title).waitFor();
    await page.locator('svg.opvangnet-plot').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Download CSV (komma)' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Afmelden' }).isVisible()).toBe(false);
    expect(await page.locator('svg.opvangnet-plot').first().isVisible()).toBe(true);
    const withCharts = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(withCharts)).toBeGreaterThanOrEqual(3);
    // Without the charts the report is shorter and smaller: the PDF above has them.
    await page.evaluate(() => (globalThis as any).document.querySelectorAll('.opvangnet-chart').forEach((e: any) => e.remove()));
    const withoutCharts = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPages(withCharts)).toBeGreaterThan(pdfPages(withoutCharts));
    expect(withCharts.length).toBeGreaterThan(withoutCharts.length);
  });

  it('a coordinator opens the dashboard from the national board and picks the whole country or a region', async () => {
    const { page } = await open();
    await signIn(page, { person: 'Landelijk coördinator' });
    await page.getByRole('link', { name: /^Stromen: / }).click();
    await page.getByRole('heading', { level: 1, name: 'Stromen in heel Nederland' }).waitFor();
    const picker = page.getByRole('combobox', { name: 'Regio' });
    expect(await picker.inputValue()).toBe('NL');
    await figure(page, nl.flows.fig.matrix).waitFor();
    await picker.selectOption({ label: other.name });
    await page.getByRole('heading', { level: 1, name: `Stromen in ${other.name}` }).waitFor();
    await figure(page, nl.flows.fig.inflowCategory).waitFor();

    // From a region's page of the national board, straight to that region's flows.
    await page.getByRole('link', { name: 'Terug naar het landelijk overzicht' }).click();
    await page.getByRole('table', { name: /live bijgewerkt/ }).getByRole('link', { name: region.name, exact: true }).click();
    await page.getByRole('link', { name: `Stromen van ${region.name}: in-, door- en uitstroom` }).click();
    await page.getByRole('heading', { level: 1, name: `Stromen in ${region.name}` }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Regio' }).inputValue()).toBe(region.id);
  });
});
