/**
 * Screenshots for the README (docs/screenshots/): the toolbar popup (light, dark, Spanish), the
 * options page, and the notice on a flagged page (light, dark, Spanish).
 * Runs only when asked (vitest.e2e.config.ts leaves it out otherwise):
 * `KBAN_SCREENSHOTS=1 npx vitest run -c vitest.e2e.config.ts tests/e2e/screenshots.e2e.test.ts`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { browser as extensionApi } from '@wxt-dev/browser';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { ROOT } from './harness/paths';
import { openToolbarPopup } from './popup-window';

/** The `chrome` global of the extension's service worker, for code passed to `worker.evaluate`. */
declare const chrome: typeof extensionApi;

const OUT = path.join(ROOT, 'docs/screenshots');
const AMAZON = 'https://www.amazon.com/Kaspersky-Premium-Protection-Antivirus-Password/dp/B0BHVJ4QT3';

let server: FixtureServer;

/** The notice and the page around it. */
async function shootNotice(browser: ChromiumSession, page: Page, file: string): Promise<void> {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.goto(AMAZON);
  await browser.pageReport(page);
  const notice = page.locator('kban-notice');
  await notice.waitFor();
  await notice.scrollIntoViewIfNeeded();
  const box = (await notice.boundingBox())!;
  // From the top of the page when the notice is near it, so no line of the page is cut in half.
  const bottom = Math.min(700, box.y + box.height + 24);
  const top = bottom <= 700 && box.y < 420 ? 0 : Math.max(0, box.y - 120);
  await page.screenshot({ path: path.join(OUT, file), clip: { x: 0, y: top, width: 1000, height: bottom - top } });
}

/** The toolbar popup over the flagged page. */
async function shootPopup(browser: ChromiumSession, file: string, scheme: 'light' | 'dark'): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(AMAZON);
  await browser.pageReport(page);
  const popup = await openToolbarPopup(browser);
  try {
    await popup.setColorScheme(scheme);
    await popup.screenshot(path.join(OUT, file));
  } finally {
    await popup.close();
    await page.close();
  }
}

describe('screenshots', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('English: popup light and dark, options, notice light and dark', async () => {
    const browser = await launchChromium({ server });
    try {
      await shootPopup(browser, 'popup-light.png', 'light');
      await shootPopup(browser, 'popup-dark.png', 'dark');

      const options = await browser.openExtensionPage('options.html');
      await options.setViewportSize({ width: 900, height: 1000 });
      await browser.worker!.evaluate(() =>
        chrome.storage.local.set({ settings: { version: 1, region: 'auto', notices: true, dismissedSites: ['www.newegg.com'], searchResults: false } }),
      );
      await options.locator('.host').waitFor();
      await options.screenshot({ path: path.join(OUT, 'options-light.png'), fullPage: true });
      await options.emulateMedia({ colorScheme: 'dark' });
      await options.screenshot({ path: path.join(OUT, 'options-dark.png'), fullPage: true });
      await options.close();

      const page = await browser.context.newPage();
      await shootNotice(browser, page, 'notice-light.png');
      await page.emulateMedia({ colorScheme: 'dark' });
      await shootNotice(browser, page, 'notice-dark.png');
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it('Spanish: popup and notice', async () => {
    const browser = await launchChromium({ server, locale: 'es' });
    try {
      await shootPopup(browser, 'popup-es.png', 'light');
      const page = await browser.context.newPage();
      await shootNotice(browser, page, 'notice-es.png');
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
