// @vitest-environment happy-dom
/**
 * The options page's search-results toggle: turning it on asks for the search sites in the click
 * itself and saves the setting only when the user allows; off saves and gives the access back;
 * a policy lock shows the state, and "on by policy, not granted" offers the request button.
 */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SEARCH_MATCHES } from '@/components/core/search/search-engines';
import { mountOptions } from '@/entrypoints/options/main';
import { getMessage } from '../../components/ui/i18n';

let root: HTMLElement;
let unmount: (() => void) | undefined;
let granted: boolean;

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
const toggle = () => screen.getByRole('checkbox', { name: /Mark Kaspersky store and download results/ }) as HTMLInputElement;

beforeEach(() => {
  fakeBrowser.reset();
  granted = false;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage('en', key, subs)) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en');
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => granted);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async () => ((granted = false), true));
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  unmount?.();
  unmount = undefined;
  root.remove();
  vi.restoreAllMocks();
});

describe('search results setting', () => {
  it('explains what granting means', async () => {
    unmount = await mountOptions(root, 'America/New_York');
    const section = screen.getByTestId('search-setting');
    for (const host of ['www.google.com', 'www.bing.com', 'duckduckgo.com', 'html.duckduckgo.com']) expect(section.textContent).toContain(host);
    expect(section.textContent).toMatch(/sends nothing anywhere/);
    expect(toggle().checked).toBe(false);
  });

  it('asks for the sites in the click and turns on only when allowed', async () => {
    let resolve!: (allowed: boolean) => void;
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(() => new Promise<boolean>((done) => (resolve = done)));
    unmount = await mountOptions(root, 'America/New_York');
    fireEvent.click(toggle());
    expect(request, 'permissions.request must be called synchronously in the click (user gesture)').toHaveBeenCalledWith({ origins: [...SEARCH_MATCHES] });
    granted = true;
    resolve(true);
    await waitFor(async () => expect((await stored())?.searchResults).toBe(true));
    await waitFor(() => expect(toggle().checked).toBe(true));
  });

  it('stays off when the user declines', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => false);
    unmount = await mountOptions(root, 'America/New_York');
    fireEvent.click(toggle());
    await waitFor(() => expect(toggle().checked).toBe(false));
    expect((await stored())?.searchResults ?? false).toBe(false);
  });

  it('off saves and gives the access back', async () => {
    granted = true;
    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'auto', notices: true, dismissedSites: [], searchResults: true } });
    unmount = await mountOptions(root, 'America/New_York');
    await waitFor(() => expect(toggle().checked).toBe(true));
    fireEvent.click(toggle());
    await waitFor(async () => expect((await stored())?.searchResults).toBe(false));
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: [...SEARCH_MATCHES] });
  });

  it('policy on, not granted: locked on, with a button that asks for the sites', async () => {
    await fakeBrowser.storage.managed.set({ searchResults: true });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => true);
    unmount = await mountOptions(root, 'America/New_York');
    expect(toggle().disabled, 'locked by policy').toBe(true);
    expect(toggle().checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Allow access to search sites' }));
    expect(request).toHaveBeenCalledWith({ origins: [...SEARCH_MATCHES] });
  });

  it('policy off: locked off, nothing to ask', async () => {
    await fakeBrowser.storage.managed.set({ searchResults: false });
    unmount = await mountOptions(root, 'America/New_York');
    expect(toggle().disabled).toBe(true);
    expect(toggle().checked).toBe(false);
    expect(screen.queryByTestId('search-needs-access')).toBeNull();
  });
});
