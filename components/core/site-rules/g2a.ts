// G2A (www.g2a.com): key marketplace selling Kaspersky licence keys from third-party sellers.
// Product pages end in `-i<id>` (e.g. /en/the-witcher-trilogy-pack-steam-gift-global-i10000000746004); the title
// carries `data-locator="ppa-summary__title"` and the buy button `data-locator="ppa-payment__btn"`.
import type { SiteRule } from '../classifier/types';

export const g2a: SiteRule = {
  id: 'g2a',
  name: 'G2A',
  hosts: ['g2a.com'],
  role: 'store',
  productPaths: [/-i\d{8,}(?:[/?#]|$)/],
  listingPaths: [/^\/(?:[a-z]{2}\/)?(?:search|category)(?:[/?#]|$)/],
  ignorePaths: [/^\/(?:[a-z]{2}\/)?(?:news|blog|wiki|support|reviews?)(?:[/?#]|$)/],
  selectors: {
    productTitle: '[data-locator="ppa-summary__title"]',
    buy: '[data-locator="ppa-payment__btn"], [data-locator="ppa-payment"]',
    // Search and category results: <li class="…productCard…"> cards (styled-components classes around a stable
    // "productCard" name) with the offer title in an <h3> and the price in [data-locator="zth-price"].
    tile: 'li[class*="productCard"]',
    tileTitle: 'h3',
  },
};
