/**
 * The classifier: a pure function from page signals and a site rule to a verdict with reasons.
 * No DOM, no browser APIs, no clock.
 * @module
 */
import {
  cleanProductName,
  exemptCategory,
  hasMediaFormat,
  isKasperskyBrand,
  isMentionOnly,
  isNonSoftwareCategory,
  mentionsKaspersky,
} from './product-names';
import type { Classification, ItemKind, PageSignals, PageRule, StructuredItem, TileSignal } from './types';

/** schema.org types that make a page a product or app detail page. */
const PRODUCT_TYPES = /^(?:Product|ProductGroup|IndividualProduct|SoftwareApplication|MobileApplication|WebApplication)$/;
/** schema.org types of editorial pages: never a store page, whatever they mention. */
const ARTICLE_TYPES = /^(?:Article|NewsArticle|BlogPosting|Report|TechArticle|ScholarlyArticle|Review|Book|Movie|FAQPage|QAPage|HowTo|JobPosting|AboutPage|ProfilePage)$/;

/** Longest path and query matched against rule patterns: real ones are far shorter, and a page controls its address. */
export const MAX_PATH_LENGTH = 2048;

/**
 * The path and query of a URL, for matching rule patterns: without the fragment (the page sets it
 * freely and it never says what the page is), and cut at MAX_PATH_LENGTH characters.
 */
export function pathOf(url: string): string {
  const match = /^[a-z][\w+.-]*:\/\/[^/?#]*([^#]*)/i.exec(url);
  return (match?.[1] || '/').slice(0, MAX_PATH_LENGTH);
}

/**
 * `pathOf` for a page's own parsed address (`location` in a page, a `URL` in tests): the same string, with no
 * regular expression for a web page to compile.
 */
export function locationPath(address: Pick<Location, 'pathname' | 'search'>): string {
  return (address.pathname + address.search).slice(0, MAX_PATH_LENGTH);
}

/** Lowercase host of a URL ('' when it has none). */
export function hostOf(url: string): string {
  const match = /^[a-z][\w+.-]*:\/\/(?:[^@/?#]*@)?([^:/?#]*)/i.exec(url);
  return (match?.[1] ?? '').toLowerCase();
}

/**
 * Whether `path` (see `pathOf`) is one of the rule's listing pages (search results, categories): those are
 * looked at for tiles whatever the page names.
 */
export function onListingPath(rule: PageRule, path: string): boolean {
  // A plain substring test first: in a page, Chromium compiling Amazon's three listing patterns for their first
  // test costs about 0.1 ms, on every product page the first stage looks at (README, Performance).
  if (rule.listingPathsContain && !rule.listingPathsContain.some((part) => path.includes(part))) return false;
  return rule.listingPaths?.some((pattern) => pattern.test(path)) ?? false;
}

function firstProductItem(items: readonly StructuredItem[]): StructuredItem | undefined {
  return items.find((item) => PRODUCT_TYPES.test(item.type) && item.name);
}

/** What a page on a store or download site sells, when it is a Kaspersky product: */
function siteItemKind(rule: PageRule): ItemKind {
  return rule.role === 'download' ? 'download' : 'purchase';
}

/**
 * Classifies a page.
 *
 * @example
 * classify(signals, AMAZON) // → { verdict: 'purchase', product: 'Kaspersky Premium …', reasons: [...] }
 */
export function classify(signals: PageSignals, rule: PageRule | undefined): Classification {
  if (!rule) return { verdict: 'none', reasons: ['no-site-rule'] };
  // Sites without a rule of their own are classifyGeneric's (classify-generic.ts), which reaches pages only in
  // "every site" mode (entrypoints/generic-check), so the page check for listed sites carries none of it.
  if (rule.role === 'generic') return { verdict: 'none', ruleId: rule.id, reasons: ['generic-check-missing'] };
  const reasons = [`site:${rule.id}`];
  const path = pathOf(signals.url);
  const base = { ruleId: rule.id, reasons };

  if (rule.ignorePaths?.some((pattern) => pattern.test(path))) {
    return { ...base, verdict: 'none', reasons: [...reasons, 'ignored-path'] };
  }
  const editorial = signals.pageTypes.find((type) => ARTICLE_TYPES.test(type));
  const ogType = (signals.meta['og:type'] ?? '').toLowerCase();
  if (editorial || ogType === 'article') {
    return { ...base, verdict: 'none', reasons: [...reasons, `editorial:${editorial ?? 'og-article'}`] };
  }

  return rule.role === 'vendor' ? classifyVendorPage(signals, rule, path, base) : classifyThirdPartyPage(signals, rule, path, base);
}

function classifyVendorPage(
  signals: PageSignals,
  rule: PageRule,
  path: string,
  base: { ruleId: string; reasons: string[] },
): Classification {
  const subject = signals.site.productTitle || signals.h1 || signals.meta['og:title'] || signals.title;
  const product = cleanProductName(subject || 'Kaspersky');
  const match = rule.vendorPaths?.find((entry) => entry.path.test(path));
  // Informational sections (blog, press, support articles) stay unflagged even when they talk about exempt services.
  if (match?.verdict === 'none') return { ...base, verdict: 'none', reasons: [...base.reasons, `vendor-path:${match.path.source}`] };

  // Unlisted paths (careers, encyclopedia, threat descriptions) are none even when their subject names an exempt
  // service: a "Threat Intelligence Analyst" vacancy or glossary entry is not the service itself.
  if (!match) return { ...base, verdict: 'none', reasons: [...base.reasons, 'vendor-path:unlisted'] };
  const category = exemptCategory(`${subject} ${path}`);
  if (category) return { ...base, verdict: 'exempt', category, product, reasons: [...base.reasons, `exempt:${category}`] };
  return {
    ...base,
    verdict: match.verdict,
    category: match.category,
    product,
    reasons: [...base.reasons, `vendor-path:${match.path.source}`],
  };
}

function classifyThirdPartyPage(
  signals: PageSignals,
  rule: PageRule,
  path: string,
  base: { ruleId: string; reasons: string[] },
): Classification {
  const reasons = [...base.reasons];
  const item = firstProductItem(signals.items);
  const productPath = rule.productPaths?.some((pattern) => pattern.test(path)) ?? false;
  const listingPath = onListingPath(rule, path);
  const isProductPage =
    !!signals.site.productTitle || productPath || !!item || /product|app/.test(signals.meta['og:type'] ?? '');

  if (signals.relevant === false && !listingPath) return { ...base, verdict: 'none', reasons: [...reasons, 'no-kaspersky-mention'] };
  if (listingPath || !isProductPage) {
    return { ...base, verdict: 'none', listing: listingPath, reasons: [...reasons, listingPath ? 'listing-path' : 'not-a-product-page'] };
  }
  if (productPath) reasons.push('product-path');

  // The subject: the site's own product title beats structured data beats generic metadata.
  const subjectSources: Array<[string, string | undefined]> = [
    ['product-title', signals.site.productTitle],
    ['structured-data', item?.name],
    ['h1', signals.h1],
    ['og-title', signals.meta['og:title']],
    ['title', signals.title],
  ];
  const [source, subject] = subjectSources.find(([, text]) => text?.trim()) ?? ['none', ''];
  const brand = signals.site.brand || item?.brand || item?.author || signals.meta['product:brand'] || '';
  // Kaspersky apps whose names don't say "Kaspersky" (Safe Kids, Who Calls) still name it as brand or developer.
  const madeByKaspersky = !!brand && isKasperskyBrand(brand);
  if (!subject || !(mentionsKaspersky(subject) || madeByKaspersky)) {
    return { ...base, verdict: 'none', reasons: [...reasons, `subject-not-kaspersky:${source}`] };
  }
  reasons.push(`subject:${source}`);

  if (brand && !madeByKaspersky && !mentionsKaspersky(brand)) {
    return { ...base, verdict: 'none', reasons: [...reasons, 'brand-not-kaspersky'] };
  }
  if (brand) reasons.push('brand:kaspersky');

  if (isMentionOnly(subject)) return { ...base, verdict: 'none', reasons: [...reasons, 'mention-only'] };
  const crumbs = [...signals.breadcrumbs, item?.category ?? ''];
  const media = rule.mediaWords;
  if (isNonSoftwareCategory(crumbs) || (media && [subject, ...crumbs].some((text) => media.test(text)))) {
    return { ...base, verdict: 'none', reasons: [...reasons, 'non-software-category'] };
  }

  const product = cleanProductName(subject);
  const category = exemptCategory(subject);
  if (category) return { ...base, verdict: 'exempt', category, product, reasons: [...reasons, `exempt:${category}`] };

  if (signals.site.hasBuyControl) reasons.push('buy-control');
  if (signals.site.hasDownloadControl) reasons.push('download-control');
  // A free app in a store (price 0, a Get or Install button) is got, not bought.
  if (signals.site.free) reasons.push('free');
  return { ...base, verdict: signals.site.free ? 'download' : siteItemKind(rule), product, reasons };
}

/**
 * Which listing tiles are Kaspersky products, by their titles.
 * Returns the indexes to mark and what each leads to.
 */
export function classifyTiles(tiles: readonly TileSignal[], rule: PageRule): Array<{ index: number; kind: ItemKind; product: string }> {
  return tiles
    .filter((tile) => mentionsKaspersky(tile.title) && !isMentionOnly(tile.title) && !exemptCategory(tile.title) && !hasMediaFormat(tile.detail) && !rule.mediaWords?.test(tile.detail ?? tile.title))
    .map((tile) => ({ index: tile.index, kind: siteItemKind(rule), product: cleanProductName(tile.title) }));
}
