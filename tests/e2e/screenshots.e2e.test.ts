/**
 * Screenshots for the README (docs/screenshots/): the toolbar popup (light, dark, Spanish), the
 * options page, the notice on a flagged page (light, dark, Spanish), the calm exempt note, the
 * welcome page, and the notice and block screen on a 360 px phone screen (block mode needs root). And the
 * store listing's screenshots (docs/store/screenshots/, 1280×800 as the Chrome Web Store and Edge Add-ons
 * want them): the notice on a flagged page, the toolbar popup over it (the real popup's picture placed where
 * the browser opens it), and the options page, in English and Spanish.
 * Runs only when asked (vitest.e2e.config.ts leaves it out otherwise):
 * `KBAN_SCREENSHOTS=1 npx vitest run -c vitest.e2e.config.ts tests/e2e/screenshots.e2e.test.ts`.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { browser as extensionApi } from '@wxt-dev/browser';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { CHROME_EXTENSION_ID, ROOT } from './harness/paths';
import { createPolicyFiles } from './harness/policy';
import { sleep } from './harness/page-state';
import { amazonProductHtml, escapeHtml, KASPERSKY_ON_AMAZON } from './harness/pages';
import { PAGE_FIXTURES } from '../fixtures/pages/index';
import { openToolbarPopup } from './popup-window';

/** The `chrome` global of the extension's service worker, for code passed to `worker.evaluate`. */
declare const chrome: typeof extensionApi;

const OUT = path.join(ROOT, 'docs/screenshots');
const STORE_OUT = path.join(ROOT, 'docs/store/screenshots');
/** The stores' screenshot size. */
const STORE_SIZE = { width: 1280, height: 800 };
/** Chrome opens a popup at most 600 px tall; the picture shows what a user sees first. */
const POPUP_MAX_HEIGHT = 600;
const AMAZON = 'https://www.amazon.com/Kaspersky-Premium-Protection-Antivirus-Password/dp/B0BHVJ4QT3';
const EXEMPT = PAGE_FIXTURES.find(fixture => fixture.expect === 'exempt' && fixture.product === 'Kaspersky Threat Intelligence Portal')!;
/** A phone-shaped Amazon product page (viewport meta, fluid width), for the 360 px shots. */
const PHONE_URL = 'https://www.amazon.com/Kaspersky-Premium-Total-Security/dp/B0KBANSHOT';
const PHONE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml('Amazon.com: Kaspersky Premium')}</title><style>body{margin:0;font:15px Arial,sans-serif;color:#0f1111}header{background:#131921;color:#fff;padding:10px 12px;font-weight:700}
main{padding:10px 12px}#productTitle{font-size:18px;font-weight:400;line-height:1.3}#bylineInfo{color:#007185;display:block;margin:6px 0 12px}
#add-to-cart-button{width:100%;padding:10px;border:0;border-radius:20px;background:#ffd814;font-size:15px}</style></head>
<body><header>amazon</header><main id="main">${amazonProductHtml(KASPERSKY_ON_AMAZON)}<p>$39.99</p><p>Protect your devices with award-winning security.</p></main></body></html>`;

/** A 360 × 740 phone screen with the notice (or block screen) on it. */
async function shootPhone(browser: ChromiumSession, file: string): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(PHONE_URL);
    await browser.pageReport(page);
    await page.locator('kban-notice').waitFor({ state: 'attached' });
    await sleep(200);
    await page.screenshot({ path: path.join(OUT, file) });
  } finally {
    await page.close();
  }
}

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

/** Width and height of a PNG file. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The flagged page, its check done. */
async function flaggedPage(browser: ChromiumSession): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(AMAZON);
  await browser.pageReport(page);
  await page.locator('kban-notice').waitFor();
  return page;
}

/** `page` at the stores' size, scrolled so the notice and the product title sit at the top (the saved page has no stylesheet). */
async function toStoreSize(page: Page): Promise<void> {
  await page.setViewportSize(STORE_SIZE);
  await page.evaluate(() => window.scrollBy(0, document.querySelector('kban-notice')!.getBoundingClientRect().top - 16));
}

/**
 * The store screenshots of one language: `<lang>-1-notice.png` (the page), `<lang>-2-popup.png` (the
 * real toolbar popup's picture, as shootPopup took it in this session, over that page, top right, where
 * the browser opens it), optionally the dark one (`-3-popup-dark`), and `<lang>-4-options.png`.
 * (A second popup in the headful Spanish session closes before its picture is taken, so the popup's
 * picture is reused rather than taken again.)
 */
async function shootStore(browser: ChromiumSession, language: string, popups: { light: string; dark?: string }): Promise<string[]> {
  mkdirSync(STORE_OUT, { recursive: true });
  const scratch = mkdtempSync(path.join(tmpdir(), 'kban-shots-'));
  const written: string[] = [];
  try {
    for (const scheme of popups.dark ? (['light', 'dark'] as const) : (['light'] as const)) {
      const page = await flaggedPage(browser);
      if (scheme === 'dark') await page.emulateMedia({ colorScheme: 'dark' });
      const popupFile = path.join(OUT, popups[scheme]!);
      await toStoreSize(page);
      const background = path.join(scratch, `page-${scheme}.png`);
      await page.screenshot({ path: background });
      if (scheme === 'light') {
        const pageFile = path.join(STORE_OUT, `${language}-1-notice.png`);
        await page.screenshot({ path: pageFile });
        written.push(pageFile);
      }
      const { width, height } = pngSize(popupFile);
      const stage = await browser.context.newPage();
      await stage.setViewportSize(STORE_SIZE);
      const dataUrl = (file: string) => `data:image/png;base64,${readFileSync(file).toString('base64')}`;
      await stage.setContent(`<!doctype html><body style="margin:0;width:${STORE_SIZE.width}px;height:${STORE_SIZE.height}px;overflow:hidden;position:relative">
        <img src="${dataUrl(background)}" style="position:absolute;inset:0;width:100%;height:100%">
        <div style="position:absolute;right:16px;top:8px;width:${width}px;height:${Math.min(height, POPUP_MAX_HEIGHT)}px;overflow:hidden;border-radius:8px;box-shadow:0 6px 28px rgba(0,0,0,.4)">
          <img src="${dataUrl(popupFile)}" style="display:block">
        </div></body>`);
      await stage.waitForFunction(() => Array.from(document.images).every((image) => image.complete && image.naturalWidth > 0));
      const file = path.join(STORE_OUT, `${language}-${scheme === 'dark' ? '3-popup-dark' : '2-popup'}.png`);
      await stage.screenshot({ path: file });
      written.push(file);
      await stage.close();
      await page.close();
    }

    const optionsPage = await browser.openExtensionPage('options.html');
    await optionsPage.setViewportSize(STORE_SIZE);
    await optionsPage.locator('.host').waitFor();
    const optionsFile = path.join(STORE_OUT, `${language}-4-options.png`);
    await optionsPage.screenshot({ path: optionsFile });
    written.push(optionsFile);
    await optionsPage.close();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return written;
}

describe('screenshots', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startFixtureServer();
    server.route(PHONE_URL, { body: PHONE_PAGE });
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

      const exempt = await browser.context.newPage();
      await exempt.setViewportSize({ width: 1000, height: 700 });
      await exempt.goto(EXEMPT.url);
      await browser.pageReport(exempt);
      const note = exempt.locator('kban-notice');
      await note.scrollIntoViewIfNeeded();
      const box = (await note.boundingBox())!;
      await exempt.screenshot({ path: path.join(OUT, 'notice-exempt.png'), clip: { x: 0, y: Math.max(0, box.y - 16), width: 1000, height: box.height + 32 } });
      await exempt.close();

      await shootPhone(browser, 'notice-360.png');

      const welcome = await browser.openExtensionPage('welcome.html');
      await welcome.setViewportSize({ width: 760, height: 600 });
      await welcome.locator('[data-testid="welcome-question"]').waitFor();
      await welcome.screenshot({ path: path.join(OUT, 'welcome.png'), fullPage: true });
      await welcome.close();

      for (const file of await shootStore(browser, 'en', { light: 'popup-light.png', dark: 'popup-dark.png' })) expect(pngSize(file), file).toEqual(STORE_SIZE);
    } finally {
      await browser.close();
    }
  });

  it('block screen on a 360 px phone (managed policy: block, proceed for 1 minute)', async () => {
    const policies = createPolicyFiles();
    policies.writeChromium('screenshots', {
      '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { enforcement: 'block', region: 'us', allowProceed: true, proceedMinutes: 1, organizationName: 'ACME Corp', supportUrl: 'https://it.acme.example/av' } } },
    });
    const browser = await launchChromium({ server });
    try {
      const deadline = Date.now() + 30_000;
      while (((await browser.storage('local')).pageContext as { policy?: { enforcement?: string } } | undefined)?.policy?.enforcement !== 'block') {
        if (Date.now() > deadline) throw new Error('the block policy never reached the prepared page context');
        await sleep(250);
      }
      await shootPhone(browser, 'block-360.png');
    } finally {
      await browser.close();
      policies.restore();
    }
  });

  it('Spanish: popup and notice', async () => {
    const browser = await launchChromium({ server, locale: 'es' });
    try {
      await shootPopup(browser, 'popup-es.png', 'light');
      const page = await browser.context.newPage();
      await shootNotice(browser, page, 'notice-es.png');
      await page.close();

      await browser.worker!.evaluate(() =>
        chrome.storage.local.set({ settings: { version: 1, region: 'auto', notices: true, dismissedSites: ['www.newegg.com'], searchResults: false } }),
      );
      for (const file of await shootStore(browser, 'es', { light: 'popup-es.png' })) expect(pngSize(file), file).toEqual(STORE_SIZE);
    } finally {
      await browser.close();
    }
  });
});
