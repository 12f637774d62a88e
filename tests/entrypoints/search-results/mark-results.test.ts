/**
 * @vitest-environment happy-dom
 *
 * The search script on saved result pages of Google, Bing and DuckDuckGo: the engine's selectors
 * find every result, redirects are unwrapped, and exactly the Kaspersky purchase and download
 * results are badged — news, reviews, Wikipedia, the vendor blog and the exempt portal are not.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ItemKind } from '@/components/core/classifier/types';
import { engineForHost, resultDestination, type SearchEngine } from '@/components/core/search/search-engines';
import { BADGE_TAG } from '@/components/ui/tile-badge';
import { markSearchResults } from '@/entrypoints/search-results/mark-results';
import { loadSearchPage, SEARCH_FIXTURES, type SearchFixture } from '../../fixtures/search';

const MESSAGES = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

beforeEach(() => {
  // The fake browser has no i18n: answer from the real English messages.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string) => MESSAGES[key]?.message ?? '') as never);
});

/** Each result link with its block and real destination, in page order. */
function results(doc: Document, engine: SearchEngine, pageUrl: string) {
  return [...doc.querySelectorAll(engine.resultLink)].map((link) => ({
    link,
    block: link.closest(engine.resultBlock),
    destination: resultDestination(link.getAttribute('href') ?? '', pageUrl),
  }));
}

function setUp(fixture: SearchFixture) {
  const doc = loadSearchPage(fixture);
  const url = new URL(fixture.url);
  const engine = engineForHost(url.hostname);
  if (!engine) throw new Error(`${url.hostname} is no search engine: add it to SEARCH_ENGINES or fix the fixture url`);
  return { doc, engine, url };
}

describe.each(SEARCH_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
  it('is a results page of the right engine', () => {
    const { engine, url } = setUp(fixture);
    expect(engine.id, 'engineForHost picked another engine: fix its matches').toBe(fixture.engine);
    expect(engine.resultsPath.test(url.pathname + url.search), `${engine.id}.resultsPath should accept ${url.pathname}${url.search}`).toBe(true);
  });

  it(`finds all ${fixture.results} results, each in its own block, with a readable destination`, () => {
    const { doc, engine } = setUp(fixture);
    const found = results(doc, engine, fixture.url);
    const list = found.map((result) => result.destination).join('\n  ');
    expect(found.length, `${engine.id}.resultLink found:\n  ${list}\n(fix the selector or the fixture's expected count)`).toBe(fixture.results);
    for (const result of found) {
      expect(result.block, `no ${engine.id}.resultBlock around the link to ${result.destination}`).not.toBeNull();
      expect(result.destination, `could not unwrap ${result.link.getAttribute('href')}: fix resultDestination`).toMatch(/^https:\/\//);
    }
    const blocks = new Set(found.map((result) => result.block));
    expect(blocks.size, `two results share one block: ${engine.id}.resultBlock matches a container of several results`).toBe(found.length);
  });

  it(`badges exactly ${Object.keys(fixture.marked).length} results (${fixture.note})`, () => {
    const { doc, engine } = setUp(fixture);
    const count = markSearchResults(doc, engine, fixture.url);
    const marked: Record<string, ItemKind> = {};
    for (const { block, destination } of results(doc, engine, fixture.url)) {
      const kind = block?.getAttribute('data-kban-item');
      if (kind) marked[destination] = kind as ItemKind;
    }
    expect(marked, 'badged results by destination (fix classifyResult / the site rules, or the fixture expectation)').toEqual(fixture.marked);
    expect(count, 'markSearchResults should return how many it badged').toBe(Object.keys(fixture.marked).length);
    expect(doc.querySelectorAll('[data-kban-item]').length, 'marks outside the result blocks').toBe(count);
    for (const block of doc.querySelectorAll('[data-kban-item]')) {
      const badges = block.querySelectorAll(BADGE_TAG);
      expect(badges.length, 'one badge per marked result').toBe(1);
      const root = badges[0]!.shadowRoot;
      const kind = block.getAttribute('data-kban-item');
      expect(root?.querySelector('.badge')?.textContent, 'badge label').toBe(MESSAGES[kind === 'download' ? 'badge_download' : 'badge_purchase']!.message);
      expect(root?.querySelector('[role="tooltip"]')?.textContent, 'the badge explains itself on hover and focus').toBe(MESSAGES.search_badge_explanation!.message);
    }
  });

  it('is idempotent (the script re-runs as results load)', () => {
    const { doc, engine } = setUp(fixture);
    const first = markSearchResults(doc, engine, fixture.url);
    const second = markSearchResults(doc, engine, fixture.url);
    expect(second).toBe(first);
    expect(doc.querySelectorAll(BADGE_TAG).length, 'a second run must not add badges').toBe(first);
  });
});

describe('resultsPath', () => {
  it.each([
    ['www.google.com', '/search?q=kaspersky', true],
    ['www.google.com', '/maps?q=kaspersky', false],
    ['www.google.com', '/', false],
    ['www.bing.com', '/search?q=kaspersky&form=QBLH', true],
    ['www.bing.com', '/images/search?q=kaspersky', false],
    ['duckduckgo.com', '/?q=kaspersky&ia=web', true],
    ['duckduckgo.com', '/settings', false],
    ['html.duckduckgo.com', '/html/', true],
    ['html.duckduckgo.com', '/html/?q=kaspersky', true],
  ])('%s%s → %s', (host, path, expected) => {
    expect(engineForHost(host)?.resultsPath.test(path), `${host} resultsPath on ${path}`).toBe(expected);
  });
});
