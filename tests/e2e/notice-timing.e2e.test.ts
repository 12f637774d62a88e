/**
 * Which path a page takes to its notice. An address whose path names Kaspersky gets the page check at
 * document_start, which checks as soon as the product title has parsed, so the notice is there while the
 * page is still loading; another address gets only the first stage, which asks for the page check once
 * the page has parsed. Either way the notice comes, once. Order, not milliseconds: the benchmark measures
 * how long after DOMContentLoaded.
 *
 * The server holds the page's last bytes until the test has seen what it waits for (the first stage's
 * state, or the notice), so the order is observed while the page is provably still loading: a condition,
 * not a sleep.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { readKbanState, waitUntil } from './harness/page-state';
import { amazonProductHtml, pageHtml } from './harness/pages';
import { useBlockModeBrowser } from './harness/block-mode';
import { describeAsRoot } from './harness/policy';

const NAMED_URL = 'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0KBANTIM1';
const BARE_URL = 'https://www.amazon.com/dp/B0KBANTIM2';
const BLOCK_URL = 'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0KBANTIM3';

/** A large page, as real product pages are (1–2 MB). */
const REVIEWS = Array.from({ length: 1500 }, (_, i) => `<div data-hook="review" id="R${i}" class="a-section review aok-relative"><div class="a-row"><span class="a-profile-name">Shopper ${i}</span></div><a data-hook="review-title" class="a-size-base a-link-normal review-title a-text-bold" href="/gp/customer-reviews/R${i}"><span>Works as described</span></a><span data-hook="review-body" class="a-size-base review-text"><span>Installed on three laptops and a phone without trouble; the yearly renewal price is higher than the first year.</span></span></div>`).join('\n');

/** Where the server holds the page until the test has seen what it waits for. */
const TAIL = '<div id="navFooter" class="navLeftFooter nav-sprite-v1"></div>';

let server: FixtureServer;
let browser: ChromiumSession;
/** Lets the server send the held end of the page. */
let releaseTail = () => {};

beforeAll(async () => {
  server = await startFixtureServer();
  const body = amazonProductHtml({ title: 'Kaspersky Premium Total Security 2024 | 5 Devices | 1 Year', brand: 'Visit the Kaspersky Store' }) + `<div id="cm-cr-dp-review-list">${REVIEWS}</div>` + TAIL;
  const html = pageHtml({ title: 'Amazon.com: Kaspersky Premium Total Security 2024', body });
  const cut = html.lastIndexOf(TAIL);
  for (const url of [NAMED_URL, BARE_URL, BLOCK_URL]) {
    server.route(url, {
      handler: async (_request, res) => {
        const tail = new Promise<void>((resolve) => (releaseTail = resolve));
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.write(html.slice(0, cut));
        await tail;
        res.end(html.slice(cut));
      },
    });
  }
  browser = await launchChromium({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('an address without the name: while the page loads, the first stage is in place and no page check yet; the notice comes once', async () => {
  const page = await browser.context.newPage();
  const loaded = page.goto(BARE_URL);
  try {
    await waitUntil('the first stage watching while the page is still loading', () => browser.scriptState(BARE_URL, 'first-stage'), (value) => value === 'watching', 10_000);
    // Read before the tail goes out: once the page has parsed, the first stage may ask at once.
    expect(await browser.scriptState(BARE_URL, 'page-check'), 'no page check before the first stage asks for it').toBeFalsy();
  } finally {
    releaseTail();
  }
  await loaded;
  await page.locator('[data-kban-verdict]').waitFor({ state: 'attached', timeout: 5_000 });
  const kban = await readKbanState(page);
  expect(kban.notices.map((notice) => [notice.verdict, notice.mode])).toEqual([['purchase', 'warn']]);
  await page.close();
});

it('an address that names Kaspersky: the notice is in place while the page is still loading, and stays the only one', async () => {
  const page = await browser.context.newPage();
  const loaded = page.goto(NAMED_URL);
  try {
    // The server holds the end of the page until the notice is there: it comes once the title has parsed, not at DOMContentLoaded.
    await page.locator('[data-kban-verdict]').waitFor({ state: 'attached', timeout: 10_000 });
    expect(await page.evaluate(() => document.readyState), 'the page is still loading').toBe('loading');
    expect(await browser.scriptState(NAMED_URL, 'page-check')).toBe('checking');
  } finally {
    releaseTail();
  }
  await loaded;
  // DOMContentLoaded's check finds the same subject: still one notice, the same one.
  await waitUntil('the page parsed', () => page.evaluate(() => document.readyState), (value) => value !== 'loading', 5_000);
  const kban = await readKbanState(page);
  expect(kban.notices.map((notice) => [notice.verdict, notice.mode])).toEqual([['purchase', 'warn']]);
  await page.close();
});

describeAsRoot('block mode (managed policy enforcement: block)', () => {
  const blockMode = useBlockModeBrowser(() => server, 'notice-timing-block');

  it('an address that names Kaspersky: the block screen holds the page while it is still loading, and what arrives after it stays under it', async () => {
    const page = await blockMode().context.newPage();
    const loaded = page.goto(BLOCK_URL);
    try {
      await page.locator('kban-notice[data-kban-mode="block"]').waitFor({ state: 'attached', timeout: 10_000 });
      expect(await page.evaluate(() => [document.readyState, !!document.body?.inert]), 'still loading, and the page under the screen inert').toEqual(['loading', true]);
    } finally {
      releaseTail();
    }
    await loaded;
    // The end of the page went into <body>, under the screen: still one screen, the last child of <html>, the body inert.
    const state = await page.evaluate(() => ({
      last: document.documentElement.lastElementChild?.localName,
      bodyInert: !!document.body?.inert,
      tailParsed: !!document.getElementById('navFooter'),
      screens: document.querySelectorAll('kban-notice').length,
    }));
    expect(state).toEqual({ last: 'kban-notice', bodyInert: true, tailParsed: true, screens: 1 });
    await page.close();
  });
});
