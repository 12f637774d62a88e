// FileHippo (filehippo.com): a Windows/Mac download portal; program pages are /download_<program>/.
import type { SiteRule } from '../classifier/types';

export const filehippo: SiteRule = {
  id: 'filehippo',
  name: 'FileHippo',
  hosts: ['filehippo.com'],
  role: 'download',
  productPaths: [/^\/(?:[a-z]{2}\/)?(?:mac\/)?download_[\w-]+\/(?:post_download\/|technical\/|\d+\/)?(?:[?#]|$)/],
  listingPaths: [/^\/(?:[a-z]{2}\/)?(?:mac\/)?search\b/, /^\/(?:[a-z]{2}\/)?(?:mac\/)?software\//, /^\/(?:[a-z]{2}\/)?popular\//],
  ignorePaths: [/^\/(?:[a-z]{2}\/)?(?:articles?|news|guides?|info|blog)\//, /\/history\/?(?:[?#]|$)/],
  selectors: {
    productTitle: '.program-header__title',
    brand: '.program-header__author a, [data-qa="program-developer"]',
    download: '.program-actions-header__download a, a[data-qa="download-button"]',
    breadcrumbs: '.breadcrumbs a',
    tile: '.list-programs__item',
    tileTitle: '.card-program__title',
  },
};
