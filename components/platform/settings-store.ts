/**
 * The user's settings in `storage.local`, read through `parseUserSettings` so a corrupt or
 * old-format value never breaks anything, and combined with policy by `resolveSettings`.
 * @module
 */
import { browser } from 'wxt/browser';
import {
  parseUserSettings,
  resolveSettings,
  type EffectiveSettings,
  type UserSettings,
} from '../core/policy/settings';
import { localValues } from './local-values';
import { readManagedPolicy, type ManagedPolicy } from './managed-policy';

/** Storage key of the user's settings in `storage.local`. */
export const SETTINGS_KEY = 'settings';

/**
 * Reads the user's settings; a value that had to be repaired is written back repaired.
 * `stored`: storage.local values already read together with other keys (one read instead of several).
 */
export async function readUserSettings(stored?: Record<string, unknown>): Promise<UserSettings> {
  let raw: unknown;
  try {
    raw = (await localValues(SETTINGS_KEY, stored))[SETTINGS_KEY];
  } catch {
    raw = undefined;
  }
  const { settings, reset } = parseUserSettings(raw);
  if (reset) await writeUserSettings(settings).catch(() => {});
  return settings;
}

/** Saves the user's settings. */
export async function writeUserSettings(settings: UserSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: settings });
}

/** Applies a change to the stored settings (read, change, write). */
export async function updateUserSettings(change: (settings: UserSettings) => UserSettings): Promise<UserSettings> {
  const next = change(await readUserSettings());
  await writeUserSettings(next);
  return next;
}

/** Policy and user settings, combined, plus what the policy reader found. */
export async function readEffectiveSettings(): Promise<EffectiveSettings & { managed: ManagedPolicy }> {
  const [managed, user] = await Promise.all([readManagedPolicy(), readUserSettings()]);
  return { ...resolveSettings(managed.policy, user), managed };
}

/** Calls `listener` when the user's settings or the policy change. Returns an unsubscribe. */
export function watchSettings(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
