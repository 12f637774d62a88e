/** Stored settings of any shape (older, partial, corrupt) become valid settings, keeping what is still valid. */
import { describe, expect, it } from 'vitest';
import { SETTINGS_DEFAULTS, parseUserSettings } from '@/components/core/policy/settings';

describe('parseUserSettings', () => {
  it('nothing stored → defaults, nothing to repair', () => {
    expect(parseUserSettings(undefined)).toEqual({ settings: SETTINGS_DEFAULTS, reset: false });
  });

  it('keeps a valid stored value as it is', () => {
    const stored = { version: 1, region: 'us-person-abroad', notices: false, dismissedSites: ['www.amazon.com'], searchResults: true, allSites: true };
    expect(parseUserSettings(stored)).toEqual({ settings: stored, reset: false });
  });

  it('an older value without version or newer fields keeps its settings and dismissals', () => {
    const { settings, reset } = parseUserSettings({ region: 'us', dismissedSites: ['www.bestbuy.com', 'www.newegg.com'] });
    expect(settings).toEqual({ ...SETTINGS_DEFAULTS, region: 'us', dismissedSites: ['www.bestbuy.com', 'www.newegg.com'] });
    expect(reset).toBe(false);
  });

  it.each([
    ['a string', 'corrupt'],
    ['an array', ['x']],
    ['null', null],
    ['a number', 42],
  ])('%s → defaults, reported as reset', (_name, raw) => {
    expect(parseUserSettings(raw)).toEqual({ settings: SETTINGS_DEFAULTS, reset: true });
  });

  it('repairs bad fields one by one and keeps the good ones', () => {
    const { settings, reset } = parseUserSettings({
      region: 'mars',
      notices: 'yes',
      dismissedSites: ['www.amazon.com', 42, '<script>', 'www.amazon.com', { host: 'x' }],
      searchResults: false,
      extra: 'ignored',
    });
    expect(reset).toBe(true);
    expect(settings).toEqual({ ...SETTINGS_DEFAULTS, dismissedSites: ['www.amazon.com'], searchResults: false });
  });

  it('caps a huge dismissal list', () => {
    const hosts = Array.from({ length: 5000 }, (_, i) => `site${i}.example.com`);
    expect(parseUserSettings({ dismissedSites: hosts }).settings.dismissedSites).toHaveLength(1000);
  });
});
