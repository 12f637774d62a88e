import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { POLICY_DEFAULTS, type Policy } from '@/components/core/policy/policy';
import type { PageReport } from '@/components/core/messages';
import { drainReports, queueReport, readQueue, REPORT_QUEUE_KEY } from '@/components/platform/reporter';

const ENDPOINT = 'https://siem.example/kban';
const policy: Policy = { ...POLICY_DEFAULTS, reportUrl: ENDPOINT };
const blocked: PageReport = { url: 'https://usa.kaspersky.com/premium', action: 'blocked', items: 0, classification: { verdict: 'purchase', product: 'Kaspersky Premium', reasons: [] } };

let clock = 1_000_000;
let ids = 0;
const options = (fetch: typeof globalThis.fetch) => ({ fetch, now: () => clock, random: () => 0, newId: () => `id-${++ids}` });
const ok = () => vi.fn(async () => new Response(null, { status: 204 }));

beforeEach(() => {
  fakeBrowser.reset();
  clock = 1_000_000;
  ids = 0;
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
});

describe('queueReport', () => {
  it('stores the event before any delivery (so a restart loses nothing)', async () => {
    expect(await queueReport(blocked, policy, options(ok()))).toBe(true);
    const stored = (await fakeBrowser.storage.local.get(REPORT_QUEUE_KEY))[REPORT_QUEUE_KEY] as { items: Array<{ event: unknown }> };
    expect(stored.items[0]!.event).toMatchObject({ id: 'id-1', action: 'blocked', site: 'usa.kaspersky.com', extensionVersion: '0.1.0' });
  });

  it('queues nothing without a reportUrl, or for pages that were not flagged', async () => {
    expect(await queueReport(blocked, POLICY_DEFAULTS, options(ok()))).toBe(false);
    expect(await queueReport({ ...blocked, action: 'not-covered' }, policy, options(ok()))).toBe(false);
    expect((await readQueue()).items).toEqual([]);
  });
});

describe('drainReports', () => {
  it('POSTs each event as a CORS-safelisted text/plain JSON body', async () => {
    const fetch = ok();
    await queueReport(blocked, policy, options(fetch));
    expect(await drainReports(ENDPOINT, options(fetch))).toEqual({ sent: 1, remaining: 0, retryAt: undefined });
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(ENDPOINT);
    expect(init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' }, credentials: 'omit' });
    expect(JSON.parse(init.body as string)).toMatchObject({ schema: 'kban.visit/1', verdict: 'purchase', action: 'blocked' });
    expect((await readQueue()).items).toEqual([]);
  });

  it('keeps events while the endpoint is down, backs off, and delivers them in order once it is back', async () => {
    const down = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    await queueReport(blocked, policy, options(down));
    await queueReport({ ...blocked, action: 'warned' }, policy, options(down));
    const first = await drainReports(ENDPOINT, options(down));
    expect(first).toEqual({ sent: 0, remaining: 2, retryAt: clock + 2_000 });
    expect(down, 'stop at the first failure, not hammer the endpoint').toHaveBeenCalledTimes(1);

    // Backing off: an early drain sends nothing.
    const up = ok();
    clock += 1_000;
    expect((await drainReports(ENDPOINT, options(up))).sent).toBe(0);
    expect(up).not.toHaveBeenCalled();

    clock += 1_000;
    expect(await drainReports(ENDPOINT, options(up))).toEqual({ sent: 2, remaining: 0, retryAt: undefined });
    const actions = up.mock.calls.map((call) => JSON.parse((call as unknown as [string, RequestInit])[1].body as string).action);
    expect(actions).toEqual(['blocked', 'warned']);
  });

  it('retries 5xx and drops events the endpoint refuses (4xx)', async () => {
    await queueReport(blocked, policy, options(ok()));
    const busy = vi.fn(async () => new Response('', { status: 503 }));
    expect((await drainReports(ENDPOINT, options(busy))).remaining).toBe(1);
    clock += 60_000;
    const refuse = vi.fn(async () => new Response('', { status: 400 }));
    expect(await drainReports(ENDPOINT, options(refuse))).toEqual({ sent: 0, remaining: 0, retryAt: undefined });
    expect((await readQueue()).dropped).toBe(1);
  });

  it('never sends when the policy no longer has a reportUrl', async () => {
    await queueReport(blocked, policy, options(ok()));
    const fetch = ok();
    expect(await drainReports('', options(fetch))).toEqual({ sent: 0, remaining: 0, retryAt: undefined });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('survives a corrupt stored queue', async () => {
    await fakeBrowser.storage.local.set({ [REPORT_QUEUE_KEY]: 'garbage' });
    expect(await drainReports(ENDPOINT, options(ok()))).toEqual({ sent: 0, remaining: 0, retryAt: undefined });
  });
});
