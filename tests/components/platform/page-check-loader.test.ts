import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageCheckApi, PageReport } from '@/components/core/messages';
import { PAGE_CHECK_API_KEY } from '@/components/core/site-rules/find-rule';
import { pageReportOf, recheckPages } from '@/components/platform/page-check-loader';
import { pageCheckFrames, rememberPageCheck } from '@/components/platform/page-check-frames';

const REPORT: PageReport = {
  url: 'https://www.amazon.com/dp/B0BHVJ4QT3',
  classification: { verdict: 'purchase', ruleId: 'amazon', reasons: ['site:amazon'] },
  action: 'warned',
  items: 0,
};

type Frame = Partial<PageCheckApi> | 'no page check';

/**
 * Tabs and their frames as executeScript sees them: the loader's own function runs here in the frame the
 * target names (by id, or by its document `d<frameId>`), with that frame's page check (if any) under its
 * key, as in the frame's isolated world. A tab missing from `tabs`, or a frame it lacks, is not ours to script.
 */
function frames(tabs: Record<number, Frame[]>) {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(PAGE_CHECK_API_KEY);
  type Target = { tabId: number; frameIds?: number[]; documentIds?: string[] };
  return vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async ({ target, func, args }: { target: Target; func: (...values: unknown[]) => unknown; args: unknown[] }) => {
    const frameId = target.frameIds?.[0] ?? Number(target.documentIds?.[0]?.slice(1));
    const frame = tabs[target.tabId]?.[frameId];
    if (!frame) throw new Error('No frame with that id.');
    if (frame !== 'no page check') scope[key] = frame;
    try {
      return [{ frameId, documentId: `d${frameId}`, result: func(...args) }];
    } finally {
      delete scope[key];
    }
  }) as never);
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('pageReportOf', () => {
  it("reads the top frame's report from its page check", async () => {
    const run = frames({ 5: [{ report: () => REPORT }, { report: () => undefined }] });
    expect(await pageReportOf(5)).toEqual(REPORT);
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 5, frameIds: [0] }, args: [PAGE_CHECK_API_KEY, 'report'] }));
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
  it('has every page check that asked for a plan check again, and runs nothing in frames that never asked', async () => {
    const rechecks: string[] = [];
    const run = frames({
      1: [{ recheck: () => void rechecks.push('amazon top') }, 'no page check', { recheck: () => void rechecks.push('amazon frame') }],
      2: ['no page check'],
    });
    await rememberPageCheck({ tabId: 1, frameId: 0, documentId: 'd0' });
    await rememberPageCheck({ tabId: 1, frameId: 2, documentId: 'd2' });
    await recheckPages();
    expect(rechecks.sort()).toEqual(['amazon frame', 'amazon top']);
    expect(run.mock.calls.map(([details]) => (details as { target: unknown }).target)).toEqual([
      { tabId: 1, documentIds: ['d0'] },
      { tabId: 1, documentIds: ['d2'] },
    ]);
  });

  it('forgets a frame that no longer has a page check, or is gone', async () => {
    frames({ 1: [{ recheck: () => undefined }, 'no page check'] });
    await rememberPageCheck({ tabId: 1, frameId: 0 });
    await rememberPageCheck({ tabId: 1, frameId: 1 });
    await rememberPageCheck({ tabId: 9, frameId: 0 });
    await recheckPages();
    expect(await pageCheckFrames()).toEqual([{ tabId: 1, frameId: 0 }]);
  });

  it('runs nothing when no page check has asked', async () => {
    const run = frames({ 1: ['no page check'] });
    await recheckPages();
    expect(run).not.toHaveBeenCalled();
  });
});
