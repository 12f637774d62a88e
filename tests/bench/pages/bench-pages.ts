/**
 * The benchmark's page table, made from the saved real-shaped fixtures at bench time: each entry
 * is a page, the address it is served at, what the extension must do there, and its budget.
 * - a 1.5 MB Amazon product page of a non-Kaspersky product and the same page at its saved size;
 * - the same 1.5 MB size for a Kaspersky product (notice shown), also at its bare /dp/<ASIN> address;
 * - that Kaspersky page with a live carousel adding ~1000 nodes a second for ten seconds;
 * - a page on a site without a rule, measured with the "every site" mode on.
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERIC_FIXTURES } from '../../fixtures/generic';
import { GENERIC_PAGES_DIR, PAGES_DIR } from '../../fixtures/load-page';
import { PAGE_FIXTURES, type PageFixture } from '../../fixtures/pages/index';
import { inflatePage } from './inflate-page';

/** Size of the large pages: a big retailer product page is 1–2 MB of HTML. */
export const LARGE_PAGE_BYTES = 1.5 * 1024 * 1024;
/** The mutating page's rate and duration. */
export const MUTATION_NODES_PER_SECOND = 1000;
export const MUTATION_SECONDS = 10;

/** Amazon's repeatable sections: reviews, carousel cards, whole carousels ("Products related to this item"…). */
const AMAZON_SECTIONS = ['[data-hook="review"]', '.a-carousel-card', '.a-carousel-container'];

/**
 * What `--check` holds a page to (issue 14). All timing budgets are on the median of the loads;
 * never loosen one to make a run pass: fix the cost.
 */
export interface PageBudget {
  /** Main-thread time (trace thread time) beyond the reference extension, ms. */
  aboveReferenceMs?: number;
  /** Main-thread time beyond the reference, as % of the page's mutation time (must stay below). */
  percentOfWall?: number;
  /** `DOMContentLoaded` → notice host in the page, ms. */
  noticeAfterDclMs?: number;
  /** No script of ours may run on the page at all. */
  noScript?: boolean;
}

export type BenchPageId = 'large' | 'product' | 'flagged' | 'flagged-bare' | 'mutating' | 'every-site' | 'every-site-named';

export interface BenchPage {
  id: BenchPageId;
  label: string;
  /** Real URL it is served at. */
  url: string;
  html: string;
  bytes: number;
  /** The fixture it was grown from. */
  source: string;
  /** Whether our notice must appear (a sanity check on every measured load). */
  expectNotice: boolean;
  /** For the mutating page: how long it mutates, in ms. */
  mutatesForMs?: number;
  /**
   * Measured with `<all_urls>` granted and the "every site" mode on (a site without its own rule);
   * the reference extension does not run there, so the figure is ours alone.
   */
  everySite?: boolean;
  budget: PageBudget;
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

/** Builds the page table (about 0.3 s). */
export function buildBenchPages(): BenchPage[] {
  const productSource = pick('an Amazon product page of a non-Kaspersky product', (fixture) => isAmazonProduct(fixture) && fixture.expect === 'none');
  const flaggedSource = pick('an Amazon Kaspersky product page', (fixture) => isAmazonProduct(fixture) && fixture.expect === 'purchase');
  const noRuleSource = pick('a page on a site without a rule whose title does not name Kaspersky', (fixture) => !fixture.rule && fixture.expect === 'none' && !/kaspersky/i.test(/<title>([^<]*)/i.exec(readFileSync(PAGES_DIR + fixture.file, 'utf8'))?.[1] ?? 'kaspersky'));
  const productHtml = readFileSync(PAGES_DIR + productSource.file, 'utf8');
  const noRuleHtml = readFileSync(PAGES_DIR + noRuleSource.file, 'utf8');
  const namedSource = GENERIC_FIXTURES.find((fixture) => fixture.expect === 'purchase');
  if (!namedSource) throw new Error('bench: no purchase page in tests/fixtures/generic');
  const namedHtml = readFileSync(path.join(GENERIC_PAGES_DIR, namedSource.file), 'utf8');
  const large = grow(productSource);
  const flagged = grow(flaggedSource);
  const script = mutationScript(MUTATION_NODES_PER_SECOND, MUTATION_SECONDS);
  const mutatingHtml = flagged.html.replace(/<\/body>/i, `${script}\n</body>`);
  const mutatingUrl = new URL(flaggedSource.url);
  mutatingUrl.searchParams.set('bench', 'live');
  // The grown page at the saved page's address plus Amazon's variant parameter, so both are served.
  const largeUrl = new URL(productSource.url);
  largeUrl.searchParams.set('th', '1');
  // The same Kaspersky page at an address that doesn't name it (Amazon also serves /dp/<ASIN>):
  // not matched by the include_globs entries, so it takes the every-page path.
  const bareUrl = new URL(flaggedSource.url);
  bareUrl.pathname = bareUrl.pathname.replace(/^.*(\/dp\/[A-Z0-9]{10}).*$/, '$1');
  return [
    { id: 'large', label: 'Large product page, not Kaspersky (1.5 MB)', url: largeUrl.href, source: productSource.file, expectNotice: false, budget: { aboveReferenceMs: 0.5 }, ...large },
    { id: 'product', label: 'Product page, not Kaspersky (as saved)', url: productSource.url, source: productSource.file, expectNotice: false, html: productHtml, bytes: Buffer.byteLength(productHtml), budget: { aboveReferenceMs: 0.5 } },
    { id: 'flagged', label: 'Large Kaspersky product page (1.5 MB, notice)', url: flaggedSource.url, source: flaggedSource.file, expectNotice: true, budget: { aboveReferenceMs: 5, noticeAfterDclMs: 100 }, ...flagged },
    { id: 'flagged-bare', label: 'The same at /dp/<ASIN> (address without the name)', url: bareUrl.href, source: flaggedSource.file, expectNotice: true, budget: { noticeAfterDclMs: 150 }, ...flagged },
    {
      id: 'mutating',
      label: `Kaspersky page adding ${MUTATION_NODES_PER_SECOND} nodes/s for ${MUTATION_SECONDS} s`,
      url: mutatingUrl.href,
      source: flaggedSource.file,
      expectNotice: true,
      html: mutatingHtml,
      bytes: Buffer.byteLength(mutatingHtml),
      mutatesForMs: MUTATION_SECONDS * 1000,
      budget: { percentOfWall: 0.5 },
    },
    { id: 'every-site', label: 'Site without a rule, "every site" mode on', url: noRuleSource.url, source: noRuleSource.file, expectNotice: false, everySite: true, html: noRuleHtml, bytes: Buffer.byteLength(noRuleHtml), budget: { noScript: true } },
    // Not budgeted: what the generic check costs where it runs (a key shop's Kaspersky page, injected by the background).
    { id: 'every-site-named', label: 'Site without a rule, title names Kaspersky', url: namedSource.url, source: `generic/${namedSource.file}`, expectNotice: true, everySite: true, html: namedHtml, bytes: Buffer.byteLength(namedHtml), budget: {} },
  ];
}
