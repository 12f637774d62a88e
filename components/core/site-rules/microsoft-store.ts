// Microsoft Store on the web (apps.microsoft.com): app detail pages are /detail/<product id> (legacy
// /store/detail/<slug>/<id>), titled "<app> - Official app in the Microsoft Store". Treated as a store: the
// purchase issue lists it there, and paid apps are bought on the page. A free app (price 0, a Get button) is a
// download: the page model the site inlines as `window.storeViewModel = {"productDetails":{…,"price":0.0,
// "displayPrice":"Free","strikethroughPrice":null,…}}` says so in every language (the display price is localised,
// the number is not); the product's own price is the one followed by "strikethroughPrice" (SKU prices are not).
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
  free: {
    selector: 'script:not([src])',
    text: /"price":\s*0(?:\.0+)?,\s*"displayPrice":\s*"[^"]*",\s*"strikethroughPrice"/,
  },
  selectors: {
    // The buy box: a Shoelace button labelled "Get"/"Install" for free apps, "Buy" or the price for paid ones.
    download: '.buy-box-container sl-button, sl-button[aria-label^="Get " i], sl-button[aria-label^="Install " i]',
    // A result card is one link to the app's detail page; its name is the card heading.
    tile: 'a[href*="/detail/"]',
    tileTitle: 'h3',
  },
};
