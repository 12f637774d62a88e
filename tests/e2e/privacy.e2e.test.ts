/**
 * Privacy: the extension sends nothing. Every request the browser makes is recorded while the
 * extension visits flagged (purchase, download), exempt, listing and ordinary pages, its notice's
 * buttons are used, and its popup and options page are opened — from four independent sources:
 *   1. Playwright's context `request` events (pages, extension pages and the service worker);
 *   2. CDP `Network.requestWillBeSent` on every tab, whose initiator stack names the script
 *      that asked (a content script's fetch runs with the page's origin, so only this shows it);
 *   3. Chromium's NetLog (`--log-net-log`), every URL request of every process, with its initiator;
 *   4. the fixture server's own log (every host is mapped to it, so nothing leaves the machine).
 * No report URL is configured (the enterprise report URL, set by policy, is the one allowed
 * exception; tests/e2e/enterprise.e2e.test.ts covers it). A canary fetch from the extension at the
 * end proves each recorder would have caught a request.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES, type PageFixture } from '../fixtures/pages/index';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { clickInNotice, inNotices, quietPeriod, readKbanState, waitUntil } from './harness/page-state';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, pageHtml } from './harness/pages';

/** Chromium's own background services (sign-in, updates, autofill, safe browsing…): browser-initiated, never ours. */
const CHROMIUM_SERVICE_HOST = /(^|\.)(google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com)$/;
/** Where the canary is sent (a host no page loads). */
const CANARY_URL = 'https://telemetry.kban-canary.example/collect';

const SYNTHETIC_PURCHASE = 'https://www.amazon.com/dp/B0KBANPRV1';
const ORDINARY_UNCOVERED = 'https://www.example.org/privacy-check';

interface Seen {
  source: 'playwright' | 'cdp' | 'netlog' | 'server';
  url: string;
  /** Who asked: service worker, extension page, page, the initiating script or origin. */
  by: string;
}

let server: FixtureServer;
let browser: ChromiumSession;
let scratch: string;
let netLogFile: string;
const playwrightRequests: Array<{ url: string; frameUrl: string; serviceWorker: boolean }> = [];
const cdpRequests: Array<{ url: string; initiatorUrls: string[]; frameUrl: string }> = [];
const sessions: CDPSession[] = [];
/** Hosts of the pages the test itself navigated to. */
const visitedHosts = new Set<string>();

/** One fixture of each kind the table has (two of the common ones), so many hosts and paths are covered. */
function pagesToVisit(): string[] {
  const pick = (expect: PageFixture['expect'], count: number) => PAGE_FIXTURES.filter((fixture) => fixture.expect === expect).slice(0, count).map((fixture) => fixture.url);
  return [SYNTHETIC_PURCHASE, ...pick('purchase', 2), ...pick('download', 1), ...pick('exempt', 2), ...pick('listing', 1), ...pick('none', 2), ORDINARY_UNCOVERED];
}

/** Opens a tab that reports its requests' initiators over CDP from before its first navigation. */
async function recordedPage(): Promise<Page> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  sessions.push(cdp);
  cdp.on('Network.requestWillBeSent', (event: { request: { url: string }; initiator: { url?: string; stack?: CallStack }; documentURL?: string }) => {
    cdpRequests.push({ url: event.request.url, initiatorUrls: initiatorUrls(event.initiator), frameUrl: event.documentURL ?? '' });
  });
  await cdp.send('Network.enable');
  return page;
}

interface CallStack { callFrames: Array<{ url: string }>; parent?: CallStack }
function initiatorUrls(initiator: { url?: string; stack?: CallStack }): string[] {
  const urls = initiator.url ? [initiator.url] : [];
  for (let stack = initiator.stack; stack; stack = stack.parent) urls.push(...stack.callFrames.map((frame) => frame.url));
  return urls;
}

const isExtensionUrl = (url: string) => url.startsWith('chrome-extension://');
const isNetworkUrl = (url: string) => /^(https?|wss?|ftp):/i.test(url);
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
};

/** URL requests from the NetLog, with the initiator Chromium logged ("not an origin" = the browser itself or a navigation). */
function readNetLog(file: string): Array<{ url: string; initiator: string }> {
  const text = readFileSync(file, 'utf8');
  // A NetLog cut short by a crash lacks its closing brackets; the events before are still good.
  const log = JSON.parse(/\]\s*}\s*$/.test(text) ? text : `${text.replace(/,\s*$/, '')}]}`) as {
    constants: { logEventTypes: Record<string, number> };
    events: Array<{ type: number; params?: { url?: string; initiator?: string } }>;
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events.filter((event) => event.type === startJob && event.params?.url).map((event) => ({ url: event.params!.url!, initiator: event.params!.initiator ?? '' }));
}

/**
 * Hosts the pages themselves loaded: the visited pages' hosts, plus hosts their own markup and
 * scripts requested (CDP: made by a web page's document, no extension script on the initiator stack).
 */
function pageHosts(): Set<string> {
  const hosts = new Set(visitedHosts);
  for (const request of cdpRequests) {
    if (isNetworkUrl(request.url) && !isExtensionUrl(request.frameUrl) && !request.initiatorUrls.some(isExtensionUrl)) hosts.add(hostOf(request.url));
  }
  return hosts;
}

/** Everything any recorder attributes to the extension, or that went to a host no visited page loaded. */
function offences(extensionOrigin: string): Seen[] {
  const found: Seen[] = [];
  const allowedHosts = pageHosts();
  for (const request of playwrightRequests) {
    if (!isNetworkUrl(request.url)) continue;
    if (request.serviceWorker) found.push({ source: 'playwright', url: request.url, by: 'extension service worker' });
    else if (isExtensionUrl(request.frameUrl)) found.push({ source: 'playwright', url: request.url, by: `extension page ${request.frameUrl}` });
    else if (!allowedHosts.has(hostOf(request.url))) found.push({ source: 'playwright', url: request.url, by: `page ${request.frameUrl}` });
  }
  for (const request of cdpRequests) {
    if (!isNetworkUrl(request.url)) continue;
    const script = request.initiatorUrls.find(isExtensionUrl);
    if (script) found.push({ source: 'cdp', url: request.url, by: `script ${script}` });
    else if (!allowedHosts.has(hostOf(request.url))) found.push({ source: 'cdp', url: request.url, by: `page ${request.frameUrl}` });
  }
  for (const request of readNetLog(netLogFile)) {
    if (!isNetworkUrl(request.url)) continue;
    const host = hostOf(request.url);
    if (request.initiator.startsWith(extensionOrigin)) found.push({ source: 'netlog', url: request.url, by: `initiator ${request.initiator}` });
    else if (!allowedHosts.has(host) && !(CHROMIUM_SERVICE_HOST.test(host) && !request.initiator.startsWith('chrome-extension://') && /^(|not an origin|null)$/.test(request.initiator))) {
      found.push({ source: 'netlog', url: request.url, by: `initiator ${request.initiator || '(none)'}` });
    }
  }
  for (const request of server.requests) {
    if (!allowedHosts.has(request.host) && !CHROMIUM_SERVICE_HOST.test(request.host)) {
      found.push({ source: 'server', url: `${request.scheme}://${request.host}${request.path}`, by: `${request.method} (${request.headers['user-agent'] ?? 'no user agent'})` });
    }
  }
  return found;
}

const describeAll = (list: Seen[]) => list.map((seen) => `  [${seen.source}] ${seen.url} ← ${seen.by}`).join('\n') || '  (none)';

beforeAll(async () => {
  server = await startFixtureServer();
  server.route(SYNTHETIC_PURCHASE, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body: amazonProductHtml(KASPERSKY_ON_AMAZON) }) });
  server.route(ORDINARY_UNCOVERED, { body: pageHtml({ title: 'An ordinary page', body: '<h1>Nothing to see</h1><p>Kaspersky is mentioned here, but no rule covers this host.</p>' }) });
  scratch = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-privacy-'));
  netLogFile = path.join(scratch, 'netlog.json');
  browser = await launchChromium({ server, args: [`--log-net-log=${netLogFile}`, '--net-log-capture-mode=Default'] });
  browser.context.on('request', (request: Request) => {
    let frameUrl = '';
    try {
      frameUrl = request.frame().url();
    } catch {
      // service-worker requests have no frame
    }
    playwrightRequests.push({ url: request.url(), frameUrl, serviceWorker: !!request.serviceWorker() });
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('privacy: the extension initiates no request', () => {
  it('visits flagged, exempt, listing and ordinary pages, uses the notice, opens popup and options: nothing is sent', async () => {
    const flaggedPages: Page[] = [];
    for (const url of pagesToVisit()) {
      visitedHosts.add(hostOf(url));
      const page = await recordedPage();
      const response = await page.goto(url);
      expect(response?.status(), `the fixture server has no page at ${url}`).toBe(200);
      await browser.pageReport(page, 3_000);
      await quietPeriod(600, 'a request the page check made after its decision would be out by now');
      if (await page.locator('kban-notice').count()) flaggedPages.push(page);
    }
    expect(flaggedPages.length, 'at least one visited page must show a notice, or this test proves nothing about flagged pages').toBeGreaterThan(0);

    // The notice's buttons, clicked as a person does (the root is closed and the buttons ignore
    // synthetic clicks): "details" opens the extension's page in a tab; dismiss writes storage.
    const first = flaggedPages[0]!;
    await first.bringToFront();
    const details = browser.context.waitForEvent('page', { timeout: 5_000 });
    await clickInNotice(first, 'button:not(.close)');
    const detailsPage = await details;
    await detailsPage.waitForLoadState('load');
    let dismissable: Page | undefined;
    for (const page of [...flaggedPages].reverse()) {
      const [hasClose] = await inNotices(page, (root) => !!root?.querySelector('button.close'));
      if (hasClose) {
        dismissable = page;
        break;
      }
    }
    expect(dismissable, 'at least one visited notice must offer dismiss, or this test proves nothing about dismissing').toBeDefined();
    await dismissable!.bringToFront();
    await clickInNotice(dismissable!, 'button.close');
    await waitUntil('the dismissed notice to go', async () => (await readKbanState(dismissable!)).notices.length, (count) => count === 0, 5_000);

    // The popup (for a flagged tab and on its own) and the options page, as a user opens them.
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), '.output/chrome-mv3/manifest.json'), 'utf8')) as { options_ui?: { page: string }; options_page?: string; action?: { default_popup?: string } };
    const extensionPages = [manifest.action?.default_popup ?? 'popup.html', manifest.options_ui?.page ?? manifest.options_page].filter((page): page is string => !!page);
    for (const extensionPage of extensionPages) {
      const page = await recordedPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${extensionPage}`);
      await page.waitForLoadState('load');
      await quietPeriod(800, 'a request the extension page makes after loading would be out by now');
    }
    await quietPeriod(1_500, 'anything the worker might send later (timers, queued reports) would be out by now');

    const extensionOrigin = `chrome-extension://${browser.extensionId}`;
    const before = offences(extensionOrigin);
    expect(before, `the extension (or something no visited page asked for) made requests:\n${describeAll(before)}`).toEqual([]);
    expect(playwrightRequests.filter((request) => visitedHosts.has(hostOf(request.url))).length, 'the recorder saw no page requests at all: it is broken').toBeGreaterThan(0);

    // Canary: the same recorders must see a request the extension does make.
    await browser.worker!.evaluate((url) => fetch(url, { method: 'POST', body: 'canary' }).catch(() => undefined), CANARY_URL);
    const popup = await recordedPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/${extensionPages[0]}`);
    await popup.evaluate((url) => fetch(`${url}?from=page`).catch(() => undefined), CANARY_URL);
    // Both canaries at the server and seen by Playwright; the NetLog is complete once the browser closes.
    const canarySources = () => new Set(offences(extensionOrigin).filter((seen) => seen.url.startsWith(CANARY_URL)).map((seen) => `${seen.source}`));
    await waitUntil('the canary requests at the server and in Playwright', async () => canarySources(), (seen) => seen.has('server') && seen.has('playwright'), 10_000).catch(() => undefined);
    await browser.close(); // flushes the NetLog
    const after = offences(extensionOrigin).filter((seen) => seen.url.startsWith(CANARY_URL));
    const sources = new Set(after.map((seen) => seen.source));
    for (const source of ['playwright', 'netlog', 'server'] as const) {
      expect(sources.has(source), `the ${source} recorder missed the canary fetch; it cannot be trusted to see the extension's requests:\n${describeAll(after)}`).toBe(true);
    }
  });
});
