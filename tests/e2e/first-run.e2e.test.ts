/**
 * Right after install and right after browser start (issue 12): the welcome page opens by itself,
 * says what kban does, doesn't do and sends, and asks the one question the time zone can't answer;
 * the popup draws at once instead of waiting seconds for managed storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from '@wxt-dev/browser';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { sleep } from './harness/page-state';
import { axeViolations } from './popup-window';

declare const chrome: typeof extensionApi;

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer([]);
});

afterAll(async () => {
  await server?.close();
});

/** The welcome tab the extension opened itself after install. */
async function welcomePage(browser: ChromiumSession): Promise<Page> {
  const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
  // First run polls managed storage for a few seconds (late policy can suppress it) before opening the tab.
  return browser.context.pages().find(isWelcome) ?? (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
}

describe('welcome page (Chromium, a time zone outside the US)', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium({ server, timeZone: 'Europe/Madrid' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens on install, says what kban does and does not do, and that it sends nothing', async () => {
    const page = await welcomePage(browser);
    await page.locator('[data-testid="welcome-points"]').waitFor();
    expect(await page.title()).toBe('Welcome to kban');
    const points = await page.locator('[data-testid="welcome-points"] li').allInnerTexts();
    expect(points).toHaveLength(3);
    expect(points[0]).toContain('puts a notice on Kaspersky purchase and download pages');
    expect(points[1]).toContain("can't see inside apps or desktop programs");
    expect(points[2]).toContain('It sends nothing anywhere');
    expect(await page.locator('[data-testid="welcome-question"]').innerText()).toContain('Your time zone (Europe/Madrid) is outside the US');
  });

  it('saves "yes, I am a US person abroad" as the region, and has no axe violations in light and dark', async () => {
    const page = await welcomePage(browser);
    await page.getByRole('radio', { name: /Yes: show me notices wherever I am/ }).check();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Saved.');
    const stored = await browser.worker!.evaluate(() => chrome.storage.local.get('settings'));
    expect((stored.settings as { region: string }).region).toBe('us-person-abroad');
    expect(await axeViolations(page), 'axe, light').toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page), 'axe, dark').toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'no sideways scrolling at 360 px').toBeLessThanOrEqual(360);
  });
});

describe('popup right after browser start (Chromium)', () => {
  it('draws before managed storage answers (within 300 ms on an idle machine)', async () => {
    const browser = await launchChromium({ server });
    try {
      const page = await browser.context.newPage();
      // Runs in the popup page before its own scripts: when did "This page" first appear, and when did managed storage answer?
      await page.addInitScript(() => {
        const marks = ((window as unknown as { __kban: Record<string, number> }).__kban = {} as Record<string, number>);
        new MutationObserver((_records, observer) => {
          if (document.querySelector('[data-testid="page-section"]')) {
            marks.drawn = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
        void (globalThis as unknown as { chrome: typeof extensionApi }).chrome.storage.managed.get().then(
          () => (marks.managed = performance.now()),
          () => (marks.managed = performance.now()),
        );
      });
      await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await page.locator('[data-testid="page-section"]').waitFor();
      const deadline = Date.now() + 10_000;
      let marks: Record<string, number> = {};
      while (Date.now() < deadline) {
        marks = await page.evaluate(() => (window as unknown as { __kban: Record<string, number> }).__kban);
        if (marks.managed !== undefined) break;
        await sleep(100);
      }
      console.log(`popup drawn after ${marks.drawn?.toFixed(0)} ms; managed storage answered after ${marks.managed?.toFixed(0)} ms`);
      // What the popup must never do is wait for managed storage: it draws from storage.local first, well before
      // managed storage answers. On an idle machine that is within 300 ms (219 ms measured); under load the whole
      // page is slower (692 ms seen beside a second browser), so the test holds what does not depend on the
      // machine: drawn at least a second before managed storage answered.
      expect(marks.managed, 'managed storage answered (the scenario needs it slow but alive)').toBeDefined();
      expect(marks.drawn, `the popup drew ${marks.drawn?.toFixed(0)} ms after it started loading, managed storage answered after ${marks.managed?.toFixed(0)} ms`).toBeLessThan(marks.managed! - 1000);
    } finally {
      await browser.close();
    }
  });
});

describe('welcome page (Firefox)', () => {
  it('opens on install, in its own tab', async () => {
    const firefox = await launchFirefox({ server });
    try {
      const deadline = Date.now() + 15_000;
      let found = '';
      while (!found && Date.now() < deadline) {
        // BiDi never reports moz-extension:// navigations done, so ask each tab where it is.
        for (const page of await firefox.browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.endsWith('/welcome.html')) found = href;
        }
        if (!found) await sleep(200);
      }
      expect(found, `Firefox opened the welcome page after the temporary install `).toMatch(/^moz-extension:\/\/.+\/welcome\.html$/);
    } finally {
      await firefox.close();
    }
  });
});
