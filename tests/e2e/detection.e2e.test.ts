/**
 * The detection issue in real Chromium: every saved page served at its real URL gets exactly
 * what its fixture entry says — one notice with the right verdict, marked listing tiles, or an
 * untouched DOM — and the notice's buttons work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES, type PageFixture } from '../fixtures/pages/index';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { quietPeriod, readKbanState, waitUntil, type KbanState, clickInNotice, sleep } from './harness/page-state';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, pageHtml } from './harness/pages';

/** Served besides the table, so the notice tests never depend on which fixtures exist yet. */
const SYNTHETIC_PURCHASE: PageFixture = {
  file: '(synthetic)',
  url: 'https://www.amazon.com/dp/B0KBANE2E1',
  expect: 'purchase',
  rule: 'amazon',
  product: 'Kaspersky Premium',
  note: 'hand-written Amazon product page (tests/e2e/harness/pages.ts)',
};

let server: FixtureServer;
let browser: ChromiumSession;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route(SYNTHETIC_PURCHASE.url, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body: amazonProductHtml(KASPERSKY_ON_AMAZON) }) });
  browser = await launchChromium({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Loads `url` in a fresh tab and waits until the content script has decided (or clearly isn't there). */
async function visit(session: ChromiumSession, url: string) {
  const page = await session.context.newPage();
  const response = await page.goto(url);
  expect(response?.status(), `the fixture server has no page at ${url}: check tests/fixtures/pages/index.ts`).toBe(200);
  const report = await session.pageReport(page, 3_000);
  if (!report) await quietPeriod(300, 'no rule covers this host: nothing runs there, and a stray change would be in by now');
  return { page, report };
}

/** Waits until `predicate(state)` holds (listing badges and notices are added after the first check). */
function waitForState(page: import('playwright-core').Page, predicate: (state: KbanState) => boolean, timeout = 5_000): Promise<KbanState> {
  return waitUntil('the page state', () => readKbanState(page), predicate, timeout).catch(() => readKbanState(page));
}

/** One test per fixture; a todo while the table has none of this kind (an empty suite fails in Vitest). */
function eachFixture(fixtures: readonly PageFixture[], run: (fixture: PageFixture) => Promise<void>): void {
  if (!fixtures.length) return void it.todo('no fixtures of this kind in tests/fixtures/pages yet');
  it.each(fixtures.map((fixture) => [label(fixture), fixture] as const))('%s', (_, fixture) => run(fixture));
}

const label = (fixture: PageFixture) => `${fixture.expect.padEnd(8)} ${fixture.url} (${fixture.file})`;
const flagged = [SYNTHETIC_PURCHASE, ...PAGE_FIXTURES].filter((fixture) => ['purchase', 'download', 'exempt'].includes(fixture.expect));
const untouched = PAGE_FIXTURES.filter((fixture) => fixture.expect === 'none');
const listings = PAGE_FIXTURES.filter((fixture) => fixture.expect === 'listing');

describe('flagged pages get exactly one notice naming the product', () => {
  eachFixture(flagged, async (fixture) => {
    const { page, report } = await visit(browser, fixture.url);
    const state = await waitForState(page, (current) => current.notices.length > 0);
    const why = `${fixture.note}; content script report: ${JSON.stringify(report?.classification)}`;
    expect(state.notices, `expected one notice on ${fixture.url} (${why})`).toHaveLength(1);
    const [notice] = state.notices;
    expect(notice!.verdict, `wrong verdict on ${fixture.url} (${why})`).toBe(fixture.expect);
    expect(notice!.mode, 'a default install warns, never blocks').toBe('warn');
    expect(notice!.visible, 'the notice must take up space on the page').toBe(true);
    if (fixture.product) expect(notice!.title, `the notice title should name the product (${why})`).toContain(fixture.product);
    expect(state.items, 'a product page is not a listing: no tile badges').toEqual([]);
    expect(state.inert, 'a warning must not lock the page').toBe(false);
    await page.close();
  });
});

describe('pages expected none are left untouched', () => {
  eachFixture(untouched, async (fixture) => {
    const { page, report } = await visit(browser, fixture.url);
    await quietPeriod(500, 'a late (wrong) notice would be in by now');
    const state = await readKbanState(page);
    expect(state.touched, `the extension changed the DOM of ${fixture.url} (${fixture.note}); it decided ${JSON.stringify(report?.classification)}`).toEqual([]);
    expect(state.inert).toBe(false);
    await page.close();
  });
});

describe('listing pages get tile badges and no page notice', () => {
  eachFixture(listings, async (fixture) => {
    const { page, report } = await visit(browser, fixture.url);
    const state = await waitForState(page, (current) => current.items.length >= (fixture.items ?? 1));
    await quietPeriod(300, 'badges beyond the expected ones, or a page notice, would be in by now');
    const settled = await readKbanState(page);
    expect(settled.items, `wrong number of marked tiles on ${fixture.url} (${fixture.note}); report: ${JSON.stringify(report)}`).toHaveLength(fixture.items ?? state.items.length);
    expect(settled.items.every((kind) => kind === 'purchase' || kind === 'download'), `data-kban-item must be purchase|download: ${settled.items}`).toBe(true);
    expect(settled.notices, 'a listing page gets no page notice').toEqual([]);
    await page.close();
  });
});

describe('the notice buttons', () => {
  /** A flagged purchase page: the first from the table, else the synthetic one. */
  const target = flagged.find((fixture) => fixture.expect === 'purchase' && fixture !== SYNTHETIC_PURCHASE) ?? SYNTHETIC_PURCHASE;

  it(`Details opens the extension page (${target.url})`, async () => {
    const { page } = await visit(browser, target.url);
    await clickInNotice(page, 'button:not(.close)');
    const details = await browser.context.waitForEvent('page', { timeout: 5_000 });
    await details.waitForLoadState();
    expect(details.url(), 'Details should open the extension page for this tab').toMatch(new RegExp(`^chrome-extension://${browser.extensionId}/popup\\.html`));
    await details.close();
    await page.close();
  });

  it(`Dismiss hides the notice, and it stays hidden on reload for that site (${target.url})`, async () => {
    // Own browser: the dismissal is stored and would hide notices in the other tests.
    const session = await launchChromium({ server });
    try {
      const { page } = await visit(session, target.url);
      await clickInNotice(page, 'button.close');
      await expect.poll(async () => (await readKbanState(page)).notices.length, { timeout: 3_000 }).toBe(0);
      await page.reload();
      const report = await session.pageReport(page);
      expect(report?.action, 'after a dismissal the content script should report "dismissed"').toBe('dismissed');
      expect((await readKbanState(page)).notices, 'the notice came back after reload').toEqual([]);
    } finally {
      await session.close();
    }
  });
});
