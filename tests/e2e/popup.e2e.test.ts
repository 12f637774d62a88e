/**
 * The popup of the built extension in Chromium: the real toolbar popup (opened with
 * chrome.action.openPopup) on a flagged page and on a page kban cannot see, the Details page
 * (popup.html?tab=<id>), the toolbar badge, axe in light and dark, reflow, and Spanish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_FIXTURES } from '../fixtures/pages/index';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { startFixtureServer, type FixtureServer } from './harness/fixture-server';
import { badgeText, axeViolations, openToolbarPopup, tabIdOf } from './popup-window';

const AMAZON = 'https://www.amazon.com/Kaspersky-Premium-Protection-Antivirus-Password/dp/B0BHVJ4QT3';
const OUTSIDE = 'https://www.example.com/';
/** A product page of a listed site that names no Kaspersky product: only the first stage runs there. */
const NORTON = PAGE_FIXTURES.find((fixture) => fixture.file === 'www.amazon.com/norton-360-deluxe.html')!.url;

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  server.route(OUTSIDE, { body: '<!doctype html><html lang="en"><title>Example</title><h1>Example</h1></html>', type: 'text/html' });
});

afterAll(async () => {
  await server?.close();
});

/** Visible text (closed <details> left out) and all text of the popup. */
const TEXTS = `({ visible: document.body.innerText, all: document.body.textContent })`;

describe('popup in English (New York time zone)', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium({ server });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('explains the flagged page in the toolbar popup, with the ban facts, and badges the toolbar icon', async () => {
    const page = await browser.context.newPage();
    await page.goto(AMAZON);
    expect((await browser.pageReport(page))?.classification.verdict).toBe('purchase');
    expect(await badgeText(browser, await tabIdOf(browser, page)), 'the toolbar badge shows the verdict').toBe('!');

    const popup = await openToolbarPopup(browser);
    try {
      const { visible, all } = await popup.evaluate<{ visible: string; all: string }>(TEXTS);
      const seen = visible.replace(/\s+/gu, ' ');
      for (const text of [
        'Kaspersky purchase page',
        'Kaspersky Premium',
        'on Amazon, a product page',
        'A notice is shown on the page.',
        'What this means for you',
        "If you're in the US or a US person, Kaspersky software can't legally be sold to you or updated for you",
        'Am I breaking the law if I buy it?',
        'it has not addressed new purchases',
        'How kban decided:',
        'the product title names Kaspersky',
        'You appear to be in the US (your time zone is America/New_York), so kban shows notices.',
        'Updates have been prohibited for',
        'June 20, 2024',
        'July 20, 2024, 12:00 AM EDT (04:00 UTC)',
        'September 29, 2024, 12:00 AM EDT (04:00 UTC)',
        'Bureau of Industry and Security (BIS)',
        'US persons anywhere',
        'no legal penalty under the Final Determination for continuing to use existing Kaspersky software',
        'General information, not legal advice.',
      ]) {
        expect(seen, `visible in the popup: "${text}"`).toContain(text);
      }
      // The shopper's order: what it means comes right under the verdict, before the evidence and the region.
      const at = (text: string) => seen.indexOf(text);
      expect(at('What this means for you'), 'meaning after the verdict').toBeGreaterThan(at('Kaspersky purchase page'));
      expect(at('How kban decided:'), 'evidence after the meaning').toBeGreaterThan(at('Am I breaking the law if I buy it?'));
      expect(at('You appear to be in the US'), 'region after the page').toBeGreaterThan(at('How kban decided:'));
      expect(seen, 'never that the ban binds the reader').not.toMatch(/The ban applies to you/);
      const every = all.replace(/\s+/gu, ' ');
      for (const text of ['Threat Intelligence products and services', 'Security Training products and services', 'Microsoft Defender is built into Windows', 'UltraAV', 'iPhone and iPad', 'removed from Google Play worldwide']) {
        expect(every, `in the popup (expandable section): "${text}"`).toContain(text);
      }
      expect(await popup.evaluate<number>(`document.querySelectorAll('details').length`), 'sections that expand').toBe(3);
      expect(await popup.evaluate<number>(`document.documentElement.scrollWidth`), 'the popup is about 380px wide').toBeLessThanOrEqual(420);
      expect(await popup.axe(), 'axe in the light theme').toEqual([]);
      await popup.setColorScheme('dark');
      expect(await popup.evaluate<string>(`getComputedStyle(document.body).backgroundColor`), 'dark theme follows the system').toBe('rgb(23, 24, 27)');
      expect(await popup.axe(), 'axe in the dark theme').toEqual([]);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('marks an exempt service with a check badge and says why in the popup', async () => {
    const exempt = PAGE_FIXTURES.find(fixture => fixture.expect === 'exempt' && fixture.product);
    expect(exempt, 'tests/fixtures/pages needs an exempt page with a product name').toBeDefined();
    const page = await browser.context.newPage();
    await page.goto(exempt!.url);
    expect((await browser.pageReport(page))?.classification.verdict).toBe('exempt');
    expect(await badgeText(browser, await tabIdOf(browser, page))).toBe('✓');
    const popup = await openToolbarPopup(browser);
    try {
      const { visible } = await popup.evaluate<{ visible: string }>(TEXTS);
      expect(visible).toContain('Exempt Kaspersky service');
      expect(visible).toContain(exempt!.product!);
      expect(visible).toContain('an exempt service');
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it("says it can't see a page outside its list, and shows no badge there", async () => {
    const page = await browser.context.newPage();
    await page.goto(OUTSIDE);
    expect(await badgeText(browser, await tabIdOf(browser, page))).toBe('');
    const popup = await openToolbarPopup(browser);
    try {
      const { visible } = await popup.evaluate<{ visible: string }>(TEXTS);
      expect(visible).toContain("kban can't see this page");
      expect(visible).toContain('Updates have been prohibited for');
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('on a listed site\'s page that names no Kaspersky product, says kban checked it and left it alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(NORTON);
    const popup = await openToolbarPopup(browser, page);
    try {
      const { visible } = await popup.evaluate<{ visible: string }>(TEXTS);
      expect(visible).toContain('Nothing to flag on this page');
      expect(visible).not.toContain("kban can't see this page");
      expect(await page.evaluate(() => document.querySelector('kban-notice')), 'the page is left untouched').toBeNull();
    } finally {
      await popup.close();
      await page.close();
    }
  });

  it('opens as a full page for the tab from the notice (popup.html?tab=<id>), every section expanded', async () => {
    const page = await browser.context.newPage();
    await page.goto(AMAZON);
    await browser.pageReport(page);
    const tabId = await tabIdOf(browser, page);
    const details = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    try {
      await details.locator('[data-page-state="ready"]').waitFor();
      await expect.poll(() => details.locator('[data-testid="page-summary"]').innerText()).toContain('on Amazon, a product page');
      expect(await details.locator('details[open]').count()).toBe(3);
      await expect.poll(() => details.getByText('Microsoft Defender is built into Windows', { exact: false }).isVisible()).toBe(true);
      expect(await details.title()).toBe('kban: Kaspersky and the US ban');
      expect(await axeViolations(details)).toEqual([]);

      // Reflow: no sideways scrolling at 320 CSS px (what 400% zoom leaves of a 1280px window).
      await details.setViewportSize({ width: 320, height: 700 });
      expect(await details.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    } finally {
      await details.close();
      await page.close();
    }
  });

  it('is keyboard-operable: Tab reaches the links and the expandable sections, with a visible focus ring', async () => {
    const page = await browser.openExtensionPage('popup.html');
    try {
      await page.locator('[data-page-state]').waitFor();
      // One full cycle of Tab stops, until focus leaves the page (body).
      const stops: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return el === document.body ? '' : `${el.localName}:${getComputedStyle(el).outlineStyle}`;
        });
        if (!stop) break;
        stops.push(stop);
      }
      expect(stops.filter(stop => stop.startsWith('summary:')).length, `focus stops: ${stops.join(' ')}`).toBe(3);
      expect(stops.filter(stop => stop.startsWith('a:')).length, 'the report link and the two sources').toBeGreaterThanOrEqual(2);
      expect(stops.every(stop => !stop.endsWith(':none')), `every focused element has an outline: ${stops.join(' ')}`).toBe(true);
      // Enter on a focused summary expands its section.
      await page.locator('summary').nth(1).focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('details').nth(1).evaluate(d => (d as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('popup in Spanish', () => {
  let browser: ChromiumSession;
  beforeAll(async () => {
    browser = await launchChromium({ server, locale: 'es' });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows everything in Spanish with Spanish dates', async () => {
    const page = await browser.context.newPage();
    await page.goto(AMAZON);
    await browser.pageReport(page);
    const popup = await openToolbarPopup(browser);
    try {
      const { visible } = await popup.evaluate<{ visible: string }>(TEXTS);
      const seen = visible.replace(/\s+/gu, ' ');
      for (const text of [
        'Esta página',
        'Página de Kaspersky Premium',
        'en Amazon',
        'Qué significa para usted',
        '¿Infrinjo la ley si lo compro?',
        'Parece que está en EE. UU. (su zona horaria es America/New_York)',
        'Las actualizaciones llevan',
        '29 de septiembre de 2024, 0:00 EDT',
        'no conlleva sanciones legales según la Determinación Final',
        'Información general, no asesoramiento jurídico.',
      ]) {
        expect(seen, `visible in the Spanish popup: "${text}"`).toContain(text);
      }
      expect(seen, 'no English left').not.toMatch(/Updates have been|What this means|General information/);
      expect(await popup.evaluate<string>('document.documentElement.lang')).toBe('es');
      expect(await popup.axe()).toEqual([]);
    } finally {
      await popup.close();
      await page.close();
    }
  });
});

describe('popup and options in Firefox', () => {
  it('render with the ban facts, and the popup says it cannot see its own tab', async () => {
    const browser = await launchFirefox({ server });
    try {
      const popup = await browser.openExtensionPage('popup.html');
      await popup.waitForFunction(() => !!document.querySelector('[data-page-state]'), { timeout: 10_000 });
      const text = (await popup.evaluate(() => document.body.innerText)).replace(/\s+/gu, ' ');
      expect(text).toContain("kban can't see this page");
      expect(text).toContain('Updates have been prohibited for');
      expect(text).toContain('September 29, 2024, 12:00 AM EDT (04:00 UTC)');
      expect(text).toContain('no legal penalty under the Final Determination for continuing to use existing Kaspersky software');

      const options = await browser.openExtensionPage('options.html');
      await options.waitForFunction(() => !!document.querySelector('[data-testid="region-setting"]'), { timeout: 10_000 });
      expect(await options.evaluate(() => document.title)).toBe('kban settings');
    } finally {
      await browser.close();
    }
  });
});
