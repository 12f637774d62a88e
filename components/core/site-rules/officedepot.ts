// Office Depot / OfficeMax (US): office-supply chain whose web store sold Kaspersky download and boxed licences.
import type { SiteRule } from '../classifier/types';

export const officedepot: SiteRule = {
  id: 'officedepot',
  name: 'Office Depot',
  hosts: ['officedepot.com'],
  role: 'store',
  // Product pages: /a/products/<sku>/<Name-Slug>/
  productPaths: [/^\/a\/products\/\d+/],
  listingPaths: [/^\/a\/search\//, /^\/a\/browse\//, /^\/b\//],
  ignorePaths: [/^\/(?:l\/|cm\/|a\/content\/|a\/guides\/|customerservice|help)/],
  selectors: {
    productTitle: '#skuHeading h1',
    brand: '#skuHeading .sku-brand a',
    buy: '#productPurchase button[type="submit"], #addToCartButtonId',
    breadcrumbs: '#siteBreadcrumb li a',
    tile: '.od-product-card',
    tileTitle: '.od-product-card-region-description a',
  },
};
