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

const notices = (page: Page) => page.evaluate(readKbanState).then((state: KbanState) => state.notices);

it('flags a Kaspersky product that renders 1.5 s after the page loaded', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${ORIGIN}${KASPERSKY_PATH}?delay=1500`);
  const report = await browser.pageReport(page);
  expect(report?.classification.verdict, 'before the product renders there is nothing to flag').toBe('none');
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
  await expect.poll(async () => (await page.evaluate(readKbanState)).touched, { timeout: 5_000, message: 'the notice stayed after navigating to a Norton product' }).toEqual([]);

  await page.goBack();
  expect(new URL(page.url()).pathname).toBe(KASPERSKY_PATH);
  await expect.poll(async () => (await notices(page)).map((notice) => notice.verdict), { timeout: 5_000, message: 'the notice did not return after Back' }).toEqual(['purchase']);
  await page.close();
});
