/**
 * The fingerprint that decides whether a changing page is read again, on saved Amazon pages: it changes with
 * what names the page's subject, and not with the rest of the page.
 */
import { describe, expect, it } from 'vitest';
import { findRule } from '@/components/core/site-rules';
import { pageFingerprint } from '@/entrypoints/page-check/fingerprint';
import { loadPage } from '../../fixtures/load-page';

const amazon = findRule('www.amazon.com')!;
const PRODUCT = ['www.amazon.com/kaspersky-premium.html', 'https://www.amazon.com/Kaspersky-Premium-Protection-Antivirus-Password/dp/B0BHVJ4QT3'] as const;
const LISTING = ['www.amazon.com/search-kaspersky.html', 'https://www.amazon.com/s?k=kaspersky&crid=2R8XZ1Q4K3MJA&sprefix=kaspersk%2Caps%2C112&ref=nb_sb_noss_2'] as const;

describe('pageFingerprint', () => {
  it('stays the same while the rest of the page changes (reviews, carousels, prices)', () => {
    const doc = loadPage(...PRODUCT);
    const before = pageFingerprint(doc, amazon, false);
    const review = doc.createElement('div');
    review.textContent = 'Great antivirus, five stars';
    doc.body.append(review);
    doc.querySelector('#corePrice_feature_div, .a-price')?.remove();
    expect(pageFingerprint(doc, amazon, false)).toBe(before);
  });

  it('changes with each of the title, the heading, the product title and the brand', () => {
    const doc = loadPage(...PRODUCT);
    // On Amazon #productTitle sits inside the h1: moved out of it, each part is seen on its own.
    doc.querySelector('h1')!.after(doc.querySelector('#productTitle')!);
    const changes: Array<[string, () => void]> = [
      ['title', () => void (doc.title = 'Amazon.com: Norton 360 Deluxe')],
      ['heading', () => void (doc.querySelector('h1')!.textContent = 'Norton 360 Deluxe')],
      ['product title', () => void (doc.querySelector('#productTitle')!.textContent = 'Norton 360 Deluxe')],
      ['brand', () => void (doc.querySelector(amazon.selectors!.brand!)!.textContent = 'Visit the Norton Store')],
    ];
    for (const [part, change] of changes) {
      const before = pageFingerprint(doc, amazon, false);
      change();
      expect(pageFingerprint(doc, amazon, false), part).not.toBe(before);
    }
  });

  it('counts tiles on listings only, and scripts only where the rule reads structured data', () => {
    const doc = loadPage(...LISTING);
    const tile = doc.querySelector(amazon.selectors!.tile!)!;
    const listing = pageFingerprint(doc, amazon, true);
    const notListing = pageFingerprint(doc, amazon, false);
    tile.after(tile.cloneNode(true));
    expect(pageFingerprint(doc, amazon, true), 'a new tile on a listing').not.toBe(listing);
    expect(pageFingerprint(doc, amazon, false), 'tiles off a listing path are not counted').toBe(notListing);
    expect(amazon.structuredData).toBe(false);
    doc.head.append(doc.createElement('script'));
    expect(pageFingerprint(doc, amazon, false), 'Amazon carries no structured data: its scripts are not counted').toBe(notListing);
    const readsStructuredData = { ...amazon, structuredData: undefined };
    const withScripts = pageFingerprint(doc, readsStructuredData, false);
    doc.head.append(doc.createElement('script'));
    expect(pageFingerprint(doc, readsStructuredData, false)).not.toBe(withScripts);
  });

  it('reads only the first 300 characters of a heading, and survives a malformed selector in a rule', () => {
    const doc = loadPage(...PRODUCT);
    const h1 = doc.querySelector('h1')!;
    h1.textContent = 'K'.repeat(300);
    const capped = pageFingerprint(doc, amazon, false);
    h1.textContent = 'K'.repeat(300) + ' changes past the cap';
    expect(pageFingerprint(doc, amazon, false)).toBe(capped);
    const broken = { ...amazon, selectors: { ...amazon.selectors, productTitle: 'div[', tile: '::nope(' } };
    expect(() => pageFingerprint(doc, broken, true)).not.toThrow();
  });
});
