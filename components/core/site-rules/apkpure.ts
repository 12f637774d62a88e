// APKPure (apkpure.com, apkpure.net): the largest Android APK mirror; after Google removed Kaspersky's apps from
// Google Play worldwide (September 2024) it is one of the places Android users get them. App pages name the package:
// /<app-slug>/<package>, …/download, …/versions, with an optional language prefix (/de/, /fr/, /pt-br/).
// Markup from scrapers of the site: div.detail_banner with div.title_link h1, p.details_sdk (version, developer),
// a.download_apk_news[data-dt-package_name]; search (/search?q=…) shows a div.first brand/app card and
// div.app-list li results, each named by p.p1 with the developer in p.p2.
import type { SiteRule } from '../classifier/types';

const LANG = String.raw`^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?`;

export const apkpure: SiteRule = {
  id: 'apkpure',
  name: 'APKPure',
  hosts: ['apkpure.com', 'apkpure.net'],
  role: 'download',
  productPaths: [new RegExp(`${LANG}[\\w.%-]+\\/[a-z][\\w.]*\\.\\w+(?:\\/(?:download|versions))?\\/?(?:[?#]|$)`, 'i')],
  listingPaths: [new RegExp(`${LANG}(?:search|search-page)(?:[/?#]|$)`), new RegExp(`${LANG}developer\\/`)],
  ignorePaths: [new RegExp(`${LANG}(?:topics?|news|article|articles|how-to|blog)(?:[/?#]|$)`)],
  selectors: {
    productTitle: '.detail_banner .title_link h1, .title_link h1, .apk_info .title-like h1',
    brand: '.details_sdk a[href*="/developer/"], .details_sdk .developer, .apk_info .author a',
    download: 'a.download_apk_news, a.download-start-btn, a#download_link, a.da',
    breadcrumbs: '.breadcrumb a, nav.bread-crumbs a',
    tile: '.search-result-page div.first, .search-result-page .app-list li, ul.search-res > li',
    tileTitle: 'p.p1, .p1',
  },
};
