// @vitest-environment happy-dom
import { waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageReport } from '@/components/core/messages';
import { PAGE_CHECK_API_KEY } from '@/components/core/site-rules/find-rule';
import { mountPopup } from '@/entrypoints/popup/main';
import { formatLocale } from '@/components/platform/i18n';
import { queryPage, targetTabId } from '@/entrypoints/popup/state';
import { getMessage, plainText } from '../../components/ui/i18n';

const REPORT: PageReport = {
  url: 'https://www.amazon.com/dp/B0BHVJ4QT3',
  classification: { verdict: 'purchase', ruleId: 'amazon', product: 'Kaspersky Premium', reasons: ['site:amazon', 'subject:product-title', 'brand:kaspersky'] },
  action: 'warned',
  items: 0,
};

let root: HTMLElement;
let unmount: (() => void) | undefined;

function useLocale(locale: 'en' | 'es') {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage(locale, key, subs)) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
}

beforeEach(async () => {
  fakeBrowser.reset();
  useLocale('en');
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  unmount?.();
  unmount = undefined;
  root.remove();
  vi.restoreAllMocks();
});

/** Opens a tab in a focused window (the fake browser starts with none focused). */
async function openTab(url: string) {
  const window = await fakeBrowser.windows.create({ focused: true });
  return fakeBrowser.tabs.create({ url, windowId: window!.id, active: true });
}

const NOW = () => new Date('2026-11-25T12:00:00Z');

/**
 * The tab's page check as the popup reaches it: executeScript runs the popup's own function here, in a
 * world where a page check offers its report under its key, one answer per call (the last repeats).
 * null: the frame has no page check.
 */
function pageCheckReports(...reports: Array<PageReport | undefined | null>) {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(PAGE_CHECK_API_KEY);
  let call = 0;
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockClear().mockImplementation((async ({ func, args }: { func: (...values: unknown[]) => unknown; args: unknown[] }) => {
    const report = reports[Math.min(call++, reports.length - 1)];
    if (report !== null) scope[key] = { report: () => report, recheck: () => {} };
    try {
      return [{ frameId: 0, documentId: 'd', result: func(...args) }];
    } finally {
      delete scope[key];
    }
  }) as never);
}

/** A tab kban may not script (a browser page, a site outside its list). */
function notScriptable() {
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'));
}

describe('popup entrypoint', () => {
  it('asks the active tab for its report and explains it', async () => {
    const tab = await openTab('https://www.amazon.com/dp/B0BHVJ4QT3');
    const run = pageCheckReports(REPORT);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/Chicago' });
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: tab.id, frameIds: [0] } }));
    await waitFor(() => expect(plainText(root)).toContain('Kaspersky Premium on Amazon, a product page'));
    expect(plainText(root)).toContain('How kban decided: the product title names Kaspersky and the brand is Kaspersky.');
    expect(plainText(root)).toContain('Updates have been prohibited for 2 years and 1 month.');
    expect(plainText(root)).toContain('You appear to be in the US (your time zone is America/Chicago)');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('kban: Kaspersky and the US ban');
  });

  it('asks the tab named in ?tab= (opened from the notice), not the active one', async () => {
    await openTab('chrome-extension://x/popup.html');
    const run = pageCheckReports(REPORT);
    expect(await targetTabId('?tab=42')).toBe(42);
    unmount = await mountPopup(root, { search: '?tab=42', now: NOW });
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 42, frameIds: [0] } }));
    expect(root.querySelector('.popup.standalone'), 'opened as a tab: the wide layout').not.toBeNull();
  });

  it("says it can't see a page without a content script", async () => {
    await openTab('chrome://extensions/');
    notScriptable();
    unmount = await mountPopup(root, { search: '', now: NOW });
    await waitFor(() => expect(plainText(root)).toContain("kban can't see this page"));
  });

  it('on a listed site whose page names no Kaspersky product (nothing beyond the first stage ran), says it checked and left it alone', async () => {
    await openTab('https://www.amazon.com/Norton-360-Deluxe/dp/B0C7S1X2LN');
    pageCheckReports(null);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'kban', version: '1', content_scripts: [{ matches: ['*://*.amazon.com/*', '*://*.ebay.com/*'], js: ['first-stage.js'] }] });
    unmount = await mountPopup(root, { search: '', now: NOW });
    await waitFor(() => expect(root.querySelector('[data-page-state="quiet"]')).not.toBeNull());
    expect(plainText(root)).toContain('Nothing to flag on this page');
    expect(plainText(root)).not.toContain("kban can't see this page");
  });

  it('asks again while the page check has no report yet, then shows it; gives up at once where there is no page check', async () => {
    const run = pageCheckReports(undefined, REPORT);
    expect(await queryPage(7, 4, 1)).toEqual({ status: 'ready', report: REPORT });
    expect(run).toHaveBeenCalledTimes(2);
    pageCheckReports(undefined);
    expect(await queryPage(7, 3, 1)).toEqual({ status: 'unavailable' });
    const none = pageCheckReports(null);
    expect(await queryPage(7, 3, 1)).toEqual({ status: 'unavailable' });
    expect(none, 'no page check: nothing to wait for').toHaveBeenCalledTimes(1);
    notScriptable();
    expect(await queryPage(7, 3, 1)).toEqual({ status: 'unavailable' });
    expect(await queryPage(undefined)).toEqual({ status: 'unavailable' });
  });

  it('shows the region the user set and the organization message from policy, and follows changes live', async () => {
    await openTab('https://example.com/');
    pageCheckReports(null);
    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'us-person-abroad', notices: true, dismissedSites: [], searchResults: false } });
    await fakeBrowser.storage.managed.set({ organizationName: 'ACME Corp', supportMessage: 'Use ACME Shield.', supportUrl: 'https://it.acme.example/' });
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'Europe/Berlin' });
    expect(plainText(root)).toContain("You said you're a US citizen, permanent resident or US company outside the US");
    await waitFor(() => expect(plainText(root)).toContain('From ACME Corp'));
    expect(plainText(root)).toContain('Use ACME Shield.');

    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'non-us', notices: true, dismissedSites: [], searchResults: false } });
    await waitFor(() => expect(plainText(root)).toContain("You said you're outside the US and not a US person"));
    await fakeBrowser.storage.managed.set({ region: 'us' });
    await waitFor(() => expect(plainText(root)).toContain('Your organization set kban to treat you as covered by the ban'));
  });

  it('draws at once while managed storage is slow, from the policy the background last validated, then fills in the live policy', async () => {
    await openTab('https://example.com/');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((() => new Promise(() => {})) as never);
    await fakeBrowser.storage.local.set({
      pageContext: { timeZone: 'Europe/Berlin', zone: 'non-us', dates: { noNewSales: 'July 20, 2024', noUpdates: 'September 29, 2024' }, policy: { organizationName: 'ACME Corp' } },
    });
    let answer: (value: Record<string, unknown>) => void = () => {};
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation((() => new Promise(resolve => (answer = resolve))) as never);
    void mountPopup(root, { search: '', now: NOW, timeZone: 'Europe/Berlin' }).then(cleanup => (unmount = cleanup));
    await waitFor(() => expect(root.querySelector('[data-testid="page-section"]'), 'drawn before managed storage answers').not.toBeNull());
    expect(plainText(root)).toContain('Checking this page…');
    expect(plainText(root), 'the cached policy is used for the first draw').toContain('From ACME Corp');
    answer({ organizationName: 'ACME Corp', region: 'us' });
    await waitFor(() => expect(plainText(root)).toContain('Your organization set kban to treat you as covered by the ban'));
  });

  it('opens the options page from "Change region"', async () => {
    await openTab('https://example.com/');
    pageCheckReports(null);
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined as never);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/New_York' });
    root.querySelector<HTMLButtonElement>('[data-testid="region-status"] button')!.click();
    expect(open).toHaveBeenCalledOnce();
  });

  it('is Spanish with a Spanish browser', async () => {
    useLocale('es');
    await openTab('https://www.amazon.com/dp/B0BHVJ4QT3');
    pageCheckReports(REPORT);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/New_York' });
    await waitFor(() => expect(plainText(root)).toContain('Página de Kaspersky Premium en Amazon'));
    expect(plainText(root)).toContain('Cómo lo decidió kban: el título del producto nombra a Kaspersky y la marca es Kaspersky.');
    expect(plainText(root)).toContain('Las actualizaciones llevan 2 años y 1 mes prohibidas.');
    expect(document.documentElement.lang).toBe('es');
  });
});

describe('formatLocale', () => {
  it.each([
    ['en', 'en-US', 'en-US'],
    ['en', 'en-GB', 'en-GB'],
    ['es', 'es', 'es'],
    ['es', 'es-419', 'es-419'],
    ['es', 'en-US', 'es'],
    ['en', 'de', 'en'],
    ['en', 'en_GB', 'en-GB'],
    ['popup_locale', 'fr', 'en'],
  ])('messages in %s, browser UI %s → %s', (messages, ui, expected) => {
    expect(formatLocale(messages, ui), 'dates must be in the language of the text around them').toBe(expected);
  });

  it('gives Spanish dates with Spanish messages even when the browser reports an English UI language', async () => {
    useLocale('es');
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('en-US');
    await openTab('https://www.amazon.com/dp/B0BHVJ4QT3');
    pageCheckReports(REPORT);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/New_York' });
    await waitFor(() => expect(plainText(root)).toContain('el título del producto nombra a Kaspersky'));
    expect(plainText(root)).toContain('29 de septiembre de 2024');
    expect(document.documentElement.lang).toBe('es');
  });
});
