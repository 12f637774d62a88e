// Insight (US): large B2B IT reseller (insight.com); sold Kaspersky business and consumer licences by manufacturer part.
import type { SiteRule } from '../classifier/types';

export const insight: SiteRule = {
  id: 'insight',
  name: 'Insight',
  hosts: ['insight.com'],
  role: 'store',
  // Product pages: /en_US/shop/product/<part>/<MANUFACTURER>/<part>/<Slug>/
  productPaths: [/^\/[a-z]{2}_[A-Z]{2}\/shop\/product\//],
  listingPaths: [/^\/[a-z]{2}_[A-Z]{2}\/search\.html/, /^\/[a-z]{2}_[A-Z]{2}\/shop\/category\//, /^\/[a-z]{2}_[A-Z]{2}\/shop\/manufacturer\//],
  ignorePaths: [/^\/[a-z]{2}_[A-Z]{2}\/(?:content-and-resources|about|what-we-do|help|partners)\//],
  selectors: {
    productTitle: '#js-product-detail-target h1',
    buy: '#js-product-detail-pricing-target .js-add-to-cart',
    breadcrumbs: '.c-breadcrumbs a',
    tile: '#js-search-product-items .prod-search-result',
    tileTitle: 'h3 a',
  },
};
