// Kaspersky's checkout (Digital River, `/store/<site id>/<locale>/…`) and account hosts (My Kaspersky, KSOS portal,
// Business Hub). Checkout and download paths are flagged; account, licence and subscription management stays
// unflagged so that cancelling auto-renewal is never discouraged (ban-facts §5). Unlisted account pages are `none`.
import type { SiteRule } from '../classifier/types';

export const kasperskyStore: SiteRule = {
  id: 'kaspersky-store',
  name: 'Kaspersky store',
  hosts: ['store.kaspersky.com', 'shop.kaspersky.com', 'my.kaspersky.com', 'ksos.kaspersky.com', 'cloud.kaspersky.com'],
  role: 'vendor',
  vendorPaths: [
    // Subscription and account management: licences, devices, order history, auto-renewal, sign-in.
    {
      path: /(?:cancel|unsubscribe|auto-?renew|refund|subscriptions?|MyLicenses|MyDevices|MyAccount|AccountSettings|PurchaseHistory|orderHistory|Display(?:Account|Subscription|OrderHistory)\w*|signin|sign-in|login|logout|help|support|privacy)/i,
      verdict: 'none',
    },
    // My Kaspersky downloads and installers.
    { path: /(?:download|installers?|MyDownloads)/i, verdict: 'download' },
    // Digital River storefront and cart/checkout pages, sign-up for business portals.
    { path: /^\/store\/|(?:cart|checkout|buy|ShoppingCart|Checkout|pd\/productID|sign-?up|registration|trial|renew)/i, verdict: 'purchase' },
  ],
  selectors: { productTitle: 'main h1, h1' },
};
