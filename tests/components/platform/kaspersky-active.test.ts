import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markKasperskyNoticeShown, readKasperskyActive, recordKasperskyActive } from '@/components/platform/kaspersky-active';

beforeEach(() => fakeBrowser.reset());

describe('kaspersky-active store', () => {
  it('records the first sighting, then keeps firstSeen and follows the last site', async () => {
    expect(await readKasperskyActive()).toBeUndefined();
    expect(await recordKasperskyActive('www.amazon.com', 1_000), 'first sighting').toBe(true);
    expect(await recordKasperskyActive('www.bestbuy.com', 2_000), 'not the first any more').toBe(false);
    expect(await readKasperskyActive()).toEqual({ firstSeen: 1_000, lastSeen: 2_000, site: 'www.bestbuy.com', noticeShown: false });
  });

  it('keeps "note shown" whichever side writes first (content script and background race on the first page)', async () => {
    // The content script shows the note before the background has stored the sighting.
    await markKasperskyNoticeShown();
    expect(await recordKasperskyActive('usa.kaspersky.com', 1_000)).toBe(true);
    expect((await readKasperskyActive())?.noticeShown, 'the note was shown: it must not show again').toBe(true);
    await recordKasperskyActive('www.amazon.com', 2_000);
    expect((await readKasperskyActive())?.noticeShown).toBe(true);
  });

  it('reads garbage as nothing seen', async () => {
    await fakeBrowser.storage.local.set({ kasperskyActive: { firstSeen: 'x' } });
    expect(await readKasperskyActive()).toBeUndefined();
  });

  it('reads from values already fetched with other keys, without a read of its own', async () => {
    const stored = { kasperskyActive: { firstSeen: 5, lastSeen: 6, site: 'www.newegg.com' }, kasperskyActiveNoticeShown: true, settings: {} };
    expect(await readKasperskyActive(stored), 'storage itself is empty: only the given values can say this').toEqual({ firstSeen: 5, lastSeen: 6, site: 'www.newegg.com', noticeShown: true });
    expect(await readKasperskyActive({})).toBeUndefined();
  });
});
