// Eneba (www.eneba.com): key marketplace. Product pages are one slug (/<platform>-<product>-key-<region>), with
// Open Graph product tags (product:price:amount) and the title in `main h1`; guides live under /hub/.
import type { SiteRule } from '../classifier/types';

export const eneba: SiteRule = {
  id: 'eneba',
  name: 'Eneba',
  hosts: ['eneba.com'],
  role: 'store',
  listingPaths: [/^\/(?:[a-z]{2}\/)?store(?:[/?#]|$)/],
  ignorePaths: [/^\/(?:[a-z]{2}\/)?(?:hub|blog|support|help|checkout)(?:[/?#]|$)/],
  selectors: {
    productTitle: 'main h1',
    // Store and search results: obfuscated but long-stable class names — card .pFaGHa, title span.YLosEL,
    // price span.L5ErLT, region .Pm6lW1, link a.oSVLlh.
    tile: '.pFaGHa',
    tileTitle: '.YLosEL',
  },
};
