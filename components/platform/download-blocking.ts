/**
 * Switches the browser-level installer-download block (`declarativeNetRequest` dynamic rules)
 * on or off. Guarded: a browser without the API, or one that rejects the rules, leaves the
 * page-level block screen as the only protection and reports false.
 * @module
 */
import { browser } from 'wxt/browser';
import { downloadBlockRules, downloadRuleIds } from '../core/enterprise/download-rules';

type DnrApi = {
  updateDynamicRules(options: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
  getDynamicRules(): Promise<Array<{ id: number }>>;
};

function dnr(): DnrApi | undefined {
  return (browser as unknown as { declarativeNetRequest?: DnrApi }).declarativeNetRequest;
}

/**
 * Installs the download rules (`on`) or removes them. Idempotent: the enterprise rule ids are
 * always removed first, so calling it again with the same value changes nothing.
 * Returns whether the rules are now in force.
 */
export async function setDownloadBlocking(on: boolean): Promise<boolean> {
  const api = dnr();
  if (!api?.updateDynamicRules) return false;
  try {
    await api.updateDynamicRules({ removeRuleIds: downloadRuleIds(), addRules: on ? downloadBlockRules() : [] });
    return on;
  } catch (error) {
    console.warn('kban: could not update download rules', error);
    if (!on) return false;
  }
  // One rule the browser refuses (e.g. a regex over its limits) must not cost the others: add them one by one.
  await api.updateDynamicRules({ removeRuleIds: downloadRuleIds() }).catch(() => {});
  let added = 0;
  for (const rule of downloadBlockRules()) {
    try {
      await api.updateDynamicRules({ addRules: [rule] });
      added++;
    } catch (error) {
      console.warn(`kban: download rule ${rule.id} refused`, error);
    }
  }
  return added > 0;
}

/** True when the enterprise download rules are installed right now. */
export async function isDownloadBlockingActive(): Promise<boolean> {
  const api = dnr();
  if (!api?.getDynamicRules) return false;
  try {
    const ids = new Set(downloadRuleIds());
    return (await api.getDynamicRules()).some((rule) => ids.has(rule.id));
  } catch {
    return false;
  }
}
