import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { Role } from '../../src/common/enums.js';
import { createDataSource } from '../../src/database/data-source.js';
import { EmbeddedServer, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { ensureDatabase } from '../../src/database/setup.js';
import { readRegionFile, upsertRegions } from '../../src/network/reference/regions.js';
import { startTestService, TestService } from '../support/service.js';
import {
  describeInBrowser,
  expectAccessible,
  closeWatched,
  expectClean,
  expectNoSidewaysScroll,
  launchBrowser,
  openPage,
  placeRow,
  screenshot,
  signIn,
  tabTo,
  type WatchedPage,
} from './support.js';

import { jest } from '@jest/globals';

jest.setTimeout(180_000);

interface ShelterRow {
  id: string;
  name: string;
  region_id: string;
  region_name: string;
}

/** The shelter the sign-in page offers first ("Intakemedewerker van …"): first by region, then name. */
async function featuredShelter(t: TestService): Promise<ShelterRow> {
  const { rows } = await t.db.pool.query<ShelterRow>(
    `SELECT s.id, s.name, r.id AS region_id, r.name AS region_name FROM shelter s JOIN region r ON r.id = s.region_id ORDER BY r.name, s.name LIMIT 1`,
  );
  return rows[0];
}

async function availablePlaces(t: TestService, shelterId: string): Promise<{ id: string; label: string; beds: number }[]> {
  const { rows } = await t.db.pool.query(
    `SELECT id, label, beds FROM place WHERE shelter_id = $1 AND status = 'AVAILABLE' AND NOT national_reserve ORDER BY label`,
    [shelterId],
  );
  return rows;
}

const MOTHER_AND_TWO = [
  { sex: 'FEMALE', age: 34 },
  { sex: 'FEMALE', age: 8 },
  { sex: 'MALE', age: 5 },
];

/**
 * A region where a mother with two children gets an option in her own region, and that shelter:
 * found with a probe request through the API (then cancelled), so the journey does not depend on
 * which demo places happen to be free.
 */
async function regionWithOwnOption(t: TestService): Promise<{ regionId: string; regionName: string; shelterName: string }> {
  const referrer = await t.token({ role: Role.REFERRER, referrerType: 'POLICE' as never, sub: 'probe' });
  const { rows: regions } = await t.db.pool.query<{ id: string; name: string }>(
    `SELECT DISTINCT r.id, r.name FROM region r JOIN shelter s ON s.region_id = r.id ORDER BY r.name`,
  );
  for (const region of regions) {
    const created = await t.gql<{ createPlacementRequest: { id: string } }>(
      `mutation ($input: CreatePlacementRequestInput!) { createPlacementRequest(input: $input) { id } }`,
      { input: { household: MOTHER_AND_TWO, homeRegionId: region.id, urgency: 'WITHIN_24H', risk: { level: 'MEDIUM' }, consentToShare: true } },
      referrer,
    );
    const id = created.data!.createPlacementRequest.id;
    const options = await t.gql<{ placementOptions: { options: { regionId: string; shelterName: string }[] } }>(
      `query ($id: ID!) { placementOptions(requestId: $id) { options { regionId shelterName } } }`,
      { id },
      referrer,
    );
    await t.gql(`mutation ($id: ID!) { cancelPlacementRequest(id: $id) { id } }`, { id }, referrer);
    const own = options.data?.placementOptions.options.find((o) => o.regionId === region.id);
    if (own) return { regionId: region.id, regionName: region.name, shelterName: own.shelterName };
  }
  throw new Error('no region with an option in its own region for a mother and two children');
}

describeInBrowser('console in a real browser (Chromium, real service, real PostgreSQL)', () => {
  let t: TestService;
  let browser: Browser;
  const pages: WatchedPage[] = [];
  const open = async (options: { mobile?: boolean; viewport?: { width: number; height: number } } = {}) => {
    const watched = await openPage(browser, t.service.url, options);
    pages.push(watched);
    return watched;
  };

  beforeAll(async () => {
    t = await startTestService({ demo: true });
    browser = await launchBrowser();
  });
  // Every page of every journey: nothing from another origin, nothing refused by the CSP.
  afterEach(() => closeWatched(pages));
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('sign-in page lists the demo people and is accessible', async () => {
    const { page } = await open();
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    for (const name of [/^Intakemedewerker van /, 'Politieagent (basisteam)', 'Medewerker Veilig Thuis', /^Centrumgemeente /, 'Landelijk coördinator', 'Beheerder']) {
      await page.getByRole('button', { name }).waitFor();
    }
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('nl');
    await expectAccessible(page, 'sign-in');
    await screenshot(page, 'sign-in');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => (globalThis as any).document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
  });

  it('the developer explorer (GraphiQL) runs from the bundle, with nothing from another origin', async () => {
    const { page } = await open();
    await page.goto('/graphql');
    expect(new URL(page.url()).pathname).toBe('/graphiql.html');
    await page.getByText('GraphiQL', { exact: false }).first().waitFor();
    await page.locator('.graphiql-container').waitFor();
  });

  it('intake holds a place, a coordinator sees it held without reload; the intake admits and discharges', async () => {
    const shelter = await featuredShelter(t);
    const [place] = await availablePlaces(t, shelter.id);
    const intake = await open();
    const coordinator = await open();
    await signIn(intake.page, { person: /^Intakemedewerker van / });
    await intake.page.getByRole('heading', { level: 1, name: `Plekken van ${shelter.name}` }).waitFor();
    await expectAccessible(intake.page, 'board');
    await screenshot(intake.page, 'intake-board');

    await signIn(coordinator.page, { person: 'Landelijk coördinator' });
    await coordinator.page.getByRole('combobox', { name: 'Opvanglocatie' }).selectOption({ value: shelter.id });
    await coordinator.page.getByRole('heading', { level: 1, name: `Plekken van ${shelter.name}` }).waitFor();
    await placeRow(coordinator.page, place.label).getByText('Vrij', { exact: true }).waitFor();

    await intake.page.getByRole('button', { name: `Plek ${place.label} vasthouden` }).click();
    await intake.page.getByRole('heading', { name: `Plek ${place.label} vasthouden voor een huishouden` }).waitFor();
    await intake.page.getByRole('textbox', { name: 'Aantal personen (kinderen meegeteld)' }).fill('1');
    await expectAccessible(intake.page, 'claim form');
    await screenshot(intake.page, 'intake-claim-form');
    await intake.page.getByRole('button', { name: 'Vasthouden', exact: true }).click();
    await intake.page.getByText(`Plek ${place.label} wordt voor u vastgehouden.`).waitFor();
    // The claim is committed: the other browser shows it within 1 s, without a reload.
    await placeRow(coordinator.page, place.label).getByText('Vastgehouden', { exact: true }).waitFor({ timeout: 1000 });
    await placeRow(intake.page, place.label).getByText(/Vastgehouden voor 1 persoon, verloopt over/).waitFor();

    await intake.page.getByRole('button', { name: `Huishouden opnemen op plek ${place.label}` }).click();
    await intake.page.getByRole('combobox', { name: 'Geslacht van persoon 1' }).selectOption('FEMALE');
    await intake.page.getByRole('textbox', { name: 'Leeftijd van persoon 1 (jaren)' }).fill('29');
    await intake.page.getByRole('button', { name: 'Opnemen', exact: true }).click();
    await intake.page.getByText(`Het huishouden is opgenomen op plek ${place.label}.`).waitFor();
    await placeRow(intake.page, place.label).getByText('Bezet', { exact: true }).waitFor();
    await placeRow(intake.page, place.label).getByText(/1 persoon; 1 volw\., 0 kind\.; 0 dagen opgenomen/).waitFor();
    await placeRow(coordinator.page, place.label).getByText('Bezet', { exact: true }).waitFor();

    await intake.page.getByRole('button', { name: `Plek ${place.label}: uitschrijven` }).click();
    await intake.page.getByRole('combobox', { name: 'Bestemming' }).selectOption('INDEPENDENT_HOUSING');
    await intake.page.getByRole('button', { name: 'Uitschrijven', exact: true }).click();
    await intake.page.getByText(`Het huishouden van plek ${place.label} is uitgeschreven.`).waitFor();
    await placeRow(intake.page, place.label).getByText('Vrij', { exact: true }).waitFor();
    const { rows } = await t.db.pool.query(`SELECT status FROM place WHERE id = $1`, [place.id]);
    expect(rows[0].status).toBe('AVAILABLE');
  });

  it('a stale status asks to be confirmed; a stale upkeep edit is refused in plain words, keeps the reason, and works on retry', async () => {
    const shelter = await featuredShelter(t);
    const place = (await availablePlaces(t, shelter.id)).at(-1)!;
    await t.db.pool.query(`UPDATE shelter SET status_confirmed_at = now() - interval '30 hours' WHERE id = $1`, [shelter.id]);
    const { page } = await open();
    await signIn(page, { person: /^Intakemedewerker van / });
    await page.getByText('Klopt dit overzicht nog?').waitFor();
    await page.getByRole('button', { name: 'Ja, onze plekken kloppen' }).click();
    await page.getByText('Klopt dit overzicht nog?').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Opnieuw bevestigen' }).waitFor();
    const { rows: confirmed } = await t.db.pool.query(`SELECT status_confirmed_at > now() - interval '1 minute' AS fresh FROM shelter WHERE id = $1`, [shelter.id]);
    expect(confirmed[0].fresh).toBe(true);

    await page.getByRole('button', { name: `Plek ${place.label} buiten gebruik` }).click();
    await page.getByRole('textbox', { name: 'Reden' }).fill('waterschade');
    // Meanwhile someone else changes the place twice: the version the form was opened with is stale.
    const coordinator = await t.token({ role: Role.COORDINATOR });
    const setStatus = (status: string, expectedVersion: number) =>
      t.gql(`mutation ($i: SetPlaceStatusInput!) { setPlaceStatus(input: $i) { version } }`, { i: { placeId: place.id, status, reason: 'controle', expectedVersion } }, coordinator);
    const { rows } = await t.db.pool.query<{ version: number }>(`SELECT version FROM place WHERE id = $1`, [place.id]);
    expect((await setStatus('OUT_OF_SERVICE', rows[0].version)).errors).toBeUndefined();
    expect((await setStatus('AVAILABLE', rows[0].version + 1)).errors).toBeUndefined();
    await page.getByRole('button', { name: 'Buiten gebruik stellen', exact: true }).click();
    await page.getByText('Iemand anders heeft deze plek net gewijzigd. Het overzicht is bijgewerkt; probeer het opnieuw.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Reden' }).inputValue()).toBe('waterschade');
    await page.getByRole('button', { name: 'Buiten gebruik stellen', exact: true }).click();
    await page.getByText(`Plek ${place.label} is buiten gebruik gesteld.`).waitFor();
    await placeRow(page, place.label).getByText('Buiten gebruik', { exact: true }).waitFor();
    await placeRow(page, place.label).getByText('(reden: waterschade)').waitFor();
    await page.getByRole('button', { name: `Plek ${place.label} weer in gebruik` }).click();
    await page.getByRole('textbox', { name: 'Reden' }).fill('gerepareerd');
    await page.getByRole('button', { name: 'Weer in gebruik nemen', exact: true }).click();
    await placeRow(page, place.label).getByText('Vrij', { exact: true }).waitFor();
  });

  it('at 200 % zoom (640 × 450 CSS pixels) the board and the request form reflow without sideways scrolling', async () => {
    const intake = await open({ viewport: { width: 640, height: 450 } });
    await signIn(intake.page, { person: /^Intakemedewerker van / });
    await intake.page.getByRole('table').first().waitFor();
    await expectNoSidewaysScroll(intake.page);
    const officer = await open({ viewport: { width: 640, height: 450 } });
    await signIn(officer.page, { person: 'Politieagent (basisteam)' });
    await officer.page.getByRole('link', { name: 'Nieuw plaatsingsverzoek' }).click();
    await officer.page.getByRole('button', { name: 'Verzoek indienen' }).waitFor();
    await expectNoSidewaysScroll(officer.page);
  });

  it('two intake workers hold the same place at once: one succeeds, the other reads why and sees the fresh board', async () => {
    const shelter = await featuredShelter(t);
    const [place] = await availablePlaces(t, shelter.id);
    const first = await open();
    const second = await open();
    for (const { page } of [first, second]) {
      await signIn(page, { person: /^Intakemedewerker van / });
      await page.getByRole('button', { name: `Plek ${place.label} vasthouden` }).click();
      await page.getByRole('textbox', { name: 'Aantal personen (kinderen meegeteld)' }).fill('1');
    }
    const submit = (page: WatchedPage['page']) => page.getByRole('button', { name: 'Vasthouden', exact: true }).click();
    await Promise.all([submit(first.page), submit(second.page)]);
    const outcome = async (page: WatchedPage['page']) => {
      const ok = page.getByText(`Plek ${place.label} wordt voor u vastgehouden.`);
      const conflict = page.getByText('Deze plek is net door iemand anders vastgehouden. Het overzicht is bijgewerkt; kies een andere plek.');
      await ok.or(conflict).waitFor();
      return (await ok.isVisible()) ? 'held' : 'conflict';
    };
    const outcomes = [await outcome(first.page), await outcome(second.page)];
    expect([...outcomes].sort()).toEqual(['conflict', 'held']);
    const loser = outcomes[0] === 'conflict' ? first : second;
    await placeRow(loser.page, place.label).getByText('Vastgehouden', { exact: true }).waitFor();
    await expectAccessible(loser.page, 'claim conflict');
    await screenshot(loser.page, 'intake-claim-conflict');
    // What was typed is still there.
    expect(await loser.page.getByRole('textbox', { name: 'Aantal personen (kinderen meegeteld)' }).inputValue()).toBe('1');
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM claim c JOIN claim_place cp ON cp.claim_id = c.id WHERE cp.place_id = $1 AND c.status = 'HELD'`, [place.id]);
    expect(rows[0].n).toBe(1);
  });

  it('a police officer on a phone files a request for a mother and two children; intake of her region sees it arrive and claims; the officer sees it claimed live', async () => {
    const target = await regionWithOwnOption(t);
    const intake = await open();
    await signIn(intake.page, { shelterName: target.shelterName });
    await intake.page.getByRole('heading', { name: `Binnenkomende verzoeken uit regio ${target.regionName}` }).waitFor();

    const officer = await open({ mobile: true });
    await signIn(officer.page, { person: 'Politieagent (basisteam)' });
    await officer.page.getByRole('heading', { level: 1, name: 'Mijn plaatsingsverzoeken' }).waitFor();
    await expectAccessible(officer.page, 'my requests');
    await screenshot(officer.page, 'referrer-my-requests');
    await officer.page.getByRole('link', { name: 'Nieuw plaatsingsverzoek' }).click();
    const form = officer.page;
    await form.getByRole('heading', { level: 1, name: 'Nieuw plaatsingsverzoek' }).waitFor();
    await form.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await form.getByRole('button', { name: 'Persoon toevoegen' }).click();
    for (const [i, member] of MOTHER_AND_TWO.entries()) {
      await form.getByRole('combobox', { name: `Geslacht van persoon ${i + 1}` }).selectOption(member.sex);
      await form.getByRole('textbox', { name: `Leeftijd van persoon ${i + 1} (jaren)` }).fill(String(member.age));
    }
    await form.getByRole('combobox', { name: 'Woonregio van de cliënt' }).selectOption({ value: target.regionId });
    await form.getByRole('combobox', { name: 'Urgentie' }).selectOption('WITHIN_24H');
    await form.getByRole('combobox', { name: 'Risiconiveau' }).selectOption('MEDIUM');
    await form.getByRole('checkbox', { name: 'De cliënt gaf toestemming om deze gegevens te delen' }).check();
    await expectAccessible(form, 'new request');
    await screenshot(form, 'referrer-new-request');
    await form.getByRole('button', { name: 'Verzoek indienen' }).click();

    await officer.page.getByRole('heading', { level: 1, name: 'Uw verzoek: Open' }).waitFor();
    await officer.page.getByRole('heading', { name: 'Passende plekken, best passend eerst' }).waitFor();
    await officer.page.getByRole('list', { name: `Waarom ${target.shelterName}` }).getByText(`eigen regio (${target.regionName})`).first().waitFor();
    await officer.page.getByText('plek voor 1 volwassene + 2 kinderen in één unit').first().waitFor();
    await expectAccessible(officer.page, 'request with options');
    await screenshot(officer.page, 'referrer-request-options');

    // The intake of her region sees the request arrive, live.
    await intake.page.getByRole('status').getByText('Nieuw verzoek binnengekomen').waitFor();
    await intake.page.getByText('Nieuw', { exact: true }).waitFor();
    await intake.page.getByRole('link', { name: /^Verzoek van / }).first().click();
    await intake.page.getByRole('heading', { level: 1, name: 'Plaatsingsverzoek' }).waitFor();
    await intake.page.getByText('3 personen: vrouw 34 jaar, vrouw 8 jaar, man 5 jaar').waitFor();
    await expectAccessible(intake.page, 'intake request detail');
    await screenshot(intake.page, 'intake-request-detail');
    await intake.page.getByRole('button', { name: /^Plek .+ vasthouden voor dit verzoek$/ }).first().click();
    await intake.page.getByText(/is voor dit verzoek vastgehouden/).waitFor();

    // …and the officer's page turns CLAIMED without a reload, with the phone and no address.
    await officer.page.getByRole('heading', { level: 1, name: 'Uw verzoek: Plek vastgehouden' }).waitFor();
    await officer.page.getByRole('heading', { name: `Plek vastgehouden bij ${target.shelterName}` }).waitFor();
    await officer.page.getByRole('link', { name: /^\+?[\d\s-]+$/ }).waitFor();
    await screenshot(officer.page, 'referrer-request-claimed');
  });

  it('Spoedplaatsing with the keyboard only: a bed with a phone number, and no address anywhere', async () => {
    const worker = await open({ mobile: true });
    const { page } = worker;
    await signIn(page, { person: 'Medewerker Veilig Thuis' });
    await page.getByRole('heading', { level: 1, name: 'Mijn plaatsingsverzoeken' }).waitFor();
    await tabTo(page, page.getByRole('link', { name: 'Spoedplaatsing' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Spoedplaatsing' }).waitFor();
    await expectAccessible(page, 'emergency');
    await screenshot(page, 'referrer-emergency');

    await tabTo(page, page.getByRole('combobox', { name: 'Geslacht van persoon 1' }));
    await page.keyboard.type('vrouw');
    await tabTo(page, page.getByRole('textbox', { name: 'Leeftijd van persoon 1 (jaren)' }));
    await page.keyboard.type('30');
    const { rows: regions } = await t.db.pool.query<{ name: string }>(`SELECT name FROM region ORDER BY name LIMIT 1 OFFSET 10`);
    await tabTo(page, page.getByRole('combobox', { name: 'Woonregio van de cliënt' }));
    await page.keyboard.type(regions[0].name);
    await tabTo(page, page.getByRole('checkbox', { name: 'De cliënt gaf toestemming om deze gegevens te delen' }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Spoedplaatsing aanvragen' }));
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Er is een noodbed vastgehouden' }).waitFor();
    await page.getByText('Intaketelefoon (24/7)').waitFor();
    await page.getByRole('link', { name: /^\+?[\d\s-]+$/ }).waitFor();
    await page.getByText(/verloopt over/).waitFor();
    await expectAccessible(page, 'emergency held');
    await screenshot(page, 'referrer-emergency-held');

    // No shelter's street or postcode in the DOM or in anything the page received.
    const { rows: addresses } = await t.db.pool.query<{ address_street: string; address_postcode: string }>(`SELECT address_street, address_postcode FROM shelter`);
    expect(addresses.length).toBeGreaterThan(10);
    const dom = await page.content();
    const received = worker.received.join('\n');
    expect(received).toContain('intakePhone');
    for (const a of addresses) {
      for (const secret of [a.address_street, a.address_postcode]) {
        expect(dom.includes(secret) ? `${secret} in DOM` : null).toBeNull();
        expect(received.includes(secret) ? `${secret} received` : null).toBeNull();
      }
    }
  });

  it('bad input: the message stands next to the field, in the summary, and what was typed stays', async () => {
    const { page } = await open({ mobile: true });
    await signIn(page, { person: 'Politieagent (basisteam)' });
    await page.getByRole('link', { name: 'Nieuw plaatsingsverzoek' }).click();
    await page.getByRole('combobox', { name: 'Geslacht van persoon 1' }).selectOption('FEMALE');
    await page.getByRole('textbox', { name: 'Leeftijd van persoon 1 (jaren)' }).fill('130');
    const { rows } = await t.db.pool.query<{ id: string }>(`SELECT id FROM region ORDER BY name LIMIT 1`);
    await page.getByRole('combobox', { name: 'Woonregio van de cliënt' }).selectOption({ value: rows[0].id });
    await page.getByRole('combobox', { name: 'Urgentie' }).selectOption('PLANNED');
    await page.getByRole('combobox', { name: 'Risiconiveau' }).selectOption('LOW');
    await page.getByRole('textbox', { name: 'Talen die de cliënt spreekt' }).fill('Nederlands');
    await page.getByRole('checkbox', { name: 'De cliënt gaf toestemming om deze gegevens te delen' }).check();
    await page.getByRole('button', { name: 'Verzoek indienen' }).click();

    await page.getByRole('heading', { name: 'Er is een probleem' }).waitFor();
    const ageMessage = 'De leeftijd van persoon 1 moet tussen 0 en 120 jaar liggen';
    await page.getByRole('link', { name: ageMessage }).waitFor();
    const age = page.getByRole('textbox', { name: 'Leeftijd van persoon 1 (jaren)' });
    expect(await age.getAttribute('aria-invalid')).toBe('true');
    expect(await age.getAttribute('aria-describedby')).toContain('req-household-0-age-error');
    expect(await page.locator('#req-household-0-age-error').textContent()).toContain(ageMessage);
    await page.locator('#req-needs-languages-error').getByText('Vul talen in als taalcodes').waitFor();
    expect(await age.inputValue()).toBe('130');
    expect(await page.getByRole('textbox', { name: 'Talen die de cliënt spreekt' }).inputValue()).toBe('Nederlands');
    expect(await page.getByRole('checkbox', { name: 'De cliënt gaf toestemming om deze gegevens te delen' }).isChecked()).toBe(true);
    await page.getByRole('link', { name: ageMessage }).click();
    expect(await age.evaluate((el: any) => el === el.ownerDocument.activeElement)).toBe(true);
    await expectAccessible(page, 'new request with errors');
    await screenshot(page, 'referrer-bad-input');
  });
});

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

describeInBrowser('console when the database goes away', () => {
  let server: EmbeddedServer;
  let t: TestService;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    const port = await freePort();
    dataDir = `.data/console-fault-postgres-${port}`;
    server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
    const url = await ensureDatabase(server.url, 'opvangnet_console_faults');
    const dataSource = createDataSource(url, 2);
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await upsertRegions(dataSource, readRegionFile());
    await dataSource.destroy();
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on('error', () => undefined);
    t = await startTestService({ demo: true, db: { url, name: 'opvangnet_console_faults', pool, drop: async () => pool.end() } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await t?.db.drop();
    await server?.restart().catch(() => undefined);
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the banner while the database is down and recovers by itself', async () => {
    const watched = await openPage(browser, t.service.url);
    const { page } = watched;
    await signIn(page, { person: /^Intakemedewerker van / });
    await page.getByRole('heading', { name: 'Plekken', exact: true }).waitFor();
    await server.stop();
    try {
      await page.getByRole('button', { name: /Opnieuw bevestigen|Ja, onze plekken kloppen/ }).click();
      await page.getByRole('alert').getByText('De dienst is even niet bereikbaar.', { exact: true }).waitFor();
      await screenshot(page, 'connection-banner');
    } finally {
      await server.restart();
    }
    // No click, no reload: the retries bring the board back and the banner goes.
    await page.getByText('De dienst is even niet bereikbaar.', { exact: true }).waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('table').waitFor();
    expectClean({ ...watched, problems: watched.problems.filter((p) => !/status of 50\d|Failed to load resource/.test(p)) });
    await watched.context.close();
  });
});
