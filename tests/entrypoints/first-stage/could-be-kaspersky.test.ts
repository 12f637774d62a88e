/**
 * The first stage on every saved page: it must let through every page the full check flags or badges
 * (a miss would silence kban there), and it should stop at the cheap test on pages about something else.
 */
import { describe, expect, it } from 'vitest';
import { hostOf } from '@/components/core/classifier/classify';
import { findRule } from '@/components/core/site-rules';
import { couldBeKaspersky } from '@/entrypoints/first-stage/could-be-kaspersky';
import { loadPage } from '../../fixtures/load-page';
import { PAGE_FIXTURES } from '../../fixtures/pages';

const covered = PAGE_FIXTURES.filter((fixture) => findRule(hostOf(fixture.url)));
const flagged = covered.filter((fixture) => fixture.expect !== 'none' && (fixture.expect !== 'listing' || (fixture.items ?? 0) > 0));

describe('pages the page check flags or badges reach it', () => {
  it.each(flagged.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
    const doc = loadPage(fixture.file, fixture.url);
    expect(couldBeKaspersky(doc, findRule(hostOf(fixture.url))!, new URL(fixture.url)), `${fixture.note}: the first stage must load the page check`).toBe(true);
  });
});

describe('pages about something else stop at the first stage', () => {
  it('an other-brand product page reached from a search for Kaspersky', () => {
    const url = 'https://www.amazon.com/Norton-360-Deluxe-2024-Antivirus/dp/B0C7S1X2LN/ref=sr_1_4?keywords=kaspersky&qid=1';
    const fixture = covered.find((candidate) => candidate.url.startsWith('https://www.amazon.com/') && /norton/i.test(candidate.file) && candidate.expect === 'none');
    expect(fixture, 'the saved Norton page').toBeDefined();
    expect(couldBeKaspersky(loadPage(fixture!.file, fixture!.url), findRule('www.amazon.com')!, new URL(url))).toBe(false);
  });

  it('lets every trap go whose address, title, headings and product title never name Kaspersky', () => {
    // An independent reading of the same places (not the first stage's own test): the traps that only mention
    // Kaspersky deeper down (a review's body, a compare table, a listing of other brands) must stop here.
    const NAMES = /kaspersky|kvrt|tdsskiller|カスペルスキー|com\.kms\./i;
    const quiet = covered.filter((fixture) => {
      if (fixture.expect !== 'none' || findRule(hostOf(fixture.url))!.role === 'vendor') return false;
      const doc = loadPage(fixture.file, fixture.url);
      const rule = findRule(hostOf(fixture.url))!;
      const url = new URL(fixture.url);
      const places = [url.hostname + url.pathname, doc.title, doc.querySelector('h1')?.textContent, doc.querySelector('meta[property="og:title"]')?.getAttribute('content'), rule.selectors?.productTitle ? doc.querySelector(rule.selectors.productTitle)?.textContent : ''];
      const tiles = rule.selectors?.tile ? [...doc.querySelectorAll(rule.selectors.tile)].some((tile) => NAMES.test(tile.textContent ?? '')) : false;
      return !places.some((place) => NAMES.test(place ?? '')) && !tiles && !doc.head?.querySelector('script[src*="kaspersky-labs.com" i]');
    });
    expect(quiet.length, 'enough such traps to mean something').toBeGreaterThanOrEqual(5);
    const loaded = quiet.filter((fixture) => couldBeKaspersky(loadPage(fixture.file, fixture.url), findRule(hostOf(fixture.url))!, new URL(fixture.url)));
    expect(loaded.map((fixture) => fixture.file)).toEqual([]);
  });

  it('ignores a query that mentions Kaspersky, and any fragment', () => {
    const doc = loadPage(covered.find((fixture) => fixture.url.startsWith('https://www.amazon.com/') && /norton/i.test(fixture.file))!.file, 'https://www.amazon.com/');
    const rule = findRule('www.amazon.com')!;
    expect(couldBeKaspersky(doc, rule, new URL('https://www.amazon.com/dp/B0C7S1X2LN?keywords=kaspersky#kaspersky'))).toBe(false);
    expect(couldBeKaspersky(doc, rule, new URL('https://www.amazon.com/Kaspersky-Premium/dp/B0BHVJ4QT3'))).toBe(true);
  });
});
