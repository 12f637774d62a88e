// Malavida (www.malavida.com): a Spanish download portal in eight languages, one path prefix each (/en/, /es/, /pt/,
// /fr/, /de/, /it/, /ja/, …). An app has one page per platform: /<lang>/soft/<app>/ (Windows), …/android/, …/mac/,
// …/iphone/, and a download step …/download. Search is /<lang>/<platform>/s/<query>, categories /<lang>/<platform>/<category>/.
// Its class names are not published anywhere we could check, so the rule relies on those addresses, the page's h1
// and schema.org data, and only uses the download link's address as a control.
import type { SiteRule } from '../classifier/types';

export const malavida: SiteRule = {
  id: 'malavida',
  name: 'Malavida',
  hosts: ['malavida.com'],
  role: 'download',
  productPaths: [/^\/(?:[a-z]{2}\/)?soft\/[\w-]+\/(?:(?:android|mac|iphone|windows|online)\/)?(?:download\/?)?(?:[?#]|$)/],
  listingPaths: [/^\/(?:[a-z]{2}\/)?(?:(?:android|mac|iphone|windows)\/)?s\//, /^\/(?:[a-z]{2}\/)?(?:android|mac|iphone|windows)\/[a-z-]+\/?(?:[?#]|$)/],
  // News, guides and FAQ articles, in each language.
  ignorePaths: [/^\/(?:[a-z]{2}\/)?(?:news|noticias|actualites|nachrichten|notizie|guides|guias|faq|articles?|tutorials?)(?:[/?#]|$)/],
  selectors: {
    productTitle: 'h1[itemprop="name"], .app-title h1, #app-title h1',
    brand: '[itemprop="author"] [itemprop="name"], [itemprop="author"]',
    download: 'a[href*="/download"][href*="/soft/"], a.download-btn',
    breadcrumbs: '[itemtype*="BreadcrumbList"] a, .breadcrumbs a',
    tile: '[itemtype*="SoftwareApplication"], li.app-item',
    tileTitle: '[itemprop="name"], h3, .title',
  },
};
