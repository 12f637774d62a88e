// FileHorse (www.filehorse.com): a Windows/Mac download portal; program pages are /download-<program>/.
import type { SiteRule } from '../classifier/types';

export const filehorse: SiteRule = {
  id: 'filehorse',
  name: 'FileHorse',
  hosts: ['filehorse.com'],
  role: 'download',
  productPaths: [/^\/(?:mac\/)?download-[\w-]+\/(?:download\/|old-versions\/|screenshots\/)?(?:[?#]|$)/],
  listingPaths: [/^\/(?:mac\/)?search\b/, /^\/(?:mac\/)?(?:software|popular|latest)-[\w-]*\/?/],
  ignorePaths: [/^\/(?:articles?|news|blog|guides?|how-to)\//],
  selectors: {
    productTitle: '.soft-name h1, h1.title',
    brand: '.developer a, [itemprop="author"] [itemprop="name"]',
    download: 'a.download-btn, #download_url_dlm',
    breadcrumbs: '.breadcrumbs a',
    // Search and category lists: <ul class="software_list"><li>…<h3><a>Name Version</a></h3>; ads and the
    // "no match" line are list items too.
    tile: 'ul.software_list > li:not(.ads):not(.no_match)',
    tileTitle: 'h3',
  },
};
