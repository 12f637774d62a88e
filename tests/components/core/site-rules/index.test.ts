/**
 * The site-rule table is data: it must be sorted, unique and well formed, every rule must be
 * proven on saved pages, and every page must belong to the rule it names.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostOf, onListingPath, pathOf } from '@/components/core/classifier/classify';
import { SITE_RULES, contentMatches, findRule } from '@/components/core/site-rules';
import { PAGE_FIXTURES } from '../../../fixtures/pages';

const RULES_DIR = fileURLToPath(new URL('../../../../components/core/site-rules/', import.meta.url));

describe('SITE_RULES', () => {
  it('is sorted by id, and ids are unique', () => {
    const ids = SITE_RULES.map((rule) => rule.id);
    expect(ids, 'keep SITE_RULES in index.ts sorted by id').toEqual([...ids].sort());
    expect(new Set(ids).size, 'two rules share an id').toBe(ids.length);
  });

  it('has one file per rule, named after its id', () => {
    const files = readdirSync(RULES_DIR).filter((file) => file.endsWith('.ts') && !['index.ts', 'find-rule.ts', 'generic.ts'].includes(file)).map((file) => file.replace(/\.ts$/, ''));
    expect(files.sort(), 'each rule lives in components/core/site-rules/<id>.ts').toEqual(SITE_RULES.map((rule) => rule.id).sort());
  });

  it.each(SITE_RULES.map((rule) => [rule.id, rule] as const))('%s: hosts are lowercase names without protocol, path or duplicates', (_id, rule) => {
    for (const host of rule.hosts) expect(host, `bad host in ${rule.id}`).toMatch(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
    const others = SITE_RULES.filter((other) => other !== rule).flatMap((other) => other.hosts);
    for (const host of rule.hosts) expect(others, `${host} is claimed by two rules`).not.toContain(host);
  });

  it.each(SITE_RULES.map((rule) => [rule.id, rule] as const))('%s: vendor rules have paths, others do not', (_id, rule) => {
    expect(!!rule.vendorPaths?.length, 'vendorPaths belong to vendor rules only').toBe(rule.role === 'vendor');
  });

  it.each(SITE_RULES.map((rule) => [rule.id, rule] as const))('%s: is proven on at least one saved page', (_id, rule) => {
    const pages = PAGE_FIXTURES.filter((fixture) => fixture.rule === rule.id);
    expect(pages.length, `add a fixture for ${rule.id} to tests/fixtures/pages/`).toBeGreaterThan(0);
  });

  it.each(SITE_RULES.filter((rule) => rule.role !== 'vendor').map((rule) => [rule.id, rule] as const))(
    '%s: has a positive and a trap among its saved pages',
    (_id, rule) => {
      const pages = PAGE_FIXTURES.filter((fixture) => fixture.rule === rule.id);
      expect(pages.some((page) => page.expect === 'purchase' || page.expect === 'download' || page.expect === 'exempt'), 'add a flagged page').toBe(true);
      expect(pages.some((page) => page.expect === 'none'), 'add a trap page (another brand, a book, an article)').toBe(true);
    },
  );
});

describe('listingPathsContain', () => {
  const withParts = SITE_RULES.filter((rule) => rule.listingPathsContain);

  it('is set where the first stage looks at the most pages: Amazon', () => {
    expect(withParts.map((rule) => rule.id)).toContain('amazon');
  });

  it.each(withParts.map((rule) => [rule.id, rule] as const))('%s: every path its listing patterns match contains one of them', (_id, rule) => {
    // A path the patterns match but the parts turn away would be a listing whose tiles nobody looks at.
    for (const pattern of rule.listingPaths ?? []) {
      fc.assert(
        fc.property(fc.stringMatching(pattern), (path) => rule.listingPathsContain!.some((part) => path.includes(part))),
        { numRuns: 2000 },
      );
    }
    const listings = PAGE_FIXTURES.filter((fixture) => fixture.rule === rule.id && fixture.expect === 'listing');
    for (const fixture of listings) expect(onListingPath(rule, pathOf(fixture.url)), fixture.url).toBe(true);
  });
});

describe('findRule', () => {
  it.each([
    ['www.amazon.com', 'amazon'],
    ['amazon.com', 'amazon'],
    ['usa.kaspersky.com', 'kaspersky'],
    ['opentip.kaspersky.com', 'kaspersky-threat-intelligence'],
    ['store.kaspersky.com', 'kaspersky-store'],
    ['www.amazon.de', 'amazon'],
    ['www.amazon.co.jp', 'amazon'],
    ['www.amazon.com.mx', 'amazon'],
    ['amazon.sg', 'amazon'],
    ['www.bhphotovideo.com', 'bhphotovideo'],
    ['www.malavida.com', 'malavida'],
    ['apkpure.net', 'apkpure'],
    ['kaspersky-free.softonic.com.br', 'softonic'],
    ['kaspersky-free.softonic.jp', 'softonic'],
    ['amazon.de.evil.net', undefined],
    ['evilamazon.com', undefined],
    ['amazon.com.evil.net', undefined],
  ])('%s → %s', (host, id) => expect(findRule(host)?.id).toBe(id));

  it('every fixture page is claimed by the rule it names', () => {
    for (const fixture of PAGE_FIXTURES) {
      expect(findRule(hostOf(fixture.url))?.id, fixture.file).toBe(fixture.rule);
    }
  });
});

describe('contentMatches', () => {
  it('covers every rule host, with no broad patterns', () => {
    const patterns = contentMatches();
    for (const pattern of patterns) expect(pattern).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
    for (const host of SITE_RULES.flatMap((rule) => rule.hosts)) {
      expect(patterns.some((pattern) => host === pattern.slice(6, -2) || host.endsWith(`.${pattern.slice(6, -2)}`)), host).toBe(true);
    }
  });
});
