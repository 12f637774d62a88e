/**
 * "Proceed anyway" grants in block mode (only when policy allows it), kept per site until they expire.
 * @module
 */
import { browser } from 'wxt/browser';
import { localValues } from './local-values';

const KEY = 'proceeds';
/** The storage.local keys isProceedGranted reads. */
export const PROCEED_KEYS = [KEY] as const;

async function readGrants(stored?: Record<string, unknown>): Promise<Record<string, number>> {
  try {
    const raw = (await localValues(KEY, stored))[KEY];
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** Lets the user past the block screen on `host` for `minutes`. */
export async function grantProceed(host: string, minutes: number, now = Date.now()): Promise<void> {
  const grants = await readGrants();
  const live = Object.fromEntries(Object.entries(grants).filter(([, until]) => typeof until === 'number' && until > now));
  live[host] = now + minutes * 60_000;
  await browser.storage.local.set({ [KEY]: live });
}

/** True while a proceed grant for `host` is still running (`stored`: PROCEED_KEYS already read). */
export async function isProceedGranted(host: string, stored?: Record<string, unknown>, now = Date.now()): Promise<boolean> {
  const until = (await readGrants(stored))[host];
  return typeof until === 'number' && until > now;
}
