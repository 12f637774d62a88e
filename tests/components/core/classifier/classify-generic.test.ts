/**
 * The generic check (sites without a rule of their own), on saved real-shaped pages read by the real signal reader,
 * and table-driven on hand-made signals for the decisions no saved page isolates.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, hostOf } from '@/components/core/classifier/classify';
import { classifyGeneric, controlKind } from '@/components/core/classifier/classify-generic';
import type { ControlSignal, PageSignals } from '@/components/core/classifier/types';
import { findRule, SITE_RULES } from '@/components/core/site-rules';
import { injectedRule, ruleScriptPath, serializeRule } from '@/components/core/site-rules/find-rule';
import { GENERIC_RULE } from '@/components/core/site-rules/generic';
import { collectSignals } from '@/entrypoints/page-check/collect-signals';
import { GENERIC_FIXTURES } from '../../../fixtures/generic';
import { GENERIC_PAGES_DIR, loadPage } from '../../../fixtures/load-page';
import { GENERIC_READERS } from '../../../fixtures/readers';

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full, `${prefix}${name}/`);
    return name.endsWith('.html') ? [`${prefix}${name}`] : [];
  });
}

describe('GENERIC_RULE', () => {
  it('has no hosts, is not in SITE_RULES and is never picked by host', () => {
    expect(GENERIC_RULE).toMatchObject({ id: 'generic', role: 'generic', hosts: [] });
    expect(SITE_RULES).not.toContain(GENERIC_RULE);
    expect(SITE_RULES.map((rule) => rule.id)).not.toContain('generic');
  });

  it('ships as site-rules/generic.js, which hands the page check the rule without hosts', () => {
    expect(ruleScriptPath(GENERIC_RULE)).toBe('site-rules/generic.js');
    const scope = {};
    new Function('globalThis', serializeRule(GENERIC_RULE))(scope);
    expect(injectedRule(scope)).toEqual({ id: 'generic', role: 'generic' });
  });
});

describe('generic fixtures', () => {
  it('lists every saved page exactly once, under its real host, on sites without a rule', () => {
    const listed = GENERIC_FIXTURES.map((fixture) => fixture.file);
    expect(new Set(listed).size, 'a page is listed twice').toBe(listed.length);
    expect([...listed].sort(), 'add the page to tests/fixtures/generic/index.ts, or delete it').toEqual(htmlFiles(GENERIC_PAGES_DIR).sort());
    for (const fixture of GENERIC_FIXTURES) {
      expect(fixture.file.split('/')[0], fixture.file).toBe(new URL(fixture.url).hostname);
      expect(findRule(hostOf(fixture.url))?.id, `${fixture.url} has a rule of its own: it is no generic page`).toBeUndefined();
    }
  });

  it('covers at least 12 Kaspersky purchase or download pages and 15 traps', () => {
    expect(GENERIC_FIXTURES.filter((fixture) => fixture.expect === 'purchase' || fixture.expect === 'download').length).toBeGreaterThanOrEqual(12);
    expect(GENERIC_FIXTURES.filter((fixture) => fixture.expect === 'none').length).toBeGreaterThanOrEqual(15);
  });

  it.each(GENERIC_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
    const doc = loadPage(fixture.file, fixture.url, GENERIC_PAGES_DIR);
    const result = classifyGeneric(collectSignals(doc, GENERIC_RULE, fixture.url, GENERIC_READERS), GENERIC_RULE);
    const why = `reasons: ${result.reasons.join(', ')} (${fixture.note})`;
    expect(result.verdict, why).toBe(fixture.expect);
    expect(result.ruleId).toBe('generic');
    expect(result.reasons[0]).toBe('site:generic');
    if (fixture.product) expect(result.product, why).toContain(fixture.product);
    if (fixture.expect === 'none') {
      expect(fixture.reason, 'say which reason must refuse this trap').toBeTruthy();
      const wanted = fixture.reason!;
      expect(result.reasons.some((reason) => (wanted.endsWith(':') ? reason.startsWith(wanted) : reason === wanted)), why).toBe(true);
    }
  });
});

/** Signals of a Kaspersky product page on a site without a rule; each case changes what it needs. */
function page(overrides: Partial<PageSignals> & { controls?: Array<Partial<ControlSignal> & { text: string }>; commands?: string[] } = {}): PageSignals {
  const { controls = [{ text: 'Add to cart' }], commands = [], ...rest } = overrides;
  return {
    url: 'https://shop.example/p/kaspersky-plus',
    title: 'Kaspersky Plus 1 Device 1 Year | Example Shop',
    meta: {},
    h1: 'Kaspersky Plus 1 Device 1 Year',
    items: [{ type: 'Product', name: 'Kaspersky Plus 1 Device 1 Year', brand: 'Kaspersky', hasOffer: true, price: '29.99' }],
    pageTypes: ['Product'],
    breadcrumbs: [],
    site: {},
    generic: { controls: controls.map((control) => ({ offsite: false, sponsored: false, installer: false, ...control })), commands },
    ...rest,
  };
}

describe('classifyGeneric decisions', () => {
  it.each<[string, PageSignals, string, string]>([
    ['shop product with an add-to-cart button', page(), 'purchase', 'buy-control'],
    ['app with an Install button', page({ items: [{ type: 'MobileApplication', name: 'Kaspersky Plus 1 Device 1 Year', author: 'Kaspersky Lab Switzerland', hasOffer: true, price: '0' }], controls: [{ text: 'Install' }] }), 'download', 'download-control'],
    ['a direct installer link to another host', page({ controls: [{ text: 'Kaspersky Plus setup (2.3 MB)', offsite: true, installer: true }] }), 'download', 'download-control'],
    ['a package page with an install command and no markup', page({ items: [], pageTypes: [], controls: [{ text: 'Copy' }], commands: ['choco install kav'] }), 'download', 'install-command'],
    ['app store address with a Kaspersky package and no markup', page({ url: 'https://apps.example/detail/com.kaspersky.safekids', title: 'Kaspersky Safe Kids - Example Apps', h1: 'Kaspersky Safe Kids', items: [], pageTypes: [], controls: [{ text: 'Get' }] }), 'download', 'download-control'],
    ['og:type product without JSON-LD', page({ items: [], pageTypes: [], meta: { 'og:type': 'product' } }), 'purchase', 'buy-control'],
    ['Kaspersky app whose name lacks the brand, by its developer', page({ title: 'Who Calls: Caller ID - Example Apps', h1: 'Who Calls: Caller ID', items: [{ type: 'SoftwareApplication', name: 'Who Calls: Caller ID', author: 'Kaspersky Lab Switzerland', hasOffer: true }], controls: [{ text: 'Download' }] }), 'download', 'brand:kaspersky'],
    ['Security Awareness platform at a reseller', page({ title: 'Kaspersky Automated Security Awareness Platform - 1 year', h1: 'Kaspersky Automated Security Awareness Platform - 1 year', items: [{ type: 'Product', name: 'Kaspersky Automated Security Awareness Platform - 1 year', brand: 'Kaspersky', hasOffer: true }] }), 'exempt', 'exempt:security-training'],
  ])('%s → %s', (_name, signals, verdict, reason) => {
    const result = classifyGeneric(signals, GENERIC_RULE);
    expect(result.verdict, result.reasons.join(', ')).toBe(verdict);
    expect(result.reasons).toContain(reason);
  });

  it.each<[string, PageSignals, string]>([
    ['the page never names Kaspersky (cheap pass)', page({ relevant: false }), 'no-kaspersky-mention'],
    ['no product data, no install command, no package, no download title', page({ items: [], pageTypes: [], title: 'Kaspersky Plus | Example', h1: 'Kaspersky Plus' }), 'generic:no-product-data'],
    ['product data but no control near the heading', page({ controls: [{ text: 'Share' }, { text: 'Reviews (12)' }] }), 'generic:no-control'],
    ['only affiliate buttons ("Buy at Amazon")', page({ controls: [{ text: 'Buy at Amazon', offsite: true }, { text: 'Check price' }] }), 'generic:affiliate-only'],
    ['a rel=sponsored "Buy now"', page({ controls: [{ text: 'Buy now', sponsored: true }] }), 'generic:affiliate-only'],
    ['an on-site "Add to cart" leading to another host', page({ controls: [{ text: 'Add to cart', offsite: true }] }), 'generic:affiliate-only'],
    ['the product data is another brand', page({ items: [{ type: 'Product', name: 'Kaspersky Plus 1 Device 1 Year', brand: 'Acme Antivirus', hasOffer: true }] }), 'brand-not-kaspersky'],
    ['the product data is not the heading\'s product (carousel)', page({ items: [{ type: 'Product', name: 'Norton 360 Deluxe', brand: 'Norton', hasOffer: true }] }), 'generic:not-main-product'],
    ['three brands of products (round-up)', page({ items: ['Norton 360', 'Bitdefender Total Security', 'Kaspersky Plus 1 Device 1 Year'].map((name) => ({ type: 'Product', name, brand: name.split(' ')[0], hasOffer: true })) }), 'generic:roundup'],
    ['a NewsArticle', page({ pageTypes: ['NewsArticle', 'Product'] }), 'editorial:NewsArticle'],
    ['og:type article', page({ meta: { 'og:type': 'article' } }), 'editorial:og-article'],
    ['a JobPosting', page({ pageTypes: ['JobPosting'] }), 'generic:job'],
    ['a Discourse topic', page({ url: 'https://forum.example/t/kaspersky-plus-renewal/4411', pageTypes: [] }), 'generic:forum'],
    ['a forum engine in <meta name="generator">', page({ generic: { controls: [{ text: 'Add to cart', offsite: false, sponsored: false, installer: false }], commands: [], generator: 'Discourse 3.2.0 - https://github.com/discourse/discourse' } }), 'generic:forum'],
    ['a coupon address', page({ url: 'https://deals.example/coupons/kaspersky' }), 'generic:coupon'],
    ['a video address', page({ url: 'https://video.example/watch?v=abc' }), 'generic:video'],
    ['a "best antivirus for Windows" title', page({ title: 'Best antivirus for Windows 11: Kaspersky Plus and more' }), 'generic:roundup'],
    ['a blog address', page({ url: 'https://shop.example/blog/kaspersky-plus-1-device-1-year' }), 'editorial:path'],
    ['a how-to title', page({ title: 'How to activate Kaspersky Plus 1 Device 1 Year' }), 'generic:guide'],
    ['a comparison heading', page({ h1: 'Kaspersky Plus vs Norton 360' }), 'mention-only'],
    ['a Kaspersky book category', page({ breadcrumbs: ['Books', 'Computers'] }), 'non-software-category'],
  ])('%s → none (%s)', (_name, signals, reason) => {
    const result = classifyGeneric(signals, GENERIC_RULE);
    expect(result.verdict, result.reasons.join(', ')).toBe('none');
    expect(result.reasons).toContain(reason);
  });

  it('shop pages that carry an FAQ block (FAQPage, Question, Answer) stay product pages', () => {
    expect(classifyGeneric(page({ pageTypes: ['Product', 'FAQPage', 'Question', 'Answer'] }), GENERIC_RULE).verdict).toBe('purchase');
  });
});

describe('controlKind', () => {
  it.each<[string, Partial<ControlSignal>, string]>([
    ['Add to cart', {}, 'buy'],
    ['  › Buy now', {}, 'buy'],
    ['Añadir al carrito', {}, 'buy'],
    ['Install', {}, 'download'],
    ['Get', {}, 'download'],
    ['Download APK 98.5 MB', {}, 'download'],
    ['Get started', {}, 'other'],
    ['Downloads', {}, 'other'],
    ['Buy at Amazon', {}, 'affiliate'],
    ['View Deal', {}, 'affiliate'],
    ['Check price', {}, 'affiliate'],
    ['Show Code', {}, 'affiliate'],
    ['Visit Kaspersky', {}, 'affiliate'],
    ['Buy now', { sponsored: true }, 'affiliate'],
    ['Download', { offsite: true }, 'affiliate'],
    ['setup.exe', { offsite: true, installer: true }, 'download'],
  ])('%s %o → %s', (text, flags, kind) => {
    expect(controlKind({ text, offsite: false, sponsored: false, installer: false, ...flags })).toBe(kind);
  });
});

describe('the generic check reaches pages on its own', () => {
  it('classify() leaves a site without a rule to the generic check, which the page check finds only when injected', async () => {
    const { injectedGenericCheck } = await import('@/entrypoints/page-check/injected');
    const { genericCheck } = await import('@/entrypoints/generic-check/generic-check');
    expect(classify({ url: 'https://shop.example/kaspersky', title: 'Kaspersky Premium', meta: {}, h1: 'Kaspersky Premium', items: [], pageTypes: [], breadcrumbs: [], site: {} }, GENERIC_RULE)).toMatchObject({ verdict: 'none', reasons: ['generic-check-missing'] });
    expect(injectedGenericCheck({})).toBeUndefined();
    const scope = { [Symbol.for('kban.generic-check')]: genericCheck };
    expect(injectedGenericCheck(scope)).toBe(genericCheck);
    expect(injectedGenericCheck({ [Symbol.for('kban.generic-check')]: { readSignals: 'x' } }), 'anything else is no generic check').toBeUndefined();
  });
});
