/**
 * Registers the search-results script only while the feature is on (user setting or policy) and
 * the user has granted the search sites; unregisters it otherwise. Nothing runs on search engines
 * before that.
 * @module
 */
import { browser } from 'wxt/browser';
import { SEARCH_ENGINES } from '../core/search/search-engines';
import { readEffectiveSettings } from './settings-store';

const SCRIPT_ID = 'kban-search-results';
/** The script registered (entrypoints/search-results). */
const SCRIPT_FILE = 'search-results.js';

type Scripting = {
  getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string; matches?: string[]; js?: string[] }>>;
  registerContentScripts(scripts: Array<Record<string, unknown>>): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
};

/** The search sites the user has granted. */
export async function grantedSearchMatches(): Promise<string[]> {
  const granted: string[] = [];
  for (const engine of SEARCH_ENGINES) {
    try {
      if (await browser.permissions.contains({ origins: engine.matches })) granted.push(...engine.matches);
    } catch {
      // No permissions API here (or it threw): treat as not granted.
    }
  }
  return granted;
}

/** Calls `listener` when the user grants or takes back any permission. Returns an unsubscribe. */
export function watchSearchPermission(listener: () => void): () => void {
  const events = [browser.permissions.onAdded, browser.permissions.onRemoved];
  const added = events.filter((event) => {
    try {
      event?.addListener(listener);
      return !!event;
    } catch {
      return false; // no permission events here
    }
  });
  return () => added.forEach((event) => event.removeListener(listener));
}

/** Takes the search sites back (the user turned search marking off). */
export async function removeSearchPermission(): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: SEARCH_ENGINES.flatMap((engine) => engine.matches) });
  } catch {
    return false;
  }
}

/** Asks the user for the search sites (must run in a click handler). */
export async function requestSearchPermission(): Promise<boolean> {
  return browser.permissions.request({ origins: SEARCH_ENGINES.flatMap((engine) => engine.matches) });
}

/** Brings the registration in line with settings and permissions; returns the matches now registered. */
export async function syncSearchScript(): Promise<string[]> {
  const scripting = (browser as unknown as { scripting?: Scripting }).scripting;
  if (!scripting) return [];
  const settings = await readEffectiveSettings();
  const matches = settings.searchResults && settings.enforcement !== 'off' ? await grantedSearchMatches() : [];
  const [current] = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  // A registration from an older version may name a file that no longer exists: compare the file too.
  const same = current && current.js?.[0] === SCRIPT_FILE && JSON.stringify([...(current.matches ?? [])].sort()) === JSON.stringify([...matches].sort());
  if (same) return matches;
  if (current) await scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length) {
    await scripting.registerContentScripts([{ id: SCRIPT_ID, js: [SCRIPT_FILE], matches, runAt: 'document_idle', persistAcrossSessions: true }]);
  }
  return matches;
}
