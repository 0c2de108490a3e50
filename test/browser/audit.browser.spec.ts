import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/enums.js';
import { startTestService, TestService } from '../support/service.js';
import { describeInBrowser, expectAccessible, expectClean, expectNoSidewaysScroll, launchBrowser, openPage, signIn, type WatchedPage } from './support.js';

import { jest } from '@jest/globals';

jest.setTimeout(180_000);

/** The event ids of the audit table, in order (each row carries its event's id). */
async function tableIds(page: Page): Promise<string[]> {
  return page.locator('table.opvangnet-audit-table tbody tr').evaluateAll((rows) => rows.map((r) => (r as { dataset: Record<string, string> }).dataset.eventId));
}

/** The table's caption says how many rows it shows: wait for it after each search or page. */
async function waitForRows(page: Page, count: number): Promise<void> {
  await page.getByRole('table', { name: new RegExp(`^Auditlog: ${count} gebeurtenis(sen)?, nieuwste eerst$`) }).waitFor();
}

describeInBrowser('coordinator: audit log search and CSV download (Chromium, real service, real PostgreSQL)', () => {
  let t: TestService;
  let browser: Browser;
  let watched: WatchedPage;
  let shelter: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    browser = await launchBrowser();
    ({ rows: [shelter] } = await t.db.pool.query<{ id: string; name: string }>(`SELECT id, name FROM shelter ORDER BY name LIMIT 1`));
    // 60 events of one kind, for paging (written first: the table is newest first by id).
    await t.db.pool.query(
      `INSERT INTO audit_event (actor, actor_role, action, entity_type, entity_id, at)
       SELECT 'audit-browser-bulk', 'ADMIN', 'test.paging', 'place', g::text, now() - interval '1 hour' + g * interval '1 second' FROM generate_series(1, 60) g`,
    );
    // An intake worker of the shelter reads its secret address (audited by the database itself).
    const intake = await t.token({ role: Role.INTAKE, sub: 'audit-browser-intake', shelterIds: [shelter.id] });
    const read = await t.gql(`query ($id: ID!) { shelter(id: $id) { address { street } } }`, { id: shelter.id }, intake);
    expect(read.errors).toBeUndefined();
    expect(read.data!.shelter.address.street).toEqual(expect.any(String));
  });
  afterAll(async () => {
    if (watched) {
      expectClean(watched);
      await watched.context.close();
    }
    await browser?.close();
    await t?.close();
  });

  it('finds the address read, marked in words; filters, pages, validates; the CSV holds the rows of the table', async () => {
    watched = await openPage(browser, t.service.url);
    const { page } = watched;
    await signIn(page, { person: 'Landelijk coördinator' });
    await page.getByRole('link', { name: 'Auditlog: wie deed wat, wie zag een adres' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/coordinator/audit');

    // The newest events on opening: the intake's read of the secret address is at the top, labelled.
    const readRow = page.getByRole('row').filter({ hasText: 'audit-browser-intake' });
    await readRow.first().waitFor();
    expect(await readRow.count()).toBe(1);
    await readRow.getByText('Adresinzage: geheim adres').waitFor();
    await readRow.getByText('read Shelter.address').waitFor();
    await readRow.getByRole('cell', { name: 'INTAKE', exact: true }).waitFor();
    await readRow.getByText(shelter.id).waitFor();
    // Other rows carry no label.
    const plain = page.getByRole('row').filter({ hasText: 'test.paging' }).first();
    expect(await plain.getByText(/Adresinzage/).count()).toBe(0);
    await expectAccessible(page, 'audit log');
    await expectNoSidewaysScroll(page);
    // The home page's live feeds ended; the socket closing after them is no broken connection.
    expect(await page.getByText('De live-verbinding is verbroken.').count()).toBe(0);

    // "Alleen adresinzage": every row is a read of a secret, each labelled.
    await page.getByRole('button', { name: 'Alleen adresinzage' }).click();
    await page.getByRole('table', { name: /^Auditlog: 1 gebeurtenis, nieuwste eerst$/ }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Handeling' }).inputValue()).toBe('read Shelter.*');
    expect(await page.locator('tbody tr .opvangnet-secret-read').count()).toBe(1);
    // The whole page: the form and the marked row.
    mkdirSync(join(process.cwd(), 'test/artifacts'), { recursive: true });
    await page.screenshot({ path: join(process.cwd(), 'test/artifacts/console-coordinator-audit.png'), fullPage: true });

    // Validation like the other forms: a summary with links to the fields, and the message at the field.
    await page.getByLabel('Vanaf').fill('2026-12-03T10:00');
    await page.getByLabel('Tot').fill('2026-12-02T10:00');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const summary = page.locator('.opvangnet-error-summary');
    await summary.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    await summary.getByRole('link', { name: '‘Tot’ moet na ‘Vanaf’ liggen' }).click();
    expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('audit-to');
    await expectAccessible(page, 'audit log with errors');
    await page.getByLabel('Vanaf').fill('');
    await page.getByLabel('Tot').fill('');

    // A prefix: 'test.*' finds the 60 paging events, 50 at a time.
    await page.getByRole('textbox', { name: 'Handeling' }).fill('test.*');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await waitForRows(page, 50);
    await page.getByRole('status').filter({ hasText: '50 gebeurtenissen getoond; er zijn er meer.' }).waitFor();
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await waitForRows(page, 60);
    await page.getByRole('button', { name: 'Meer laden' }).waitFor({ state: 'detached' });
    const ids = await tableIds(page);
    expect(ids).toHaveLength(60);
    const { rows: expected } = await t.db.pool.query<{ id: string }>(`SELECT id::text FROM audit_event WHERE action LIKE 'test.%' ORDER BY audit_event.id DESC`);
    expect(ids).toEqual(expected.map((r) => r.id));

    // The download holds the same rows as the table, as ;-separated UTF-8 with a byte-order mark.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-[0-9-]+\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = text.slice(1).trimEnd().split('\r\n');
    expect(header.split(';').slice(0, 5)).toEqual(['id', 'at', 'actor', 'actorRole', 'action']);
    expect(lines.map((l) => l.split(';')[0])).toEqual(ids);
    await page.getByRole('status').filter({ hasText: /audit-[0-9-]+\.csv gedownload: 60 gebeurtenissen\./ }).waitFor();
    // The export is itself in the audit log: who, which filters, how many rows.
    const { rows: exports } = await t.db.pool.query(`SELECT actor, detail FROM audit_event WHERE action = 'export audit.csv'`);
    expect(exports).toEqual([{ actor: 'dev-coordinator', detail: expect.objectContaining({ filters: { action: 'test.*' }, rows: 60, truncated: false }) }]);

    // An empty result says so.
    await page.getByRole('textbox', { name: 'Wie (gebruikers-id)' }).fill('niemand-bestaat');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByText('Geen gebeurtenissen gevonden met deze filters. Maak de filters ruimer of wis ze.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectAccessible(page, 'audit log, nothing found');
  });
});
