/**
 * The region decision in a real browser: with no policy and no user setting, the time zone
 * decides (components/core/region/detect-region.ts). Berlin is not covered; Chicago is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages/index';
import { launchChromium } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { quietPeriod, readKbanState, waitUntil } from './harness/page-state';
import { amazonProductHtml, KASPERSKY_ON_AMAZON, pageHtml } from './harness/pages';

const SYNTHETIC_URL = 'https://www.amazon.com/dp/B0KBANREG1';
/** Pages that are flagged for a covered user: the synthetic one plus up to two purchase/download fixtures. */
const FLAGGED_URLS = [SYNTHETIC_URL, ...PAGE_FIXTURES.filter((fixture) => fixture.expect === 'purchase' || fixture.expect === 'download').slice(0, 2).map((fixture) => fixture.url)];

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route(SYNTHETIC_URL, { body: pageHtml({ title: 'Amazon.com: Kaspersky Premium', body: amazonProductHtml(KASPERSKY_ON_AMAZON) }) });
});

afterAll(async () => {
  await server?.close();
});

describe.each([
  { timeZone: 'Europe/Berlin', covered: false },
  { timeZone: 'America/Chicago', covered: true },
])('time zone $timeZone', ({ timeZone, covered }) => {
  it(covered ? 'flags Kaspersky purchase pages' : 'flags nothing and leaves pages untouched', async () => {
    const browser = await launchChromium({ server, timeZone });
    try {
      const page = await browser.context.newPage();
      for (const url of FLAGGED_URLS) {
        await page.goto(url);
        expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'the browser did not take TZ from the harness').toBe(timeZone);
        const report = await browser.pageReport(page);
        expect(report?.action, `content script action on ${url}`).toBe(covered ? 'warned' : 'not-covered');
        if (covered) await waitUntil(`a notice on ${url}`, () => readKbanState(page), (state) => state.notices.length > 0, 5_000).catch(() => undefined);
        else await quietPeriod(200, 'a (wrong) change to the page would be in by now');
        const state = await readKbanState(page);
        if (covered) expect(state.notices.map((notice) => notice.verdict), `no notice on ${url}`).toHaveLength(1);
        else expect(state.touched, `a user in ${timeZone} is not covered, but ${url} was changed`).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});
