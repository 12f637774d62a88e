/**
 * The benchmark's pages, made from the saved real-shaped fixtures at bench time:
 * a 1.5 MB product page of a non-Kaspersky product, the same for a Kaspersky product (notice shown),
 * and that Kaspersky page with a live carousel adding ~1000 nodes a second for ten seconds.
 * @module
 */
import { readFileSync } from 'node:fs';
import { PAGES_DIR } from '../../fixtures/load-page';
import { PAGE_FIXTURES, type PageFixture } from '../../fixtures/pages/index';
import { inflatePage } from './inflate-page';

/** Size of the large pages: a big retailer product page is 1–2 MB of HTML. */
export const LARGE_PAGE_BYTES = 1.5 * 1024 * 1024;
/** The mutating page's rate and duration. */
export const MUTATION_NODES_PER_SECOND = 1000;
export const MUTATION_SECONDS = 10;

/** Amazon's repeatable sections: reviews, carousel cards, whole carousels ("Products related to this item"…). */
const AMAZON_SECTIONS = ['[data-hook="review"]', '.a-carousel-card', '.a-carousel-container'];

export interface BenchPage {
  id: 'plain' | 'flagged' | 'flagged-bare' | 'mutating';
  label: string;
  /** Real URL it is served at. */
  url: string;
  html: string;
  bytes: number;
  /** The fixture it was grown from. */
  source: string;
  /** Whether our notice must appear (a sanity check on every measured load). */
  expectNotice: boolean;
  /** Loads to measure, when not the benchmark's default. */
  runs?: number;
  /** For the mutating page: how long it mutates, in ms. */
  mutatesForMs?: number;
}

const isAmazonProduct = (fixture: PageFixture) => new URL(fixture.url).hostname === 'www.amazon.com' && /\/dp\/[A-Z0-9]{10}/.test(fixture.url);

function pick(description: string, predicate: (fixture: PageFixture) => boolean): PageFixture {
  const fixture = PAGE_FIXTURES.find(predicate);
  if (!fixture) throw new Error(`bench: no fixture for ${description} in tests/fixtures/pages (the large pages are grown from one)`);
  return fixture;
}

/**
 * Page script of the mutating page: from DOMContentLoaded, every 50 ms it appends clones of a
 * carousel card to the carousel (as lazy-loading carousels and live feeds do), keeping to
 * `rate` nodes (elements and text) a second, for `seconds`; then it sets `__kbanBenchMutation.done`.
 */
function mutationScript(rate: number, seconds: number): string {
  return `<script>
(() => {
  const state = (window.__kbanBenchMutation = { added: 0, done: false, started: 0, ended: 0 });
  const start = () => {
    const list = document.querySelector('ol.a-carousel');
    const template = list.querySelector('li.a-carousel-card');
    const walker = document.createTreeWalker(template, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let perCard = 0;
    while (walker.nextNode()) perCard++;
    perCard++;
    state.started = performance.now();
    let position = list.children.length;
    const timer = setInterval(() => {
      const elapsed = performance.now() - state.started;
      const due = Math.min(${rate * seconds}, Math.floor((${rate} * elapsed) / 1000));
      const batch = document.createDocumentFragment();
      while (state.added + perCard <= due) {
        const card = template.cloneNode(true);
        card.setAttribute('aria-posinset', String(++position));
        batch.append(card);
        state.added += perCard;
      }
      list.append(batch);
      if (elapsed >= ${seconds * 1000}) {
        clearInterval(timer);
        state.ended = performance.now();
        state.done = true;
      }
    }, 50);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})();
</script>`;
}

function grow(fixture: PageFixture): { html: string; bytes: number } {
  return inflatePage(readFileSync(PAGES_DIR + fixture.file, 'utf8'), fixture.url, { targetBytes: LARGE_PAGE_BYTES, sections: AMAZON_SECTIONS });
}

/** Builds the four pages (about 0.3 s). */
export function buildBenchPages(): BenchPage[] {
  const plainSource = pick('an Amazon product page of a non-Kaspersky product', (fixture) => isAmazonProduct(fixture) && fixture.expect === 'none');
  const flaggedSource = pick('an Amazon Kaspersky product page', (fixture) => isAmazonProduct(fixture) && fixture.expect === 'purchase');
  const plain = grow(plainSource);
  const flagged = grow(flaggedSource);
  const script = mutationScript(MUTATION_NODES_PER_SECOND, MUTATION_SECONDS);
  const mutatingHtml = flagged.html.replace(/<\/body>/i, `${script}\n</body>`);
  const mutatingUrl = new URL(flaggedSource.url);
  mutatingUrl.searchParams.set('bench', 'live');
  // The same Kaspersky page at an address that doesn't name it (Amazon also serves /dp/<ASIN>):
  // checked at document_end, after the first full layout (see ruleContentScripts).
  const bareUrl = new URL(flaggedSource.url);
  bareUrl.pathname = bareUrl.pathname.replace(/^.*(\/dp\/[A-Z0-9]{10}).*$/, '$1');
  return [
    { id: 'plain', label: 'Large product page, not Kaspersky (left alone)', url: plainSource.url, source: plainSource.file, expectNotice: false, ...plain },
    { id: 'flagged', label: 'Large Kaspersky product page (notice shown)', url: flaggedSource.url, source: flaggedSource.file, expectNotice: true, ...flagged },
    { id: 'flagged-bare', label: 'The same at /dp/<ASIN>, checked after first layout', url: bareUrl.href, source: flaggedSource.file, expectNotice: true, runs: 5, ...flagged },
    {
      id: 'mutating',
      label: `Kaspersky page adding ${MUTATION_NODES_PER_SECOND} nodes/s for ${MUTATION_SECONDS} s`,
      url: mutatingUrl.href,
      source: flaggedSource.file,
      expectNotice: true,
      html: mutatingHtml,
      bytes: Buffer.byteLength(mutatingHtml),
      mutatesForMs: MUTATION_SECONDS * 1000,
    },
  ];
}
