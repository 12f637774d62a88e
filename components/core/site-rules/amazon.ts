// Amazon: the largest US marketplace, and every storefront a US person abroad shops at (US persons are covered
// wherever they are). Kaspersky sold boxed and online-code licences there through its own brand store. All storefronts
// share one page design (#productTitle, #bylineInfo, #add-to-cart-button, s-search-result tiles); only the words differ
// ("Amazon.de: …", "In den Einkaufswagen", "Jetzt kaufen", "カートに入れる"), and the rule reads ids, never words.
import type { SiteRule } from '../classifier/types';

/** Storefronts outside the US (each with its www. host; amazon.co.jp also serves English under /-/en/). */
const STOREFRONTS = [
  'amazon.ca', 'amazon.co.uk', 'amazon.de', 'amazon.fr', 'amazon.es', 'amazon.it', 'amazon.nl', 'amazon.com.mx',
  'amazon.com.au', 'amazon.co.jp', 'amazon.in', 'amazon.ae', 'amazon.sg',
];

export const amazon: SiteRule = {
  id: 'amazon',
  name: 'Amazon',
  hosts: ['amazon.com', 'smile.amazon.com', ...STOREFRONTS],
  role: 'store',
  // /Title-Slug/dp/ASIN, /dp/ASIN, /gp/product/ASIN, mobile /gp/aw/d/ASIN; ASINs are 10 upper-case letters/digits.
  productPaths: [/\/dp\/[A-Z0-9]{10}(?:[/?#]|$)/, /\/gp\/product\/[A-Z0-9]{10}(?:[/?#]|$)/, /\/gp\/aw\/d\/[A-Z0-9]{10}(?:[/?#]|$)/],
  // Search (/s?k=…, and /<keyword>/s?k=… as linked from web search), browse nodes (/b?node=…, /Software/b/…),
  // brand stores (/stores/Kaspersky/page/…); amazon.co.jp's English pages put /-/en/ in front.
  listingPaths: [/^\/(?:-\/[a-z]{2}\/)?(?:[^/?#]+\/)?s(?:[/?]|$)/, /^\/(?:-\/[a-z]{2}\/)?(?:[^/?#]+\/)?b(?:[/?]|$)/, /^\/(?:-\/[a-z]{2}\/)?stores\//],
  // Each of them has a slash straight before its s or b: most product addresses (/Title-Slug/dp/ASIN/ref=…) have neither.
  listingPathsContain: ['/s', '/b'],
  // Help, sign-in, cart/checkout, review and Q&A pages never sell by themselves.
  ignorePaths: [
    /^\/(?:-\/[a-z]{2}\/)?(?:gp\/help|hz\/|review|product-reviews|ask\/|gp\/customer-reviews|ap\/|gp\/cart|cart\/|gp\/buy|gp\/css|gp\/your-account|your-orders|gp\/aw\/c)/,
  ],
  // Book and media words of the storefronts abroad (formats on tiles and titles, "Books" breadcrumbs); the words
  // end at a non-letter rather than at \b, which stops before "é"; Japanese has no word boundaries.
  mediaWords:
    /\b(?:taschenbuch|gebundene ausgabe|kindle ausgabe|hörbuch|bücher|livres?|broché|relié|format kindle|tapa blanda|tapa dura|versión kindle|libros?|copertina flessibile|copertina rigida|formato kindle|libri|boeken|paperback)(?![a-zà-ÿ])|単行本|文庫|新書|ペーパーバック|Kindle版|雑誌|^本$|^洋書$/i,
  // Amazon's pages carry no JSON-LD or microdata (none of the saved pages, from seven storefronts, has any).
  structuredData: false,
  selectors: {
    productTitle: '#productTitle',
    // "Visit the Kaspersky Store" / "Besuche den Kaspersky-Store" / "Marque : Kaspersky"; on books the author line.
    brand: '#bylineInfo',
    buy: '#add-to-cart-button, #buy-now-button, input[name="submit.add-to-cart"], #buybox',
    breadcrumbs: '#wayfinding-breadcrumbs_feature_div li a',
    tile: '[data-component-type="s-search-result"]',
    tileTitle: 'h2',
  },
};
