// CDW (US): the largest US IT reseller to business and government; listed Kaspersky business licences by node band.
import type { SiteRule } from '../classifier/types';

export const cdw: SiteRule = {
  id: 'cdw',
  name: 'CDW',
  hosts: ['cdw.com'],
  role: 'store',
  // Product pages: /product/<slug>/<CDW item number>
  productPaths: [/^\/product\/[^/?#]+\/\d+/],
  listingPaths: [/^\/search\//, /^\/category\//, /^\/brand\//],
  ignorePaths: [/^\/(?:content|articles|resources|solutions|account|myaccount)\//],
  selectors: {
    productTitle: '#primaryProductName',
    buy: '#primaryProductAddToCart button, .js-add-to-cart',
    breadcrumbs: '#breadcrumbs a',
    tile: '.search-result',
    tileTitle: 'a.search-result-product-url',
  },
};
