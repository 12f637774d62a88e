// Newegg (US): major online computer and electronics retailer and marketplace; listed Kaspersky downloads and key cards.
import type { SiteRule } from '../classifier/types';

export const newegg: SiteRule = {
  id: 'newegg',
  name: 'Newegg',
  hosts: ['newegg.com'],
  role: 'store',
  // /<slug>/p/N82E16832116987, marketplace /<slug>/p/1B4-00K3-00012?Item=9SIA…, legacy Product.aspx?Item=….
  productPaths: [/\/p\/N82E\d{8,11}(?:[/?#]|$)/i, /\/p\/[0-9A-Z]{2,3}-[0-9A-Z]{3,4}-[0-9A-Z]{4,5}(?:[/?#]|$)/i, /\/Product\/Product\.aspx\?Item=/i],
  // Search (/p/pl?d=…), stores, categories, subcategories and brand stores (…/ID-123).
  listingPaths: [/^\/p\/pl(?:[?#]|$)/i, /\/(?:Store|Category|SubCategory|BrandStore)\/ID-\d+/i],
  // Newegg Insider (editorial), help, account, cart and checkout.
  ignorePaths: [/^\/(?:insider|help|account|orders|shop\/cart|checkout|wishlist|feedback)(?:[/?#]|$)/i],
  selectors: {
    productTitle: 'h1.product-title',
    buy: '#ProductBuy .btn-primary, .product-buy .btn-primary',
    breadcrumbs: 'ol.breadcrumb li a',
    tile: '.item-cell',
    tileTitle: '.item-title',
  },
};
