/**
 * Opens the extension's details page for a tab when its notice's Details button is pressed. A tab
 * opens at most one per DETAILS_INTERVAL_MS however often it asks: the notice acts on a person's
 * clicks only, and this bounds what a page that still got a request through could do with it.
 * @module
 */
import { browser } from 'wxt/browser';
import { createRateLimiter } from '../core/rate-limit';

export const DETAILS_INTERVAL_MS = 3000;

/** Returns the handler for `kban:open-details`; resolves true when it opened a page. */
export function createDetailsOpener(now: () => number = Date.now): (tabId: number | undefined) => Promise<boolean> {
  const limiter = createRateLimiter({ limit: 1, windowMs: DETAILS_INTERVAL_MS });
  return async (tabId) => {
    if (!limiter.allow(`tab:${tabId ?? 'none'}`, now())) return false;
    const query = tabId === undefined ? '' : `?tab=${tabId}`;
    await browser.tabs.create({ url: browser.runtime.getURL(`/popup.html${query}`) });
    return true;
  };
}
