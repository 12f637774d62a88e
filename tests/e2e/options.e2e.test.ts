/**
 * The options page of the built extension in Chromium: settings save at once and apply live,
 * dismissed sites can be undone, the wrong-verdict report is only a prefilled link, policy locks
 * controls, axe finds nothing in light and dark, it reflows, and it is Spanish with a Spanish browser.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_ISSUE_URL } from '@/components/core/ban/report-issue';
import type { browser as extensionApi } from '@wxt-dev/browser';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { createPolicyFiles, describeAsRoot, IS_ROOT, NOT_ROOT_MESSAGE } from './harness/policy';
import { clickInNotice } from './harness/page-state';
import { axeViolations } from './popup-window';

/** The `chrome` global of the extension's service worker, for code passed to `worker.evaluate`. */
declare const chrome: typeof extensionApi;

const AMAZON = 'https://www.amazon.com/Kaspersky-Premium-Protection-Antivirus-Password/dp/B0BHVJ4QT3';

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});

afterAll(async () => {
  await server?.close();
});

async function settings(browser: ChromiumSession): Promise<Record<string, unknown>> {
  return ((await browser.storage('local')).settings ?? {}) as Record<string, unknown>;
}

async function openOptions(browser: ChromiumSession): Promise<Page> {
  const page = await browser.openExtensionPage('options.html');
  await page.locator('[data-testid="region-setting"]').waitFor();
  return page;
}

describe('options page in English', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium({ server });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves the region and notices at once, and the notice follows them', async () => {
    const options = await openOptions(browser);
    expect(await options.title()).toBe('kban settings');
    expect(await options.getByRole('radio', { name: /Decide from my time zone/ }).isChecked()).toBe(true);
    await expect.poll(() => options.locator('[data-testid="region-setting"]').innerText()).toContain('(now: you appear to be in the US)');

    await options.getByRole('radio', { name: /Neither/ }).check();
    await expect.poll(async () => (await settings(browser)).region).toBe('non-us');

    // Not covered: the flagged page gets no notice.
    const shop = await browser.context.newPage();
    await shop.goto(AMAZON);
    expect((await browser.pageReport(shop))?.action).toBe('not-covered');

    await options.bringToFront();
    await options.getByRole('radio', { name: /I'm in the US/ }).check();
    await expect.poll(async () => (await settings(browser)).region).toBe('us');
    await options.getByRole('checkbox', { name: /Show a notice/ }).uncheck();
    await expect.poll(async () => (await settings(browser)).notices).toBe(false);
    await shop.reload();
    expect((await browser.pageReport(shop))?.action).toBe('off');

    await options.bringToFront();
    await options.getByRole('checkbox', { name: /Show a notice/ }).check();
    await expect.poll(async () => (await settings(browser)).notices).toBe(true);
    await shop.reload();
    expect((await browser.pageReport(shop))?.action).toBe('warned');
    await shop.close();
    await options.close();
  });

  it('a page already open follows a change of region without a reload', async () => {
    const shop = await browser.context.newPage();
    await shop.goto(AMAZON);
    expect((await browser.pageReport(shop))?.action).toBe('warned');
    const options = await openOptions(browser);
    const region = options.locator('[data-testid="region-setting"]');
    const before = await region.getByRole('radio', { checked: true }).getAttribute('value');
    await region.getByRole('radio', { name: /Neither/ }).check();
    // The background has the open page check again (recheckPages): its notice goes.
    await expect.poll(async () => (await browser.pageReport(shop))?.action).toBe('not-covered');
    await expect.poll(() => shop.locator('[data-kban-verdict]').count()).toBe(0);
    await region.locator(`input[value="${before}"]`).check();
    await expect.poll(async () => (await browser.pageReport(shop))?.action).toBe('warned');
    await expect.poll(() => shop.locator('[data-kban-verdict]').count()).toBe(1);
    await shop.close();
    await options.close();
  });

  it('lists a site dismissed in the notice, live, and undoes it', async () => {
    const options = await openOptions(browser);
    expect(await options.locator('[data-testid="dismissed-sites"]').innerText()).toContain("You haven't dismissed the notice on any site.");

    const shop = await browser.context.newPage();
    await shop.goto(AMAZON);
    await browser.pageReport(shop);
    await clickInNotice(shop, 'button[aria-label="Dismiss on this site"]');
    await expect.poll(async () => (await settings(browser)).dismissedSites).toEqual(['www.amazon.com']);

    await options.bringToFront();
    await expect.poll(() => options.locator('[data-testid="dismissed-sites"] .host').allInnerTexts()).toEqual(['www.amazon.com']);
    await options.getByRole('button', { name: 'Undo: show notices on www.amazon.com again' }).click();
    await expect.poll(async () => (await settings(browser)).dismissedSites).toEqual([]);
    await shop.reload();
    expect((await browser.pageReport(shop))?.action).toBe('warned');
    await shop.close();
    await options.close();
  });

  it('builds a prefilled wrong-verdict report and sends nothing by itself', async () => {
    const options = await openOptions(browser);
    const before = server.requests.length;
    await options.getByLabel('Page address').fill('https://www.amazon.com/dp/B0BHVJ4QT3?ref=private');
    await options.getByLabel('What is the page?').selectOption('download');
    await options.getByLabel('Anything else (optional)').fill('It is the download edition.');
    const link = options.getByTestId('report-link');
    const href = new URL((await link.getAttribute('href'))!);
    expect(`${href.origin}${href.pathname}`).toBe(REPORT_ISSUE_URL);
    expect(href.searchParams.get('body')).toContain('Page: https://www.amazon.com/dp/B0BHVJ4QT3\n');
    expect(href.searchParams.get('body')).toContain('It should be: download');
    expect(href.searchParams.get('body')).not.toContain('private');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(server.requests.slice(before), 'filling the form must not send anything').toEqual([]);
    await options.close();
  });

  it('has no axe violations in light and dark, and reflows at 320px', async () => {
    await browser.worker!.evaluate(() => chrome.storage.local.set({ settings: { version: 1, region: 'us', notices: true, dismissedSites: ['www.amazon.com'], searchResults: false } }));
    const options = await openOptions(browser);
    await options.locator('.host').waitFor();
    expect(await axeViolations(options), 'light').toEqual([]);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await options.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(23, 24, 27)');
    expect(await axeViolations(options), 'dark').toEqual([]);
    await options.setViewportSize({ width: 320, height: 800 });
    expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await options.close();
  });
});

describe('options page just after the browser starts', () => {
  it('shows a change made while it first loads (its first read can wait seconds for managed storage)', async () => {
    const browser = await launchChromium({ server });
    try {
      const options = await browser.openExtensionPage('options.html');
      await browser.worker!.evaluate(() =>
        chrome.storage.local.set({ settings: { version: 1, region: 'auto', notices: true, dismissedSites: ['www.newegg.com'], searchResults: false } }),
      );
      await expect
        .poll(() => options.locator('[data-testid="dismissed-sites"] .host').allInnerTexts(), { timeout: 10_000, message: 'the change made during the first draw was lost' })
        .toEqual(['www.newegg.com']);
    } finally {
      await browser.close();
    }
  });
});

describeAsRoot('options page locked by policy', () => {
  const policies = createPolicyFiles();
  let browser: ChromiumSession;
  beforeAll(async () => {
    policies.writeChromium('options-e2e', {
      '3rdparty': { extensions: { nnlcbcdhgclnjnneohgonnciomnldjmb: { region: 'us', enforcement: 'block', organizationName: 'ACME Corp', supportUrl: 'ftp://it.acme.example/' } } },
    });
    browser = await launchChromium({ server });
  });
  afterAll(async () => {
    await browser?.close();
    policies.restore();
  });

  it('shows locked controls "Set by your organization" and the policy problems', async () => {
    const options = await browser.openExtensionPage('options.html');
    // Managed storage fills a few seconds after start-up; the page follows it live.
    await expect.poll(() => options.getByRole('radio', { name: /I'm in the US/ }).isDisabled(), { timeout: 15_000 }).toBe(true);
    expect(await options.getByRole('radio', { name: /I'm in the US/ }).isChecked()).toBe(true);
    expect(await options.getByRole('checkbox', { name: /Show a notice/ }).isDisabled()).toBe(true);
    expect(await options.locator('[data-testid="locked"]').first().innerText()).toContain('Set by your organization');
    expect(await options.locator('[data-testid="managed-note"]').innerText()).toBe('Some settings are managed by ACME Corp.');
    // Chrome drops keys the schema doesn't know; kban's own checks catch what the schema lets through.
    expect(await options.locator('[data-testid="policy-problems"]').innerText()).toContain('"supportUrl" was ignored: it must be an http or https address.');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});

describe('options page in Spanish', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium({ server, locale: 'es' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is Spanish with a Spanish browser', async () => {
    const options = await openOptions(browser);
    expect(await options.title()).toBe('Configuración de kban');
    const text = await options.locator('body').innerText();
    for (const phrase of ['Su región', 'Decidir según mi zona horaria', 'Avisos', 'Sitios donde ocultó el aviso', 'Informar de un resultado erróneo']) {
      expect(text, `Spanish options page: "${phrase}"`).toContain(phrase);
    }
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('es');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });
});
