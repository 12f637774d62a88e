// Zones (US): B2B IT reseller (zones.com) with a public catalogue that included Kaspersky business licences.
import type { SiteRule } from '../classifier/types';

export const zones: SiteRule = {
  id: 'zones',
  name: 'Zones',
  hosts: ['zones.com'],
  role: 'store',
  // Product pages: /site/product/index.html?id=<id> and /site/product/<id>/<slug>.html
  productPaths: [/^\/site\/product\//],
  // Search and refinement: /site/locate/search.html?txt_search=…, /site/locate/refine.html
  listingPaths: [/^\/site\/locate\//, /^\/site\/category\//],
  ignorePaths: [/^\/site\/(?:statics|about|solutions|partner|home\/customer)/],
  selectors: {
    productTitle: '#product_name_id',
    buy: '#addToCartBtn, .product-buy-box button.add-to-cart',
    breadcrumbs: 'li[typeof="v:Breadcrumb"] a',
    tile: '.serp-results .product',
    tileTitle: 'a.title',
  },
};
