import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shouldCheckTab } from '@/components/core/probe/every-site-target';
import { SITE_RULES } from '@/components/core/site-rules';
import { GENERIC_FIXTURES } from '../../../fixtures/generic';
import { GENERIC_PAGES_DIR } from '../../../fixtures/load-page';

describe('shouldCheckTab', () => {
  it.each([
    [{ url: 'https://www.gamivo.com/product/kaspersky-premium-3-devices-1-year-global', title: '' }, true, 'address names Kaspersky'],
    [{ url: 'https://shop.example.com/p/48213', title: 'Kaspersky Premium 2025 | Example Shop' }, true, 'title names Kaspersky'],
    [{ url: 'https://www.apkmirror.com/apk/kaspersky-lab/', title: '' }, true, 'APK mirror path'],
    [{ url: 'https://apps.example.org/details?id=com.kms.free', title: 'Antivirus' }, true, 'package id in the query'],
    [{ url: 'https://shop.example.com/p/48213', title: 'Norton 360 Deluxe' }, false, 'never names it'],
    [{ url: 'https://shop.example.com/search?q=kaspersky', title: 'Search results' }, false, 'only the query mentions it'],
    [{ url: 'https://www.amazon.de/Kaspersky-Premium/dp/B0BHVJ4QT3', title: 'Kaspersky' }, false, 'Amazon has its own rule (its first stage runs there)'],
    [{ url: 'https://www.google.com/search?q=kaspersky', title: 'kaspersky - Google Search' }, false, 'search engines have their own script'],
    [{ url: 'chrome://extensions/?id=kaspersky', title: 'Kaspersky' }, false, 'not a web page'],
    [{ url: undefined, title: 'Kaspersky' }, false, 'no address (no access to the tab)'],
  ] as Array<[{ url?: string; title?: string }, boolean, string]>)('%o → %s (%s)', (tab, expected) => expect(shouldCheckTab(tab, SITE_RULES)).toBe(expected));

  it('lets through every saved Kaspersky page of a site without a rule, by its address and its <title>', () => {
    for (const fixture of GENERIC_FIXTURES.filter((candidate) => candidate.expect !== 'none')) {
      const html = readFileSync(path.join(GENERIC_PAGES_DIR, fixture.file), 'utf8');
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
      expect(shouldCheckTab({ url: fixture.url, title }, SITE_RULES), `${fixture.url} (${title})`).toBe(true);
    }
  });
});
