// Kinguin (www.kinguin.net): key marketplace. Product pages are /category/<id>/<slug>; the offer box is
// #main-offer-wrapper and prices carry schema.org microdata (itemprop="price"/"priceCurrency").
import type { SiteRule } from '../classifier/types';

export const kinguin: SiteRule = {
  id: 'kinguin',
  name: 'Kinguin',
  hosts: ['kinguin.net'],
  role: 'store',
  productPaths: [/^\/(?:[a-z]{2}\/)?category\/\d+\//],
  // Search and browse are /listing?phrase=…; the old Magento search URL (/catalogsearch/result/?q=…) still gets linked.
  listingPaths: [/^\/(?:[a-z]{2}\/)?listing(?:[/?#]|$)/, /^\/(?:[a-z]{2}\/)?catalogsearch\//],
  ignorePaths: [/^\/(?:[a-z]{2}\/)?(?:blog|news|help|faq|support)(?:[/?#]|$)/],
  selectors: {
    productTitle: '.container-fluid > div > h1 > span',
    buy: '#main-offer-wrapper button',
    // Listing cards carry schema.org Product microdata: <h3 itemprop="name"><a …>, AggregateOffer lowPrice.
    tile: '[itemtype$="schema.org/Product"]',
    tileTitle: '[itemprop="name"]',
  },
};
