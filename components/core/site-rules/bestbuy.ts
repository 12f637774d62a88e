// Best Buy (US): the largest US electronics chain; sold Kaspersky Standard, Plus, Premium and Safe Kids as digital downloads.
import type { SiteRule } from '../classifier/types';

export const bestbuy: SiteRule = {
  id: 'bestbuy',
  name: 'Best Buy',
  hosts: ['bestbuy.com'],
  role: 'store',
  // /site/<slug>/<7-digit SKU>.p?skuId=…, and the newer /product/<slug>/<id> pages.
  productPaths: [/^\/site\/[^/?#]+\/\d{6,8}\.p(?:[?#]|$)/, /^\/product\/[^/?#]+\/[A-Z0-9]{6,}(?:[/?#]|$)/i],
  // Search (/site/searchpage.jsp?st=…), categories and brand pages (…/pcmcat….c?id=…).
  listingPaths: [/^\/site\/searchpage\.jsp/, /^\/site\/(?:[^?#]*\/)?[a-z]*cat\d+\.c(?:[?#]|$)/, /^\/site\/brands\//],
  // Reviews, Q&A, help topics, cart, checkout and account pages.
  ignorePaths: [/^\/site\/(?:reviews|questions|help-topics|customer)\//, /^\/(?:cart|checkout|identity|profile|services)(?:[/?#]|$)/],
  selectors: {
    productTitle: '.sku-title h1',
    brand: '.shop-product-title a[href*="/site/brands/"]',
    buy: '.add-to-cart-button, button[data-button-state="ADD_TO_CART"]',
    breadcrumbs: '.c-breadcrumbs-list a',
    tile: 'li.sku-item, li.product-list-item',
    tileTitle: '.sku-title, .sku-header, .product-title',
  },
};
