/**
 * Pages that change without reloading: a product rendered late, and history.pushState
 * navigation between a Kaspersky product and another brand's, then Back.
 * Served at Amazon product URLs so the real `amazon` rule decides.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { readKbanState, type KbanState } from './harness/page-state';
import { KASPERSKY_ON_AMAZON, NORTON_ON_AMAZON, spaHtml } from './harness/pages';

const KASPERSKY_PATH = '/dp/B0KBANSPA1';
const NORTON_PATH = '/dp/B0KBANSPA2';
const ORIGIN = 'https://www.amazon.com';

let server: FixtureServer;
let browser: ChromiumSession;

beforeAll(async () => {
  server = await startFixtureServer();
  const html = spaHtml({ [KASPERSKY_PATH]: KASPERSKY_ON_AMAZON, [NORTON_PATH]: NORTON_ON_AMAZON });
  for (const path of [KASPERSKY_PATH, NORTON_PATH]) server.route(`${ORIGIN}${path}`, { body: html }, { anyQuery: true });
  browser = await launchChromium({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const notices = (page: Page) => readKbanState(page).then((state: KbanState) => state.notices);

it('flags a Kaspersky product that renders 1.5 s after the page loaded', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${ORIGIN}${KASPERSKY_PATH}?delay=1500`);
  // The address does not name Kaspersky, so only the first stage runs until the product shows up: no page
  // check answers yet (it would report 'none'); the first stage loads it once the late title names Kaspersky.
  expect(await browser.pageReport(page, 500), 'before the product renders only the first stage runs: no page check to answer').toBeUndefined();
  expect(await notices(page), 'no notice while the page is still loading its product').toEqual([]);
  await expect
    .poll(async () => (await notices(page)).map((notice) => notice.verdict), { timeout: 6_000, message: 'the late product never got a notice: is the MutationObserver re-check working?' })
    .toEqual(['purchase']);
  await page.close();
});

it('follows history.pushState: notice goes on another brand, comes back on Back', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${ORIGIN}${KASPERSKY_PATH}`);
  await expect.poll(async () => (await notices(page)).length, { timeout: 5_000, message: 'no notice on the Kaspersky product' }).toBe(1);

  await page.evaluate((path) => (window as unknown as { spaGo(path: string): void }).spaGo(path), NORTON_PATH);
  expect(new URL(page.url()).pathname).toBe(NORTON_PATH);
  await expect.poll(async () => (await readKbanState(page)).touched, { timeout: 5_000, message: 'the notice stayed after navigating to a Norton product' }).toEqual([]);

  await page.goBack();
  expect(new URL(page.url()).pathname).toBe(KASPERSKY_PATH);
  await expect.poll(async () => (await notices(page)).map((notice) => notice.verdict), { timeout: 5_000, message: 'the notice did not return after Back' }).toEqual(['purchase']);
  await page.close();
});

it('is not checked again for its own notice or badges; a change the page makes is', async () => {
  // A static Kaspersky product: the notice going in must not schedule a second full read of the page.
  const page = await browser.context.newPage();
  await page.goto(`${ORIGIN}${KASPERSKY_PATH}`);
  await expect.poll(async () => (await notices(page)).length, { timeout: 5_000, message: 'no notice on the Kaspersky product' }).toBe(1);
  await page.waitForTimeout(1_000); // past the 400 ms re-check a mutation would schedule
  expect((await browser.pageReport(page))?.checks, 'checks of a page that did not change after its notice').toBe(1);

  // The page itself changes: that is checked.
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { textContent: 'Customers also viewed' })));
  await expect.poll(async () => (await browser.pageReport(page))?.checks, { timeout: 3_000, message: 'a change by the page was not checked' }).toBe(2);

  // A listing: its badges going in do not schedule another check either.
  await page.goto('https://www.amazon.com/s?k=kaspersky&crid=2R8XZ1Q4K3MJA&sprefix=kaspersk%2Caps%2C112&ref=nb_sb_noss_2');
  await expect.poll(async () => (await readKbanState(page)).items.length, { timeout: 5_000, message: 'no badges on the search listing' }).toBeGreaterThan(0);
  await page.waitForTimeout(1_000);
  expect((await browser.pageReport(page))?.checks, 'checks of a listing that did not change after its badges').toBe(1);
  await page.close();
});
