/**
 * Reading storage.local for several stores at once: the content script fetches every key it needs in
 * one call and hands the values to each store's reader; a reader called alone fetches its own keys.
 * @module
 */
import { browser } from 'wxt/browser';

/** `stored` when given (values already read together with other keys), else a read of `keys`. */
export async function localValues(keys: string | string[], stored?: Record<string, unknown>): Promise<Record<string, unknown>> {
  return stored ?? (await browser.storage.local.get(keys));
}
