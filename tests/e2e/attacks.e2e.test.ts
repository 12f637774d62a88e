/**
 * Pages that fight back (issue 11, "A hostile page must not be able to silence, dismiss, blind or
 * freeze kban"). Each attack page does what the security review did; each test fails on the code
 * before the fix and passes after it:
 * - page script presses the notice's buttons (Dismiss, Details ×30, Proceed) and styles the block
 *   screen from inside its shadow root: the root is closed and the buttons act on a person's clicks only;
 * - a page clears `inert` more often than the block guard's old lifetime limit: the guard never gives up;
 * - a crafted address (a 300k-character fragment) on a covered site: none of kban's work holds the tab's main
 *   thread long (thread time from a Chromium trace, so a loaded machine's waits for a core do not count);
 * - block-mode installer downloads with escaped and suffixed names, on other paths and hosts
 *   (Chromium and Firefox: both enforce the same declarativeNetRequest rules);
 * - 300 pushState calls with tokens in the query and fragment: a few reports, with neither;
 * - a page that inserts Kaspersky's web-protection script tag itself: no "Kaspersky is running" sighting.
 * Block mode and reports need a managed policy (root, /etc/chromium/policies; removed in afterAll).
 */
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadBlockRules, downloadRuleIds } from '@/components/core/enterprise/download-rules';
import { extensionThreadTime, TRACE_CATEGORIES, type TraceEvent } from '../bench/trace-time';
import { launchChromium, type ChromeApi, type ChromiumSession } from './harness/chromium';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { clickInNotice, inNotices, readKbanState, sleep } from './harness/page-state';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, pageHtml } from './harness/pages';
import { CHROME_EXTENSION_ID } from './harness/paths';
import { createPolicyFiles, IS_ROOT, NOT_ROOT_MESSAGE } from './harness/policy';

declare const chrome: ChromeApi;

const TITLE = 'Amazon.com: Kaspersky Premium';
const PRODUCT = amazonProductHtml(KASPERSKY_ON_AMAZON);
const TRACE_SCRIPT = 'https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?attr=kban-e2e';
const REPORT_URL = 'https://siem.example.com/kban/attacks';

/**
 * Waits for our notice host, then does what a hostile page can: read its shadow root, press every
 * button (Details 30 times), append a <style> that hides everything inside. Records what it reached.
 */
const PRESS_BUTTONS = `
window.__attack = { root: false, clicks: 0, styled: false };
const attack = (host) => {
  const root = host.shadowRoot;
  window.__attack.root = !!root;
  host.dispatchEvent(new MouseEvent('click', { bubbles: true }));
  if (!root) return;
  const style = document.createElement('style');
  style.textContent = '* { display: none !important; }';
  root.append(style);
  window.__attack.styled = true;
  for (const button of root.querySelectorAll('button')) {
    const times = button.classList.contains('close') ? 1 : 30;
    for (let i = 0; i < times; i++) { button.click(); window.__attack.clicks++; }
  }
};
new MutationObserver(() => {
  const host = document.querySelector('[data-kban-verdict]');
  if (host && !window.__attacked) { window.__attacked = true; setTimeout(() => attack(host), 50); }
}).observe(document.documentElement, { childList: true, subtree: true });`;

/** Clears `inert` on the body 700 times (more than the old guard's lifetime limit of 500 repairs), then stops. */
const CLEAR_INERT = `
window.__cleared = 0;
const clear = () => {
  if (!document.querySelector('[data-kban-mode="block"]')) return void setTimeout(clear, 20);
  document.body.inert = false;
  if (++window.__cleared < 700) setTimeout(clear, 0);
};
clear();`;

/** 300 pushState calls, each to a new product address with an e-mail address and a token in it. */
const FLOOD = `
window.flood = async () => {
  for (let i = 0; i < 300; i++) {
    history.pushState({}, '', '/Kaspersky-Premium/dp/B0KBAN' + String(i).padStart(4, '0') + '?email=ann%40example.com#access_token=s3cret' + i);
    document.getElementById('productTitle').textContent = 'Kaspersky Premium Total Security, edition ' + i;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};`;

/** Inserts Kaspersky's web-protection script itself: once while parsing (createElement), once after load. */
const FAKE_TRACE = `
const add = () => { const s = document.createElement('script'); s.src = ${JSON.stringify(TRACE_SCRIPT)}; document.head.append(s); };
add();
addEventListener('load', () => setTimeout(add, 10));`;

const URLS = {
  press: 'https://www.amazon.com/Kaspersky-Premium/dp/B0KBANATK1',
  realClick: 'https://www.amazon.com/Kaspersky-Premium/dp/B0KBANATK2',
  blockPress: 'https://www.amazon.com/Kaspersky-Premium/dp/B0KBANATK3',
  blockInert: 'https://www.amazon.com/Kaspersky-Premium/dp/B0KBANATK4',
  flood: 'https://www.amazon.com/Kaspersky-Premium/dp/B0KBANATK5',
  fakeTrace: 'https://www.amazon.com/Kaspersky-Premium/dp/B0KBANATK6',
  servedTrace: 'https://www.amazon.com/Kaspersky-Premium/dp/B0KBANATK7',
  /**
   * A MajorGeeks address whose fragment (300k characters) the old search pattern backtracked over
   * quadratically (`.*\bct=files.*\baction=search` with no `action=search` to find): it held
   * Chromium's main thread for 2.8 s in the review.
   */
  crafted: `https://www.majorgeeks.com/index.php?ct=files&search=kaspersky#${`&ct=files${'x'.repeat(24)}`.repeat(9_000)}`,
};

/** A plain page on the crafted address's site, loaded first so the traced navigation stays in one renderer. */
const CRAFTED_BLANK = 'https://www.majorgeeks.com/kban-blank.html';

/** Bypasses of the block-mode download rules the review found, each must be stopped; and what must still load. */
const DOWNLOADS = {
  blocked: [
    'https://www.kaspersky.com/downloads/kis.ex%65',
    'https://www.kaspersky.com/downloads/kis%2Eexe',
    'https://www.kaspersky.com/downloads/kis.exe/',
    'https://www.kaspersky.com/downloads/kis.exe;v=1',
    'https://www.kaspersky.com/content/dam/kaspersky/en/kis.exe',
    'https://downloads.kaspersky.com/kis.exe',
    'https://dnl-07.geo.kaspersky.com/products/kis/installer',
    'https://new-host.kaspersky-labs.com/kis',
  ],
  allowed: ['https://media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.exe', 'https://www.kaspersky.com/home-security'],
};

let server: FixtureServer;
const policies = createPolicyFiles();

beforeAll(async () => {
  server = await startFixtureServer([]);
  const product = (script: string) => ({ body: pageHtml({ title: TITLE, body: PRODUCT, script }) });
  server.route(URLS.press, product(PRESS_BUTTONS));
  server.route(URLS.realClick, product(''));
  server.route(URLS.blockPress, product(PRESS_BUTTONS));
  server.route(URLS.blockInert, product(CLEAR_INERT));
  server.route(URLS.flood, product(FLOOD));
  server.route(URLS.fakeTrace, product(FAKE_TRACE));
  server.route(URLS.servedTrace, {
    body: pageHtml({ title: TITLE, body: PRODUCT }).replace('<head>', `<head><script type="text/javascript" src="${TRACE_SCRIPT}" charset="UTF-8"></script>`),
  });
  server.route(TRACE_SCRIPT, { type: 'text/javascript', body: '/* web protection */' }, { anyQuery: true });
  server.route(URLS.crafted.replace(/#.*$/, ''), {
    body: pageHtml({
      title: 'Search results for kaspersky - MajorGeeks',
      body: '<h1 class="geekytitle">Search: kaspersky</h1><div class="geekytitle"><a href="/files/details/kaspersky_free.html">Kaspersky Free</a></div>',
    }),
  });
  server.route(CRAFTED_BLANK, { body: pageHtml({ title: 'MajorGeeks', body: '<p>blank</p>' }) });
  for (const url of [...DOWNLOADS.blocked, ...DOWNLOADS.allowed]) {
    const html = url.endsWith('home-security');
    server.route(url, html ? { body: pageHtml({ title: 'Kaspersky', body: '<h1>Home security</h1>' }) } : { type: 'application/octet-stream', headers: { 'content-disposition': 'attachment; filename="kis.exe"' }, body: 'MZ' });
  }
  server.route(REPORT_URL, {
    handler: (_request, res) => {
      res.writeHead(204, { 'access-control-allow-origin': '*' });
      res.end();
    },
  });
});

afterAll(async () => {
  policies.restore();
  await server?.close();
});

const reached = (url: string) => server.requests.some((request) => `https://${request.host}${request.path}` === url || `http://${request.host}${request.path}` === url);

describe('Chromium: the notice obeys a person, not the page', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium({ server });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('page script cannot read, restyle or press the notice (no dismissal, no tabs)', async () => {
    const page = await browser.context.newPage();
    const tabsBefore = browser.context.pages().length;
    await page.goto(URLS.press);
    await browser.pageReport(page);
    await page.waitForFunction(() => (window as unknown as { __attacked?: boolean }).__attacked === true, undefined, { timeout: 5_000 });
    await sleep(1_500); // nothing must happen: tabs would open and the dismissal be stored within this time
    const attack = await page.evaluate(() => (window as unknown as { __attack: Record<string, unknown> }).__attack);
    expect(attack.root, `the page reached inside the notice (${JSON.stringify(attack)})`).toBe(false);
    expect(browser.context.pages().length, 'the page opened details tabs through the notice').toBe(tabsBefore);
    const settings = (await browser.storage('local')).settings as { dismissedSites?: string[] } | undefined;
    expect(settings?.dismissedSites ?? [], 'the page dismissed the notice for the site').toEqual([]);
    const state = await readKbanState(page);
    expect(state.notices.map((notice) => notice.verdict), 'the notice must still be there').toEqual(['purchase']);
    expect(state.notices[0]!.text, 'and show its text').toContain('Kaspersky');
    await page.close();
  });

  it('a person still works it: a real click on Details opens one tab, however fast it is repeated', async () => {
    // Its own browser: what the attack above may have stored must not decide this test.
    const browser = await launchChromium({ server });
    const page = await browser.context.newPage();
    await page.goto(URLS.realClick);
    await browser.pageReport(page);
    const tabsBefore = browser.context.pages().length;
    const opened = browser.context.waitForEvent('page', { timeout: 5_000 });
    for (let i = 0; i < 5; i++) await clickInNotice(page, 'button:not(.close)');
    const details = await opened;
    await sleep(1_000);
    expect(details.url()).toMatch(/popup\.html\?tab=\d+$/);
    expect(browser.context.pages().length, 'five clicks within a second open one details page').toBe(tabsBefore + 1);
    await browser.close();
  });

  it('a crafted address on a covered site does not freeze the tab', async () => {
    const page = await browser.context.newPage();
    // Same site first, so the traced navigation stays in one renderer (as the benchmark does).
    await page.goto(CRAFTED_BLANK);
    const cdp = await browser.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (message) => events.push(...(message.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: [...TRACE_CATEGORIES], recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
    const started = Date.now();
    await page.goto(URLS.crafted);
    const report = await browser.pageReport(page, 10_000);
    const elapsed = Date.now() - started;
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    expect(report?.url, 'the page was checked').toBe(URLS.crafted);
    // Thread time of each piece of kban's work on the tab's main thread (its injection, its DOMContentLoaded check,
    // its timers): CPU time, so a loaded machine's waits for a core do not count, while a super-linear pattern does
    // (the old MajorGeeks pattern held the thread 2.8 s on this address).
    const ours = extensionThreadTime(events, browser.extensionId);
    expect(ours.scriptsRun, 'the trace saw kban\'s scripts run (else it would measure nothing)').toBeGreaterThan(0);
    const longest = Math.max(...ours.slices.map((slice) => slice.threadMs));
    expect(longest, `kban held the tab's main thread for ${Math.round(longest)} ms of CPU time in one go`).toBeLessThan(250);
    // The whole load's wall time only says the check finished (beside a second browser it took 7 s, so the bound is loose).
    expect(elapsed, 'checked within a few seconds').toBeLessThan(20_000);
    await page.close();
  });

  it('a page that inserts Kaspersky\'s web-protection script itself records no sighting; the served one does', async () => {
    const page = await browser.context.newPage();
    await page.goto(URLS.fakeTrace);
    await browser.pageReport(page);
    await page.waitForLoadState('load');
    await sleep(1_000);
    expect(server.requestsTo(TRACE_SCRIPT).length, 'fixture sanity: the browser loaded the inserted script').toBeGreaterThan(0);
    expect((await browser.storage('local')).kasperskyActive, 'a page faked "Kaspersky is running on this computer"').toBeUndefined();
    const [note] = await inNotices(page, (root) => root?.querySelector('[data-kban-note]')?.textContent ?? null);
    expect(note, 'the notice carries no Kaspersky-active note').toBeNull();

    await page.goto(URLS.servedTrace);
    await browser.pageReport(page);
    await expect.poll(async () => (await browser.storage('local')).kasperskyActive, { timeout: 5_000, message: 'the trace in the HTML as served is still a sighting' }).toMatchObject({ site: 'www.amazon.com' });
    await page.close();
  });
});

/**
 * Installs the real download rules as block mode would, and waits until they stay. Without a block policy the
 * background removes them once, when its start-up read of the policy answers; on a loaded machine that can
 * come after an install. So: let the policy read answer first (`settle`), then install and check a moment
 * later that they are still there, installing again if not.
 */
async function installDownloadRules(
  settle: () => Promise<unknown>,
  install: (rules: unknown[], ids: number[]) => Promise<unknown>,
  installedIds: () => Promise<number[]>,
): Promise<void> {
  await settle();
  const wanted = downloadBlockRules().map((rule) => rule.id);
  const deadline = Date.now() + 30_000;
  for (;;) {
    await install(downloadBlockRules(), downloadRuleIds());
    await sleep(1_000);
    const ids = new Set(await installedIds());
    if (wanted.every((id) => ids.has(id))) return;
    if (Date.now() > deadline) throw new Error('the download rules did not stay installed');
  }
}

describe('Chromium: block-mode downloads cannot be spelled past the rules', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium({ server });
    await installDownloadRules(
      () => browser.storage('managed'),
      (rules, ids) =>
        browser.worker!.evaluate(([add, remove]) => chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: remove as number[], addRules: add as never }), [rules, ids] as const),
      () => browser.worker!.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).map((rule: { id: number }) => rule.id)),
    );
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(DOWNLOADS.blocked)('stops %s', async (url) => {
    const page = await browser.context.newPage();
    const error = await page.goto(url).then(() => 'no error', (caught: Error) => caught.message);
    await sleep(300);
    expect(reached(url), `the request reached the server (goto: ${error})`).toBe(false);
    await page.close();
  });

  it.each(DOWNLOADS.allowed)('lets %s through (removal tool, ordinary page)', async (url) => {
    const page = await browser.context.newPage();
    await page.goto(url).catch(() => {});
    await expect.poll(() => reached(url), { timeout: 3_000 }).toBe(true);
    await page.close();
  });
});

describe('Firefox: the same downloads and the same notice attack', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => {
    firefox = await launchFirefox({ server });
    const extensionPage = await firefox.openExtensionPage('popup.html');
    await extensionPage.waitForFunction(() => typeof (globalThis as unknown as { browser?: unknown }).browser === 'object', { timeout: 10_000 });
    await installDownloadRules(
      () => extensionPage.evaluate(() => (globalThis as unknown as { browser: { storage: { managed: { get(): Promise<unknown> } } } }).browser.storage.managed.get().catch(() => ({}))),
      (rules, ids) =>
        extensionPage.evaluate(
          (add, remove) => (globalThis as unknown as { browser: ChromeApi }).browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: remove, addRules: add as never }),
          rules,
          ids,
        ),
      () => extensionPage.evaluate(async () => ((await (globalThis as unknown as { browser: { declarativeNetRequest: { getDynamicRules(): Promise<Array<{ id: number }>> } } }).browser.declarativeNetRequest.getDynamicRules()).map((rule) => rule.id))),
    );
    await extensionPage.close();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  it.each(DOWNLOADS.blocked)('stops %s', async (url) => {
    const page = await firefox.browser.newPage();
    const error = await page.goto(url, { timeout: 3_000 }).then(() => 'no error', (caught: Error) => caught.message);
    await sleep(300);
    expect(reached(url), `the request reached the server (goto: ${error})`).toBe(false);
    await page.close();
  });

  it.each(DOWNLOADS.allowed)('lets %s through (removal tool, ordinary page)', async (url) => {
    const page = await firefox.browser.newPage();
    await page.goto(url, { timeout: 3_000 }).catch(() => {});
    await expect.poll(() => reached(url), { timeout: 3_000 }).toBe(true);
    await page.close();
  });

  it('page script cannot read or press the notice', async () => {
    const page: PuppeteerPage = await firefox.browser.newPage();
    await page.goto(URLS.press);
    await page.waitForSelector('[data-kban-verdict]', { timeout: 10_000 });
    await page.waitForFunction(() => (window as unknown as { __attacked?: boolean }).__attacked === true, { timeout: 5_000 });
    await sleep(1_500);
    const attack = await page.evaluate(() => (window as unknown as { __attack: Record<string, unknown> }).__attack);
    expect(attack.root, `the page reached inside the notice (${JSON.stringify(attack)})`).toBe(false);
    const state = await readKbanState(page);
    expect(state.notices.map((notice) => notice.verdict), 'the notice must still be there').toEqual(['purchase']);
    expect(state.notices[0]!.text, 'read inside the closed root through BiDi').toContain('Kaspersky');
    await page.close();
  });
});

describe.skipIf(!IS_ROOT)('Chromium, block mode and reports (managed policy)', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    policies.writeChromium('attacks', {
      '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { enforcement: 'block', region: 'us', allowProceed: true, reportUrl: REPORT_URL, reportPageUrl: true } } },
    });
    browser = await launchChromium({ server });
    const deadline = Date.now() + 20_000;
    while ((await browser.storage('managed')).reportUrl !== REPORT_URL) {
      if (Date.now() > deadline) throw new Error('the attack policy never reached storage.managed');
      await sleep(250);
    }
  });
  afterAll(async () => {
    await browser?.close();
    policies.restore();
  });

  /** Whether the block screen is up, laid out, on top and unstyled by the page. */
  const blockState = async (page: Page) => {
    const state = await readKbanState(page);
    const [screen] = await inNotices(page, (root, host) => {
      const overlay = root?.querySelector('.overlay');
      const rect = host.getBoundingClientRect();
      return {
        overlayShown: !!overlay && getComputedStyle(overlay).display !== 'none' && overlay.getBoundingClientRect().height > 0,
        covers: rect.width >= innerWidth - 1 && rect.height >= innerHeight - 1,
        foreign: root ? root.querySelectorAll('style').length - 1 : -1,
      };
    });
    return { blocked: state.notices.filter((notice) => notice.mode === 'block').length, inert: state.inert, ...screen };
  };

  it('page script cannot proceed past the block screen or hide it with a style', async () => {
    const page = await browser.context.newPage();
    await page.goto(URLS.blockPress);
    await page.waitForFunction(() => (window as unknown as { __attacked?: boolean }).__attacked === true, undefined, { timeout: 10_000 });
    await sleep(1_500);
    const attack = await page.evaluate(() => (window as unknown as { __attack: Record<string, unknown> }).__attack);
    expect(attack.root, `the page reached inside the block screen (${JSON.stringify(attack)})`).toBe(false);
    expect(await blockState(page), 'the block screen must stand: shown, covering, no foreign style, page inert').toEqual({ blocked: 1, inert: true, overlayShown: true, covers: true, foreign: 0 });
    const local = await browser.storage('local');
    expect(Object.keys(local).filter((key) => /proceed/i.test(key) && JSON.stringify(local[key]).includes('amazon')), 'no proceed grant was stored').toEqual([]);
    await page.close();
  });

  it('a page that clears inert 700 times does not outlast the guard', async () => {
    // Its own browser: a proceed the attack above may have won must not lift block mode here.
    const own = await launchChromium({ server });
    try {
      const page = await own.context.newPage();
      await page.goto(URLS.blockInert);
      await page.waitForFunction(() => (window as unknown as { __cleared: number }).__cleared >= 700, undefined, { timeout: 30_000 });
      await sleep(1_200); // one repair window
      expect(await blockState(page), 'after the page stopped, the page beneath must be inert again').toMatchObject({ blocked: 1, inert: true, covers: true });
    } finally {
      await own.close();
    }
  });

  it('300 pushState calls send a few reports, without query or fragment', async () => {
    const page = await browser.context.newPage();
    await page.goto(URLS.flood);
    await browser.pageReport(page);
    const before = server.requestsTo(REPORT_URL).filter((request) => request.method === 'POST').length;
    await page.evaluate(() => (window as unknown as { flood(): Promise<void> }).flood());
    await sleep(3_000);
    const posts = server.requestsTo(REPORT_URL).filter((request) => request.method === 'POST').slice(before);
    expect(posts.length, `${posts.length} reports for one tab in about 6 s`).toBeGreaterThan(0);
    expect(posts.length, `${posts.length} reports for one tab in about 6 s: the endpoint can be flooded`).toBeLessThanOrEqual(6);
    for (const post of posts) {
      const event = JSON.parse(post.body) as { url?: string };
      expect(event.url, 'reportPageUrl is on: the address is reported').toBeDefined();
      expect(event.url, 'never the fragment, and the query only with reportPageQuery').not.toMatch(/[?#]|s3cret|example\.com/);
    }
    await page.close();
  });
});

if (!IS_ROOT) describe('block mode and reports', () => it.skip(NOT_ROOT_MESSAGE, () => {}));
