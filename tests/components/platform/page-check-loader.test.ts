import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageCheckApi, PageReport } from '@/components/core/messages';
import { PAGE_CHECK_API_KEY } from '@/components/core/site-rules/find-rule';
import { pageReportOf, recheckPages } from '@/components/platform/page-check-loader';

const REPORT: PageReport = {
  url: 'https://www.amazon.com/dp/B0BHVJ4QT3',
  classification: { verdict: 'purchase', ruleId: 'amazon', reasons: ['site:amazon'] },
  action: 'warned',
  items: 0,
};

type Frame = Partial<PageCheckApi> | 'no page check';

/**
 * Tabs and their frames as executeScript sees them: the loader's own function runs here once per frame,
 * with that frame's page check (if any) under its key, as in the frame's isolated world. A tab missing
 * from `tabs` is not ours to script.
 */
function frames(tabs: Record<number, Frame[]>) {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(PAGE_CHECK_API_KEY);
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async ({ target, func, args }: { target: { tabId: number; allFrames?: boolean }; func: (...values: unknown[]) => unknown; args: unknown[] }) => {
    const inTab = tabs[target.tabId];
    if (!inTab) throw new Error('Cannot access contents of the page.');
    return (target.allFrames ? inTab : inTab.slice(0, 1)).map((frame, frameId) => {
      if (frame !== 'no page check') scope[key] = frame;
      try {
        return { frameId, documentId: `d${frameId}`, result: func(...args) };
      } finally {
        delete scope[key];
      }
    });
  }) as never);
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('pageReportOf', () => {
  it("reads the top frame's report from its page check", async () => {
    const run = frames({ 5: [{ report: () => REPORT }, { report: () => undefined }] });
    expect(await pageReportOf(5)).toEqual(REPORT);
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 5, allFrames: false }, args: [PAGE_CHECK_API_KEY, 'report'] }));
  });

  it('tells "no report yet" (undefined) from "no page check" and "not ours to script" (null)', async () => {
    frames({ 5: [{ report: () => undefined }], 6: ['no page check'] });
    expect(await pageReportOf(5)).toBeUndefined();
    expect(await pageReportOf(6)).toBeNull();
    expect(await pageReportOf(7)).toBeNull();
  });

  it('takes no shape for a report that lacks a classification', async () => {
    frames({ 5: [{ report: () => ({ url: 'x' }) as unknown as PageReport }] });
    expect(await pageReportOf(5)).toBeUndefined();
  });
});

describe('recheckPages', () => {
  it('has the page check in every frame of every tab it may script check again, and passes over the rest', async () => {
    const rechecks: string[] = [];
    await fakeBrowser.tabs.create({ url: 'https://www.amazon.com/dp/B0BHVJ4QT3' });
    await fakeBrowser.tabs.create({ url: 'https://www.ebay.com/itm/1' });
    await fakeBrowser.tabs.create({ url: 'chrome://extensions/' });
    const [amazon, ebay] = await fakeBrowser.tabs.query({});
    frames({
      [amazon!.id!]: [{ recheck: () => void rechecks.push('amazon top') }, 'no page check', { recheck: () => void rechecks.push('amazon frame') }],
      [ebay!.id!]: ['no page check'],
    });
    await recheckPages();
    expect(rechecks.sort()).toEqual(['amazon frame', 'amazon top']);
  });
});
