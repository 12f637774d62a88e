/**
 * What names a page's subject, read cheaply, so a page that keeps changing (carousels, live prices) is read
 * again only when that changed.
 * @module
 */
import type { PageRule } from '@/components/core/classifier/types';
import { find, MAX_TEXT } from './collect-signals';

/**
 * The page's fingerprint: its address, title, first heading, the site's product title and brand, how many
 * scripts it has (JSON-LD included; where the rule reads structured data) and, on listings, how many tiles.
 * Equal fingerprints mean a re-check would read the same signals.
 */
export function pageFingerprint(doc: Document, rule: PageRule, listing: boolean): string {
  const text = (selector: string | undefined) => (find(doc, selector)?.textContent ?? '').slice(0, MAX_TEXT);
  const count = (selector: string | undefined) => {
    try {
      return selector ? doc.querySelectorAll(selector).length : 0;
    } catch {
      return 0;
    }
  };
  // document.scripts: a new JSON-LD block is a new script, and the browser keeps that list without matching a selector over the page.
  // Counting them walks the whole page once: not on sites whose pages carry no structured data.
  const scripts = rule.structuredData === false ? 0 : doc.scripts.length;
  return [doc.location?.href ?? '', doc.title, text('h1'), text(rule.selectors?.productTitle), text(rule.selectors?.brand), scripts, listing ? count(rule.selectors?.tile) : 0].join('\n');
}
