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
import { collectSignals, hasKasperskyTrace } from '@/entrypoints/page-check/collect-signals';
import { loadTracePage, readTracePage, TRACE_FIXTURES, TRACE_PAGES_DIR } from '../../fixtures/trace';

describe.each(TRACE_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
  it(`${fixture.trace ? 'has' : 'has no'} the trace (${fixture.note})`, () => {
    const doc = loadTracePage(fixture);
    const why = fixture.trace
      ? 'the injected script/stylesheet was not recognised: check hasKasperskyTrace and isKasperskyTraceUrl'
      : 'a look-alike counted as a trace (false positive): only an injected script or stylesheet on the scanner host may count';
    expect(hasKasperskyTrace(doc), why).toBe(fixture.trace);
  });

  it(`is still ${fixture.verdict} for the page check`, () => {
    const doc = loadTracePage(fixture);
    const rule = findRule(hostOf(fixture.url));
    expect(rule, `no site rule covers ${hostOf(fixture.url)}: the content script would never run there`).toBeDefined();
    const result = classify(collectSignals(doc, rule!, fixture.url), rule!);
    expect(result.verdict, `reasons: ${result.reasons.join(', ')}`).toBe(fixture.verdict);
  });

  it('mentions the scanner domain in its HTML (so a negative really is a look-alike)', () => {
    expect(readTracePage(fixture)).toMatch(/kaspersky-labs\.com/);
  });
});

describe('the trace in a live page', () => {
  it('is found when the script is added after load, and gone when removed', () => {
    const doc = loadTracePage(TRACE_FIXTURES.find((fixture) => !fixture.trace)!);
    expect(hasKasperskyTrace(doc)).toBe(false);
    const script = doc.createElement('script');
    script.src = 'https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?attr=x';
    doc.head.append(script);
    expect(hasKasperskyTrace(doc), 'a script element added to the head later counts too').toBe(true);
    script.remove();
    expect(hasKasperskyTrace(doc)).toBe(false);
  });

  it.each([
    ['uppercase host', '<script src="HTTPS://GC.KIS.V2.SCR.KASPERSKY-LABS.COM/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js"></script>', true],
    ['protocol-relative', '<script src="//gc.kis.scr.kaspersky-labs.com/2C6AE740-5FF3-534C-A5B4-D997C2F75EFB/main.js"></script>', true],
    ['stylesheet only', '<link rel="stylesheet" href="https://gc.kis.v2.scr.kaspersky-labs.com/E3E8934C-235A-4B0E-825A-35A08381A191/abn/main.css">', true],
    ['preload, not a stylesheet', '<link rel="preload" as="script" href="https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js">', false],
    ['an image', '<img src="https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js">', false],
    ['an iframe', '<iframe src="https://gc.kis.v2.scr.kaspersky-labs.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js"></iframe>', false],
    ['look-alike host', '<script src="https://gc.kis.v2.scr.kaspersky-labs.com.example.net/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js"></script>', false],
    ['host in the query', '<script src="https://cdn.example.com/FD126C42-EBFA-4E12-B309-BB3FDD723AC1/main.js?ref=gc.kis.v2.scr.kaspersky-labs.com"></script>', false],
  ])('%s → %s', (_label, html, expected) => {
    const doc = loadTracePage(TRACE_FIXTURES[0]!);
    doc.head.innerHTML = html;
    doc.body.innerHTML = '<p>page</p>';
    expect(hasKasperskyTrace(doc)).toBe(expected);
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
