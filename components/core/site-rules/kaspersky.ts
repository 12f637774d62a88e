// Kaspersky's own web sites: global (www.), US (usa.), Latin America and Middle East subdomains, regional ccTLD storefronts.
// Paths from ban-facts.md §5 (domains table) and the site's own menus (header/footer of www.kaspersky.com/blog).
// Informational sections come first as `none`; exempt pages (Threat Intelligence, Security Awareness) are caught by
// the classifier's exempt-name check before the product patterns below.
import type { SiteRule } from '../classifier/types';

/** Regional storefronts (ban-facts §5): US persons abroad are covered too. */
const REGIONAL = [
  'kaspersky.co.uk', 'kaspersky.de', 'kaspersky.fr', 'kaspersky.it', 'kaspersky.es', 'kaspersky.nl',
  'kaspersky.se', 'kaspersky.dk', 'kaspersky.fi', 'kaspersky.pt', 'kaspersky.gr', 'kaspersky.cz',
  'kaspersky.ro', 'kaspersky.rs', 'kaspersky.pl', 'kaspersky.com.pl', 'kaspersky.com.tr', 'kaspersky.ca',
  'kaspersky.be', 'kaspersky.co.in', 'kaspersky.co.jp', 'kaspersky.co.kr', 'kaspersky.co.th',
  'kaspersky.co.za', 'kaspersky.com.au', 'kaspersky.com.br', 'kaspersky.com.cn', 'kaspersky.com.hk',
  'kaspersky.com.tw', 'kaspersky.com.vn', 'kaspersky.my', 'kaspersky.kz', 'kaspersky.dz', 'kaspersky.ma',
  'kaspersky.ru',
];

/** Optional locale prefix some sections carry (`/de/`, `/en-gb/`). */
const LOCALE = String.raw`^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?`;

export const kaspersky: SiteRule = {
  id: 'kaspersky',
  name: 'Kaspersky',
  hosts: ['kaspersky.com', ...REGIONAL],
  role: 'vendor',
  vendorPaths: [
    // Informational: blog, resource center, press, about/careers, legal and policy pages, partners, support.
    {
      path: new RegExp(
        `${LOCALE}(?:blog|resource-center|about|about-trust|press-releases?|press|news|careers|jobs|transparency|legal|end-user-license-agreement|business\\/eula|privacy|web-privacy-policy|anti-corruption-policy|gdpr|third-party-tracking|policy|web-management|partners|support|mitre|enterprise-security\\/wiki-section|home-security\\/knowledge|threats|vulnerability|statistics|awards|contacts?|company|sitemap|cookie|campaign\\/.*(?:report|research))(?:[/?#.]|$)`,
        'i',
      ),
      verdict: 'none',
    },
    // Reading material inside product sections: case studies, white papers, datasheets, webinars.
    { path: /\/(?:resources|case-studies|white-papers|data-sheets|datasheets|webinars?|events?|reviews?|industries)(?:[/?#]|$)/i, verdict: 'none' },
    // Auto-renewal cancellation and subscription management must stay reachable (ban-facts §5).
    { path: /(?:cancel|unsubscribe|auto-?renew(?:al)?-(?:off|cancel)|refund)/i, verdict: 'none' },
    // Downloads, free products, trials and free tools.
    {
      path: new RegExp(
        `${LOCALE}(?:downloads?|free-antivirus|free-virus-removal-tool|virus-removal-tool|free-virus-scan|rescue-disk|tdsskiller|security-scan|free-trials?|trial)(?:[/?#.-]|$)`,
        'i',
      ),
      verdict: 'download',
    },
    { path: /\/(?:download|downloads|thank-you|free-trial)(?:[/?#.-]|$)/i, verdict: 'download' },
    // Product, plan, store and renewal pages.
    {
      path: new RegExp(
        `${LOCALE}(?:home-security|premium|plus|standard|basic|total-security|internet-security|anti-?virus|security-cloud|password-manager|safe-kids|vpn-secure-connection|secure-connection|small-business-security|small-to-medium-business-security|enterprise-security|next|next-edr-foundations|next-edr-optimum|next-xdr-expert|renewal-center|renewal|buy|store|shop|cart|checkout|mac-antivirus|android-security|ios-security|security-for-mac|mobile-security|endpoint-security|kaspersky-one|small-office-security|compare|products?|special-offers?|offers?|deals?)(?:[/?#.-]|$)`,
        'i',
      ),
      verdict: 'purchase',
    },
  ],
  selectors: {
    productTitle: 'main h1, h1',
    buy: '[data-at-selector="buy-block-buy-button"], a[href*="store.kaspersky"], a[href*="/buy"], .buy-button, .js-buy-button',
    download: 'a[href*="kaspersky-labs.com"][href*=".exe"], a[href*="/downloads/thank-you"], [data-at-selector="downloadApplicationCard"]',
  },
};
