/**
 * The user's own settings, their stored format and its migrations, and how they combine
 * with policy: policy > user > default, decided in one place.
 * @module
 */
import type { UserRegion } from '../region/detect-region';
import { POLICY_DEFAULTS, type Enforcement, type Policy } from './policy';

/** Current stored format version of `UserSettings`. */
export const SETTINGS_VERSION = 1;

export interface UserSettings {
  version: typeof SETTINGS_VERSION;
  region: UserRegion;
  /** Show notices at all (the user's off switch; policy `enforcement` overrides it). */
  notices: boolean;
  /** Sites (hosts) where the user dismissed the notice. */
  dismissedSites: string[];
  /** Mark Kaspersky results on search engines (needs the optional host permission). */
  searchResults: boolean;
  /** Check Kaspersky pages on every site (needs access to all sites, asked for when turned on). */
  allSites: boolean;
}

export const SETTINGS_DEFAULTS: Readonly<UserSettings> = {
  version: SETTINGS_VERSION,
  region: 'auto',
  notices: true,
  dismissedSites: [],
  searchResults: false,
  allSites: false,
};

const REGIONS: readonly UserRegion[] = ['auto', 'us', 'us-person-abroad', 'non-us'];
const HOST = /^[a-z0-9.-]{1,253}$/;

/**
 * Reads whatever is stored (any older format, or garbage) into valid current settings.
 * Keeps every value that is still valid; reports whether anything was reset.
 */
export function parseUserSettings(raw: unknown): { settings: UserSettings; reset: boolean } {
  const settings: UserSettings = { ...SETTINGS_DEFAULTS, dismissedSites: [] };
  if (raw === undefined) return { settings, reset: false };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { settings, reset: true };
  const stored = raw as Record<string, unknown>;
  let reset = false;
  if (REGIONS.includes(stored.region as UserRegion)) settings.region = stored.region as UserRegion;
  else if (stored.region !== undefined) reset = true;
  if (typeof stored.notices === 'boolean') settings.notices = stored.notices;
  else if (stored.notices !== undefined) reset = true;
  for (const key of ['searchResults', 'allSites'] as const) {
    if (typeof stored[key] === 'boolean') settings[key] = stored[key];
    else if (stored[key] !== undefined) reset = true;
  }
  if (Array.isArray(stored.dismissedSites)) {
    const hosts = stored.dismissedSites.filter((host): host is string => typeof host === 'string' && HOST.test(host));
    settings.dismissedSites = [...new Set(hosts)].slice(0, 1000);
    if (hosts.length !== stored.dismissedSites.length) reset = true;
  } else if (stored.dismissedSites !== undefined) reset = true;
  return { settings, reset };
}

/** The settings that are set by policy, so the UI shows them locked. */
export type LockableSetting = 'region' | 'notices' | 'dismiss' | 'searchResults' | 'allSites';

export interface EffectiveSettings {
  policy: Policy;
  user: UserSettings;
  enforcement: Enforcement;
  searchResults: boolean;
  /** Every-site checking is wanted (it runs only where the extension has access to all sites). */
  allSites: boolean;
  locked: LockableSetting[];
}

/**
 * Combines policy and user settings: policy > user > default.
 *
 * @example resolveSettings({ enforcement: 'block' }, SETTINGS_DEFAULTS).enforcement // 'block'
 */
export function resolveSettings(policy: Partial<Policy>, user: UserSettings): EffectiveSettings {
  const locked: LockableSetting[] = [];
  if (policy.region !== undefined) locked.push('region');
  if (policy.enforcement !== undefined) locked.push('notices');
  if (policy.allowDismiss === false) locked.push('dismiss');
  if (policy.searchResults !== undefined) locked.push('searchResults');
  if (policy.allSites !== undefined) locked.push('allSites');
  const enforcement = policy.enforcement ?? (user.notices ? 'warn' : 'off');
  return {
    policy: { ...POLICY_DEFAULTS, ...policy },
    user,
    enforcement,
    searchResults: policy.searchResults ?? user.searchResults,
    allSites: policy.allSites ?? user.allSites,
    locked,
  };
}

/** True when the user dismissed notices on this host (or a parent domain) and policy lets them. */
export function isDismissed(settings: EffectiveSettings, host: string): boolean {
  if (!settings.policy.allowDismiss || settings.enforcement === 'block') return false;
  return settings.user.dismissedSites.some((site) => host === site || host.endsWith(`.${site}`));
}
