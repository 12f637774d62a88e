// MajorGeeks (www.majorgeeks.com): a long-running Windows download portal; its how-to articles live under /content/.
import type { SiteRule } from '../classifier/types';

export const majorgeeks: SiteRule = {
  id: 'majorgeeks',
  name: 'MajorGeeks',
  hosts: ['majorgeeks.com'],
  role: 'download',
  productPaths: [/^\/files\/details\/[\w.-]+\.html/, /^\/mg\/get\/[\w.-]+,\d+\.html/],
  listingPaths: [/^\/mg\/sortname\//, /^\/mg\/topdownloads\//, /^\/files\/category\//, /^\/index\.php\?(?=[^#]*\bct=files)(?=[^#]*\baction=search)/, /^\/search\b/],
  ignorePaths: [/^\/(?:content|news|forums?|mg\/page)\//],
  selectors: {
    productTitle: 'h1.geekytitle, .geekyfile h1',
    brand: '.geekyauthor a',
    download: 'a[href*="/mg/get/"], a[href*="/files/download"]',
    tile: '.geekytitle',
    tileTitle: 'a',
  },
};
