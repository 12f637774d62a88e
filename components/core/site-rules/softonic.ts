// Softonic: a download portal with an editorial articles section. English lives on *.en.softonic.com, Spanish on
// *.softonic.com, and each other language on its own country host (<app>.softonic.de, .fr, .it, .nl, .pl, .com.br, .jp,
// .kr): the app's subdomain is the product page, the bare host (www.) has search, categories and articles.
import type { SiteRule } from '../classifier/types';

/** Softonic's country hosts (ccTLDs), besides softonic.com's en. and Spanish subdomains. */
const COUNTRY_HOSTS = ['softonic.com.br', 'softonic.de', 'softonic.fr', 'softonic.it', 'softonic.nl', 'softonic.pl', 'softonic.jp', 'softonic.kr'];

export const softonic: SiteRule = {
  id: 'softonic',
  name: 'Softonic',
  hosts: ['softonic.com', ...COUNTRY_HOSTS],
  role: 'download',
  // Product pages live on the app's own subdomain: kaspersky-free-antivirus.en.softonic.com/ (and /download, /android, /mac;
  // the download step is localised on some hosts: /telecharger, /descargar, /baixar, /scaricare, /pobierz);
  // the main host serves post-download pages under /download/<app>/<os>/post-download.
  productPaths: [
    /^\/(?:(?:download|telecharger|descargar|baixar|scaricare|pobierz|android|mac|iphone|windows|web-apps)(?:\/(?:download|telecharger|descargar|baixar|scaricare|pobierz))?\/?)?(?:[?#]|$)/,
    /^\/download\/[\w-]+\/[\w-]+\/post-download/,
  ],
  listingPaths: [/^\/s\//, /^\/(?:windows|android|mac|iphone)\/(?!download\b|post-download\b)[\w-]+(?:\/[\w-]+)?\/?(?:[?#]|$)/],
  // Articles, news and guides in each language (articles, artikel, artigos, articoli, artykuly, artikelen, noticias, …).
  ignorePaths: [/^\/(?:articles?|artikel|artikelen|artigos|articoli|artykuly|solutions|noticias|news|guides?|reviews?|best)\b/],
  selectors: {
    productTitle: '.app-header__name, h1[data-meta="name"]',
    brand: '[data-meta="developer"]',
    download: '[data-meta="button-download"], a.button-main-download',
    breadcrumbs: '.breadcrumbs a',
    tile: 'li.js-organic-result',
    tileTitle: '.app-list__title, h2, h3',
  },
};
