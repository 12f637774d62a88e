// Connection (US, formerly PC Connection): B2B IT reseller whose catalogue listed Kaspersky licences by manufacturer part.
import type { SiteRule } from '../classifier/types';

export const connection: SiteRule = {
  id: 'connection',
  name: 'Connection',
  hosts: ['connection.com'],
  role: 'store',
  // Product pages: /product/<slug>/<mfr part>/<item id>
  productPaths: [/^\/product\/(?!searchpage)[^/?#]+\/[^/?#]+\/\d+/],
  listingPaths: [/^\/IPA\/Shop\/Product\/Search/i, /^\/product\/searchpage/i, /^\/IPA\/Shop\/Category\//i],
  ignorePaths: [/^\/(?:IPA\/Content|content|solutions|about-us|help)(?:[/?#]|$)/i],
  selectors: {
    productTitle: '#productDetail h1',
    brand: '#productNameLink a',
    buy: '#productDetail #btnAddToCart',
    breadcrumbs: '#breadcrumbs a',
    tile: '#listView .product-row',
    tileTitle: '.product-name a',
  },
};
