// Kaspersky's Threat Intelligence portals: exempt from the ban (ban-facts §4).
import type { SiteRule } from '../classifier/types';

export const kasperskyThreatIntelligence: SiteRule = {
  id: 'kaspersky-threat-intelligence',
  name: 'Kaspersky Threat Intelligence',
  hosts: ['opentip.kaspersky.com', 'tip.kaspersky.com'],
  role: 'vendor',
  vendorPaths: [{ path: /^/, verdict: 'exempt', category: 'threat-intelligence' }],
};
