// Amazon (US): the largest US marketplace; Kaspersky sold boxed and online-code licences there through its own brand store.
import type { SiteRule } from '../classifier/types';

export const amazon: SiteRule = {
  id: 'amazon',
  name: 'Amazon',
  hosts: ['amazon.com', 'smile.amazon.com'],
  role: 'store',
  // /Title-Slug/dp/ASIN, /dp/ASIN, /gp/product/ASIN, mobile /gp/aw/d/ASIN; ASINs are 10 upper-case letters/digits.
  productPaths: [/\/dp\/[A-Z0-9]{10}(?:[/?#]|$)/, /\/gp\/product\/[A-Z0-9]{10}(?:[/?#]|$)/, /\/gp\/aw\/d\/[A-Z0-9]{10}(?:[/?#]|$)/],
  // Search (/s?k=…, and /<keyword>/s?k=… as linked from web search), browse nodes (/b?node=…, /Software/b/…),
  // brand stores (/stores/Kaspersky/page/…).
  listingPaths: [/^\/(?:[^/?#]+\/)?s(?:[/?]|$)/, /^\/(?:[^/?#]+\/)?b(?:[/?]|$)/, /^\/stores\//],
  // Help, sign-in, cart/checkout, review and Q&A pages never sell by themselves.
  ignorePaths: [
    /^\/(?:gp\/help|hz\/|review|product-reviews|ask\/|gp\/customer-reviews|ap\/|gp\/cart|cart\/|gp\/buy|gp\/css|gp\/your-account|your-orders|gp\/aw\/c)/,
  ],
  selectors: {
    productTitle: '#productTitle',
    // "Visit the Kaspersky Store" or "Brand: Kaspersky"; on books the author line ("Jane Doe (Author)").
    brand: '#bylineInfo',
    buy: '#add-to-cart-button, #buy-now-button, input[name="submit.add-to-cart"], #buybox',
    breadcrumbs: '#wayfinding-breadcrumbs_feature_div li a',
    tile: '[data-component-type="s-search-result"]',
    tileTitle: 'h2',
  },
};
