/**
 * Text normalisation in the signal reader, on saved pages whose names carry invisible marks.
 */
import { describe, expect, it } from 'vitest';
import { classify, hostOf } from '@/components/core/classifier/classify';
import { findRule } from '@/components/core/site-rules';
import { collectSignals } from '@/entrypoints/kban.content/collect-signals';
import { loadPage } from '../../fixtures/load-page';

describe('collectSignals text', () => {
  it.each([
    // The 2025 App Store design writes "\u200eKaspersky Safe Kids" in its title and JSON-LD.
    ['apps.apple.com/kaspersky-safe-kids.html', 'https://apps.apple.com/gb/app/kaspersky-safe-kids/id1095612390', 'Kaspersky Safe Kids'],
  ])('%s: drops direction marks from names', (file, url, name) => {
    const rule = findRule(hostOf(url))!;
    const signals = collectSignals(loadPage(file, url), rule, url);
    expect(signals.items[0]?.name, 'JSON-LD name should be read without U+200E').toBe(name);
    expect(signals.title.startsWith(name), `title "${signals.title}" should start with the bare name`).toBe(true);
    expect(classify(signals, rule).product, 'the product named in the notice').toBe(name);
  });
});
