// Google Play (play.google.com): Google's Android app store; app pages are /store/apps/details?id=<package>.
import type { SiteRule } from '../classifier/types';

export const googlePlay: SiteRule = {
  id: 'google-play',
  name: 'Google Play',
  hosts: ['play.google.com'],
  role: 'download',
  productPaths: [/^\/store\/apps\/details(?:\/[^?]*)?\?(?:[^#]*&)?id=[\w.]+/],
  listingPaths: [/^\/store\/search\?/, /^\/store\/apps\/(?:dev|developer|category|collection|top)\b/],
  ignorePaths: [/^\/(?:about|console|intl)\//, /^\/store\/(?:account|paymentmethods|myapps|books|movies)\b/],
  selectors: {
    productTitle: 'h1[itemprop="name"], h1.Fd93Bb',
    brand: '.Vbfug a span, .Vbfug a',
    download: 'button[aria-label="Install"], .u4ICaf button',
    tile: 'a.Qfxief, .ULeU3b',
    tileTitle: '.vWM94c, .DdYX5',
  },
};
