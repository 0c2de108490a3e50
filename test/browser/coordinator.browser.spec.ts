import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/enums.js';
import { startTestService, TestService } from '../support/service.js';
import {
  describeInBrowser,
  expectAccessible,
  closeWatched,
  expectNoSidewaysScroll,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  tabTo,
  type WatchedPage,
} from './support.js';

import { jest } from '@jest/globals';

jest.setTimeout(180_000);

interface EmergencyPlace {
  id: string;
  label: string;
  shelter_id: string;
  shelter_name: string;
  national_reserve: boolean;
}

/**
 * A region with free emergency places and the places themselves (one shelter's non-reserve place
 * last, so an intake of that shelter can take it on its own board).
 */
async function regionWithEmergencyPlaces(t: TestService): Promise<{ regionId: string; regionName: string; places: EmergencyPlace[] }> {
  const { rows } = await t.db.pool.query<{ region_id: string; region_name: string }>(
    `SELECT r.id AS region_id, r.name AS region_name
       FROM region r JOIN shelter s ON s.region_id = r.id JOIN place p ON p.shelter_id = s.id
      WHERE p.category = 'EMERGENCY' AND p.status = 'AVAILABLE'
      GROUP BY r.id, r.name
     HAVING bool_or(NOT p.national_reserve)
      ORDER BY count(*), r.name LIMIT 1`,
  );
  const { region_id: regionId, region_name: regionName } = rows[0];
  const { rows: places } = await t.db.pool.query<EmergencyPlace>(
    `SELECT p.id, p.label, p.shelter_id, s.name AS shelter_name, p.national_reserve
       FROM place p JOIN shelter s ON s.id = p.shelter_id
      WHERE s.region_id = $1 AND p.category = 'EMERGENCY' AND p.status = 'AVAILABLE'
      ORDER BY NOT p.national_reserve, s.name, p.label`,
    [regionId],
  );
  return { regionId, regionName, places };
}

/** An IMMEDIATE request for one woman from the region, still OPEN (a place fits her). */
async function fileImmediate(t: TestService, regionId: string): Promise<string> {
  const referrer = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, sub: 'coordinator-test-officer' });
  const created = await t.gql<{ createPlacementRequest: { id: string; status: string } }>(
    `mutation ($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id status } }`,
    { input: { household: [{ sex: 'FEMALE', age: 31 }], homeRegionId: regionId, urgency: 'IMMEDIATE', risk: { level: 'MEDIUM' }, consentToShare: true } },
    referrer,
  );
  expect(created.errors).toBeUndefined();
  expect(created.data!.createPlacementRequest.status).toBe('OPEN');
  return created.data!.createPlacementRequest.id;
}

/** Nobody claimed in time: the sweep escalates it (its time pushed into the past). */
async function letItEscalate(t: TestService, requestId: string): Promise<void> {
  await t.db.pool.query(`UPDATE placement_request SET escalate_at = now() - interval '1 s' WHERE id = $1`, [requestId]);
  const { ReferralService } = await import('../../src/referral/referral.service.js');
  // (The background sweep may get there first; either way it is escalated once.)
  await t.service.app.get(ReferralService).escalateOverdue();
}

/** The board's row of one region (its row header is the region's name). */
function regionRow(page: Page, regionName: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: regionName, exact: true }) });
}

describeInBrowser('coordinator: national board and escalations (Chromium, real service, real PostgreSQL)', () => {
  let t: TestService;
  let browser: Browser;
  const pages: WatchedPage[] = [];
  const open = async (options: { viewport?: { width: number; height: number } } = {}) => {
    const watched = await openPage(browser, t.service.url, options);
    pages.push(watched);
    return watched;
  };

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    browser = await launchBrowser();
  });
  afterEach(() => closeWatched(pages));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows all 35 regions; an intake elsewhere holds the last emergency place of a region and the cell turns to 0 without reload', async () => {
    const target = await regionWithEmergencyPlaces(t);
    const last = target.places.at(-1)!;
    expect(last.national_reserve).toBe(false);
    // Everything but the last free emergency place of the region is held beforehand, through the API.
    const coordinatorToken = await t.token({ role: Role.COORDINATOR });
    for (const place of target.places.slice(0, -1)) {
      const held = await t.gql(`mutation ($i: ClaimPlaceInput!) { claimPlace(input: $i) { id } }`, { i: { placeIds: [place.id], householdSize: 1 } }, coordinatorToken);
      expect(held.errors).toBeUndefined();
    }

    const coordinator = await open();
    const { page } = coordinator;
    await signIn(page, { person: 'Landelijk coördinator' });
    await page.getByRole('heading', { level: 1, name: 'Landelijk overzicht' }).waitFor();
    const board = page.getByRole('table', { name: /regio's, live bijgewerkt/ });
    await board.getByText("35 regio's, live bijgewerkt").waitFor();
    expect(await board.getByRole('rowheader').count()).toBe(35);
    for (const category of ['Noodbed', 'Crisisplaats', 'Mannenopvang', 'Eergerelateerd geweld', 'Mensenhandel', 'Safe House', 'Vervolgopvang']) {
      await board.getByRole('columnheader', { name: category }).waitFor();
    }
    await expectAccessible(page, 'national board');
    await screenshot(page, 'coordinator-board');

    // Only emergency beds: one data cell per region.
    await page.getByRole('combobox', { name: 'Soort opvang' }).selectOption('EMERGENCY');
    await board.getByRole('columnheader', { name: 'Crisisplaats' }).waitFor({ state: 'detached' });
    const cell = regionRow(page, target.regionName).getByRole('cell');
    expect(await cell.count()).toBe(1);
    await cell.getByText('1 plek vrij', { exact: true }).waitFor();

    const intake = await open();
    await signIn(intake.page, { shelterName: last.shelter_name });
    await intake.page.getByRole('heading', { level: 1, name: `Plekken van ${last.shelter_name}` }).waitFor();
    await intake.page.getByRole('button', { name: `Plek ${last.label} vasthouden` }).click();
    await intake.page.getByRole('textbox', { name: 'Aantal personen (kinderen meegeteld)' }).fill('1');
    await intake.page.getByRole('button', { name: 'Vasthouden', exact: true }).click();
    await intake.page.getByText(`Plek ${last.label} wordt voor u vastgehouden.`).waitFor();

    // Committed: the coordinator's cell says 0 within 1 s, marked in words, and it is announced.
    await cell.getByText('0 plekken vrij', { exact: true }).waitFor({ timeout: 1000 });
    await cell.getByText('net gewijzigd').waitFor();
    await page.getByRole('status').filter({ hasText: `Gewijzigd: Noodbed in ${target.regionName}, nu 0 plekken vrij` }).waitFor();
    await screenshot(page, 'coordinator-board-changed');
  });

  it('filters by household: only regions where a household of 4 fits in one unit', async () => {
    const { rows } = await t.db.pool.query<{ name: string }>(
      `SELECT r.name FROM region r
        WHERE EXISTS (SELECT 1 FROM place p JOIN shelter s ON s.id = p.shelter_id
                       WHERE s.region_id = r.id AND p.category = 'CRISIS' AND p.beds >= 4
                         AND (p.status = 'AVAILABLE' OR (p.status = 'HELD' AND p.held_until <= now())))
        ORDER BY r.name`,
    );
    const { page } = await open();
    await signIn(page, { person: 'Landelijk coördinator' });
    await page.getByRole('combobox', { name: 'Soort opvang' }).selectOption('CRISIS');
    await page.getByRole('combobox', { name: 'Huishouden dat in één unit moet passen' }).selectOption('4');
    const board = page.getByRole('table', { name: /live bijgewerkt|updated live/ });
    await board.getByText(`${rows.length} regio's waar een huishouden van 4 personen past, live bijgewerkt`).waitFor();
    expect(await board.getByRole('rowheader').allTextContents()).toEqual(rows.map((r) => r.name));
    if (rows.length > 0) await regionRow(page, rows[0].name).getByText('past: 4 personen').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'National overview' }).waitFor();
    await board.getByText(`${rows.length} regions where a household of 4 fits, updated live`).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('an IMMEDIATE request nobody claims appears in the escalation feed live; the coordinator opens it and claims', async () => {
    const { rows: regions } = await t.db.pool.query<{ id: string; name: string }>(`SELECT id, name FROM region ORDER BY name LIMIT 1 OFFSET 5`);
    const region = regions[0];
    const request = { id: await fileImmediate(t, region.id) };

    const { page } = await open();
    await signIn(page, { person: 'Landelijk coördinator' });
    const feed = page.getByRole('region', { name: 'Opgeschaalde verzoeken' });
    await feed.waitFor();
    await page.getByRole('table', { name: /live bijgewerkt/ }).waitFor();
    const link = feed.locator(`a[href="/intake/verzoek/${request.id}"]`);
    expect(await link.count()).toBe(0);
    // Asked for a tone: it plays without a script error (the words are the cue that is tested).
    await feed.getByRole('checkbox', { name: 'Geluidssignaal bij een opgeschaald verzoek' }).check();

    await letItEscalate(t, request.id);

    await feed.getByRole('status').getByText('Een verzoek is opgeschaald').waitFor();
    await link.waitFor();
    expect(await link.textContent()).toMatch(new RegExp(`^Verzoek uit ${region.name} van \\d{1,2} \\S+ \\d{4}, \\d{2}:\\d{2}$`));
    const row = feed.getByRole('row').filter({ has: page.locator(`a[href="/intake/verzoek/${request.id}"]`) });
    await row.getByText('Nieuw', { exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Nu (noodbed mag)' }).waitFor();
    await row.getByRole('cell', { name: region.name, exact: true }).waitFor();
    await row.getByRole('cell', { name: 'Niemand hield op tijd een plek vast' }).waitFor();
    await row.getByRole('cell', { name: /^ingediend / }).waitFor();
    await expectAccessible(page, 'national board with escalation');
    await screenshot(page, 'coordinator-escalation');

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Plaatsingsverzoek' }).waitFor();
    await page.getByRole('button', { name: /^Plek .+ vasthouden voor dit verzoek$/ }).first().click();
    await page.getByText(/is voor dit verzoek vastgehouden/).waitFor();
    const { rows } = await t.db.pool.query(`SELECT status FROM placement_request WHERE id = $1`, [request.id]);
    expect(rows[0].status).toBe('CLAIMED');
    // Back on the board, the claimed request is no longer escalated.
    await page.getByRole('link', { name: 'opvangnet' }).click();
    await feed.getByRole('heading', { name: 'Opgeschaalde verzoeken' }).waitFor();
    await page.getByRole('table', { name: /live bijgewerkt/ }).waitFor();
    await link.waitFor({ state: 'detached' });
  });

  it('an escalated request someone else claims leaves the feed without reload', async () => {
    const { rows: regions } = await t.db.pool.query<{ id: string; name: string }>(`SELECT id, name FROM region ORDER BY name LIMIT 1 OFFSET 7`);
    const requestId = await fileImmediate(t, regions[0].id);
    const { page } = await open();
    await signIn(page, { person: 'Landelijk coördinator' });
    const feed = page.getByRole('region', { name: 'Opgeschaalde verzoeken' });
    await page.getByRole('table', { name: /live bijgewerkt/ }).waitFor();
    await letItEscalate(t, requestId);
    const link = feed.getByRole('link', { name: new RegExp(`^Verzoek uit ${regions[0].name} van `) }).and(page.locator(`a[href="/intake/verzoek/${requestId}"]`));
    await link.waitFor();

    // Another coordinator claims the best option through the API.
    const other = await t.token({ role: Role.COORDINATOR, sub: 'other-coordinator' });
    const options = await t.gql<{ placementOptions: { options: { places: { id: string }[] }[] } }>(
      `query ($id: ID!) { placementOptions(requestId: $id) { options { places { id } } } }`,
      { id: requestId },
      other,
    );
    const placeIds = options.data!.placementOptions.options[0].places.map((p) => p.id);
    const claimed = await t.gql(`mutation ($i: ClaimForRequestInput!) { claimForRequest(input: $i) { status } }`, { i: { requestId, placeIds } }, other);
    expect(claimed.errors).toBeUndefined();
    await link.waitFor({ state: 'detached' });
  });

  it('drills down from a region to its shelters, with since when each confirmed its status, and on to a shelter\'s places', async () => {
    const { rows } = await t.db.pool.query<{ id: string; name: string; region_name: string; shelters: number }>(
      `SELECT s.id, s.name, r.name AS region_name, count(*) OVER (PARTITION BY r.id)::int AS shelters
         FROM shelter s JOIN region r ON r.id = s.region_id ORDER BY r.name DESC, s.name LIMIT 1`,
    );
    const shelter = rows[0];
    await t.db.pool.query(`UPDATE shelter SET status_confirmed_at = now() - interval '30 hours' WHERE id = $1`, [shelter.id]);
    const { page } = await open();
    await signIn(page, { person: 'Landelijk coördinator' });
    await page.getByRole('table', { name: /live bijgewerkt/ }).waitFor();
    // The region's cells say that some shelter in it has not confirmed.
    await regionRow(page, shelter.region_name).getByText('geen informatie (status niet bevestigd)').first().waitFor();
    await regionRow(page, shelter.region_name).getByRole('link', { name: shelter.region_name }).click();
    await page.getByRole('heading', { level: 1, name: `Regio ${shelter.region_name}` }).waitFor();
    const table = page.getByRole('table', { name: `${shelter.shelters} opvanglocaties` });
    expect(await table.getByRole('rowheader').count()).toBe(shelter.shelters);
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: shelter.name, exact: true }) });
    await row.getByText(/\(1 dag geleden\)|\(gisteren\)|\(30 uur geleden\)/).waitFor();
    await row.getByText('geen informatie (status niet bevestigd)').waitFor();
    await expectAccessible(page, 'region shelters');
    await row.getByRole('link', { name: shelter.name }).click();
    await page.getByRole('heading', { level: 1, name: `Plekken van ${shelter.name}` }).waitFor();
  });

  it('at 200 % zoom (640 × 450 CSS pixels) the board reflows: only the table scrolls, in its own box, reachable by keyboard', async () => {
    const { page } = await open({ viewport: { width: 640, height: 450 } });
    await signIn(page, { person: 'Landelijk coördinator' });
    await page.getByRole('table', { name: /live bijgewerkt/ }).waitFor();
    await expectNoSidewaysScroll(page);
    await tabTo(page, page.getByRole('region', { name: "35 regio's, live bijgewerkt" }), 120);
  });
});
