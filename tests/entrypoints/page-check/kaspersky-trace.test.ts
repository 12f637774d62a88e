/**
 * Kaspersky's web-protection trace on saved pages of covered sites: the injected script (current
 * and older forms, every browser prefix) is found; the host in comments, text, a CSP, download
 * links or the vendor's CDN is not. The trace never changes what the page check decides.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, hostOf } from '@/components/core/classifier/classify';
import { findRule } from '@/components/core/site-rules';
import { collectSignals, hasKasperskyTrace, type TraceTiming } from '@/entrypoints/page-check/collect-signals';
import { loadTracePage, readTracePage, TRACE_FIXTURES, TRACE_PAGES_DIR } from '../../fixtures/trace';
import { READERS } from '../../fixtures/readers';

/** Parsing ended (domInteractive) at this time, in the emulated timeline. */
const PARSED_AT = 100;

/**
 * A performance timeline as the browser records it: every script in the document's head fetched at
 * `startTime` (while the page was parsed, by default), plus `extra` entries.
 */
function timeline(doc: Document, startTime = 5, extra: Array<{ name: string; initiatorType: string; startTime: number }> = []): TraceTiming {
  const served = Array.from(doc.head.querySelectorAll('script[src]'), (script) => ({ name: (script as HTMLScriptElement).src, initiatorType: 'script', startTime }));
  const entries = { navigation: [{ domInteractive: PARSED_AT }], resource: [...served, ...extra] };
  return { getEntriesByType: (type: string) => (entries[type as keyof typeof entries] ?? []) as unknown as PerformanceEntryList } as TraceTiming;
}

describe.each(TRACE_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
  it(`${fixture.trace ? 'has' : 'has no'} the trace (${fixture.note})`, () => {
    const doc = loadTracePage(fixture);
    const why = fixture.trace
      ? 'the injected script/stylesheet was not recognised: check hasKasperskyTrace and isKasperskyTraceUrl'
      : 'a look-alike counted as a trace (false positive): only an injected script or stylesheet on the scanner host may count';
    expect(hasKasperskyTrace(doc, timeline(doc)), why).toBe(fixture.trace);
  });

  it(`is still ${fixture.verdict} for the page check`, () => {
    const doc = loadTracePage(fixture);
    const rule = findRule(hostOf(fixture.url));
    expect(rule, `no site rule covers ${hostOf(fixture.url)}: the content script would never run there`).toBeDefined();
    const result = classify(collectSignals(doc, rule!, fixture.url, READERS), rule!);
    expect(result.verdict, `reasons: ${result.reasons.join(', ')}`).toBe(fixture.verdict);
  });

  it('mentions the scanner domain in its HTML (so a negative really is a look-alike)', () => {
    expect(readTracePage(fixture)).toMatch(/kaspersky-labs\.com/);
  });
});

describe('the trace in a live page', () => {
  const TRACE_URL = 'https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?attr=x';

  it('is not a sighting when the page adds the script once parsed (issue 11: a page faking "Kaspersky is running")', () => {
    const doc = loadTracePage(TRACE_FIXTURES.find((fixture) => !fixture.trace)!);
    const script = doc.createElement('script');
    script.src = TRACE_URL;
    doc.head.append(script);
    expect(hasKasperskyTrace(doc, timeline(doc, 500)), 'fetched after domInteractive: the page added it, it was not in the HTML as served').toBe(false);
    expect(hasKasperskyTrace(doc, timeline(doc, 5)), 'the same tag fetched while the document was parsed is a sighting').toBe(true);
  });

  it('is not a sighting without the browser having fetched it as a script from that address', () => {
    const doc = loadTracePage(TRACE_FIXTURES.find((fixture) => fixture.trace)!);
    const noFetch = { getEntriesByType: (type: string) => (type === 'navigation' ? [{ domInteractive: PARSED_AT }] : []) } as unknown as TraceTiming;
    expect(hasKasperskyTrace(doc, noFetch), 'no Resource Timing entry: the browser never loaded it').toBe(false);
    const src = (doc.head.querySelector('script[src*="kaspersky-labs"]') as HTMLScriptElement).src;
    const asImage = { getEntriesByType: (type: string) => (type === 'navigation' ? [{ domInteractive: PARSED_AT }] : [{ name: src, initiatorType: 'img', startTime: 5 }]) } as unknown as TraceTiming;
    expect(hasKasperskyTrace(doc, asImage), 'fetched, but not as a script').toBe(false);
    expect(hasKasperskyTrace(doc, undefined), 'no timeline at all').toBe(false);
  });

  it('is not a sighting when the element is marked async or defer (the parser-inserted tag is neither)', () => {
    const doc = loadTracePage(TRACE_FIXTURES.find((fixture) => !fixture.trace)!);
    doc.head.insertAdjacentHTML('beforeend', `<script async src="${TRACE_URL}"></script>`);
    expect(hasKasperskyTrace(doc, timeline(doc))).toBe(false);
  });

  it.each([
    ['uppercase host', '<script src="HTTPS://GC.KIS.V2.SCR.KASPERSKY-LABS.COM/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js"></script>', true],
    ['protocol-relative', '<script src="//gc.kis.scr.kaspersky-labs.com/2C6AE740-5FF3-534C-A5B4-D997C2F75EFB/main.js"></script>', true],
    // Only the script counts: it always comes with the stylesheet, and only a script can be checked for parser insertion.
    ['stylesheet only', '<link rel="stylesheet" href="https://gc.kis.v2.scr.kaspersky-labs.com/E3E8934C-235A-4B0E-825A-35A08381A191/abn/main.css">', false],
    ['preload, not a stylesheet', '<link rel="preload" as="script" href="https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js">', false],
    ['an image', '<img src="https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js">', false],
    ['an iframe', '<iframe src="https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js"></iframe>', false],
    ['look-alike host', '<script src="https://gc.kis.v2.scr.kaspersky-labs.com.example.net/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js"></script>', false],
    ['host in the query', '<script src="https://cdn.example.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?ref=gc.kis.v2.scr.kaspersky-labs.com"></script>', false],
  ])('%s → %s', (_label, html, expected) => {
    const doc = loadTracePage(TRACE_FIXTURES[0]!);
    doc.head.innerHTML = html;
    doc.body.innerHTML = '<p>page</p>';
    expect(hasKasperskyTrace(doc, timeline(doc))).toBe(expected);
  });
});

describe('tests/fixtures/trace', () => {
  it('lists every saved page, and every listed page exists', () => {
    const onDisk = readdirSync(TRACE_PAGES_DIR)
      .filter((entry) => statSync(path.join(TRACE_PAGES_DIR, entry)).isDirectory())
      .flatMap((dir) => readdirSync(path.join(TRACE_PAGES_DIR, dir)).map((file) => `${dir}/${file}`))
      .sort();
    expect(onDisk, 'add the page to TRACE_FIXTURES in tests/fixtures/trace/index.ts (or delete it)').toEqual(TRACE_FIXTURES.map((fixture) => fixture.file).sort());
  });
});
