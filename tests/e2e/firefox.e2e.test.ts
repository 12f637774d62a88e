/**
 * The main flows in Firefox ESR (MV2 build, temporary add-on over WebDriver BiDi): a purchase
 * page flagged, a trap page left untouched, an exempt page noted as exempt, and an open page following a
 * change of settings.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { PAGE_FIXTURES, type PageFixture } from '../fixtures/pages/index';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { FIREFOX_EXTENSION_ID } from './harness/paths';
import { quietPeriod, readKbanState, waitUntil, type KbanState } from './harness/page-state';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, NORTON_ON_AMAZON, pageHtml } from './harness/pages';

const SYNTHETIC: Record<'purchase' | 'named' | 'none', PageFixture> = {
  named: { file: '(synthetic)', url: 'https://www.amazon.com/Kaspersky-Premium-Total-Security/dp/B0KBANFFX3', expect: 'purchase', product: 'Kaspersky Premium', note: 'hand-written Amazon page at an address naming Kaspersky (document_start entry, include_globs)' },
  purchase: { file: '(synthetic)', url: 'http://www.amazon.com/dp/B0KBANFFX1', expect: 'purchase', product: 'Kaspersky Premium', note: 'hand-written Amazon page, over plain http' },
  none: { file: '(synthetic)', url: 'https://www.amazon.com/dp/B0KBANFFX2', expect: 'none', note: 'hand-written Amazon page for a Norton product' },
};
const pick = (kind: PageFixture['expect']) => PAGE_FIXTURES.find((fixture) => fixture.expect === kind);
const CASES: PageFixture[] = [
  SYNTHETIC.purchase,
  SYNTHETIC.named,
  pick('purchase') ?? SYNTHETIC.purchase,
  pick('none') ?? SYNTHETIC.none,
  ...[pick('exempt')].filter((fixture): fixture is PageFixture => !!fixture),
];

let server: FixtureServer;
let firefox: FirefoxSession;

beforeAll(async () => {
  server = await startFixtureServer();
  for (const fixture of [SYNTHETIC.purchase, SYNTHETIC.named]) server.route(fixture.url, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body: amazonProductHtml(KASPERSKY_ON_AMAZON) }) });
  server.route(SYNTHETIC.none.url, { body: pageHtml({ title: 'Amazon.com: Norton 360', body: amazonProductHtml(NORTON_ON_AMAZON) }) });
  firefox = await launchFirefox({ server });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The page's state once `until` holds, or as it is after `timeout` (the assertions then say what is wrong). */
function stateAfter(page: Page, until: (state: KbanState) => boolean, timeout: number): Promise<KbanState> {
  return waitUntil('the page state', () => readKbanState(page), until, timeout).catch(() => readKbanState(page));
}

it('installs as kban@kban.dev', () => {
  expect(firefox.extensionId).toBe(FIREFOX_EXTENSION_ID);
});

it.each(CASES.map((fixture) => [`${fixture.expect} ${fixture.url}`, fixture] as const))('%s', async (_, fixture) => {
  const page = await firefox.browser.newPage();
  const response = await page.goto(fixture.url);
  expect(response?.status(), `no page served at ${fixture.url}`).toBe(200);
  expect(new URL(page.url()).protocol, 'Firefox changed the scheme (HTTPS-First?)').toBe(new URL(fixture.url).protocol);
  if (fixture.expect === 'none') {
    await quietPeriod(1_500, 'Firefox has no report channel here: a (wrong) notice would be in by now');
    expect((await readKbanState(page)).touched, `the DOM of ${fixture.url} was changed (${fixture.note})`).toEqual([]);
  } else {
    const state = await stateAfter(page, (current) => current.notices.length > 0, 6_000);
    expect(state.notices, `expected one notice on ${fixture.url} (${fixture.note})`).toHaveLength(1);
    expect(state.notices[0]!.verdict).toBe(fixture.expect);
    expect(state.notices[0]!.mode).toBe('warn');
    if (fixture.product) expect(state.notices[0]!.title).toContain(fixture.product);
  }
  await page.close();
});

it('a page already open follows a change of settings without a reload (re-check through scripting and storage.session)', async () => {
  const page = await firefox.browser.newPage();
  await page.goto(SYNTHETIC.purchase.url);
  expect((await stateAfter(page, (current) => current.notices.length > 0, 6_000)).notices).toHaveLength(1);
  const options = await firefox.openExtensionPage('options.html');
  await options.waitForFunction(() => typeof (globalThis as unknown as { browser?: unknown }).browser === 'object', { timeout: 10_000 });
  type Storage = { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };
  const dismiss = (sites: string[]) =>
    options.evaluate(async (dismissed) => {
      const { local } = (globalThis as unknown as { browser: Storage }).browser.storage;
      const { settings } = await local.get('settings');
      await local.set({ settings: { ...(settings as object), dismissedSites: dismissed } });
    }, sites);
  await dismiss([new URL(SYNTHETIC.purchase.url).hostname]);
  expect((await stateAfter(page, (current) => current.notices.length === 0, 6_000)).notices, 'the notice stayed after its site was dismissed').toHaveLength(0);
  await dismiss([]);
  expect((await stateAfter(page, (current) => current.notices.length === 1, 6_000)).notices, 'the notice did not come back when the site was undismissed').toHaveLength(1);
  await Promise.all([options.close(), page.close()]);
});
