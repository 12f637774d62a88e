// Kaspersky's checkout (Digital River) and account hosts: everything but subscription management sells or downloads.
import type { SiteRule } from '../classifier/types';

export const kasperskyStore: SiteRule = {
  id: 'kaspersky-store',
  name: 'Kaspersky store',
  hosts: ['store.kaspersky.com', 'shop.kaspersky.com', 'my.kaspersky.com', 'ksos.kaspersky.com', 'cloud.kaspersky.com'],
  role: 'vendor',
  vendorPaths: [
    { path: /(?:cancel|unsubscribe|auto-?renew|refund|subscriptions?\/manage|Display(?:Account|Subscription)|signin|login|help)/i, verdict: 'none' },
    { path: /(?:download|installers?|MyDownloads)/i, verdict: 'download' },
    { path: /./, verdict: 'purchase' },
  ],
  selectors: { productTitle: 'h1' },
};
