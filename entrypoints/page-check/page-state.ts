/**
 * Everything a page check needs from storage, read in one `storage.local.get`: the user's settings,
 * the context the background prepared (validated policy, time-zone region, formatted dates), proceed
 * grants and the Kaspersky-active record.
 * @module
 */
import { browser } from 'wxt/browser';
import type { ZoneRegion } from '@/components/core/region/detect-region';
import { resolveSettings, type EffectiveSettings } from '@/components/core/policy/settings';
import { SETTINGS_KEY, readUserSettings } from '@/components/platform/settings-store';
import { PAGE_CONTEXT_KEY, formatBanDates, readPageContext, type PageContext } from '@/components/platform/page-context';
import { PROCEED_KEYS, isProceedGranted } from '@/components/platform/proceed-store';
import { formatLocale, t } from '@/components/platform/i18n';
import { pageLookup } from '@/components/core/i18n/page-messages';
import type { MessageLookup } from '@/components/core/i18n/plural';
import { KASPERSKY_ACTIVE_KEYS, readKasperskyActive, type KasperskyActive } from '@/components/platform/kaspersky-active';

const PAGE_STATE_KEYS = [SETTINGS_KEY, PAGE_CONTEXT_KEY, ...PROCEED_KEYS, ...KASPERSKY_ACTIVE_KEYS];

export type PageState = EffectiveSettings & {
  proceed: boolean;
  kasperskyActive?: KasperskyActive;
  zone: ZoneRegion;
  dates: PageContext['dates'];
  /** "Proceed anyway for N minutes", plural-resolved by the background (no Intl in pages). */
  proceedLabel?: string;
  /** The page's messages: handed over by the background, the browser's i18n only for what it did not hand over. */
  t: MessageLookup;
};

/** Reads the page state for `host`; should the combined read fail, each reader reads (and falls back) on its own. */
export async function readPageState(host: string): Promise<PageState> {
  const stored = await browser.storage.local.get(PAGE_STATE_KEYS).catch(() => undefined);
  const [user, context, proceed, active] = await Promise.all([readUserSettings(stored), readPageContext(stored), isProceedGranted(host, stored), readKasperskyActive(stored)]);
  return {
    // The policy as the background last validated it: managed storage itself can take seconds to answer.
    ...resolveSettings(context?.policy ?? {}, user),
    proceed,
    kasperskyActive: active,
    // Prepared by the background. Until it has written them (the first moments after install) the
    // zone is unknown, which errs toward notices; the dates are then formatted here, at a cost.
    zone: context?.zone ?? 'unknown',
    dates: context?.dates ?? formatBanDates(formatLocale()),
    proceedLabel: context?.proceedLabel,
    t: pageLookup(context?.messages, t),
  };
}
