/**
 * Name matching for Kaspersky products, exempt services and the things that only mention them.
 * Product names come from ban-facts.md §4–5.
 * @module
 */
import type { ExemptCategory } from './types';

/**
 * The brand, and the free tools whose names don't carry it. Japanese stores write the brand in katakana only
 * (amazon.co.jp: "カスペルスキー プレミアム | 5台1年版 | …").
 */
const KASPERSKY = /\bkaspersky\b|\bkaspersky(?:lab|os)\b|\btdsskiller\b|\bkvrt\b|カスペルスキー/i;

/** Brand strings that mean Kaspersky made it (brand, developer, publisher fields). */
const KASPERSKY_BRAND = /^(?:visit the )?(?:brand:\s*)?(?:ao |jsc )?kaspersky(?: lab(?:s)?(?: switzerland| inc\.?| limited| uk)?| store| labs?)?\.?$/i;

/**
 * Exempt Kaspersky services (ban-facts §4): Threat Intelligence, Security Training,
 * purely informational consulting. Checked on the page's subject only.
 */
const EXEMPT: Array<[RegExp, ExemptCategory]> = [
  [/threat[ -]intelligence|\bopentip\b|threat (?:data )?feeds?|\bcybertrace\b|threat lookup|apt intelligence|crimeware intelligence|digital footprint intelligence|\bti portal\b/i, 'threat-intelligence'],
  [/security awareness|\b(?:k-?)?asap\b|interactive protection simulation|\bkips\b|expert training|\bxtraining\b|cybersafety (?:management )?games?|security training|cybersecurity training|cybersecurity for it online|\bcito\b|adaptive online training/i, 'security-training'],
];

/**
 * Subjects that mention Kaspersky without being a Kaspersky software product:
 * books and merchandise, comparisons and reviews, removal helpers, compatibility notes.
 */
const MENTION_ONLY = [
  /\b(?:paperback|hardcover|kindle edition|audiobook|audible|e-?book|book|books|novel|magazine|t-?shirts?|hoodie|mug|poster|sticker|decal|keychain|lanyards?)\b/i,
  // Branded merchandise and promotional giveaways.
  /\b(?:shirts?|tee|polo|sweatshirt|jacket|(?:baseball |trucker |snapback )?caps?|hats?|beanie|mouse ?pads?|mousepads?|pens?|enamel pins?|lapel pins?|water bottle|tumbler|backpack|tote(?: bag)?|umbrella|plush|figurine|coaster|swag|merch(?:andise)?)\b/i,
  /\b(?:vs\.?|versus|compared|comparison|alternatives?(?: to)?|reviews?|review:|top \d+ antivirus)\b/i,
  /\b(?:uninstall(?:er|ing)?|kavremover|remover|how to remove|removal instructions)\b/i,
  /\b(?:compatible with|works with|for use with|replacement for|instead of|switch(?:ing)? from|migrat\w+ from)\s+kaspersky/i,
  // Another vendor's "competitive upgrade from Kaspersky" SKU; Kaspersky's own upgrade SKUs start with its name.
  /^(?!\W*kaspersky\b).*\b(?:upgrade|crossgrade|trade-?up|trade-?in) from\s+kaspersky/i,
  /\b(?:ban|banned|bans|prohibit\w*|sanction\w*)\b/i,
];

/** Breadcrumb or category words that put a product outside software. */
const NON_SOFTWARE_CATEGORY = /^(?:books?|kindle store|kindle e?books|audible books.*|movies.*|music|clothing.*|apparel|toys.*|magazines?|textbooks?|computer(?:s)? & technology books|computer science)$/i;

/**
 * Format labels that listing tiles print beside the title of books, e-books and audiobooks
 * ("Paperback", "Kindle", "Audible Audiobook"); software tiles print platforms and "Online Code" instead.
 */
const MEDIA_FORMAT = /\b(?:paperback|hardcover|mass market paperback|kindle(?: edition)?(?! fire)|audible audiobook|audiobook|audio cd|board book|spiral-bound|library binding|loose leaf)\b/i;

/** Does the text name Kaspersky (or one of its unbranded free tools)? */
export function mentionsKaspersky(text: string | undefined): boolean {
  return !!text && KASPERSKY.test(text);
}

/** Is this brand/developer string Kaspersky itself? Empty means unknown. */
export function isKasperskyBrand(brand: string): boolean {
  return KASPERSKY_BRAND.test(brand.trim()) || /^kaspersky\b/i.test(brand.trim());
}

/** The exempt category the subject belongs to, if any. */
export function exemptCategory(subject: string): ExemptCategory | undefined {
  for (const [pattern, category] of EXEMPT) if (pattern.test(subject)) return category;
  return undefined;
}

/** True when the subject only mentions Kaspersky: a book, a review, a comparison, a remover. */
export function isMentionOnly(subject: string): boolean {
  return MENTION_ONLY.some((pattern) => pattern.test(subject));
}

/** True when a listing tile's text shows a book, e-book or audiobook format label. */
export function hasMediaFormat(text: string | undefined): boolean {
  return !!text && MEDIA_FORMAT.test(text);
}

/** True when a breadcrumb trail puts the product among books, media or clothing. */
export function isNonSoftwareCategory(crumbs: readonly string[]): boolean {
  return crumbs.some((crumb) => NON_SOFTWARE_CATEGORY.test(crumb.trim()));
}

/** Trims a page title to the product name: drops the site's name and selling words. */
export function cleanProductName(text: string): string {
  let name = text.replace(/\s+/g, ' ').trim();
  name = name.replace(/^(?:amazon(?:\.[a-z]{2,3}){1,2} ?: ?|buy )/i, '');
  // Whitespace is single spaces by now: the separators match one space each, which keeps the split linear.
  name = name.split(/ [|–—] | - (?=[^-]*$)| ?: ?(?=(?:software|computer software|video games)\b)/i)[0] ?? name;
  return name.length > 90 ? `${name.slice(0, 87).trimEnd()}…` : name;
}
