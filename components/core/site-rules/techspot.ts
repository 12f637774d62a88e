// TechSpot (www.techspot.com): a tech news and reviews site with a software downloads section (/downloads/); only that section is flagged.
import type { SiteRule } from '../classifier/types';

export const techspot: SiteRule = {
  id: 'techspot',
  name: 'TechSpot',
  hosts: ['techspot.com'],
  role: 'download',
  productPaths: [/^\/downloads\/(?:downloadnow\/)?\d+[-/]/],
  listingPaths: [/^\/downloads\/(?:[a-z][\w-]*\/?)?(?:[?#]|$)/, /^\/downloads\/search\b/],
  // Everything outside /downloads/ is editorial: news, reviews, guides, features, forums.
  ignorePaths: [/^\/(?!downloads\/)/],
  selectors: {
    productTitle: '.downloads-header h1, .download-header h1',
    brand: '.downloads-header .developer a, [itemprop="author"] [itemprop="name"]',
    download: 'a[href*="/downloads/downloadnow/"]',
    breadcrumbs: '.breadcrumbs a',
    tile: '.download-listing .dl-item',
    tileTitle: 'h2, h3',
  },
};
