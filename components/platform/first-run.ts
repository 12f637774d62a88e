/**
 * The welcome page on first install, unless policy `suppressFirstRun` says not to.
 * Chromium hands managed storage to a new extension a few seconds after it starts, so an empty
 * policy right after install is polled for a while before deciding (as Privacy Badger does).
 * @module
 */
import { browser } from 'wxt/browser';
import { readManagedPolicy, type ManagedPolicy } from './managed-policy';

/** Poll schedule while waiting for Chromium to deliver policy after install. */
export const POLICY_POLL = { attempts: 20, intervalMs: 300 } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Reads managed policy, retrying while it is still empty. Stops at once when the browser has no
 * managed storage (Firefox without policies.json rejects the read; it is never delivered late there).
 */
export async function pollManagedPolicy(
  schedule: { attempts: number; intervalMs: number } = POLICY_POLL,
): Promise<ManagedPolicy> {
  let managed = await readManagedPolicy();
  for (let attempt = 1; attempt < schedule.attempts; attempt++) {
    if (!managed.available || Object.keys(managed.policy).length || managed.problems.length) return managed;
    await sleep(schedule.intervalMs);
    managed = await readManagedPolicy();
  }
  return managed;
}

/** Opens the welcome page (`entrypoints/welcome`) in a new tab. */
async function openWelcomePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}

/**
 * On a fresh install, opens the welcome page unless policy suppresses it. Returns whether it opened.
 * Updates, browser updates and reloads never open it.
 */
export async function handleFirstRun(
  details: { reason: string },
  schedule: { attempts: number; intervalMs: number } = POLICY_POLL,
): Promise<boolean> {
  if (details.reason !== 'install') return false;
  const managed = await pollManagedPolicy(schedule);
  if (managed.policy.suppressFirstRun) return false;
  try {
    await openWelcomePage();
    return true;
  } catch (error) {
    console.warn('kban: could not open the welcome page', error);
    return false;
  }
}
