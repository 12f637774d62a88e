// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://www.amazon.com/s?k=kaspersky", "settings": {"disableJavaScriptEvaluation": true, "disableJavaScriptFileLoading": true, "disableCSSFileLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
/**
 * The listing's round trip on Amazon's saved search page: its tiles go to the background, and only the ones the
 * background names get a badge, and only while kban is still there.
 */
import { describe, expect, it } from 'vitest';
import type { ExtensionMessage, PagePlan, TilesPlan } from '@/components/core/messages';
import { findRule } from '@/components/core/site-rules';
import { badgeTiles } from '@/entrypoints/listing/listing';
import { showPage } from '../../fixtures/load-page';

const amazon = findRule('www.amazon.com')!;
const report = { url: 'https://www.amazon.com/s?k=kaspersky', classification: { verdict: 'none' as const, ruleId: 'amazon', reasons: ['site:amazon'] }, action: 'listing' as const, items: 0 };
const plan: PagePlan = { report, markTiles: true, badges: { purchase: 'Sale banned in the US', download: 'Download banned in the US', explanation: 'Kaspersky product' } };
const answer: TilesPlan = { marks: [{ index: 1, kind: 'purchase' }], report: { ...report, items: 1 } };

describe('badgeTiles', () => {
  it('sends every tile with the plan\'s report and the last key, and badges the one the background names', async () => {
    showPage('www.amazon.com/search-kaspersky.html');
    const doc = document;
    const sent: ExtensionMessage[] = [];
    const ours = new WeakSet<Node>();
    const marked = await badgeTiles(doc, amazon, plan, { previous: 'last-key', send: async (message) => (sent.push(message), answer), isValid: () => true, ours });
    const tiles = [...doc.querySelectorAll(amazon.selectors!.tile!)];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'kban:tiles', ruleId: 'amazon', report, previous: 'last-key' });
    expect(sent[0]?.type === 'kban:tiles' && sent[0].tiles.length).toBe(tiles.length);
    expect(marked).toEqual(answer.report);
    expect([...doc.querySelectorAll('[data-kban-item]')]).toEqual([tiles[1]]);
    const badge = tiles[1]!.querySelector('kban-badge');
    expect(badge && ours.has(badge), 'the badge is known as ours').toBe(true);
  });

  it('marks nothing when kban went away while the background answered, or the plan carries no badge words', async () => {
    showPage('www.amazon.com/search-kaspersky.html');
    const doc = document;
    expect(await badgeTiles(doc, amazon, plan, { previous: '', send: async () => answer, isValid: () => false, ours: new WeakSet() })).toBeUndefined();
    expect(await badgeTiles(doc, amazon, { ...plan, badges: undefined }, { previous: '', send: async () => answer, isValid: () => true, ours: new WeakSet() })).toBeUndefined();
    expect(doc.querySelectorAll('[data-kban-item]')).toHaveLength(0);
  });
});
