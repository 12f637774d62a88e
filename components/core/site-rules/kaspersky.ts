// Kaspersky's own web sites: global, US and regional storefronts, store and account hosts.
// Paths from ban-facts.md §5 (domains table). Informational sections are listed first as `none`.
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

export const kaspersky: SiteRule = {
  id: 'kaspersky',
  name: 'Kaspersky',
  hosts: ['kaspersky.com', ...REGIONAL],
  role: 'vendor',
  vendorPaths: [
    // Informational: blog, resource center, press, about, legal, support, partner and careers pages.
    { path: /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:blog|resource-center|about|press-releases?|press|news|careers|jobs|transparency|legal|end-user-license-agreement|privacy|policy|web-management|partners|support|enterprise-security\/wiki-section|home-security\/knowledge|threats|vulnerability|statistics|awards|contacts?|company|sitemap|cookie|campaign\/.*(?:report|research))(?:[/?#.]|$)/i, verdict: 'none' },
    // Auto-renewal cancellation and subscription management must stay reachable (ban-facts §5).
    { path: /(?:cancel|unsubscribe|auto-?renew(?:al)?-(?:off|cancel)|refund)/i, verdict: 'none' },
    // Downloads, free products, trials and free tools.
    { path: /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:downloads?|free-antivirus|free-virus-removal-tool|virus-removal-tool|free-virus-scan|rescue-disk|tdsskiller|security-scan|free-trials?|trial)(?:[/?#.-]|$)/i, verdict: 'download' },
    { path: /\/(?:download|downloads|thank-you|free-trial)(?:[/?#.-]|$)/i, verdict: 'download' },
    // Product, plan, store and renewal pages.
    { path: /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:home-security|premium|plus|standard|basic|total-security|internet-security|anti-?virus|security-cloud|password-manager|safe-kids|vpn-secure-connection|secure-connection|small-business-security|small-to-medium-business-security|enterprise-security|next|next-edr-foundations|next-edr-optimum|next-xdr-expert|renewal-center|renewal|buy|store|shop|cart|checkout|mac-antivirus|android-security|ios-security|security-for-mac|mobile-security|endpoint-security|kaspersky-one|small-office-security|compare|products?|special-offers?|offers?|deals?)(?:[/?#.-]|$)/i, verdict: 'purchase' },
  ],
  selectors: {
    productTitle: 'h1',
    buy: 'a[href*="store.kaspersky"], a[href*="/buy"], [data-at-selector*="buy" i], .buy-button, .js-buy-button',
    download: 'a[href*="kaspersky-labs.com"][href*=".exe"], a[href*="/downloads/thank-you"]',
  },
};
