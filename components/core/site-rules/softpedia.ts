// Softpedia (www.softpedia.com): a download portal; its reviews (/reviews/) and news.softpedia.com are editorial.
import type { SiteRule } from '../classifier/types';

export const softpedia: SiteRule = {
  id: 'softpedia',
  name: 'Softpedia',
  // Only the downloads host: news.softpedia.com is pure news and stays unclaimed.
  hosts: ['www.softpedia.com'],
  role: 'download',
  // /get/Antivirus/Removal-Tools/Kaspersky-TDSSKiller.shtml, /progDownload/…, /mobile/Android/…, /get/Mac/… (apps);
  productPaths: [/^\/(?:get|mobile|progDownload)\/[\w/.-]+\.shtml/, /^\/apk\//],
  listingPaths: [/^\/dyn-search\.php/, /^\/(?:get|mobile)\/[\w-]+(?:\/[\w-]+)?\/?(?:[?#]|$)/, /^\/publisher\//],
  ignorePaths: [/^\/(?:reviews|news|blog|editorial|how-to|articles?)\//],
  selectors: {
    productTitle: '.app-details h1, h1[itemprop="name"]',
    brand: '[itemprop="publisher"] [itemprop="name"], [itemprop="author"]',
    download: 'a.dllinkbox2, a[href*="/progDownload/"]',
    breadcrumbs: '.breadcrumb a, .ul-breadcrumb a',
    tile: '.dlcls',
    tileTitle: 'h4 a',
  },
};
