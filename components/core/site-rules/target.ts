// Target (US): a top US general retailer; sold Kaspersky and rival antivirus as email-delivered software.
import type { SiteRule } from '../classifier/types';

export const target: SiteRule = {
  id: 'target',
  name: 'Target',
  hosts: ['target.com'],
  role: 'store',
  // /p/<slug>/-/A-<TCIN>.
  productPaths: [/^\/p\/(?:[^/?#]+\/)?-\/A-\d{6,10}(?:[/?#]|$)/],
  // Search (/s?searchTerm=…), categories (/c/…/-/N-…) and brand pages (/b/…/-/N-…).
  listingPaths: [/^\/s(?:[/?#]|$)/, /^\/[cb]\//],
  // Help, account, orders, cart, checkout and the store locator.
  ignorePaths: [/^\/(?:help|account|orders|cart|checkout|store-locator|circle)(?:[/?#]|$)/],
  selectors: {
    productTitle: 'h1[data-test="product-title"]',
    // "Shop all Kaspersky" under the title.
    brand: '[data-test="shopAllBrandLink"]',
    buy: 'button[data-test="shippingButton"], button[data-test="orderPickupButton"], button[data-test="scheduledDeliveryButton"]',
    breadcrumbs: '[data-test="@web/Breadcrumbs/BreadcrumbLink"]',
    tile: '[data-test="@web/site-top-of-funnel/ProductCardWrapper"]',
    tileTitle: '[data-test="product-title"]',
  },
};
