/**
 * "Every site" mode in real browsers, on sites without a rule of their own (saved pages from
 * tests/fixtures/generic at their real addresses):
 * - the organisation package (all sites granted at install) with policy `allSites: true` written the way
 *   an admin does (/etc/chromium/policies, Firefox policies.json): Kaspersky pages flagged, traps not,
 *   an unrelated page gets no script at all (no extension context in the tab), a pushState page that
 *   turns into a Kaspersky product is caught, a user outside the US (Berlin, no region set) sees nothing;
 * - the store package with the user's switch on and access granted (the state "Allow" leaves: the harness
 *   grants at install, as search.e2e does, because no test can click a permission prompt);
 * - without the mode nothing changes on sites without a rule.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageReport } from '@/components/core/messages';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { GENERIC_FIXTURES, type GenericFixture } from '../fixtures/generic/index';
import { launchChromium, type ChromeApi, type ChromiumSession } from './harness/chromium';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { readKbanState } from './harness/page-state';
import { pageHtml } from './harness/pages';
import { CHROME_ORG_EXTENSION_ID, FIREFOX_ORG_EXTENSION_ID, chromeExtensionDir, chromeOrgExtensionDir, firefoxOrgExtensionDir } from './harness/paths';
import { createPolicyFiles, IS_ROOT, NOT_ROOT_MESSAGE } from './harness/policy';

declare const chrome: ChromeApi;

const GENERIC_DIR = path.resolve(__dirname, '../fixtures/generic');
const flagged = GENERIC_FIXTURES.filter((fixture) => fixture.expect === 'purchase' || fixture.expect === 'download').slice(0, 4);
const traps = GENERIC_FIXTURES.filter((fixture) => fixture.expect === 'none').slice(0, 4);
const UNRELATED = 'https://www.gamivo.com/product/norton-360-deluxe-5-devices-1-year-global';
const SPA = 'https://shop.example-software.com/app';
const SPA_PRODUCT = 'https://shop.example-software.com/p/48213';

/** A single-page shop: starts as a generic landing page, pushState + title + product markup 800 ms later. */
const SPA_HTML = pageHtml({
  title: 'Example Software Shop',
  body: '<main id="app"><h1>Welcome to Example Software Shop</h1><p>Security, office and utilities.</p></main>',
  script: `setTimeout(() => {
    history.pushState({}, '', '/p/48213');
    document.title = 'Kaspersky Premium 2025, 3 Devices, 1 Year | Example Software Shop';
    const ld = document.createElement('script');
    ld.type = 'application/ld+json';
    ld.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: 'Kaspersky Premium 2025, 3 Devices, 1 Year', brand: { '@type': 'Brand', name: 'Kaspersky' }, offers: { '@type': 'Offer', price: '39.99', priceCurrency: 'USD', availability: 'https://schema.org/InStock' } });
    document.head.append(ld);
    document.getElementById('app').innerHTML = '<h1>Kaspersky Premium 2025, 3 Devices, 1 Year</h1><p class="price">$39.99</p><button type="button" class="add-to-cart">Add to cart</button>';
  }, 800);`,
});

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  for (const fixture of [...flagged, ...traps]) server.route(fixture.url, { body: readFileSync(path.join(GENERIC_DIR, fixture.file), 'utf8') });
  server.route(UNRELATED, { body: pageHtml({ title: 'Norton 360 Deluxe 5 Devices 1 Year | GAMIVO', body: '<h1>Norton 360 Deluxe 5 Devices 1 Year</h1><button>Buy now</button>' }) });
  for (const url of [SPA, SPA_PRODUCT]) server.route(url, { body: SPA_HTML });
});

afterAll(async () => {
  await server?.close();
});

/** True when the extension has a script context (isolated world) in the page: what "no script at all" rules out. */
async function extensionContexts(session: ChromiumSession, page: Page): Promise<number> {
  const cdp = await session.context.newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: { origin: string } }) => origins.push(event.context.origin));
  await cdp.send('Runtime.enable'); // reports the contexts that already exist
  await cdp.detach();
  return origins.filter((origin) => origin.startsWith(`chrome-extension://${session.extensionId}`)).length;
}

/**
 * Loads the page and waits for the page check's report. The background injects the check once the tab's
 * address or title is known (often after the load event), so "no answer yet" is retried until the deadline.
 */
async function verdictOn(session: ChromiumSession, page: Page, fixture: Pick<GenericFixture, 'url'>) {
  await page.goto(fixture.url);
  let report: PageReport | undefined;
  for (const deadline = Date.now() + 15_000; !report && Date.now() < deadline; ) report = await session.pageReport(page, 1_000);
  const state = await readKbanState(page);
  return { report, state };
}

/** Waits (in a hook: no expect.poll there) until the policy reached storage.managed. */
async function waitForPolicy(session: ChromiumSession, key: string, value: unknown): Promise<void> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if ((await session.storage('managed'))[key] === value) return;
  }
  throw new Error(`the policy ${key}=${JSON.stringify(value)} never reached storage.managed`);
}

/** Fails (never skips) when policy files cannot be written here. */
function needRoot(): void {
  if (!IS_ROOT) throw new Error(NOT_ROOT_MESSAGE);
}

describe('Chromium, organisation package, policy allSites: true', () => {
  const policies = createPolicyFiles();
  let session: ChromiumSession;

  beforeAll(async () => {
    needRoot();
    policies.writeChromium('every-site', { '3rdparty': { extensions: { [CHROME_ORG_EXTENSION_ID]: { allSites: true } } } });
    session = await launchChromium({ server, extensionDir: chromeOrgExtensionDir() });
    expect(session.extensionId, 'the organisation package has its own id').toBe(CHROME_ORG_EXTENSION_ID);
    await waitForPolicy(session, 'allSites', true);
  });
  afterAll(async () => {
    await session?.close();
    policies.restore();
  });

  it.each(flagged.map((fixture) => [fixture.url, fixture] as const))('flags %s', async (_url, fixture) => {
    const page = await session.context.newPage();
    const { report, state } = await verdictOn(session, page, fixture);
    expect(report?.classification.verdict, fixture.note).toBe(fixture.expect);
    expect(report?.classification.ruleId, 'the generic check decided').toBe('generic');
    expect(state.notices.map((notice) => notice.verdict)).toEqual([fixture.expect]);
    await page.close();
  });

  it.each(traps.map((fixture) => [fixture.url, fixture] as const))('leaves the trap %s alone', async (_url, fixture) => {
    const page = await session.context.newPage();
    const { report, state } = await verdictOn(session, page, fixture);
    expect(report?.classification.verdict, `${fixture.note}; reasons ${report?.classification.reasons.join(', ')}`).toBe('none');
    expect(state.touched).toEqual([]);
    await page.close();
  });

  it('puts no script at all into a page whose address and title never name Kaspersky', async () => {
    const page = await session.context.newPage();
    await page.goto(UNRELATED);
    await page.waitForLoadState('load');
    // A page that names Kaspersky, loaded meanwhile in another tab, shows the mode was live all along.
    const control = await session.context.newPage();
    await control.goto(flagged[0]!.url);
    await expect.poll(async () => (await readKbanState(control)).notices.length, { timeout: 8_000 }).toBe(1);
    expect(await extensionContexts(session, page), 'an extension script context in an unrelated page').toBe(0);
    expect(await extensionContexts(session, control), 'the control page has the page check').toBeGreaterThan(0);
    await Promise.all([page.close(), control.close()]);
  });

  it('catches a single-page app that turns into a Kaspersky product after pushState', async () => {
    const page = await session.context.newPage();
    await page.goto(SPA);
    await expect
      .poll(async () => (await readKbanState(page)).notices.map((notice) => notice.verdict), { timeout: 10_000, message: 'the product rendered by the app was never flagged' })
      .toEqual(['purchase']);
    expect(page.url()).toBe(SPA_PRODUCT);
    await page.close();
  });
});

describe('Chromium, organisation package, policy allSites: true, user outside the US', () => {
  const policies = createPolicyFiles();
  let session: ChromiumSession;
  beforeAll(async () => {
    needRoot();
    policies.writeChromium('every-site', { '3rdparty': { extensions: { [CHROME_ORG_EXTENSION_ID]: { allSites: true } } } });
    session = await launchChromium({ server, extensionDir: chromeOrgExtensionDir(), timeZone: 'Europe/Berlin' });
    await waitForPolicy(session, 'allSites', true);
  });
  afterAll(async () => {
    await session?.close();
    policies.restore();
  });

  it('sees nothing, and gets no script', async () => {
    const page = await session.context.newPage();
    await page.goto(flagged[0]!.url);
    await page.waitForLoadState('load');
    // Give the background every chance to act on the tab's address and title before asserting nothing happened.
    await page.waitForTimeout(1500);
    expect((await readKbanState(page)).touched).toEqual([]);
    expect(await extensionContexts(session, page), 'the background does not inject for users the ban does not cover').toBe(0);
    // A change of settings has page checks check again: it reaches only frames with a page check, not this one.
    await session.worker!.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), dismissedSites: ['example.invalid'] } });
    });
    await expect.poll(async () => ((await session.storage('local')).settings as { dismissedSites?: string[] }).dismissedSites).toEqual(['example.invalid']);
    await page.waitForTimeout(1000);
    expect(await extensionContexts(session, page), 'a settings change ran something in a page without a page check').toBe(0);
    await page.close();
  });
});

describe('Chromium, store package', () => {
  let scratch: string;
  let session: ChromiumSession | undefined;
  beforeAll(() => {
    scratch = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-every-site-'));
  });
  afterAll(async () => {
    await session?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('without the mode, changes nothing on sites without a rule', async () => {
    session = await launchChromium({ server });
    const page = await session.context.newPage();
    await page.goto(flagged[0]!.url);
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
    expect((await readKbanState(page)).touched).toEqual([]);
    expect(await extensionContexts(session, page)).toBe(0);
    await session.close();
    session = undefined;
  });

  it('with the switch on and access granted, flags Kaspersky pages on sites without a rule', async () => {
    // The state "Allow" leaves behind: all sites granted (here at install; no test can click the browser's prompt).
    const granted = path.join(scratch, 'chrome-mv3-all-sites-granted');
    cpSync(chromeExtensionDir(), granted, { recursive: true });
    const manifestFile = path.join(granted, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.host_permissions = [...manifest.host_permissions, '*://*/*'];
    manifest.optional_host_permissions = manifest.optional_host_permissions.filter((origin: string) => origin !== '*://*/*');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    session = await launchChromium({ server, extensionDir: granted });
    await session.worker!.evaluate(() => chrome.storage.local.set({ settings: { version: 1, region: 'auto', notices: true, dismissedSites: [], searchResults: false, allSites: true } }));
    const page = await session.context.newPage();
    const { report, state } = await verdictOn(session, page, flagged[1] ?? flagged[0]!);
    expect(report?.classification.ruleId).toBe('generic');
    expect(state.notices).toHaveLength(1);
    await page.close();
  });
});

describe('Firefox ESR, organisation package, policy allSites: true', () => {
  const policies = createPolicyFiles();
  let firefox: FirefoxSession;
  beforeAll(async () => {
    needRoot();
    policies.writeFirefox({ '3rdparty': { Extensions: { [FIREFOX_ORG_EXTENSION_ID]: { allSites: true } } } });
    firefox = await launchFirefox({ server, extensionDir: firefoxOrgExtensionDir() });
    expect(firefox.extensionId).toBe(FIREFOX_ORG_EXTENSION_ID);
  });
  afterAll(async () => {
    await firefox?.close();
    policies.restore();
  });

  const notices = async (page: FirefoxPage) => (await readKbanState(page)).notices.map((notice) => notice.verdict);

  it('flags a Kaspersky page on a site without a rule and leaves a trap alone', async () => {
    const page = await firefox.browser.newPage();
    const fixture = flagged[0]!;
    // Managed storage is read a moment after start: retry the load until the mode is live.
    await expect
      .poll(async () => {
        await page.goto(fixture.url);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return notices(page);
      }, { timeout: 30_000, message: 'no notice in Firefox with allSites' })
      .toEqual([fixture.expect]);
    await page.goto(traps[0]!.url);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // asserting that nothing happens
    expect((await readKbanState(page)).touched).toEqual([]);
    await page.close();
  });
});
