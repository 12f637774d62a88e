/**
 * Reads enterprise policy from managed storage, guarded: a browser without managed storage,
 * or Firefox without a policies.json entry (it rejects), yields an empty policy, never an error.
 * @module
 */
import { browser } from 'wxt/browser';
import { parsePolicy, type Policy, type PolicyProblem } from '../core/policy/policy';

export interface ManagedPolicy {
  policy: Partial<Policy>;
  problems: PolicyProblem[];
  /** False when the browser has no managed storage or reading it failed. */
  available: boolean;
}

/** Reads and validates the managed policy. */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  const area = browser.storage?.managed;
  if (!area) return { policy: {}, problems: [], available: false };
  try {
    const raw = await area.get();
    return { ...parsePolicy(raw), available: true };
  } catch {
    // Firefox: "Managed storage manifest not found" when no policy names this add-on.
    return { policy: {}, problems: [], available: false };
  }
}

/** Calls `listener` whenever the admin's policy changes while the browser runs. Returns an unsubscribe. */
export function watchManagedPolicy(listener: () => void): () => void {
  const onChanged = (_changes: unknown, area: string) => {
    if (area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
