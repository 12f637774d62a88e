// Kaspersky's Threat Intelligence portals: exempt from the ban (ban-facts §4).
// OpenTIP (free lookups) and the commercial TI Portal; every path is exempt, lookups included.
import type { SiteRule } from '../classifier/types';

export const kasperskyThreatIntelligence: SiteRule = {
  id: 'kaspersky-threat-intelligence',
  name: 'Kaspersky Threat Intelligence',
  hosts: ['opentip.kaspersky.com', 'tip.kaspersky.com'],
  role: 'vendor',
  vendorPaths: [{ path: /^/, verdict: 'exempt', category: 'threat-intelligence' }],
  // The page title names the portal ("Kaspersky Threat Intelligence Portal"); headings name the looked-up object.
  selectors: { productTitle: 'head > title' },
};
