// eBay (US): the largest US marketplace; third-party sellers list new, boxed and key-card Kaspersky licences.
import type { SiteRule } from '../classifier/types';

export const ebay: SiteRule = {
  id: 'ebay',
  name: 'eBay',
  hosts: ['ebay.com'],
  role: 'store',
  // Item pages: /itm/<item id> or /itm/<slug>/<item id>; catalog product pages: /p/<epid>
  productPaths: [/^\/itm\/(?:[^/?#]+\/)?\d{9,}/, /^\/p\/\d+/],
  // Search: /sch/i.html?_nkw=…; browse: /b/<category>/<id>/bn_…; seller stores: /str/<name>; keyword pages: /shop/<term>
  listingPaths: [/^\/sch\//, /^\/b\//, /^\/str\//, /^\/shop\//],
  ignorePaths: [/^\/(?:help|usr|fdbk|myb|mye|sl\/|signin|ws\/|e\/|deals\/stories)/],
  selectors: {
    productTitle: 'h1.x-item-title__mainTitle',
    brand: '.ux-labels-values--brand .ux-labels-values__values',
    buy: '#binBtn_btn, #atcBtn_btn, [data-testid="x-bin-action"] a, [data-testid="x-atc-action"] a',
    breadcrumbs: 'nav.breadcrumbs a.seo-breadcrumb-text',
    // Search result cards: the long-lived `li.s-item` and the newer `li.s-card`.
    tile: 'li.s-item, li.s-card',
    tileTitle: '.s-item__title, .s-card__title',
  },
};
