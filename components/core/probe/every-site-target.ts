/**
 * "Every site" mode, the background's side: which tabs get the generic page check. Pure: a tab's
 * address and title in, a yes or no out. Sites with their own rule keep it (their first stage already
 * runs there), search engines have their own script, and nothing else is touched unless its address
 * or title names Kaspersky or a Kaspersky package.
 * @module
 */
import type { SiteRule } from '../classifier/types';
import { findRule } from '../site-rules/find-rule';
import { engineForHost } from '../search/search-engines';
import { addressNamesKaspersky, namesKaspersky } from './names-kaspersky';

/** The origins "every site" mode asks for: web pages, nothing else. */
export const EVERY_SITE_ORIGINS = ['*://*/*'];

/**
 * @example shouldCheckTab({ url: 'https://gamivo.com/product/kaspersky-premium', title: '' }, SITE_RULES) // true
 * @example shouldCheckTab({ url: 'https://www.amazon.com/Kaspersky-Premium/dp/B0BHVJ4QT3', title: '' }, SITE_RULES) // false: Amazon has its own rule
 */
export function shouldCheckTab(tab: { url?: string; title?: string }, rules: readonly SiteRule[]): boolean {
  if (!tab.url || !/^https?:\/\//i.test(tab.url)) return false;
  let host: string;
  try {
    host = new URL(tab.url).hostname;
  } catch {
    return false;
  }
  if (findRule(host, rules) || engineForHost(host)) return false;
  return addressNamesKaspersky(tab.url) || namesKaspersky(tab.title);
}
