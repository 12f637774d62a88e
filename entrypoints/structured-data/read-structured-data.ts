/**
 * The structured-data reader (JSON-LD and microdata), for sites whose rule reads it: every site but Amazon,
 * whose pages carry none the classifier uses (`structuredData: false`). It is its own script
 * (entrypoints/structured-data), injected before the page check only for those sites (`pageCheckScripts`),
 * so an Amazon page never compiles it.
 * @module
 */
import type { StructuredItem } from '@/components/core/classifier/types';
import { BODY_META, clip, readMetaFrom, type StructuredData } from '../page-check/collect-signals';

const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 500_000;
const MAX_ITEMS = 50;
const MAX_DEPTH = 12;

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
export function readStructuredData(doc: Document, meta: Record<string, string>, forGeneric = false): StructuredData {
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

