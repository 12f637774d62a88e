// CDKeys (www.cdkeys.com): Magento key shop. Product pages have body class `catalog-product-view` and the title in
// `.page-title-wrapper`; the price box is `.product-info-addto` and the cart button `#product-addtocart-button`.
import type { SiteRule } from '../classifier/types';

export const cdkeys: SiteRule = {
  id: 'cdkeys',
  name: 'CDKeys',
  hosts: ['cdkeys.com'],
  role: 'store',
  listingPaths: [/^\/catalogsearch\//],
  ignorePaths: [/^\/(?:blog|news|help|faq|customer|checkout)(?:[/?#]|$)/],
  selectors: {
    productTitle: '.catalog-product-view .page-title-wrapper h1',
    buy: '#product-addtocart-button, .product-info-addto',
    breadcrumbs: '.breadcrumbs li a',
    tile: '.product-item',
    tileTitle: '.product-item-link',
  },
};
