/**
 * Hostile input: random, truncated and malicious pages and structured data never make the
 * signal reader or the classifier throw, and never take long.
 * @vitest-environment happy-dom
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, classifyTiles } from '@/components/core/classifier/classify';
import type { PageSignals } from '@/components/core/classifier/types';
import { SITE_RULES, findRule } from '@/components/core/site-rules';
import { collectSignals } from '@/entrypoints/page-check/collect-signals';
import { collectTiles } from '@/entrypoints/listing/collect-tiles';
import { READERS } from '../../../fixtures/readers';

const amazon = findRule('www.amazon.com')!;

function documentFrom(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html;
  return doc;
}

function deepJson(depth: number): string {
  return '{"@type":"Product","name":"Kaspersky","x":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const signalArbitrary: fc.Arbitrary<PageSignals> = fc.record({
  url: fc.oneof(fc.webUrl(), fc.string()),
  title: fc.string({ maxLength: 400 }),
  meta: fc.dictionary(fc.string({ maxLength: 20 }), fc.string({ maxLength: 200 })),
  h1: fc.string({ maxLength: 400 }),
  items: fc.array(
    fc.record({ type: fc.constantFrom('Product', 'SoftwareApplication', 'NewsArticle', '__proto__', 'x'), name: fc.string(), brand: fc.option(fc.string(), { nil: undefined }), author: fc.option(fc.string(), { nil: undefined }), category: fc.option(fc.string(), { nil: undefined }), hasOffer: fc.boolean() }),
    { maxLength: 5 },
  ),
  pageTypes: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
  breadcrumbs: fc.array(fc.string({ maxLength: 50 }), { maxLength: 8 }),
  site: fc.record({ productTitle: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }), brand: fc.option(fc.string(), { nil: undefined }) }),
});

describe('classify on arbitrary signals', () => {
  it('never throws and always answers a known verdict', () => {
    fc.assert(
      fc.property(signalArbitrary, fc.constantFrom(...SITE_RULES), (signals, rule) => {
        const result = classify(signals, rule);
        expect(['purchase', 'download', 'exempt', 'none']).toContain(result.verdict);
        expect(Array.isArray(result.reasons)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('tile titles of any shape are handled', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 500 }), { maxLength: 50 }), fc.constantFrom(...SITE_RULES), (titles, rule) => {
        const marked = classifyTiles(titles.map((title, index) => ({ index, title })), rule);
        expect(marked.length).toBeLessThanOrEqual(titles.length);
      }),
    );
  });
});

describe('collectSignals on hostile pages', () => {
  const hostile: Array<[string, string]> = [
    ['truncated markup', '<html><head><title>Kaspersky Premium</title><script type="application/ld+json">{"@type":"Product","name":"Kasp'],
    ['deeply nested JSON-LD', `<title>Kaspersky</title><script type="application/ld+json">${deepJson(5000)}</script>`],
    ['huge JSON-LD string', `<title>Kaspersky</title><script type="application/ld+json">{"@type":"Product","name":"${'K'.repeat(2_000_000)}"}</script>`],
    ['wrong types everywhere', '<title>Kaspersky</title><script type="application/ld+json">{"@type":42,"name":{"name":{"name":[null,{"x":1}]}},"brand":[[],[[]]],"offers":null,"@graph":"nope"}</script>'],
    ['prototype pollution keys', '<title>Kaspersky</title><script type="application/ld+json">{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"@type":"Product","name":"Kaspersky Plus","brand":{"__proto__":{"name":"x"}}}</script>'],
    ['wide graph', `<title>Kaspersky</title><script type="application/ld+json">{"@graph":[${Array.from({ length: 20000 }, (_, i) => `{"@type":"Product","name":"Kaspersky ${i}"}`).join(',')}]}</script>`],
    ['many scripts', `<title>Kaspersky</title>${'<script type="application/ld+json">{"@type":"Product","name":"Kaspersky"}</script>'.repeat(500)}`],
    ['markup in names', '<title>Kaspersky</title><h1 id="productTitle"><img src=x onerror="window.__pwned=1">Kaspersky<script>window.__pwned=1</script></h1>'],
    ['broken meta', '<meta property="og:title"><meta property="og:type" content><meta name><title></title>'],
  ];

  it.each(hostile)('%s: no exception, bounded time', (_name, html) => {
    const doc = documentFrom(html);
    const started = performance.now();
    const signals = collectSignals(doc, amazon, 'https://www.amazon.com/dp/B000000000', READERS);
    const result = classify(signals, amazon);
    collectTiles(doc, amazon);
    expect(performance.now() - started, 'signal reading must stay bounded').toBeLessThan(2000);
    expect(['purchase', 'download', 'exempt', 'none']).toContain(result.verdict);
    expect(signals.items.length).toBeLessThanOrEqual(50);
    expect(signals.title.length).toBeLessThanOrEqual(300);
    expect(({} as Record<string, unknown>).polluted, 'JSON-LD must not pollute prototypes').toBeUndefined();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('random HTML never throws', () => {
    const tag = fc.constantFrom('div', 'h1', 'script', 'meta', 'span', 'title', 'nav', 'li');
    const fragment = fc.tuple(tag, fc.string({ maxLength: 80 }), fc.boolean()).map(([name, text, close]) =>
      name === 'script' ? `<script type="application/ld+json">${text}</script>` : `<${name} id="productTitle" property="og:title" content="${text}">${text}${close ? `</${name}>` : ''}`,
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), fc.constantFrom(...SITE_RULES), (parts, rule) => {
        const doc = documentFrom(parts.join(''));
        expect(() => classify(collectSignals(doc, rule, `https://${rule.hosts[0]}/dp/B000000000`, READERS), rule)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});
