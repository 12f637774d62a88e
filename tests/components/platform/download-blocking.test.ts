import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { downloadBlockRules, downloadRuleIds } from '@/components/core/enterprise/download-rules';
import { isDownloadBlockingActive, setDownloadBlocking } from '@/components/platform/download-blocking';

type Rule = { id: number };
let rules: Rule[];
const api = {
  updateDynamicRules: vi.fn(async ({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
    rules = [...rules.filter((rule) => !removeRuleIds.includes(rule.id)), ...addRules];
  }),
  getDynamicRules: vi.fn(async () => rules),
};

const update = api.updateDynamicRules.getMockImplementation()!;
beforeEach(() => {
  fakeBrowser.reset();
  rules = [{ id: 1 }]; // a rule of some other feature, must survive
  api.updateDynamicRules.mockReset();
  api.updateDynamicRules.mockImplementation(update);
  (fakeBrowser as unknown as { declarativeNetRequest: unknown }).declarativeNetRequest = api;
});
afterEach(() => {
  delete (fakeBrowser as unknown as { declarativeNetRequest?: unknown }).declarativeNetRequest;
});

describe('setDownloadBlocking', () => {
  it('installs the rules when on and removes only its own when off', async () => {
    expect(await setDownloadBlocking(true)).toBe(true);
    expect(rules.map((rule) => rule.id).sort()).toEqual([1, ...downloadBlockRules().map((rule) => rule.id)].sort());
    expect(await isDownloadBlockingActive()).toBe(true);
    expect(await setDownloadBlocking(false)).toBe(false);
    expect(rules, 'rules of other features must be left alone').toEqual([{ id: 1 }]);
    expect(await isDownloadBlockingActive()).toBe(false);
  });

  it('is idempotent', async () => {
    await setDownloadBlocking(true);
    await setDownloadBlocking(true);
    expect(rules).toHaveLength(1 + downloadBlockRules().length);
    expect(api.updateDynamicRules).toHaveBeenLastCalledWith(expect.objectContaining({ removeRuleIds: downloadRuleIds() }));
  });

  it('keeps the rules the browser accepts when it refuses one of them', async () => {
    const refused = downloadBlockRules()[1]!.id;
    api.updateDynamicRules.mockImplementation(async ({ removeRuleIds = [], addRules = [] }) => {
      if (addRules.some((rule) => rule.id === refused)) throw new Error(`Rule with id ${refused} exceeded the 2KB memory limit`);
      rules = [...rules.filter((rule) => !removeRuleIds.includes(rule.id)), ...addRules];
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await setDownloadBlocking(true)).toBe(true);
    expect(rules.map((rule) => rule.id)).toEqual([1, ...downloadBlockRules().map((rule) => rule.id).filter((id) => id !== refused)]);
  });

  it('reports false when the browser refuses every rule', async () => {
    api.updateDynamicRules.mockImplementation(async ({ addRules = [] }) => {
      if (addRules.length) throw new Error('no');
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await setDownloadBlocking(true)).toBe(false);
  });

  it('reports false without the API', async () => {
    delete (fakeBrowser as unknown as { declarativeNetRequest?: unknown }).declarativeNetRequest;
    expect(await setDownloadBlocking(true)).toBe(false);
    expect(await isDownloadBlockingActive()).toBe(false);
  });
});
