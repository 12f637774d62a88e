/**
 * The classifier on saved, real-shaped pages of every covered site: signals read from the HTML
 * by the real signal reader, then classified. Positives and traps alike.
 */
import { describe, expect, it } from 'vitest';
import { classify, classifyTiles, hostOf } from '@/components/core/classifier/classify';
import { findRule } from '@/components/core/site-rules';
import { collectSignals } from '@/entrypoints/page-check/collect-signals';
import { collectTiles } from '@/entrypoints/listing/collect-tiles';
import { loadPage } from '../../fixtures/load-page';
import { PAGE_FIXTURES } from '../../fixtures/pages';
import { READERS } from '../../fixtures/readers';

describe.each(PAGE_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
  it(`is ${fixture.expect} (${fixture.note})`, () => {
    const doc = loadPage(fixture.file, fixture.url);
    const rule = findRule(hostOf(fixture.url));
    if (fixture.rule) expect(rule?.id, 'the page host should be claimed by this rule: fix the rule hosts or the fixture url').toBe(fixture.rule);
    if (!rule) {
      expect(fixture.expect, 'no rule covers this host, so the page can only be left alone').toBe('none');
      return;
    }
    const signals = collectSignals(doc, rule, fixture.url, READERS);
    const result = classify(signals, rule);
    const why = `reasons: ${result.reasons.join(', ')}`;
    if (fixture.expect === 'listing') {
      expect(result.listing, `should be a listing page; ${why}`).toBe(true);
      expect(result.verdict, why).toBe('none');
      const marked = classifyTiles(collectTiles(doc, rule).tiles, rule);
      expect(marked.length, `marked tiles: ${marked.map((m) => m.product).join(' | ')}`).toBe(fixture.items ?? 0);
      return;
    }
    expect(result.verdict, why).toBe(fixture.expect);
    if (fixture.product) expect(result.product, why).toContain(fixture.product);
  });
});
