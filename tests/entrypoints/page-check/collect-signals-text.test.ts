/**
 * Text normalisation in the signal reader, on saved pages whose names carry invisible marks.
 */
import { describe, expect, it } from 'vitest';
import { classify, hostOf } from '@/components/core/classifier/classify';
import { findRule } from '@/components/core/site-rules';
import { collectSignals } from '@/entrypoints/page-check/collect-signals';
import { loadPage } from '../../fixtures/load-page';
import { READERS } from '../../fixtures/readers';

describe('collectSignals text', () => {
  it.each([
    // The 2025 App Store design writes "\u200eKaspersky Safe Kids" in its title and JSON-LD.
    ['apps.apple.com/kaspersky-safe-kids.html', 'https://apps.apple.com/gb/app/kaspersky-safe-kids/id1095612390', 'Kaspersky Safe Kids'],
  ])('%s: drops direction marks from names', (file, url, name) => {
    const rule = findRule(hostOf(url))!;
    const signals = collectSignals(loadPage(file, url), rule, url, READERS);
    expect(signals.items[0]?.name, 'JSON-LD name should be read without U+200E').toBe(name);
    expect(signals.title.startsWith(name), `title "${signals.title}" should start with the bare name`).toBe(true);
    expect(classify(signals, rule).product, 'the product named in the notice').toBe(name);
  });

  it('stops at the cheap pass when only the query names Kaspersky (a Norton page reached from a search)', () => {
    const file = 'www.amazon.com/norton-360-deluxe.html';
    const url = 'https://www.amazon.com/Norton-Antivirus-Security-Software-Subscription/dp/B0C7S1X2LN/ref=sr_1_4?keywords=kaspersky&qid=1714060123&sr=8-4';
    const rule = findRule(hostOf(url))!;
    const signals = collectSignals(loadPage(file, url), rule, url, READERS);
    expect(signals.relevant, 'no JSON-LD or body scan for a page whose subject never names Kaspersky').toBe(false);
    expect(signals.items).toEqual([]);
    // The same page at an address whose path names Kaspersky is read in full (and is still not flagged).
    const named = 'https://www.amazon.com/Kaspersky-vs-Norton/dp/B0C7S1X2LN';
    const full = collectSignals(loadPage(file, named), rule, named, READERS);
    expect(full.relevant).toBe(true);
    expect(classify(full, rule).verdict).toBe('none');
  });
});

describe('collectSignals breadcrumbs, on sites whose rule names no trail', () => {
  const VENDOR = findRule('www.kaspersky.com')!;
  const crumbsOf = (body: string) => {
    const url = 'https://www.kaspersky.com/home-security';
    const doc = loadPage('www.kaspersky.com/about-company.html', url);
    doc.body.innerHTML = `<h1>Kaspersky Premium</h1>${body}<a href="/x">Not a crumb</a>`;
    return collectSignals(doc, VENDOR, url).breadcrumbs;
  };

  it('reads labelled navs and any class that says breadcrumb, each link once, in order', () => {
    expect(VENDOR.selectors?.breadcrumbs, 'this test is about the default trails').toBeUndefined();
    expect(crumbsOf('<nav aria-label="Breadcrumb"><a>Home</a><a>Security</a></nav>')).toEqual(['Home', 'Security']);
    expect(crumbsOf('<nav aria-label="breadCrumb"><a>Home</a></nav><div class="bc_breadcrumb"><a>News</a></div>')).toEqual(['Home', 'News']);
    expect(crumbsOf('<nav class="Breadcrumbs"><ol><li class="breadcrumb-item"><a>Home</a></li><li class="breadcrumb-item"><a>Books</a></li></ol></nav>')).toEqual(['Home', 'Books']);
    expect(crumbsOf('<ul class="siteBreadCrumb"><li><a>Home</a></li></ul>')).toEqual(['Home']);
    expect(crumbsOf('<nav aria-label="Main"><a>Products</a></nav>'), 'other navs are not trails').toEqual([]);
  });

  it('stops at 15 links', () => {
    expect(crumbsOf(`<div class="breadcrumbs">${'<a>Step</a>'.repeat(40)}</div>`)).toHaveLength(15);
  });
});
