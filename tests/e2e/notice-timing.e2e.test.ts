/**
 * When the notice arrives. An address whose path names Kaspersky is checked during DOMContentLoaded
 * (the page check is injected at document_start), so the notice is already in the page when the
 * page's own DOMContentLoaded handlers run. Other addresses are checked at document_end, after that
 * event; the notice still comes, a moment later. Order, not milliseconds: the benchmark measures those.
 *
 * The order holds when the settings read started at document_start answers before parsing ends, as it
 * does on a real product page arriving over a network. A page served from localhost to a loaded machine
 * can beat it, so the server holds the page's last bytes until the extension's script in the frame is
 * there and (for the page check) has its settings: a condition, not a sleep.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { readKbanState, waitUntil } from './harness/page-state';
import { amazonProductHtml, pageHtml } from './harness/pages';

const NAMED_URL = 'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0KBANTIM1';
const BARE_URL = 'https://www.amazon.com/dp/B0KBANTIM2';

/**
 * A large page, as real product pages are (1–2 MB): the settings read started at document_start
 * (a few ms) is back long before parsing ends. A tiny page can reach DOMContentLoaded first; its
 * notice then follows the read, a few ms later, and its first layout is cheap anyway.
 */
const REVIEWS = Array.from({ length: 1500 }, (_, i) => `<div data-hook="review" id="R${i}" class="a-section review aok-relative"><div class="a-row"><span class="a-profile-name">Shopper ${i}</span></div><a data-hook="review-title" class="a-size-base a-link-normal review-title a-text-bold" href="/gp/customer-reviews/R${i}"><span>Works as described</span></a><span data-hook="review-body" class="a-size-base review-text"><span>Installed on three laptops and a phone without trouble; the yearly renewal price is higher than the first year.</span></span></div>`).join('\n');

/** The page records, in its own DOMContentLoaded handler (registered by its last script), whether a notice was there. */
const RECORDER = `<script>document.addEventListener('DOMContentLoaded', () => { window.__noticeAtDcl = !!document.querySelector('[data-kban-verdict]'); });</script>`;

let server: FixtureServer;
let browser: ChromiumSession;
/** Lets the server send the held end of the page. */
let releaseTail = () => {};

beforeAll(async () => {
  server = await startFixtureServer();
  const body = amazonProductHtml({ title: 'Kaspersky Premium Total Security 2024 | 5 Devices | 1 Year', brand: 'Visit the Kaspersky Store' }) + `<div id="cm-cr-dp-review-list">${REVIEWS}</div>` + RECORDER;
  const html = pageHtml({ title: 'Amazon.com: Kaspersky Premium Total Security 2024', body });
  const cut = html.lastIndexOf(RECORDER);
  for (const url of [NAMED_URL, BARE_URL]) {
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

// The bare address first: it also wakes the browser's storage, whose first read after start-up is slow.
it.each([
  [BARE_URL, false],
  [NAMED_URL, true],
])('%s: notice in place at DOMContentLoaded = %s, and shown once either way', async (url, atDcl) => {
  const page = await browser.context.newPage();
  const loaded = page.goto(url);
  // The named address's page check has read its settings; the bare address's first stage is in place.
  const [script, ready] = atDcl ? (['page-check', 'ready'] as const) : (['first-stage', 'watching'] as const);
  await waitUntil(`the ${script} ${ready} while the page is still loading`, () => browser.scriptState(url, script), (state) => state === ready, 10_000).finally(() => releaseTail());
  await loaded;
  await page.locator('[data-kban-verdict]').waitFor({ state: 'attached', timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { __noticeAtDcl?: boolean }).__noticeAtDcl), 'the notice at the page’s own DOMContentLoaded handler').toBe(atDcl);
  const state = await readKbanState(page);
  expect(state.notices.map((notice) => [notice.verdict, notice.mode])).toEqual([['purchase', 'warn']]);
  await page.close();
});
