// Kaspersky's support site and its mirrors: help, FAQs and uninstall guides are informational (ban-facts §5).
// Only the pages whose subject is getting a free scanning tool (TDSSKiller, KVRT, Rescue Disk) with a direct
// installer link are download pages; the removal tool (kavremover) and every other article stay unflagged.
import type { SiteRule } from '../classifier/types';

export const kasperskySupport: SiteRule = {
  id: 'kaspersky-support',
  name: 'Kaspersky support',
  hosts: ['support.kaspersky.com', 'support.kaspersky.ru', 'support.kaspersky.it', 'support.kaspersky.co.jp'],
  role: 'vendor',
  vendorPaths: [
    // Removal: kavremover and uninstall guides help people leave Kaspersky; never flag them.
    { path: /(?:uninstall|kavremover|remov)/i, verdict: 'none' },
    // Free-tool pages under /viruses/ (e.g. /viruses/tdsskiller, /viruses/kvrt2020, /viruses/krd18, /viruses/rescuedisk).
    { path: /^\/(?:[a-z]{2}\/)?viruses\/(?:tdsskiller|kvrt\d*|krd\d*|rescuedisk|rescue-disk)(?:[/?#.]|$)/i, verdict: 'download' },
    // Everything else (FAQs, product help, licence articles) is informational, including help for exempt services.
    { path: /^\//, verdict: 'none' },
  ],
  selectors: {
    productTitle: 'h1',
    download: 'a[href*="kaspersky-labs.com"][href$=".exe"], a[href*="media.kaspersky.com/utilities/"], a[href$=".iso"]',
  },
};
