// SHI International (US): large B2B and public-sector software reseller; its catalogue listed Kaspersky licences and services.
import type { SiteRule } from '../classifier/types';

export const shi: SiteRule = {
  id: 'shi',
  name: 'SHI',
  hosts: ['shi.com'],
  role: 'store',
  // Product pages: /product/<SHI part number>/<NAME-SLUG>
  productPaths: [/^\/product\/\d+/],
  listingPaths: [/^\/(?:shop\/)?search(?:[/?#]|$)/, /^\/shop\/category\//],
  ignorePaths: [/^\/(?:about|solutions|insights|resources|careers|support)(?:[/?#]|$)/],
  selectors: {
    productTitle: '#product-detail h1.product-name',
    brand: '#product-detail .product-manufacturer a',
    buy: '#product-detail button.add-to-cart',
    breadcrumbs: 'nav.breadcrumb-nav a',
    tile: '.search-results .product-card',
    tileTitle: '.product-card-name a',
  },
};
