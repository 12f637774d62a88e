// B&H Photo (www.bhphotovideo.com): a New York electronics retailer that sold Kaspersky download licences.
// Markup from scrapers of the site: product pages /c/product/<id>-REG/<slug>.html with h1[data-selenium="productTitle"],
// the brand link [data-selenium="authorizedDealerLink"], breadcrumbs a[data-selenium="linkCrumb"], the
// [data-selenium="addToCartButton"] button and Product JSON-LD; search and category listings (/c/search?q=…,
// /c/buy/<category>/ci/<id>) of div[data-selenium="miniProductPage"] tiles named by [data-selenium="miniProductPageProductName"].
import type { SiteRule } from '../classifier/types';

export const bhphotovideo: SiteRule = {
  id: 'bhphotovideo',
  name: 'B&H Photo',
  hosts: ['bhphotovideo.com'],
  role: 'store',
  productPaths: [/^\/c\/product\/\d+-[A-Z]+\//],
  listingPaths: [/^\/c\/(?:search|buy|browse)(?:[/?#]|$)/],
  // Explora (the editorial section), help and account pages, and a product's review and Q&A tabs.
  ignorePaths: [/^\/(?:explora|find|account|bnh\/controller\/home\/help)(?:[/?#]|$)/, /^\/c\/product\/[^/?#]+\/[^/?#]+\/(?:reviews|qa)(?:[/?#]|$)/],
  selectors: {
    productTitle: 'h1[data-selenium="productTitle"]',
    brand: '[data-selenium="authorizedDealerLink"]',
    buy: '[data-selenium="addToCartButton"], [data-selenium="addToCartButtonLink"]',
    breadcrumbs: 'a[data-selenium="linkCrumb"]',
    tile: '[data-selenium="miniProductPage"]',
    tileTitle: '[data-selenium="miniProductPageProductName"]',
  },
};
