// Staples (US): office-supply chain whose web store sold boxed and download Kaspersky home and small-office licences.
import type { SiteRule } from '../classifier/types';

export const staples: SiteRule = {
  id: 'staples',
  name: 'Staples',
  hosts: ['staples.com'],
  role: 'store',
  // Product pages end in `/product_<item number>`, e.g. /kaspersky-premium-…/product_24571834.
  productPaths: [/\/product_[A-Za-z0-9]+(?:[/?#]|$)/],
  // Search is /<term>/directory_<term>; categories are /<name>/cat_CL…; the newer search is /search?query=.
  listingPaths: [/\/directory_[^/?#]+/, /\/cat_[A-Z]{2}\d+/, /^\/search(?:[/?#]|$)/],
  ignorePaths: [/^\/(?:sbd\/cre|services|stores|hc\/|help|ideas|deals\/weekly-ad)/],
  selectors: {
    productTitle: '#product_title',
    brand: '#product_brand_name',
    buy: '#ctaButton, button.add-to-cart-btn',
    breadcrumbs: '#breadcrumb_container a',
    tile: '.standard-type__product_tile',
    tileTitle: '.standard-type__product_title',
  },
};
