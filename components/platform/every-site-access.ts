/**
 * Access to all sites for "every site" mode: asked for in a click (options, popup), given back when
 * the mode is turned off. The organisation package has it from install.
 * @module
 */
import { browser } from 'wxt/browser';
import { EVERY_SITE_ORIGINS } from '../core/probe/every-site-target';

/** True when the extension may read every site. */
export async function hasEverySiteAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: EVERY_SITE_ORIGINS });
  } catch {
    return false;
  }
}

/** Asks the user for access to all sites (must run in a click handler). */
export async function requestEverySiteAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: EVERY_SITE_ORIGINS });
}

/** Gives access to all sites back (the user turned the mode off); a no-op where it was granted at install. */
export async function removeEverySiteAccess(): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins: EVERY_SITE_ORIGINS });
  } catch {
    return false;
  }
}

