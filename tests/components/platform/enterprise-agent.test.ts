import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageReport } from '@/components/core/messages';
import { KASPERSKY_ACTIVE_REPORT_INTERVAL_MS, REPORT_LIMITS, startEnterprise } from '@/components/platform/enterprise-agent';
import { readQueue } from '@/components/platform/reporter';

type Rule = { id: number };
let rules: Rule[] = [];
const dnr = {
  updateDynamicRules: vi.fn(async ({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
    rules = [...rules.filter((rule) => !removeRuleIds.includes(rule.id)), ...addRules];
  }),
  getDynamicRules: vi.fn(async () => rules),
};
const blocked: PageReport = { url: 'https://usa.kaspersky.com/premium', action: 'blocked', items: 0, classification: { verdict: 'purchase', reasons: [] } };

beforeEach(() => {
  fakeBrowser.reset();
  rules = [];
  (fakeBrowser as unknown as { declarativeNetRequest: unknown }).declarativeNetRequest = dnr;
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.1.0' } as never);
  vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation((path: string) => `chrome-extension://id${path}`);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (fakeBrowser as unknown as { declarativeNetRequest?: unknown }).declarativeNetRequest;
});

const settle = async (agent: { apply(): Promise<void> }) => {
  await new Promise((resolve) => setTimeout(resolve, 10));
  await agent.apply();
};

describe('startEnterprise', () => {
  it.each([
    [{ enforcement: 'block', region: 'us' }, 'Europe/Berlin', true],
    [{ enforcement: 'block' }, 'America/Chicago', true],
    [{ enforcement: 'block' }, 'Europe/Berlin', false],
    [{ enforcement: 'block', region: 'non-us' }, 'America/Chicago', false],
    [{ enforcement: 'warn', region: 'us' }, 'America/Chicago', false],
    [{ enforcement: 'bogus', region: 'us' }, 'America/Chicago', false],
  ])('policy %j in %s → download block %s', async (policy, timeZone, expected) => {
    await fakeBrowser.storage.managed.set(policy);
    const agent = startEnterprise({ timeZone: () => timeZone, fetch: vi.fn() });
    await settle(agent);
    expect(agent.downloadBlocking).toBe(expected);
    expect(rules.length > 0, 'dynamic rules installed iff blocking').toBe(expected);
  });

  it('follows policy changes while running, without a restart', async () => {
    const agent = startEnterprise({ timeZone: () => 'America/New_York', fetch: vi.fn() });
    await settle(agent);
    expect(agent.downloadBlocking).toBe(false);
    await fakeBrowser.storage.managed.set({ enforcement: 'block' });
    await vi.waitFor(() => expect(agent.downloadBlocking).toBe(true));
    await fakeBrowser.storage.managed.set({ enforcement: 'warn' });
    await vi.waitFor(() => expect(agent.downloadBlocking).toBe(false));
    expect(rules).toEqual([]);
  });

  it('reports a page once, delivers it, and sends nothing without reportUrl', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 200 }));
    const agent = startEnterprise({ timeZone: () => 'America/New_York', fetch });
    await settle(agent);
    expect(await agent.onPageReport(blocked, 1), 'no reportUrl → no event').toBe(false);
    await fakeBrowser.storage.managed.set({ reportUrl: 'https://siem.example/in' });
    await settle(agent);
    expect(await agent.onPageReport(blocked, 1)).toBe(true);
    expect(await agent.onPageReport(blocked, 1), 'the same report again within seconds is a duplicate').toBe(false);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect((await readQueue()).delivered).toBe(1);
  });

  it('limits reports per tab and per site over time (a pushState loop cannot flood the endpoint)', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 200 }));
    let now = 1_000_000;
    await fakeBrowser.storage.managed.set({ reportUrl: 'https://siem.example/in' });
    const agent = startEnterprise({ timeZone: () => 'America/New_York', fetch, now: () => now });
    await settle(agent);
    const at = (path: string) => ({ ...blocked, url: `https://www.amazon.com${path}` });
    let queued = 0;
    for (let i = 0; i < 300; i++) if (await agent.onPageReport(at(`/dp/B0KBAN${i}`), 1)) queued++;
    expect(queued, '300 addresses from one tab within a minute').toBe(REPORT_LIMITS.perTab.limit);
    for (let tab = 2; tab < 50; tab++) if (await agent.onPageReport(at(`/dp/B0OTHER${tab}`), tab)) queued++;
    expect(queued, 'more tabs on the same site share its hourly allowance').toBe(REPORT_LIMITS.perSite.limit);
    expect(await agent.onPageReport({ ...blocked, url: 'https://www.bestbuy.com/site/kaspersky/1.p' }, 2), 'another site has its own').toBe(true);
    now += REPORT_LIMITS.perSite.windowMs;
    expect(await agent.onPageReport(at('/dp/B0LATER'), 1), 'an hour later the site reports again').toBe(true);
  });

  it('schedules a retry alarm while the endpoint is down', async () => {
    await fakeBrowser.storage.managed.set({ reportUrl: 'https://siem.example/in' });
    const fetch = vi.fn(async () => new Response(null, { status: 503 }));
    const agent = startEnterprise({ timeZone: () => 'America/New_York', fetch });
    await settle(agent);
    await agent.onPageReport(blocked, 1);
    expect((await readQueue()).items).toHaveLength(1);
    expect(await fakeBrowser.alarms.get('kban-report-retry')).toBeDefined();
  });

  it.each<[Record<string, unknown>, boolean]>([
    [{ reportUrl: 'https://siem.example/in', reportKasperskyActive: true }, true],
    [{ reportUrl: 'https://siem.example/in' }, false],
    [{ reportKasperskyActive: true }, false],
    [{}, false],
  ])('Kaspersky seen active, policy %j → event queued and sent: %s', async (policy, expected) => {
    await fakeBrowser.storage.managed.set(policy);
    const fetch = vi.fn(async (_url: string | URL | Request, _init?: RequestInit) => new Response(null, { status: 200 }));
    const agent = startEnterprise({ timeZone: () => 'America/New_York', fetch: fetch as typeof globalThis.fetch, now: () => Date.UTC(2025, 0, 6, 12), newId: () => 'evt-1' });
    await settle(agent);
    expect(await agent.onKasperskyActive('www.amazon.com'), 'only when policy sets both reportKasperskyActive and reportUrl').toBe(expected);
    expect(fetch).toHaveBeenCalledTimes(expected ? 1 : 0);
    if (!expected) return;
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://siem.example/in');
    expect(JSON.parse(String(init?.body))).toEqual({
      schema: 'kban.kaspersky-active/1',
      id: 'evt-1',
      time: '2025-01-06T12:00:00.000Z',
      site: 'www.amazon.com',
      extensionVersion: '0.1.0',
    });
  });

  it('reports Kaspersky active once, then again only after the interval', async () => {
    await fakeBrowser.storage.managed.set({ reportUrl: 'https://siem.example/in', reportKasperskyActive: true });
    let time = Date.UTC(2025, 0, 6);
    const fetch = vi.fn(async () => new Response(null, { status: 200 }));
    const agent = startEnterprise({ timeZone: () => 'America/New_York', fetch, now: () => time });
    await settle(agent);
    expect(await agent.onKasperskyActive('www.amazon.com')).toBe(true);
    time += 60_000;
    expect(await agent.onKasperskyActive('www.bestbuy.com'), 'the next page with the trace is not a new report').toBe(false);
    time += KASPERSKY_ACTIVE_REPORT_INTERVAL_MS;
    expect(await agent.onKasperskyActive('www.bestbuy.com'), 'still active a week later: reported again').toBe(true);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps a Kaspersky-active event queued while the endpoint is down', async () => {
    await fakeBrowser.storage.managed.set({ reportUrl: 'https://siem.example/in', reportKasperskyActive: true });
    const agent = startEnterprise({ timeZone: () => 'America/New_York', fetch: vi.fn(async () => new Response(null, { status: 503 })) });
    await settle(agent);
    expect(await agent.onKasperskyActive('usa.kaspersky.com')).toBe(true);
    expect((await readQueue()).items.map((item) => item.event)).toMatchObject([{ schema: 'kban.kaspersky-active/1', site: 'usa.kaspersky.com' }]);
  });

  it('opens the welcome page on install unless policy suppresses it', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.storage.managed.set({ suppressFirstRun: true });
    startEnterprise({ fetch: vi.fn() });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(create).not.toHaveBeenCalled();
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set({ organizationName: 'ACME' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false } as never);
    expect(create).toHaveBeenCalledTimes(1);
  });
});
