// Apple App Store (apps.apple.com): Apple's app store web pages; app pages are /<cc>/app/<slug>/id<digits>.
import type { SiteRule } from '../classifier/types';

export const appleAppStore: SiteRule = {
  id: 'apple-app-store',
  name: 'App Store',
  hosts: ['apps.apple.com'],
  role: 'download',
  productPaths: [/^\/(?:[a-z]{2}\/)?app\/(?:[^/?#]+\/)?id\d+/],
  listingPaths: [/^\/(?:[a-z]{2}\/)?(?:iphone\/|ipad\/|mac\/)?search\b/, /^\/(?:[a-z]{2}\/)?developer\//],
  ignorePaths: [/^\/(?:[a-z]{2}\/)?story\//],
  // No productTitle: the page's h1 carries an age badge ("4+"), and the 2025 redesign changed the header markup;
  // the schema.org SoftwareApplication block (name, author) is stable across both designs.
  selectors: {
    brand: 'h2.product-header__identity a',
    download: 'a[href^="itms-apps:"], .app-header__list__item--price, .get-button',
    // Older pages: .we-lockup; the 2025 design: search results are <article>s in the grid (ul[data-test-id="grid"]),
    // developer and chart shelves use .small-lockup-item; both put the app name in an <h3>.
    tile: '.we-lockup, .search-result, [data-test-id="grid"] article, .small-lockup-item',
    tileTitle: '.we-lockup__title, h3',
  },
};
