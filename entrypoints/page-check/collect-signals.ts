/**
 * The only DOM reader: turns a document into plain, size-capped `PageSignals`.
 * Cheap first (title, h1, metadata, the site's own title); structured data is parsed only when
 * the cheap signals mention Kaspersky or the site is Kaspersky's own, so pages left alone cost little.
 * @module
 */
import { mentionsKaspersky } from '@/components/core/classifier/product-names';
import type { GenericSignals, PageSignals, PageRule, StructuredItem } from '@/components/core/classifier/types';
import { isKasperskyTraceUrl } from '@/components/core/trace/kaspersky-trace';
import { addressNamesKaspersky, namesKaspersky } from '@/components/core/probe/names-kaspersky';

/** Characters read of any one text: names are far shorter, and a page controls its text. */
export const MAX_TEXT = 300;

/** Invisible direction marks some stores put around names (the App Store prefixes app names with U+200E). */
const BIDI_MARKS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const clip = (text: string | null | undefined): string => (text ?? '').replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);

/**
 * An element's text with a space at every text-node boundary, as a reader sees it:
 * `textContent` glues `<span>New Listing</span>Kaspersky …` (eBay) into "New ListingKaspersky".
 */
export function spacedText(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < MAX_TEXT * 4; node = walker.nextNode()) {
    parts.push(node.nodeValue ?? '');
    length += node.nodeValue?.length ?? 0;
  }
  return parts.join(' ');
}

/** The first match of `selector` in `root`, if any; none for a malformed selector. */
export function find(root: ParentNode, selector: string | undefined): Element | undefined {
  if (!selector) return undefined;
  try {
    return root.querySelector(selector) ?? undefined;
  } catch {
    return undefined; // a malformed selector in a rule must not break the page
  }
}

/** The element's text; `spaced` reads it as a person sees it (slower: used once a page looks relevant). */
const textIn = (element: Element | undefined, spaced: boolean): string | undefined =>
  element ? clip(spaced ? spacedText(element) : element.textContent) || undefined : undefined;

/** The text of the first match, read as a person sees it. */
export const textOf = (root: ParentNode, selector: string | undefined): string | undefined => textIn(find(root, selector), true);

const exists = (root: ParentNode, selector: string | undefined): boolean => find(root, selector) !== undefined;

/** Open Graph and product meta tags live in <head>: searching only there keeps large pages cheap. */
const HEAD_META = 'meta[property^="og:"], meta[name^="og:"], meta[property^="product:"], meta[name="twitter:title"]';
/** Microdata brand tags sit in the body, inside the product; read only once a page looks relevant. */
export const BODY_META = 'meta[itemprop="brand"]';

function readMeta(root: ParentNode, selector: string, meta: Record<string, string> = Object.create(null)): Record<string, string> {
  return readMetaFrom(root.querySelectorAll(selector), meta);
}

export function readMetaFrom(elements: Iterable<Element>, meta: Record<string, string>): Record<string, string> {
  for (const element of elements) {
    const key = (element.getAttribute('property') || element.getAttribute('name') || element.getAttribute('itemprop') || '').toLowerCase();
    const value = clip(element.getAttribute('content'));
    if (key && value && !(key in meta)) meta[key === 'brand' ? 'product:brand' : key] = value;
  }
  return meta;
}

const MAX_CRUMBS = 15;
/**
 * Breadcrumb trails on sites whose rule names none: a `<nav>` labelled so, or any element whose class says so
 * ("breadcrumb", "Breadcrumbs", "bc_breadcrumb", "breadCrumb"). Matched case-sensitively on "readcrumb"/"readCrumb": a
 * case-insensitive substring test on every element's class, with a descendant `a` in the same selector, took
 * 6.5–9 ms on the benchmark's 20 000-element Amazon page in Chromium; trails first, then their links, about 2 ms.
 * (The saved pages of sites without a breadcrumbs selector, 109 with the generic ones, read the same crumbs both ways.)
 */
const CRUMB_TRAILS = 'nav[aria-label*="readcrumb"], nav[aria-label*="readCrumb"], [class*="readcrumb"], [class*="readCrumb"]';

function readBreadcrumbs(doc: Document, rule: PageRule): string[] {
  try {
    const links = rule.selectors?.breadcrumbs ? [...doc.querySelectorAll(rule.selectors.breadcrumbs)].slice(0, MAX_CRUMBS) : trailLinks(doc);
    return links.map((element) => clip(element.textContent)).filter(Boolean);
  } catch {
    return [];
  }
}

/** The first MAX_CRUMBS links inside breadcrumb trails, each once (trails nest: a nav.breadcrumb around li.breadcrumb-item). */
function trailLinks(doc: Document): Element[] {
  const links = new Set<Element>();
  for (const trail of doc.querySelectorAll(CRUMB_TRAILS)) {
    for (const link of trail.getElementsByTagName('a')) {
      links.add(link);
      if (links.size === MAX_CRUMBS) return [...links];
    }
  }
  return [...links];
}

/**
 * What the generic check reads besides the common signals (controls near the heading, install commands, the
 * generator), and the element standing in for a missing h1: `entrypoints/generic-check`, loaded only in
 * "every site" mode.
 */
export type GenericReader = (doc: Document, url: string) => GenericSignals & { heading?: string };

/** What structured data (JSON-LD, microdata) says: named things, page types and breadcrumbs. */
export interface StructuredData {
  items: StructuredItem[];
  types: string[];
  crumbs: string[];
}

/**
 * The readers a page check has besides its own, each its own script injected only where it is needed:
 * `structured` (entrypoints/structured-data) on sites whose rule reads structured data, `generic`
 * (entrypoints/generic-check) on sites without a rule.
 */
export interface SignalReaders {
  /** Reads JSON-LD and microdata; also adds microdata brand tags to `meta`. */
  structured?: (doc: Document, meta: Record<string, string>, forGeneric: boolean) => StructuredData;
  generic?: GenericReader;
}

/**
 * Reads the signals the classifier needs, with the `readers` this page has.
 *
 * @example classify(collectSignals(document, rule, location.href, { structured: readStructuredData }), rule)
 */
export function collectSignals(doc: Document, rule: PageRule, url = doc.location?.href ?? '', readers: SignalReaders = {}): PageSignals {
  const selectors = rule.selectors ?? {};
  const meta = readMeta(doc.head ?? doc, HEAD_META);
  // Each looked for once: on a large page the first <h1> may be thousands of elements in.
  const h1 = find(doc, 'h1');
  const productTitle = find(doc, selectors.productTitle);
  const brand = find(doc, selectors.brand);
  const signals: PageSignals = {
    url,
    title: clip(doc.title),
    meta,
    h1: textIn(h1, false) ?? '',
    items: [],
    pageTypes: [],
    breadcrumbs: [],
    site: { productTitle: textIn(productTitle, false), brand: textIn(brand, false) },
    relevant: true,
  };
  // Cheap pass: the first stage's own substring test (components/core/probe/names-kaspersky.ts). Most pages of a
  // store are about something else and stop here. The address counts without its query (but for package ids):
  // `?keywords=kaspersky` says how the shopper got here, not what the page is.
  const names = [signals.title, signals.h1, meta['og:title'], signals.site.productTitle, signals.site.brand];
  if (rule.role !== 'vendor' && !addressNamesKaspersky(url) && !names.some(namesKaspersky)) {
    signals.relevant = false;
    return signals;
  }

  // The page may be about Kaspersky: read names as a person sees them, then structured data.
  signals.h1 = textIn(h1, true) ?? '';
  signals.site.productTitle = textIn(productTitle, true);
  signals.site.brand = textIn(brand, true);

  const structured = rule.structuredData === false || !readers.structured ? { items: [], types: [], crumbs: [] } : readers.structured(doc, meta, rule.role === 'generic');
  signals.items = structured.items;
  signals.pageTypes = structured.types;
  signals.breadcrumbs = [...structured.crumbs, ...readBreadcrumbs(doc, rule)];
  signals.site.hasBuyControl = exists(doc, selectors.buy);
  signals.site.hasDownloadControl = exists(doc, selectors.download);
  if (rule.role === 'generic' && readers.generic) {
    const { heading, ...generic } = readers.generic(doc, url);
    signals.generic = generic;
    // Pages without an h1 (app stores that style a div as the title): the element standing in for it.
    if (!signals.h1 && heading) signals.h1 = heading;
  }
  // The rule's free marker: one of the first 20 matches' text (200 000 characters each) says the product costs nothing.
  const free = rule.free;
  if (free) signals.site.free = [...doc.querySelectorAll(free.selector)].slice(0, 20).some((element) => free.text.test((element.textContent ?? '').slice(0, 2e5)));
  return signals;
}

/** What the trace check reads of the browser's performance timeline (the document's own `performance`). */
export type TraceTiming = Pick<Performance, 'getEntriesByType'>;

/**
 * True when Kaspersky's web protection really ran on this page: the page carries the script it
 * injects (`…kis[.v2].scr.kaspersky-labs.com/<id>/main.js`), and
 * - the element is parser-inserted: its `async` property is false while it has no `async` or `defer`
 *   attribute. HTML sets a "force async" flag on every script element a script creates, and only
 *   the parser clears it, so a tag a page adds with `createElement`/`append` reads `async === true`;
 * - the browser fetched that very URL as a script (a Resource Timing entry, initiator `script`)
 *   and the fetch started while the document was still being parsed (before `domInteractive`),
 *   which is when a tag in the HTML as served is fetched; a tag a page adds later starts after it.
 * Web protection puts the tag in the `<head>` of the HTML it passes on, so only the head is searched:
 * a large body is never walked. A page that merely links to kaspersky-labs.com, or adds the tag itself
 * once parsed, leaves no trace. (A page's own inline script that writes the tag while the document is
 * still parsing, and clears the flag, is not told apart: the popup says Kaspersky "appears" active.)
 */
export function hasKasperskyTrace(doc: Document, timing: TraceTiming | undefined = doc.defaultView?.performance): boolean {
  const scripts = Array.from(doc.head?.querySelectorAll<HTMLScriptElement>('script[src*="kaspersky-labs.com" i]') ?? []).filter(
    (script) => isKasperskyTraceUrl(script.getAttribute('src') ?? '') && !script.async && !script.defer && !script.hasAttribute('async'),
  );
  if (!scripts.length || !timing) return false;
  const navigation = timing.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const parsedAt = navigation?.domInteractive || Number.POSITIVE_INFINITY; // 0: still parsing
  const fetched = timing.getEntriesByType('resource') as PerformanceResourceTiming[];
  return scripts.some((script) => fetched.some((entry) => entry.name === script.src && entry.initiatorType === 'script' && entry.startTime < parsedAt));
}
