/**
 * Loads what the popup shows: the tab's page report (asked from its content script), the settings
 * and policy, and the region decision. The only place the popup talks to the browser.
 * @module
 */
import { browser } from 'wxt/browser';
import { detectRegion, type RegionDecision } from '@/components/core/region/detect-region';
import { resolveSettings } from '@/components/core/policy/settings';
import { hostOf } from '@/components/core/classifier/classify';
import { onListedSite } from '@/components/core/site-rules/find-rule';
import { KASPERSKY_ACTIVE_KEYS, readKasperskyActive, type KasperskyActive } from '@/components/platform/kaspersky-active';
import { pageReportOf } from '@/components/platform/page-check-loader';
import { PAGE_CONTEXT_KEY, parsePageContext } from '@/components/platform/page-context';
import { readEffectiveSettings, readUserSettings, SETTINGS_KEY } from '@/components/platform/settings-store';
import type { PageState } from '@/components/ui/PageSection';

/** The tab the popup is about: `?tab=<id>` when opened from a notice's Details button, else the active tab. */
export async function targetTabId(search: string): Promise<number | undefined> {
  const fromQuery = new URLSearchParams(search).get('tab');
  if (fromQuery && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  } catch {
    return undefined;
  }
}

/**
 * The tab's page report, from its page check. No page check (a browser page, a site outside the list, a page
 * the first stage left alone) → `unavailable`. A page check that has not finished its first check has no
 * report yet: ask again a few times before giving up.
 */
export async function queryPage(tabId: number | undefined, attempts = 4, delayMs = 250): Promise<PageState> {
  if (tabId === undefined) return { status: 'unavailable' };
  for (let attempt = 0; attempt < attempts; attempt++) {
    const report = await pageReportOf(tabId);
    if (report) return { status: 'ready', report };
    if (report === null) return { status: 'unavailable' };
    if (attempt < attempts - 1) await new Promise(resolve => setTimeout(resolve, delayMs));
  }
  return { status: 'unavailable' };
}

/**
 * For a tab whose page gave no report: `quiet` when kban does reach it, a page of a site on its list (the first
 * stage found nothing there naming Kaspersky and loaded nothing more) or, with "every site" on, any web page;
 * `unavailable` otherwise (a browser page, a site kban does not check).
 */
export async function pageWithoutReport(tabId: number | undefined, everySite: boolean): Promise<PageState> {
  if (tabId === undefined) return { status: 'unavailable' };
  // The address is known only for sites the extension may access, which are the ones it checks.
  const url = await browser.tabs
    .get(tabId)
    .then(tab => tab.url ?? '')
    .catch(() => '');
  const patterns = browser.runtime.getManifest().content_scripts?.flatMap(entry => entry.matches ?? []) ?? [];
  const web = /^https?:\/\//i.test(url);
  return web && (everySite || onListedSite(hostOf(url), patterns)) ? { status: 'quiet' } : { status: 'unavailable' };
}

/**
 * What the popup can draw at once, from one storage.local read: the user's settings, the policy as
 * the background last validated it (managed storage itself can take seconds to answer right after
 * the browser starts), and whether Kaspersky was seen running. `loadSettingsState` follows with the
 * live policy.
 */
export async function loadQuickState(timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone) {
  const stored = await browser.storage.local.get([SETTINGS_KEY, PAGE_CONTEXT_KEY, ...KASPERSKY_ACTIVE_KEYS]).catch(() => ({}) as Record<string, unknown>);
  const [user, active] = await Promise.all([readUserSettings(stored), readKasperskyActive(stored).catch((): KasperskyActive | undefined => undefined)]);
  const policy = parsePageContext(stored[PAGE_CONTEXT_KEY])?.policy ?? {};
  const settings = resolveSettings(policy, user);
  const region: RegionDecision = detectRegion({ policy: policy.region, user: user.region, timeZone });
  return { settings, region, active };
}

/** Settings, policy (managed storage, awaited) and the region decision, read fresh. */
export async function loadSettingsState(timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone) {
  const settings = await readEffectiveSettings();
  const region: RegionDecision = detectRegion({ policy: settings.managed.policy.region, user: settings.user.region, timeZone });
  return { settings, region };
}


/** The extension's version, or undefined where the browser can't say. */
export function extensionVersion(): string | undefined {
  try {
    return browser.runtime.getManifest().version;
  } catch {
    return undefined;
  }
}
