// Amazon (US): the largest marketplace; sold boxed and download Kaspersky licences.
import type { SiteRule } from '../classifier/types';

export const amazon: SiteRule = {
  id: 'amazon',
  name: 'Amazon',
  hosts: ['amazon.com', 'smile.amazon.com'],
  role: 'store',
  productPaths: [/\/dp\/[A-Z0-9]{10}\b/, /\/gp\/product\/[A-Z0-9]{10}\b/, /\/gp\/aw\/d\/[A-Z0-9]{10}\b/],
  listingPaths: [/^\/s(?:[/?]|$)/, /^\/b(?:[/?]|$)/, /^\/stores\//],
  ignorePaths: [/^\/(?:gp\/help|hz\/|review|product-reviews|ask\/|gp\/customer-reviews)/],
  selectors: {
    productTitle: '#productTitle',
    brand: '#bylineInfo',
    buy: '#add-to-cart-button, #buy-now-button, #buybox',
    breadcrumbs: '#wayfinding-breadcrumbs_feature_div li a',
    tile: '[data-component-type="s-search-result"]',
    tileTitle: 'h2',
  },
};
