// The rule for sites without a rule of their own ("every site" mode). It has no hosts, so findRule never picks it and
// the manifest never lists it: the background injects it, with the page check, into tabs whose address or title names
// Kaspersky. It carries no selectors and no paths; the page's own product data and controls decide (classify-generic.ts).
import type { SiteRule } from '../classifier/types';

export const GENERIC_RULE: SiteRule = {
  id: 'generic',
  name: 'General check',
  hosts: [],
  role: 'generic',
};
