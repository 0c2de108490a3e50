import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (Playwright cannot download its own browser here). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p));
}

export const BROWSER_REQUIRED = process.env.REQUIRE_BROWSER_TESTS === '1';

/**
 * `describe` for browser journeys. Without a Chromium the suite is skipped with one line saying
 * how to enable it; with REQUIRE_BROWSER_TESTS=1 (CI) a missing browser fails instead.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath()) {
    describe(name, body);
    return;
  }
  if (BROWSER_REQUIRED) {
    describe(name, () => {
      it('needs Chromium (REQUIRE_BROWSER_TESTS=1)', () => {
        throw new Error('No Chromium found at $CHROMIUM_PATH or /usr/bin/chromium: install it (apt-get install -y chromium)');
      });
    });
    return;
  }
  process.stdout.write(
    `\n  Browser tests skipped: no Chromium at $CHROMIUM_PATH or /usr/bin/chromium. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to run them.\n\n`,
  );
  describe.skip(name, body);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page that records every request to another origin, CSP violations and script errors. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  foreignRequests: string[];
  problems: string[];
  /** Every HTTP response body and WebSocket frame the page received, for "never an address" checks. */
  received: string[];
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: { mobile?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: options.viewport ?? (options.mobile ? { width: 390, height: 844 } : { width: 1280, height: 900 }),
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  const origin = new URL(baseUrl);
  const watched: WatchedPage = { page, context, foreignRequests: [], problems: [], received: [] };
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.host !== origin.host) watched.foreignRequests.push(req.url());
  });
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) watched.problems.push(msg.text());
  });
  page.on('pageerror', (err) => watched.problems.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.request().resourceType() === 'fetch' || res.request().resourceType() === 'xhr') {
      res.text().then((body) => watched.received.push(body), () => undefined);
    }
  });
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => watched.received.push(String(frame.payload))));
  return watched;
}

/** Nothing left the origin, the CSP refused nothing, no script failed. */
export function expectClean(watched: WatchedPage): void {
  expect(watched.foreignRequests).toEqual([]);
  expect(watched.problems).toEqual([]);
}

/** After each journey: every page opened stayed clean (no other origin, no script error), then closes. */
export async function closeWatched(pages: WatchedPage[]): Promise<void> {
  for (const watched of pages.splice(0)) {
    expectClean(watched);
    await watched.context.close();
  }
}

/** Development sign-in as a featured demo person (by the button's name) or as intake of a shelter. */
export async function signIn(page: Page, who: { person: RegExp | string } | { shelterName: string }): Promise<void> {
  await page.goto('/');
  if ('person' in who) {
    await page.getByRole('button', { name: who.person }).click();
  } else {
    const select = page.getByRole('combobox', { name: 'Opvanglocatie' });
    const option = select.locator('option', { hasText: who.shelterName }).first();
    await select.selectOption({ value: (await option.getAttribute('value'))! });
    await page.getByRole('button', { name: 'Aanmelden als intakemedewerker' }).click();
  }
  await page.getByRole('button', { name: 'Afmelden' }).waitFor();
}

/** 0 serious or critical WCAG 2.1 A/AA violations on what the page shows now. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = result.violations
    .filter((v: { impact?: string | null }) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: { id: string; impact?: string | null; nodes: { target: unknown[] }[] }) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(serious).toEqual([]);
}

const ARTIFACTS = join(process.cwd(), 'test/artifacts');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Phone screens whole; desktop screens as the viewport shows them (the board is long).
  const phone = (page.viewportSize()?.width ?? 1280) < 600;
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: phone });
}

/** The board row of one place (its row header is the place label). */
export function placeRow(page: Page, label: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${label}\\b`) }) });
}

/** Nothing on the page needs sideways scrolling (WCAG 1.4.10 reflow; tables scroll in their own box). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: (globalThis as any).document.documentElement.scrollWidth as number,
    innerWidth: (globalThis as any).innerWidth as number,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Press Tab until `target` has focus: proves it is reachable by keyboard alone. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((el: any) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab within ${maxPresses} presses: ${target.toString()}`);
}
