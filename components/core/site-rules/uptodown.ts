// Uptodown (<app>.en.uptodown.com, en.uptodown.com): an app download portal for Android and Windows.
import type { SiteRule } from '../classifier/types';

export const uptodown: SiteRule = {
  id: 'uptodown',
  name: 'Uptodown',
  hosts: ['uptodown.com'],
  role: 'download',
  // App pages sit on the app's subdomain: kaspersky-free.en.uptodown.com/windows, …/android/download, …/windows/versions.
  productPaths: [/^\/(?:windows|android|mac|iphone|ios)(?:\/(?:download(?:\/\d+(?:-x)?)?|versions|post-download))?\/?(?:[?#]|$)/],
  listingPaths: [/^\/(?:windows|android|mac|iphone|ios)\/search\b/, /^\/(?:windows|android|mac)\/(?!download\b|versions\b|post-download\b)[a-z-]+\/?(?:[?#]|$)/, /^\/developer\//],
  ignorePaths: [/^\/blog\b/, /^\/(?:news|articles?)\//],
  selectors: {
    productTitle: 'h1#detail-app-name',
    brand: '.detail .author a, [itemprop="author"] [itemprop="name"]',
    download: '#detail-download-button, a.button.download',
    breadcrumbs: '.breadcrumbs a',
    tile: '.item',
    tileTitle: '.name a, .name',
  },
};
