/**
 * "Every site" mode: with access to all sites (asked for in a click, or granted at install in the
 * organisation package) and the mode on (user switch or policy `allSites`), the background watches tab
 * addresses and titles and injects the generic rule and the page check into the top frame of tabs
 * that name Kaspersky on sites without their own rule. Pages that never name it get no script at all.
 * @module
 */
import { browser } from 'wxt/browser';
import { shouldCheckTab } from '../core/probe/every-site-target';
import { hasEverySiteAccess } from './every-site-access';
import { decideRegion } from '../core/region/detect-region';
import { SITE_RULES } from '../core/site-rules';
import { ruleScriptPath } from '../core/site-rules/find-rule';
import { GENERIC_RULE } from '../core/site-rules/generic';
import { readPageContext } from './page-context';
import { injectPageCheck } from './page-check-loader';
import { readEffectiveSettings } from './settings-store';

/** Whether every-site checks run now: wanted, allowed, for a user the ban covers. */
export async function everySiteActive(): Promise<boolean> {
  const [settings, access, context] = await Promise.all([readEffectiveSettings(), hasEverySiteAccess(), readPageContext()]);
  if (!settings.allSites || !access || settings.enforcement === 'off') return false;
  return decideRegion({ policy: settings.policy.region, user: settings.user.region, zone: context?.zone ?? 'unknown' }).covered;
}

/**
 * Starts watching tabs. `changed` must be called when settings, policy or permissions change.
 * Returns that function.
 */
export function startEverySite(): () => void {
  let active: Promise<boolean> | undefined;
  /** Tabs already given the check for their current address (the page check also guards itself). */
  const injected = new Map<number, string>();
  const isActive = () => (active ??= everySiteActive().catch(() => false));

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'loading' && change.url) injected.delete(tabId);
    // A title that changes later (a single-page app turning into a product page) is caught here too.
    if (!change.url && !change.title && change.status !== 'complete') return;
    if (!shouldCheckTab(tab, SITE_RULES) || injected.get(tabId) === tab.url) return;
    void isActive().then(async (on) => {
      if (!on || !(await injectPageCheck({ tabId, frameId: 0 }, GENERIC_RULE, [ruleScriptPath(GENERIC_RULE)]))) return;
      injected.set(tabId, tab.url!);
    });
  });
  browser.tabs.onRemoved.addListener((tabId) => injected.delete(tabId));
  return () => {
    active = undefined;
  };
}
