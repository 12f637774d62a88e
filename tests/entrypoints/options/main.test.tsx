// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountOptions } from '@/entrypoints/options/main';
import { getMessage, plainText } from '../../components/ui/i18n';

let root: HTMLElement;
let unmount: (() => void) | undefined;

function useLocale(locale: 'en' | 'es') {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage(locale, key, subs)) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale);
}

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
const radio = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  unmount?.();
  unmount = undefined;
  root.remove();
  vi.restoreAllMocks();
});

describe('options entrypoint', () => {
  it('saves the region at once', async () => {
    unmount = await mountOptions(root, 'Europe/Madrid');
    expect(radio(/Decide from my time zone/).checked).toBe(true);
    expect(plainText(root)).toContain('(now: you appear to be outside the US)');
    fireEvent.click(radio(/US citizen, permanent resident/));
    await waitFor(async () => expect((await stored())?.region).toBe('us-person-abroad'));
    await waitFor(() => expect(radio(/US citizen, permanent resident/).checked).toBe(true));
  });

  it('turns notices off and on', async () => {
    unmount = await mountOptions(root, 'America/New_York');
    const box = () => screen.getByRole('checkbox', { name: /Show a notice/ }) as HTMLInputElement;
    fireEvent.click(box());
    await waitFor(async () => expect((await stored())?.notices).toBe(false));
    await waitFor(() => expect(box().checked).toBe(false));
    fireEvent.click(box());
    await waitFor(async () => expect((await stored())?.notices).toBe(true));
  });

  it('undoes a dismissed site, and shows sites dismissed elsewhere live', async () => {
    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'us', notices: true, dismissedSites: ['www.amazon.com', 'www.newegg.com'], searchResults: false } });
    unmount = await mountOptions(root, 'America/New_York');
    fireEvent.click(screen.getByRole('button', { name: 'Undo: show notices on www.amazon.com again' }));
    await waitFor(async () => expect((await stored())?.dismissedSites).toEqual(['www.newegg.com']));
    await waitFor(() => expect(screen.queryByText('www.amazon.com')).toBeNull());

    // A notice dismissed in another tab shows up without reloading the page.
    await fakeBrowser.storage.local.set({ settings: { version: 1, region: 'us', notices: true, dismissedSites: ['www.newegg.com', 'www.bestbuy.com'], searchResults: false } });
    await waitFor(() => expect(screen.getByText('www.bestbuy.com')).not.toBeNull());
  });

  it('locks what the admin set and lists policy problems', async () => {
    await fakeBrowser.storage.managed.set({ region: 'non-us', enforcement: 'block', organizationName: 'ACME Corp', reportUrl: 'ftp://nope' });
    unmount = await mountOptions(root, 'America/New_York');
    expect(radio(/Neither/).checked).toBe(true);
    expect(radio(/Neither/).disabled).toBe(true);
    expect((screen.getByRole('checkbox', { name: /Show a notice/ }) as HTMLInputElement).disabled).toBe(true);
    expect(plainText(root)).toContain('Some settings are managed by ACME Corp.');
    expect(plainText(screen.getByTestId('policy-problems'))).toContain('"reportUrl" was ignored: it must be an http or https address.');

    // The admin lifts the lock while the page is open.
    await fakeBrowser.storage.managed.clear();
    await waitFor(() => expect(radio(/Neither/).disabled).toBe(false));
    expect(screen.queryByTestId('policy-problems')).toBeNull();
  });

  it('is Spanish with a Spanish browser', async () => {
    useLocale('es');
    unmount = await mountOptions(root, 'America/New_York');
    expect(document.documentElement.lang).toBe('es');
    expect(document.title).toBe('Configuración de kban');
    expect(plainText(root)).toContain('Decidir según mi zona horaria (ahora: parece que está en EE. UU.)');
  });
});
