// CNET Download (download.cnet.com): a download portal; only the download host is claimed, cnet.com news and reviews are not.
import type { SiteRule } from '../classifier/types';

export const cnetDownload: SiteRule = {
  id: 'cnet-download',
  name: 'CNET Download',
  hosts: ['download.cnet.com'],
  role: 'download',
  // /kaspersky-free-antivirus/3000-2239_4-10971329.html (product), /…/3001-2239_4-10971329.html (post-download).
  productPaths: [/^\/[\w-]+\/300[01]-\d+_4-\d+\.html/],
  listingPaths: [/^\/s\//, /^\/(?:windows|mac|android|ios)\/[\w-]+\/?(?:[?#]|$)/, /^\/developer\//],
  ignorePaths: [/^\/(?:news|reviews?|how-to|articles?|tech|deals|best)\//],
  selectors: {
    productTitle: 'h1.c-productSummary_title',
    brand: '.c-productSummary_developer a, [data-meta="developer"]',
    download: '.c-productActionButton a, a[href*="/3001-"]',
    breadcrumbs: '.c-breadcrumbs a',
    // Search results and category lists use the same card.
    tile: '.c-productCard',
    tileTitle: '.c-productCard_title',
  },
};
