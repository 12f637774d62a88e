// Kaspersky's security-awareness and expert training sites: exempt from the ban (ban-facts §4).
import type { SiteRule } from '../classifier/types';

export const kasperskyTraining: SiteRule = {
  id: 'kaspersky-training',
  name: 'Kaspersky Security Training',
  hosts: ['k-asap.com', 'xtraining.kaspersky.com'],
  role: 'vendor',
  vendorPaths: [{ path: /^/, verdict: 'exempt', category: 'security-training' }],
};
