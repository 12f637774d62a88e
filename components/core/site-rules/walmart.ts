// Walmart (US): the largest US retailer; its marketplace sellers listed Kaspersky licences for email delivery.
import type { SiteRule } from '../classifier/types';

export const walmart: SiteRule = {
  id: 'walmart',
  name: 'Walmart',
  hosts: ['walmart.com'],
  role: 'store',
  // /ip/<Title-Slug>/<item id> and the short /ip/<item id>.
  productPaths: [/^\/ip\/(?:[^/?#]+\/)?\d{5,12}(?:[/?#]|$)/],
  // Search, browse and category pages, curated shelves and brand pages.
  listingPaths: [/^\/search(?:[/?#]|$)/, /^\/(?:browse|cp|shop|brand)\//],
  // Review pages, help, account, cart, checkout, seller profiles and store pages.
  ignorePaths: [/^\/(?:reviews|help|account|orders|cart|checkout|seller|store)(?:[/?#]|$)/],
  selectors: {
    productTitle: 'h1#main-title',
    brand: 'a[data-seo-id="brand-name"], a[link-identifier="brandName"]',
    buy: '[data-automation-id="atc"], [data-dca-name="ItemBuyBoxAddToCartButton"]',
    breadcrumbs: 'nav[aria-label="breadcrumb"] a',
    tile: '[data-item-id]',
    tileTitle: '[data-automation-id="product-title"]',
  },
};
