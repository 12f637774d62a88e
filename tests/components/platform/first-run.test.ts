import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleFirstRun, pollManagedPolicy } from '@/components/platform/first-run';

const fast = { attempts: 5, intervalMs: 5 };

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://id${path}`);
});

describe('pollManagedPolicy', () => {
  it('waits for policy that Chromium delivers late', async () => {
    setTimeout(() => void fakeBrowser.storage.managed.set({ suppressFirstRun: true }), 12);
    expect((await pollManagedPolicy(fast)).policy).toEqual({ suppressFirstRun: true });
  });

  it('stops at once when managed storage is unavailable (Firefox without policies.json)', async () => {
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect((await pollManagedPolicy(fast)).available).toBe(false);
    expect(get).toHaveBeenCalledTimes(1);
  });
});

describe('handleFirstRun', () => {
  it('opens the welcome page on install', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await handleFirstRun({ reason: 'install' }, fast)).toBe(true);
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://id/welcome.html' });
  });

  it.each(['update', 'chrome_update', 'shared_module_update'])('does nothing on %s', async (reason) => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await handleFirstRun({ reason }, fast)).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });

  it('respects suppressFirstRun, even when the policy arrives late', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    setTimeout(() => void fakeBrowser.storage.managed.set({ suppressFirstRun: true }), 12);
    expect(await handleFirstRun({ reason: 'install' }, fast)).toBe(false);
    expect(create).not.toHaveBeenCalled();
  });
});
