/**
 * The generic check: decides a page on a site without a rule of its own, from what every shop and store
 * publishes (schema.org Product / SoftwareApplication / MobileApplication, `og:type`, the title and main
 * heading, and the buy, install and download controls near that heading). Pure, like `classify`.
 *
 * It runs only on pages whose address or title already names Kaspersky, and it is built to say `none`
 * whenever the page is not plainly a place to buy or get a Kaspersky product: articles, reviews, round-ups,
 * coupon pages, forum threads, videos, job posts, books and merchandise, uninstall guides and other vendors'
 * comparison pages. Every `none` carries a reason code the popup can explain.
 * @module
 */
import { cleanProductName, exemptCategory, isKasperskyBrand, isMentionOnly, isNonSoftwareCategory, mentionsKaspersky } from './product-names';
import type { Classification, ControlSignal, PageRule, PageSignals, StructuredItem } from './types';

/** schema.org types of the things shops and stores sell. */
const PRODUCT_TYPES = /^(?:Product|ProductGroup|IndividualProduct|ProductModel|SoftwareApplication|MobileApplication|WebApplication)$/;

/**
 * schema.org page types that are never a shop's product page, with the reason code each gives.
 * FAQPage and its Question/Answer entries are left out on purpose: shops put FAQ blocks on product pages.
 */
const PAGE_TYPE_TRAPS: ReadonlyArray<[RegExp, (type: string) => string]> = [
  [/^(?:DiscussionForumPosting|SocialMediaPosting|QAPage|Comment)$/, () => 'generic:forum'],
  [/^JobPosting$/, () => 'generic:job'],
  [/^(?:Book|Audiobook|Movie|MusicRecording|MusicAlbum|TVSeries|Periodical|PublicationIssue)$/, () => 'generic:media'],
  [/^(?:Review|CriticReview|UserReview|ClaimReview|HowTo|Report|TechArticle|ScholarlyArticle|LiveBlogPosting)$/, (type) => `editorial:${type}`],
  [/^(?:\w*NewsArticle|Article|BlogPosting|SatiricalArticle|AdvertiserContentArticle)$/, (type) => `editorial:${type}`],
  [/^(?:ProfilePage|AboutPage|ContactPage|SearchResultsPage|CollectionPage)$/, () => 'not-a-product-page'],
];

/** Forum and blog engines that name themselves in `<meta name="generator">`. */
const FORUM_ENGINES = /\b(?:discourse|xenforo|phpbb|vbulletin|invision|flarum|nodebb|mybb|simple machines|vanilla forums)\b/i;

/** Addresses of forum threads and questions (Reddit, Discourse, XenForo, Stack Exchange, …). */
const FORUM_PATH = /^\/(?:forums?|threads?|topics?|t|r|discussions?|questions|q|answers|community\/t|boards?|showthread\.php|viewtopic\.php)(?:[/?.]|$)/i;
/** Addresses of video pages. */
const VIDEO_PATH = /^\/(?:watch|shorts|embed|videos?|v)(?:[/?]|$)/i;
/** Addresses of editorial sections. */
const EDITORIAL_PATH = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:news|blogs?|articles?|press|stories|story|magazine|posts?|features|opinion)(?:[/-]|$)/i;

const COUPON = /\b(?:coupons?|promo ?codes?|promotional codes?|discount codes?|vouchers?|voucher codes?|rabattcodes?|gutscheine?|cupones?|c[oó]digos? (?:promocionales|promocional|de descuento))\b/i;
const JOB = /\b(?:jobs?|careers?|hiring|vacanc(?:y|ies)|job openings?|empleos?|stellenangebote?)\b/i;
const FORUM_WORDS = /\b(?:forums?|thread|subreddit)\b|\br\/\w/i;
/** "Best antivirus software 2025", "Top 10 antivirus apps": round-ups, whatever products they list. */
const ROUNDUP =
  /\b(?:best|top \d+|top ten)\s+(?:free\s+)?(?:antivirus|anti-virus|antimalware|anti-malware|internet security|security|vpn|password manager)s?\s+(?:software|programs?|apps?|suites?|services?|tools?|products?|providers?|solutions?|for|of|in|20\d\d)\b/i;
/** How-to and step-by-step guides (uninstall guides come with a removal-tool button). */
const GUIDE = /\b(?:how to|how do i|step[- ]by[- ]step|tutorial|guide)\b/i;

/** Link text of affiliate buttons on reviews and deal round-ups: "Buy at Amazon", "Check price", "Visit site". */
const AFFILIATE_TEXT =
  /\b(?:buy|get|shop|order)\s+(?:it\s+)?(?:now\s+)?(?:at|from|on)\b|\b(?:check|see|view|compare)\s+(?:the\s+)?(?:latest\s+)?(?:prices?|deals?|offers?|plans?)\b|\bview\s+(?:at|on)\b|\bvisit\s+(?:the\s+)?(?:site|store|website|kaspersky)\b|\b(?:get|show|reveal|copy|see)\s+(?:the\s+)?(?:deal|coupon|code|offer|promo)\b|\bgo to\b/i;
/** A control that puts the product in a cart or buys it. */
const BUY_TEXT = /^(?:buy|add to (?:cart|basket|bag|trolley)|purchase|order now|checkout|pre-?order|subscribe|renew|comprar|añadir al carrito|kaufen|in den warenkorb|acheter|ajouter au panier)\b/i;
/** A control that downloads or installs it. */
const DOWNLOAD_TEXT = /^(?:download|install|get(?!\s+(?:started|help|support|in touch|a quote|notified|the newsletter))|descargar|instalar|herunterladen|installieren|télécharger|installer)\b/i;

/** What a control does, for the generic check. */
export type ControlKind = 'buy' | 'download' | 'affiliate' | 'other';

/**
 * What one control near the heading does. Links to another site count only as affiliate links,
 * unless they fetch an installer file.
 *
 * @example controlKind({ text: 'Buy at Amazon', offsite: true, sponsored: true, installer: false }) // 'affiliate'
 */
export function controlKind(control: ControlSignal): ControlKind {
  const text = control.text.replace(/^[^\p{L}\p{N}]+/u, '');
  if (control.sponsored || AFFILIATE_TEXT.test(text)) return 'affiliate';
  if (control.offsite && !control.installer) return 'affiliate';
  if (BUY_TEXT.test(text)) return 'buy';
  if (DOWNLOAD_TEXT.test(text) || control.installer) return 'download';
  return 'other';
}

/** True when a control's text alone says it buys, gets, installs or downloads (used to stop looking further out). */
export function isActionText(text: string): boolean {
  const trimmed = text.replace(/^[^\p{L}\p{N}]+/u, '');
  return BUY_TEXT.test(trimmed) || DOWNLOAD_TEXT.test(trimmed) || AFFILIATE_TEXT.test(trimmed);
}

/** Lowercase words of three or more letters or digits: how names are compared with the heading. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
}

/** True when most of the item's name is in the page's heading or title: the page is about that item. */
function namedByHeading(item: StructuredItem, heading: string): boolean {
  const name = words(item.name);
  if (!name.length) return false;
  const present = new Set(words(heading));
  return name.filter((word) => present.has(word)).length / name.length >= 0.6;
}

function itemBrand(item: StructuredItem | undefined): string {
  return item?.brand || item?.author || '';
}

/** The page's path, without host or protocol. */
function pathOf(url: string): string {
  return /^[a-z][\w+.-]*:\/\/[^/?#]*(.*)$/i.exec(url)?.[1] || '/';
}

/** The first trap the page's schema.org types, Open Graph type, generator, address or wording reveal. */
function trapReason(signals: PageSignals, path: string): string | undefined {
  for (const type of signals.pageTypes) {
    for (const [pattern, reason] of PAGE_TYPE_TRAPS) if (pattern.test(type)) return reason(type);
  }
  const ogType = (signals.meta['og:type'] ?? '').toLowerCase();
  if (ogType === 'article') return 'editorial:og-article';
  if (ogType.startsWith('video')) return 'generic:video';
  if (ogType === 'book' || ogType.startsWith('music')) return 'generic:media';
  if (ogType === 'profile') return 'not-a-product-page';
  if (FORUM_ENGINES.test(signals.generic?.generator ?? '')) return 'generic:forum';

  const text = [signals.title, signals.h1, signals.meta['og:title'] ?? ''].join('\n');
  const address = decodePath(path);
  if (COUPON.test(text) || COUPON.test(address)) return 'generic:coupon';
  if (FORUM_PATH.test(path) || FORUM_WORDS.test(text)) return 'generic:forum';
  if (VIDEO_PATH.test(path)) return 'generic:video';
  if (JOB.test(text) || JOB.test(address.replace(/[?#].*$/s, ''))) return 'generic:job';
  if (ROUNDUP.test(text) || ROUNDUP.test(address.replace(/[-_/]+/g, ' '))) return 'generic:roundup';
  if (EDITORIAL_PATH.test(path)) return 'editorial:path';
  if (GUIDE.test(text)) return 'generic:guide';
  return undefined;
}

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Kaspersky's Android package names (`com.kms.free`, `com.kaspersky.safekids`) in an app store's address. */
const KASPERSKY_PACKAGE = /[/=]com\.(?:kms|kaspersky)\.[a-z]/i;
/** Download portals and APK sites say what the page is for in its title: "… APK Download", "Download … for Windows". */
const DOWNLOAD_TITLE = /\b(?:download|apks?|installer)\b/i;

/**
 * Evidence of a product page without schema.org product data: Open Graph `og:type` product (shops), a package
 * manager's install command (Chocolatey, winget front-ends), a Kaspersky package name in an app store's address,
 * or a title that says the page is a download. The controls near the heading still have to agree.
 */
function otherProductEvidence(signals: PageSignals, hasCommand: boolean): boolean {
  return (
    (signals.meta['og:type'] ?? '').toLowerCase().startsWith('product') ||
    hasCommand ||
    KASPERSKY_PACKAGE.test(signals.url) ||
    DOWNLOAD_TITLE.test(`${signals.title}\n${signals.h1}`)
  );
}

/**
 * Classifies a page on a site without its own rule. `rule` is `GENERIC_RULE`.
 *
 * @example
 * classifyGeneric(collectSignals(document, GENERIC_RULE), GENERIC_RULE)
 * // → { verdict: 'download', product: 'Kaspersky: VPN & Antivirus', reasons: ['site:generic', 'subject:structured-data', …] }
 */
export function classifyGeneric(signals: PageSignals, rule: PageRule): Classification {
  const base = { ruleId: rule.id };
  const reasons = [`site:${rule.id}`];
  const none = (reason: string): Classification => ({ ...base, verdict: 'none', reasons: [...reasons, reason] });

  if (signals.relevant === false) return none('no-kaspersky-mention');
  const path = pathOf(signals.url);
  const trap = trapReason(signals, path);
  if (trap) return none(trap);
  // "UltraAV vs Kaspersky", "Switch from Kaspersky", "Kaspersky Lab Logo T-Shirt": the heading or title only mentions it.
  if ([signals.h1, signals.title].some((text) => text && isMentionOnly(text))) return none('mention-only');

  const heading = signals.h1 || signals.meta['og:title'] || signals.title;
  const headingAndTitle = `${heading}\n${signals.title}`;
  const products = signals.items.filter((item) => PRODUCT_TYPES.test(item.type) && item.name);
  const brands = new Set(products.map((item) => words(itemBrand(item) || item.name)[0]).filter(Boolean));
  if (brands.size >= 3) return none('generic:roundup');

  // The page's own product: a product item the heading names. Carousels and "related" items are not it.
  const main = products.find((item) => namedByHeading(item, headingAndTitle));
  const commands = (signals.generic?.commands ?? []).filter((command) => command.trim());
  let subject: string;
  let source: string;
  if (main) {
    subject = main.name;
    source = 'structured-data';
  } else if (products.length) {
    return none('generic:not-main-product');
  } else if (otherProductEvidence(signals, commands.length > 0)) {
    // No schema.org product: the heading names it, and the page says in another way that it offers it.
    subject = signals.h1 || signals.meta['og:title'] || signals.title;
    source = signals.h1 ? 'h1' : signals.meta['og:title'] ? 'og-title' : 'title';
  } else {
    return none('generic:no-product-data');
  }

  const brand = itemBrand(main) || signals.meta['product:brand'] || '';
  const madeByKaspersky = !!brand && isKasperskyBrand(brand);
  if (!subject || !(mentionsKaspersky(subject) || madeByKaspersky)) return none(`subject-not-kaspersky:${source}`);
  reasons.push(`subject:${source}`);
  if (brand && !madeByKaspersky && !mentionsKaspersky(brand)) return none('brand-not-kaspersky');
  if (brand) reasons.push('brand:kaspersky');

  if (isMentionOnly(subject)) return none('mention-only');
  if (isNonSoftwareCategory([...signals.breadcrumbs, main?.category ?? ''])) return none('non-software-category');

  const product = cleanProductName(subject);
  const category = exemptCategory(subject) ?? exemptCategory(signals.h1);
  if (category) return { ...base, verdict: 'exempt', category, product, reasons: [...reasons, `exempt:${category}`] };

  const kinds = new Set((signals.generic?.controls ?? []).map(controlKind));
  if (kinds.has('buy')) return { ...base, verdict: 'purchase', product, reasons: [...reasons, 'buy-control'] };
  if (kinds.has('download')) return { ...base, verdict: 'download', product, reasons: [...reasons, 'download-control'] };
  if (commands.length) return { ...base, verdict: 'download', product, reasons: [...reasons, 'install-command'] };
  return none(kinds.has('affiliate') ? 'generic:affiliate-only' : 'generic:no-control');
}
