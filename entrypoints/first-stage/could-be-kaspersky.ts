/**
 * The first stage's cheap test, as a reader of the page: does the address, the title, the main
 * heading, the Open Graph title or the site's product title name Kaspersky (or a Kaspersky package),
 * or does a listing page hold a tile that does? Reads a handful of short texts; no JSON-LD, no
 * regular expression on page text, nothing else.
 * @module
 */
import { locationPath, onListingPath } from '@/components/core/classifier/classify';
import type { PageRule } from '@/components/core/classifier/types';
import { addressNamesKaspersky, namesKaspersky } from '@/components/core/probe/names-kaspersky';

/** Tiles looked at on a listing page (a store's page shows 20–60). */
const MAX_TILES = 120;

function text(doc: Document, selector: string | undefined): string | undefined {
  if (!selector) return undefined;
  try {
    return doc.querySelector(selector)?.textContent?.slice(0, 1000);
  } catch {
    return undefined; // a malformed selector in a rule must not break the page
  }
}

/** Where the page is: `location` in a page (no URL parsed in it), a `URL` in tests. */
export type Address = Pick<Location, 'href' | 'pathname' | 'search'>;

function tilesName(doc: Document, rule: PageRule, address: Address): boolean {
  const { tile, tileTitle } = rule.selectors ?? {};
  if (!tile || !onListingPath(rule, locationPath(address))) return false;
  try {
    const tiles = doc.querySelectorAll(tile);
    for (let i = 0; i < tiles.length && i < MAX_TILES; i++) {
      const title = tileTitle ? tiles[i]!.querySelector(tileTitle) : tiles[i]!;
      if (namesKaspersky(title?.textContent)) return true;
    }
  } catch {
    // malformed selector: no tiles
  }
  return false;
}

/**
 * True when the page could be a Kaspersky page (or a listing with Kaspersky tiles) and deserves the page
 * check, or carries what looks like the trace of Kaspersky's web protection (a script from
 * kaspersky-labs.com in <head>), which the page check then verifies and records.
 */
export function couldBeKaspersky(doc: Document, rule: PageRule, address: Address): boolean {
  if (rule.role === 'vendor' || addressNamesKaspersky(address.href) || doc.head?.querySelector('script[src*="kaspersky-labs.com" i]')) return true;
  const texts = [doc.title, text(doc, 'h1'), doc.head?.querySelector('meta[property="og:title"]')?.getAttribute('content'), text(doc, rule.selectors?.productTitle)];
  return texts.some(namesKaspersky) || tilesName(doc, rule, address);
}
