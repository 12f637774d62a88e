/**
 * Injection safety: a product name carrying HTML and script markup must reach the notice as
 * text. The payloads set window flags if they ever run; the flags must stay unset.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { quietPeriod, readKbanState, inNotices, sleep } from './harness/page-state';
import { amazonProductHtml, escapeHtml, pageHtml } from './harness/pages';

const URL_UNDER_TEST = 'https://www.amazon.com/dp/B0KBANXSS1';
/** Shown to the page as text (escaped in the page's HTML), so the extension reads the markup literally. */
const HOSTILE_NAME = 'Kaspersky Premium <img src=x onerror="window.__kbanPwned=1"><script>window.__kbanPwned2=1</script> Edition';

let server: FixtureServer;
let browser: ChromiumSession;

beforeAll(async () => {
  server = await startFixtureServer();
  // The product title's text content is the raw markup; the page itself never runs it.
  const body = amazonProductHtml({ title: escapeHtml(HOSTILE_NAME), brand: 'Visit the Kaspersky Store', rawTitle: true });
  server.route(URL_UNDER_TEST, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body }) });
  browser = await launchChromium({ server });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('shows markup in a product name as text and runs none of it', async () => {
  const page = await browser.context.newPage();
  await page.goto(URL_UNDER_TEST);
  expect(await page.locator('#productTitle').textContent(), 'fixture sanity: the page shows the markup as text').toContain('<img src=x');
  await page.locator('[data-kban-verdict]').waitFor({ state: 'attached', timeout: 5_000 });
  await quietPeriod(500, 'an onerror of markup turned into elements would have fired by now');
  const state = await readKbanState(page);
  expect(state.notices).toHaveLength(1);
  expect(state.notices[0]!.verdict).toBe('purchase');
  expect(state.notices[0]!.title, 'the product name should appear in the notice as literal text').toContain('<img src=x');
  const [inShadow] = await inNotices(page, (root) => ({ images: root!.querySelectorAll('img').length, scripts: root!.querySelectorAll('script').length }));
  expect(inShadow, 'markup from the page became elements inside the notice').toEqual({ images: 0, scripts: 0 });
  const flags = await page.evaluate(() => [(window as unknown as Record<string, unknown>).__kbanPwned, (window as unknown as Record<string, unknown>).__kbanPwned2]);
  expect(flags, 'a payload from the product name ran').toEqual([undefined, undefined]);
  await page.close();
});
