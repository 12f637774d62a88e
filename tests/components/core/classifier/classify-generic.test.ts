/**
 * The generic check (sites without a rule of their own), on saved real-shaped pages read by the real signal reader,
 * and table-driven on hand-made signals for the decisions no saved page isolates.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify, hostOf } from '@/components/core/classifier/classify';
import { controlKind } from '@/components/core/classifier/classify-generic';
import type { PageSignals } from '@/components/core/classifier/types';
import { findRule, SITE_RULES } from '@/components/core/site-rules';
import { GENERIC_RULE } from '@/components/core/site-rules/generic';
import { collectSignals } from '@/entrypoints/page-check/collect-signals';
import { GENERIC_FIXTURES } from '../../../fixtures/generic';
import { GENERIC_PAGES_DIR, loadPage } from '../../../fixtures/load-page';

function htmlFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full, `${prefix}${name}/`);
    return name.endsWith('.html') ? [`${prefix}${name}`] : [];
  });
}

describe('GENERIC_RULE', () => {
  it('has no hosts, is not in SITE_RULES and is never picked by host', () => {
    expect(GENERIC_RULE).toMatchObject({ id: 'generic', role: 'generic', hosts: [] });
    expect(SITE_RULES).not.toContain(GENERIC_RULE);
    expect(SITE_RULES.map((rule) => rule.id)).not.toContain('generic');
  });
});

describe('generic fixtures', () => {
  it('lists every saved page exactly once, under its real host, on sites without a rule', () => {
    const listed = GENERIC_FIXTURES.map((fixture) => fixture.file);
    expect(new Set(listed).size, 'a page is listed twice').toBe(listed.length);
    expect([...listed].sort(), 'add the page to tests/fixtures/generic/index.ts, or delete it').toEqual(htmlFiles(GENERIC_PAGES_DIR).sort());
    for (const fixture of GENERIC_FIXTURES) {
      expect(fixture.file.split('/')[0], fixture.file).toBe(new URL(fixture.url).hostname);
      expect(findRule(hostOf(fixture.url))?.id, `${fixture.url} has a rule of its own: it is no generic page`).toBeUndefined();
    }
  });

  it('covers at least 12 Kaspersky purchase or download pages and 15 traps', () => {
    expect(GENERIC_FIXTURES.filter((fixture) => fixture.expect === 'purchase' || fixture.expect === 'download').length).toBeGreaterThanOrEqual(12);
    expect(GENERIC_FIXTURES.filter((fixture) => fixture.expect === 'none').length).toBeGreaterThanOrEqual(15);
  });

  it.each(GENERIC_FIXTURES.map((fixture) => [fixture.file, fixture] as const))('%s', (_file, fixture) => {
    const doc = loadPage(fixture.file, fixture.url, GENERIC_PAGES_DIR);
    const result = classify(collectSignals(doc, GENERIC_RULE, fixture.url), GENERIC_RULE);
    const why = `reasons: ${result.reasons.join(', ')} (${fixture.note})`;
    expect(result.verdict, why).toBe(fixture.expect);
    expect(result.ruleId).toBe('generic');
    expect(result.reasons[0]).toBe('site:generic');
    if (fixture.product) expect(result.product, why).toContain(fixture.product);
    if (fixture.expect === 'none') {
      expect(fixture.reason, 'say which reason must refuse this trap').toBeTruthy();
      const wanted = fixture.reason!;
      expect(result.reasons.some((reason) => (wanted.endsWith(':') ? reason.startsWith(wanted) : reason === wanted)), why).toBe(true);
    }
  });
});
