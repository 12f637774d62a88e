import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDetailsOpener, DETAILS_INTERVAL_MS } from '@/components/platform/details-page';

beforeEach(() => fakeBrowser.reset());

describe('createDetailsOpener', () => {
  it('opens at most one details page per tab every few seconds, however often a page asks', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    let now = 1_000_000;
    const open = createDetailsOpener(() => now);
    const opened: boolean[] = [];
    for (let i = 0; i < 20; i++) opened.push(await open(7));
    expect(opened.filter(Boolean), 'twenty requests from one tab within a moment open one page').toHaveLength(1);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]![0].url, 'the page is for that tab').toMatch(/\/popup\.html\?tab=7$/);
    expect(await open(8), 'another tab is not held back by the first').toBe(true);
    now += DETAILS_INTERVAL_MS;
    expect(await open(7), 'the same tab may open it again a few seconds later').toBe(true);
    expect(create).toHaveBeenCalledTimes(3);
  });
});
