import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetPageCheck, forgetTab, pageCheckFrames, rememberPageCheck } from '@/components/platform/page-check-frames';

beforeEach(() => fakeBrowser.reset());

describe('page-check frames', () => {
  it('remembers each frame once, and a new document in a frame in place of the old one', async () => {
    await rememberPageCheck({ tabId: 1, frameId: 0, documentId: 'A' });
    await rememberPageCheck({ tabId: 1, frameId: 0, documentId: 'A' });
    await rememberPageCheck({ tabId: 1, frameId: 3, documentId: 'B' });
    await rememberPageCheck({ tabId: 1, frameId: 0, documentId: 'C' });
    await rememberPageCheck({ tabId: 2, frameId: 0 });
    expect(await pageCheckFrames()).toEqual([
      { tabId: 1, frameId: 3, documentId: 'B' },
      { tabId: 1, frameId: 0, documentId: 'C' },
      { tabId: 2, frameId: 0 },
    ]);
  });

  it('keeps them in session storage, where a restarted service worker finds them', async () => {
    await rememberPageCheck({ tabId: 4, frameId: 0, documentId: 'A' });
    expect(await fakeBrowser.storage.session.get('pageCheckFrames')).toEqual({ pageCheckFrames: { 4: [{ tabId: 4, frameId: 0, documentId: 'A' }] } });
  });

  it('keeps every change when several arrive at once', async () => {
    await Promise.all([0, 1, 2, 3, 4, 5].map((frameId) => rememberPageCheck({ tabId: 1, frameId })));
    expect((await pageCheckFrames()).map((frame) => frame.frameId).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("forgets one frame's document, but not a newer document in that frame", async () => {
    await rememberPageCheck({ tabId: 1, frameId: 0, documentId: 'new' });
    await rememberPageCheck({ tabId: 1, frameId: 1, documentId: 'B' });
    await forgetPageCheck({ tabId: 1, frameId: 0, documentId: 'old' });
    await forgetPageCheck({ tabId: 1, frameId: 1, documentId: 'B' });
    expect(await pageCheckFrames()).toEqual([{ tabId: 1, frameId: 0, documentId: 'new' }]);
  });

  it('forgets a closed tab', async () => {
    await rememberPageCheck({ tabId: 1, frameId: 0 });
    await rememberPageCheck({ tabId: 2, frameId: 0 });
    await forgetTab(1);
    expect(await pageCheckFrames()).toEqual([{ tabId: 2, frameId: 0 }]);
  });

  it('reads corrupt storage as nothing known, and keeps what is well formed', async () => {
    await fakeBrowser.storage.session.set({ pageCheckFrames: { 1: [{ tabId: 1, frameId: 0 }, { tabId: 'x' }, null], 2: 'junk' } });
    expect(await pageCheckFrames()).toEqual([{ tabId: 1, frameId: 0 }]);
    await fakeBrowser.storage.session.set({ pageCheckFrames: 'junk' });
    expect(await pageCheckFrames()).toEqual([]);
    await rememberPageCheck({ tabId: 3, frameId: 0 });
    expect(await pageCheckFrames()).toEqual([{ tabId: 3, frameId: 0 }]);
  });
});
