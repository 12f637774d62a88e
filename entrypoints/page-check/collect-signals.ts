/**
 * The only DOM reader: turns a document into plain, size-capped `PageSignals`.
 * Cheap first (title, h1, metadata, the site's own title); structured data is parsed only when
 * the cheap signals mention Kaspersky or the site is Kaspersky's own, so pages left alone cost little.
 * @module
 */
import { mentionsKaspersky } from '@/components/core/classifier/product-names';
import type { GenericSignals, PageSignals, PageRule, StructuredItem, TileSignal } from '@/components/core/classifier/types';
import { isKasperskyTraceUrl } from '@/components/core/trace/kaspersky-trace';
import { addressNamesKaspersky, namesKaspersky } from '@/components/core/probe/names-kaspersky';

const MAX_TEXT = 300;
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 500_000;
const MAX_ITEMS = 50;
const MAX_DEPTH = 12;
const MAX_TILES = 300;
/** A tile's whole text is kept this long: enough to reach the format line under a long title. */
const MAX_TILE_DETAIL = 600;

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

/** The text of the first match; `spaced` reads it as a person sees it (slower: used once a page looks relevant). */
function textOf(root: ParentNode, selector: string | undefined, spaced = true): string | undefined {
  if (!selector) return undefined;
  try {
    const element = root.querySelector(selector);
    return element ? clip(spaced ? spacedText(element) : element.textContent) || undefined : undefined;
  } catch {
    return undefined; // a malformed selector in a rule must not break the page
  }
}

function exists(root: ParentNode, selector: string | undefined): boolean {
  if (!selector) return false;
  try {
    return root.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** Open Graph and product meta tags live in <head>: searching only there keeps large pages cheap. */
const HEAD_META = 'meta[property^="og:"], meta[name^="og:"], meta[property^="product:"], meta[name="twitter:title"]';
/** Microdata brand tags sit in the body, inside the product; read only once a page looks relevant. */
const BODY_META = 'meta[itemprop="brand"]';

function readMeta(root: ParentNode, selector: string, meta: Record<string, string> = Object.create(null)): Record<string, string> {
  return readMetaFrom(root.querySelectorAll(selector), meta);
}

function readMetaFrom(elements: Iterable<Element>, meta: Record<string, string>): Record<string, string> {
  for (const element of elements) {
    const key = (element.getAttribute('property') || element.getAttribute('name') || element.getAttribute('itemprop') || '').toLowerCase();
    const value = clip(element.getAttribute('content'));
    if (key && value && !(key in meta)) meta[key === 'brand' ? 'product:brand' : key] = value;
  }
  return meta;
}

/** A string field of schema.org data, which may be a string, an object with a name, or an array. */
function nameOf(value: unknown, depth = 0): string | undefined {
  if (depth > 3 || value == null) return undefined;
  if (typeof value === 'string') return clip(value) || undefined;
  if (Array.isArray(value)) return nameOf(value[0], depth + 1);
  if (typeof value === 'object') return nameOf((value as Record<string, unknown>).name, depth + 1);
  return undefined;
}

/** A plain string field (a URL, a price), or undefined. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? clip(value) || undefined : undefined;
}

/** Price and address of the first offer (an `Offer`, an `AggregateOffer` or a list of them). */
function offerOf(value: unknown): { price?: string; offerUrl?: string } {
  const offer = Array.isArray(value) ? value[0] : value;
  if (!offer || typeof offer !== 'object') return {};
  const record = offer as Record<string, unknown>;
  return { price: stringOf(record.price) ?? stringOf(record.lowPrice), offerUrl: stringOf(record.url) };
}

function typesOf(node: Record<string, unknown>): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((type): type is string => typeof type === 'string').map((type) => type.replace(/^https?:\/\/schema\.org\//i, '').slice(0, 60));
}

const NESTED_KEYS = ['@graph', 'mainEntity', 'itemReviewed', 'hasVariant', 'isVariantOf'];

/** Walks parsed JSON-LD, bounded in depth and in count, collecting types, named things and breadcrumbs. */
function walkJsonLd(root: unknown, out: { items: StructuredItem[]; types: Set<string>; crumbs: string[] }, intoLists = false): void {
  // The generic check also reads the products of an ItemList: a round-up's or a deals page's list is what it must see.
  const keys = intoLists ? [...NESTED_KEYS, 'itemListElement', 'item'] : NESTED_KEYS;
  const stack: Array<[unknown, number]> = [[root, 0]];
  let visited = 0;
  while (stack.length && visited < 2000) {
    const [node, depth] = stack.pop()!;
    visited++;
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH) continue;
    if (Array.isArray(node)) {
      for (let i = Math.min(node.length, 200) - 1; i >= 0; i--) stack.push([node[i], depth + 1]);
      continue;
    }
    const record = node as Record<string, unknown>;
    const types = typesOf(record);
    for (const type of types) out.types.add(type);
    if (types.includes('BreadcrumbList') && Array.isArray(record.itemListElement)) {
      for (const entry of record.itemListElement.slice(0, 20)) {
        const crumb = nameOf((entry as Record<string, unknown> | null)?.name) ?? nameOf((entry as Record<string, unknown> | null)?.item);
        if (crumb) out.crumbs.push(crumb);
      }
      continue;
    }
    const name = nameOf(record.name);
    if (types.length && name && out.items.length < MAX_ITEMS) {
      out.items.push({
        type: types[0]!,
        name,
        brand: nameOf(record.brand) ?? nameOf(record.manufacturer),
        author: nameOf(record.author) ?? nameOf(record.publisher) ?? nameOf(record.creator),
        category: nameOf(record.category) ?? nameOf(record.applicationCategory),
        hasOffer: record.offers != null,
        ...offerOf(record.offers),
        downloadUrl: stringOf(record.downloadUrl) ?? stringOf(record.installUrl),
        operatingSystem: nameOf(record.operatingSystem),
      });
    }
    for (const key of keys) {
      if (record[key] != null) stack.push([record[key], depth + 1]);
    }
  }
}

/** Microdata product scopes the classifier reads. */
const PRODUCT_ITEMTYPE = /schema\.org\/(?:Product|SoftwareApplication|MobileApplication)/i;

/**
 * Structured data (JSON-LD, microdata) and the microdata brand tags, found in ONE walk of the document:
 * on a large page each querySelectorAll over the whole tree costs about a millisecond.
 */
function readStructuredData(doc: Document, meta: Record<string, string>, forGeneric = false): { items: StructuredItem[]; types: string[]; crumbs: string[] } {
  const out = { items: [] as StructuredItem[], types: new Set<string>(), crumbs: [] as string[] };
  const scripts: Element[] = [];
  const productScopes: Element[] = [];
  const topScopes: Element[] = [];
  const brandTags: Element[] = [];
  for (const element of doc.querySelectorAll(`${BODY_META}, script[type="application/ld+json" i], [itemtype]`)) {
    if (element.localName === 'script') scripts.push(element);
    else if (element.localName === 'meta' && !element.hasAttribute('itemtype')) brandTags.push(element);
    else {
      if (PRODUCT_ITEMTYPE.test(element.getAttribute('itemtype') ?? '')) productScopes.push(element);
      if (element.hasAttribute('itemscope') && !element.hasAttribute('itemprop')) topScopes.push(element);
    }
  }
  readMetaFrom(brandTags, meta);
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    const source = scripts[i]!.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    try {
      walkJsonLd(JSON.parse(source), out, forGeneric);
    } catch {
      // Broken JSON-LD is common on real pages; skip it.
    }
  }
  for (const scope of productScopes) {
    if (out.items.length >= MAX_ITEMS) break;
    const type = (scope.getAttribute('itemtype') ?? '').replace(/^.*\//, '');
    const prop = (name: string, isUrl = false) => {
      const element = scope.querySelector(`[itemprop="${name}"]`);
      return element ? clip(element.getAttribute('content') || (isUrl ? element.getAttribute('href') : null) || element.textContent) || undefined : undefined;
    };
    const name = prop('name');
    out.types.add(type);
    if (name) {
      out.items.push({
        type,
        name,
        brand: prop('brand') ?? prop('manufacturer'),
        author: prop('author') ?? prop('publisher'),
        category: prop('category') ?? prop('applicationCategory'),
        hasOffer: !!scope.querySelector('[itemprop="offers"]'),
        price: prop('price') ?? prop('lowPrice'),
        downloadUrl: prop('downloadUrl', true) ?? prop('installUrl', true),
        operatingSystem: prop('operatingSystem'),
      });
    }
  }
  // The generic check also needs the page's other microdata types (an Article, a forum posting, a job post).
  // Only top-level scopes: a shop's product carries its customers' reviews as nested `itemprop="review"` scopes.
  if (forGeneric) {
    const scopes = topScopes;
    for (let i = 0; i < scopes.length && i < MAX_ITEMS; i++) {
      const type = (scopes[i]!.getAttribute('itemtype') ?? '').trim().split(/\s+/)[0]!.replace(/^.*\//, '').slice(0, 60);
      if (type) out.types.add(type);
    }
  }
  return { items: out.items, types: [...out.types], crumbs: out.crumbs };
}

function readBreadcrumbs(doc: Document, rule: PageRule): string[] {
  const selector = rule.selectors?.breadcrumbs ?? 'nav[aria-label*="breadcrumb" i] a, ol.breadcrumb a, [class*="breadcrumb" i] a';
  try {
    return [...doc.querySelectorAll(selector)].slice(0, 15).map((element) => clip(element.textContent)).filter(Boolean);
  } catch {
    return [];
  }
}

/**
 * What the generic check reads besides the common signals (controls near the heading, install commands, the
 * generator), and the element standing in for a missing h1: `entrypoints/generic-check`, loaded only in
 * "every site" mode.
 */
export type GenericReader = (doc: Document, url: string) => GenericSignals & { heading?: string };

/**
 * Reads the signals the classifier needs; on a site without a rule, `readGeneric` adds what the generic check reads.
 *
 * @example classify(collectSignals(document, rule), rule)
 */
export function collectSignals(doc: Document, rule: PageRule, url = doc.location?.href ?? '', readGeneric?: GenericReader): PageSignals {
  const selectors = rule.selectors ?? {};
  const meta = readMeta(doc.head ?? doc, HEAD_META);
  const signals: PageSignals = {
    url,
    title: clip(doc.title),
    meta,
    h1: textOf(doc, 'h1', false) ?? '',
    items: [],
    pageTypes: [],
    breadcrumbs: [],
    site: { productTitle: textOf(doc, selectors.productTitle, false), brand: textOf(doc, selectors.brand, false) },
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
  signals.h1 = textOf(doc, 'h1') ?? '';
  signals.site.productTitle = textOf(doc, selectors.productTitle);
  signals.site.brand = textOf(doc, selectors.brand);

  const structured = rule.structuredData === false ? { items: [], types: [], crumbs: [] } : readStructuredData(doc, meta, rule.role === 'generic');
  signals.items = structured.items;
  signals.pageTypes = structured.types;
  signals.breadcrumbs = [...structured.crumbs, ...readBreadcrumbs(doc, rule)];
  signals.site.hasBuyControl = exists(doc, selectors.buy);
  signals.site.hasDownloadControl = exists(doc, selectors.download);
  if (rule.role === 'generic' && readGeneric) {
    const { heading, ...generic } = readGeneric(doc, url);
    signals.generic = generic;
    // Pages without an h1 (app stores that style a div as the title): the element standing in for it.
    if (!signals.h1 && heading) signals.h1 = heading;
  }
  // The rule's free marker: one of the first 20 matches' text (200 000 characters each) says the product costs nothing.
  const free = rule.free;
  if (free) signals.site.free = [...doc.querySelectorAll(free.selector)].slice(0, 20).some((element) => free.text.test((element.textContent ?? '').slice(0, 2e5)));
  return signals;
}

/** The product tiles of a listing page, with their titles (capped in number and length). */
export function collectTiles(doc: Document, rule: PageRule): { tiles: TileSignal[]; elements: Element[] } {
  const { tile, tileTitle } = rule.selectors ?? {};
  if (!tile) return { tiles: [], elements: [] };
  let elements: Element[];
  try {
    elements = [...doc.querySelectorAll(tile)].slice(0, MAX_TILES);
  } catch {
    return { tiles: [], elements: [] };
  }
  const tiles = elements.map((element, index) => {
    // Text nodes joined with spaces: adjacent blocks ("…Published</div><div>Paperback") stay separate words.
    const detail = spacedText(element).replace(/\s+/g, ' ').trim().slice(0, MAX_TILE_DETAIL);
    return { index, title: (tileTitle ? textOf(element, tileTitle) : undefined) ?? detail.slice(0, 200), detail };
  });
  return { tiles, elements };
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
