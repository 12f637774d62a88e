// @vitest-environment happy-dom
import { waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageReport } from '@/components/core/messages';
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

describe('popup entrypoint', () => {
  it('asks the active tab for its report and explains it', async () => {
    const tab = await openTab('https://www.amazon.com/dp/B0BHVJ4QT3');
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(REPORT as never);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/Chicago' });
    expect(send).toHaveBeenCalledWith(tab.id, { type: 'kban:get-page' });
    await waitFor(() => expect(plainText(root)).toContain('Amazon product page for Kaspersky Premium: product title and brand'));
    expect(plainText(root)).toContain('Updates ended 2 years and 1 month ago.');
    expect(plainText(root)).toContain('In the US, decided by your time zone.');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('kban: Kaspersky and the US ban');
  });

  it('asks the tab named in ?tab= (opened from the notice), not the active one', async () => {
    await openTab('chrome-extension://x/popup.html');
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(REPORT as never);
    expect(await targetTabId('?tab=42')).toBe(42);
    unmount = await mountPopup(root, { search: '?tab=42', now: NOW });
    expect(send).toHaveBeenCalledWith(42, { type: 'kban:get-page' });
    expect(root.querySelector('.popup.standalone'), 'opened as a tab: the wide layout').not.toBeNull();
  });

  it("says it can't see a page without a content script", async () => {
    await openTab('chrome://extensions/');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    unmount = await mountPopup(root, { search: '', now: NOW });
    await waitFor(() => expect(plainText(root)).toContain("kban can't see this page"));
  });

  it('asks again while the content script has no answer yet, then shows it', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValueOnce(undefined as never)
      .mockResolvedValueOnce(REPORT as never);
    expect(await queryPage(7, 4, 1)).toEqual({ status: 'ready', report: REPORT });
    expect(send).toHaveBeenCalledTimes(2);
    send.mockResolvedValue(undefined as never);
    expect(await queryPage(7, 3, 1)).toEqual({ status: 'unavailable' });
    expect(await queryPage(undefined)).toEqual({ status: 'unavailable' });
  });

  it('shows the region the user set and the organization message from policy, and follows changes live', async () => {
    await openTab('https://example.com/');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'us-person-abroad', notices: true, dismissedSites: [], searchResults: false } });
    await fakeBrowser.storage.managed.set({ organizationName: 'ACME Corp', supportMessage: 'Use ACME Shield.', supportUrl: 'https://it.acme.example/' });
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'Europe/Berlin' });
    expect(plainText(root)).toContain('US person outside the US, set by you.');
    expect(plainText(root)).toContain('From ACME Corp');
    expect(plainText(root)).toContain('Use ACME Shield.');

    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'non-us', notices: true, dismissedSites: [], searchResults: false } });
    await waitFor(() => expect(plainText(root)).toContain('Not in the US and not a US person, set by you.'));
    await fakeBrowser.storage.managed.set({ region: 'us' });
    await waitFor(() => expect(plainText(root)).toContain('In the US, set by your organization.'));
  });

  it('opens the options page from "Change region"', async () => {
    await openTab('https://example.com/');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('no receiver'));
    const open = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined as never);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/New_York' });
    root.querySelector<HTMLButtonElement>('[data-testid="region-status"] button')!.click();
    expect(open).toHaveBeenCalledOnce();
  });

  it('is Spanish with a Spanish browser', async () => {
    useLocale('es');
    await openTab('https://www.amazon.com/dp/B0BHVJ4QT3');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(REPORT as never);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/New_York' });
    await waitFor(() => expect(plainText(root)).toContain('Página de producto de Amazon para Kaspersky Premium: título del producto y marca'));
    expect(plainText(root)).toContain('Las actualizaciones terminaron hace 2 años y 1 mes.');
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
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(REPORT as never);
    unmount = await mountPopup(root, { search: '', now: NOW, timeZone: 'America/New_York' });
    await waitFor(() => expect(plainText(root)).toContain('título del producto y marca'));
    expect(plainText(root)).toContain('29 de septiembre de 2024');
    expect(document.documentElement.lang).toBe('es');
  });
});
