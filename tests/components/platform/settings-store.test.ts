/** The settings store over WXT's fake browser: round trips, corrupt storage, missing managed storage. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SETTINGS_DEFAULTS } from '@/components/core/policy/settings';
import { SETTINGS_KEY, readEffectiveSettings, readUserSettings, updateUserSettings } from '@/components/platform/settings-store';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('settings store', () => {
  it('defaults when nothing is stored', async () => {
    expect(await readUserSettings()).toEqual(SETTINGS_DEFAULTS);
  });

  it('keeps dismissals across an update', async () => {
    await updateUserSettings((settings) => ({ ...settings, dismissedSites: ['www.amazon.com'] }));
    await updateUserSettings((settings) => ({ ...settings, region: 'us' }));
    expect(await readUserSettings()).toMatchObject({ region: 'us', dismissedSites: ['www.amazon.com'] });
  });

  it('corrupt storage is repaired and written back, never thrown', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { region: 7, dismissedSites: ['www.ebay.com', null] } });
    expect(await readUserSettings()).toEqual({ ...SETTINGS_DEFAULTS, dismissedSites: ['www.ebay.com'] });
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual({ ...SETTINGS_DEFAULTS, dismissedSites: ['www.ebay.com'] });
  });

  it('reads from values already fetched with other keys, and still repairs a corrupt one in storage', async () => {
    expect(await readUserSettings({ [SETTINGS_KEY]: { ...SETTINGS_DEFAULTS, region: 'us' }, pageContext: {} })).toMatchObject({ region: 'us' });
    expect(await fakeBrowser.storage.local.get(SETTINGS_KEY), 'a valid value is not written back').toEqual({});
    expect(await readUserSettings({ [SETTINGS_KEY]: 'garbage' })).toEqual(SETTINGS_DEFAULTS);
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(SETTINGS_DEFAULTS);
  });

  it('policy wins over the user', async () => {
    await updateUserSettings((settings) => ({ ...settings, notices: false, region: 'non-us' }));
    await fakeBrowser.storage.managed.set({ enforcement: 'block', region: 'us' });
    const effective = await readEffectiveSettings();
    expect(effective.enforcement).toBe('block');
    expect(effective.policy.region).toBe('us');
    expect(effective.locked).toEqual(expect.arrayContaining(['region', 'notices']));
  });

  it('garbage policy is ignored with problems, user settings still apply', async () => {
    await updateUserSettings((settings) => ({ ...settings, notices: false }));
    await fakeBrowser.storage.managed.set({ enforcement: 'loud', region: ['us'], bogus: 1 });
    const effective = await readEffectiveSettings();
    expect(effective.enforcement).toBe('off');
    expect(effective.managed.problems.map((problem) => problem.key).sort()).toEqual(['bogus', 'enforcement', 'region']);
  });

  it('a browser whose managed storage rejects falls back to the user settings', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const effective = await readEffectiveSettings();
    expect(effective.managed.available).toBe(false);
    expect(effective.enforcement).toBe('warn');
  });
});
