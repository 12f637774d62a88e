/**
 * Background: everything deciding a page needs from storage, read in one `storage.local.get`: the
 * user's settings, the context prepared for pages (validated policy, time-zone region, formatted
 * dates, page messages), proceed grants and the Kaspersky-active record.
 * @module
 */
import { browser } from 'wxt/browser';
import type { ZoneRegion } from '@/components/core/region/detect-region';
import { resolveSettings, type EffectiveSettings } from '@/components/core/policy/settings';
import { lookUpPageMessages } from '@/components/core/i18n/page-messages';
import { SETTINGS_KEY, readUserSettings } from './settings-store';
import { PAGE_CONTEXT_KEY, currentPageContext, parsePageContext, type PageContext } from './page-context';
import { PROCEED_KEYS, isProceedGranted } from './proceed-store';
import { t } from './i18n';
import { KASPERSKY_ACTIVE_KEYS, readKasperskyActive, type KasperskyActive } from './kaspersky-active';

const PAGE_STATE_KEYS = [SETTINGS_KEY, PAGE_CONTEXT_KEY, ...PROCEED_KEYS, ...KASPERSKY_ACTIVE_KEYS];

export type PageState = EffectiveSettings & {
  proceed: boolean;
  kasperskyActive?: KasperskyActive;
  zone: ZoneRegion;
  dates: PageContext['dates'];
  /** "Proceed anyway for N minutes", plural-resolved. */
  proceedLabel?: string;
  /** The messages pages show, in the UI language (`PAGE_MESSAGE_KEYS`). */
  messages: Record<string, string>;
};

/** Reads the page state for `host`; should the combined read fail, each reader reads (and falls back) on its own. */
export async function readPageState(host: string): Promise<PageState> {
  const stored = await browser.storage.local.get(PAGE_STATE_KEYS).catch(() => undefined);
  const [user, proceed, active] = await Promise.all([readUserSettings(stored), isProceedGranted(host, stored), readKasperskyActive(stored)]);
  // The policy as last validated: managed storage itself can take seconds to answer. Until the context is
  // stored (the first moments after install) it is worked out here, without waiting for managed storage.
  const context = parsePageContext(stored?.[PAGE_CONTEXT_KEY]) ?? (await currentPageContext());
  return {
    ...resolveSettings(context.policy, user),
    proceed,
    kasperskyActive: active,
    zone: context.zone,
    dates: context.dates,
    proceedLabel: context.proceedLabel,
    messages: context.messages ?? lookUpPageMessages(t),
  };
}
