// Microsoft Store on the web (apps.microsoft.com): app detail pages are /detail/<product id> (legacy
// /store/detail/<slug>/<id>), titled "<app> - Official app in the Microsoft Store". Treated as a store: the
// purchase issue lists it there, and paid apps are bought on the page.
// www.microsoft.com/store/productId/… links redirect here, so microsoft.com itself is not claimed.
import type { SiteRule } from '../classifier/types';

export const microsoftStore: SiteRule = {
  id: 'microsoft-store',
  name: 'Microsoft Store',
  hosts: ['apps.microsoft.com'],
  role: 'store',
  productPaths: [/^\/(?:store\/)?detail\//i],
  // Search (/search?query=…) and publisher pages (/search/publisher?name=…).
  listingPaths: [/^\/(?:store\/)?search(?:[/?#]|$)/i],
  selectors: {
    // A result card is one link to the app's detail page; its name is the card heading.
    tile: 'a[href*="/detail/"]',
    tileTitle: 'h3',
  },
};
