// @vitest-environment happy-dom
import { waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mountWelcome } from '@/entrypoints/welcome/main';
import { getMessage, plainText } from '../../components/ui/i18n';

let root: HTMLElement;
let unmount: (() => void) | undefined;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string | string[]) => getMessage('en', key, subs)) as never);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  unmount?.();
  unmount = undefined;
  root.remove();
  vi.restoreAllMocks();
});

describe('welcome entrypoint', () => {
  it('draws before managed storage answers, saves the answer, and locks once the policy sets the region', async () => {
    let answer: (value: Record<string, unknown>) => void = () => {};
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockImplementation((() => new Promise(resolve => (answer = resolve))) as never);
    unmount = await mountWelcome(root, 'Europe/Paris');
    expect(document.title).toBe('Welcome to kban');
    expect(plainText(root)).toContain('Your time zone (Europe/Paris) is outside the US');
    root.querySelector<HTMLInputElement>('input[value="yes"]')!.click();
    await waitFor(async () => expect(((await fakeBrowser.storage.local.get('settings')).settings as { region: string }).region).toBe('us-person-abroad'));
    await waitFor(() => expect(plainText(root)).toContain('Saved.'));
    answer({ region: 'us' });
    await waitFor(() => expect(plainText(root)).toContain('Your organization sets who kban treats as covered.'));
    expect(root.querySelector('input[type="radio"]')).toBeNull();
  });
});
