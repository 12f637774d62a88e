// Softonic (en.softonic.com and <app>.en.softonic.com): a download portal with an editorial articles section.
import type { SiteRule } from '../classifier/types';

export const softonic: SiteRule = {
  id: 'softonic',
  name: 'Softonic',
  hosts: ['softonic.com'],
  role: 'download',
  // Product pages live on the app's own subdomain: kaspersky-free-antivirus.en.softonic.com/ (and /download, /android, /mac);
  // the main host serves post-download pages under /download/<app>/<os>/post-download.
  productPaths: [/^\/(?:(?:download|android|mac|iphone|windows|web-apps)(?:\/download)?\/?)?(?:[?#]|$)/, /^\/download\/[\w-]+\/[\w-]+\/post-download/],
  listingPaths: [/^\/s\//, /^\/(?:windows|android|mac|iphone)\/(?!download\b|post-download\b)[\w-]+(?:\/[\w-]+)?\/?(?:[?#]|$)/],
  ignorePaths: [/^\/(?:articles?|solutions|noticias|news|guides?|reviews?|best)\b/],
  selectors: {
    productTitle: '.app-header__name, h1[data-meta="name"]',
    brand: '[data-meta="developer"]',
    download: '[data-meta="button-download"], a.button-main-download',
    breadcrumbs: '.breadcrumbs a',
    tile: 'li.js-organic-result',
    tileTitle: '.app-list__title, h2, h3',
  },
};
