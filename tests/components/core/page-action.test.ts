import { describe, expect, it } from 'vitest';
import type { Classification } from '@/components/core/classifier/types';
import { decideAction } from '@/components/core/page-action';
import { SETTINGS_DEFAULTS, resolveSettings } from '@/components/core/policy/settings';

const purchase: Classification = { verdict: 'purchase', reasons: [] };
const user = (changes = {}) => ({ ...SETTINGS_DEFAULTS, dismissedSites: [] as string[], ...changes });
const input = (over: Partial<Parameters<typeof decideAction>[0]> = {}) => ({ classification: purchase, settings: resolveSettings({}, user()), covered: true, proceed: false, host: 'www.amazon.de', ...over });

describe('decideAction', () => {
  it('warns a covered user on a purchase page', () => expect(decideAction(input())).toMatchObject({ action: 'warned', mode: 'warn' }));
  it('blocks in block mode until a proceed grant', () => {
    const settings = resolveSettings({ enforcement: 'block' }, user());
    expect(decideAction(input({ settings }))).toMatchObject({ action: 'blocked', mode: 'block' });
    expect(decideAction(input({ settings, proceed: true }))).toMatchObject({ action: 'warned', mode: 'warn' });
  });
  it('shows nothing to people the ban does not cover, nor when off', () => {
    expect(decideAction(input({ covered: false }))).toEqual({ action: 'not-covered', markTiles: false });
    expect(decideAction(input({ settings: resolveSettings({ enforcement: 'off' }, user()) })).mode).toBeUndefined();
  });
  it('respects a dismissal in warn mode, never in block mode', () => {
    const dismissed = user({ dismissedSites: ['amazon.de'] });
    expect(decideAction(input({ settings: resolveSettings({}, dismissed) })).action).toBe('dismissed');
    expect(decideAction(input({ settings: resolveSettings({ enforcement: 'block' }, dismissed) })).action).toBe('blocked');
  });
  it('gives exempt services the note even in block mode', () => {
    const exempt: Classification = { verdict: 'exempt', category: 'threat-intelligence', reasons: [] };
    expect(decideAction(input({ classification: exempt, settings: resolveSettings({ enforcement: 'block' }, user()) }))).toMatchObject({ action: 'exempt-note', mode: 'warn' });
  });
  it('marks listing tiles only for covered users who did not dismiss the site', () => {
    const listing: Classification = { verdict: 'none', listing: true, reasons: [] };
    expect(decideAction(input({ classification: listing })).markTiles).toBe(true);
    expect(decideAction(input({ classification: listing, covered: false })).markTiles).toBe(false);
  });
});
