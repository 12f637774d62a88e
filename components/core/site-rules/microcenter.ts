// Micro Center (US): computer-store chain; sold Kaspersky consumer licences online and for in-store pickup.
import type { SiteRule } from '../classifier/types';

export const microcenter: SiteRule = {
  id: 'microcenter',
  name: 'Micro Center',
  hosts: ['microcenter.com'],
  role: 'store',
  // Product pages: /product/<sku id>/<slug>
  productPaths: [/^\/product\/\d+/],
  // Search: /search/search_results.aspx?Ntt=…; categories: /category/<id>/<slug>
  listingPaths: [/^\/search\//, /^\/category\//, /^\/brand\//],
  ignorePaths: [/^\/(?:site\/content|site\/stores|site\/mc-news|site\/help|community)/],
  selectors: {
    productTitle: '.product-header h1',
    buy: '#cart-options button.btn-add, #cart-options input[type="submit"]',
    breadcrumbs: '#breadcrumb a',
    tile: 'li.product_wrapper',
    tileTitle: '.h2 a',
  },
};
