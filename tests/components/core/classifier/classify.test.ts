import { describe, expect, it } from 'vitest';
import { classify, classifyTiles, hostOf, locationPath, MAX_PATH_LENGTH, onListingPath, pathOf } from '@/components/core/classifier/classify';
import type { PageSignals, SiteRule } from '@/components/core/classifier/types';
import { findRule } from '@/components/core/site-rules';

const STORE: SiteRule = {
  id: 'test-store',
  name: 'Test store',
  hosts: ['store.test'],
  role: 'store',
  productPaths: [/^\/p\/\d+/],
  listingPaths: [/^\/search/],
  ignorePaths: [/^\/news\//],
  selectors: { productTitle: '#t' },
};
const PORTAL: SiteRule = { ...STORE, id: 'test-portal', role: 'download' };

function signals(overrides: Partial<PageSignals> & { url: string }): PageSignals {
  return { title: '', meta: {}, h1: '', items: [], pageTypes: [], breadcrumbs: [], site: {}, ...overrides };
}

describe('classify on a store', () => {
  it.each([
    ['Kaspersky product title', signals({ url: 'https://store.test/p/1', site: { productTitle: 'Kaspersky Premium 3 Devices' } }), 'purchase'],
    ['JSON-LD product with Kaspersky brand', signals({ url: 'https://store.test/x', items: [{ type: 'Product', name: 'Kaspersky Plus', brand: 'Kaspersky', hasOffer: true }] }), 'purchase'],
    ['other brand product', signals({ url: 'https://store.test/p/2', site: { productTitle: 'Norton 360 Deluxe', brand: 'Norton' } }), 'none'],
    ['brand is not Kaspersky', signals({ url: 'https://store.test/p/3', site: { productTitle: 'Antivirus like Kaspersky Premium', brand: 'Acme' } }), 'none'],
    ['a book', signals({ url: 'https://store.test/p/4', site: { productTitle: 'Kaspersky Lab: A History (Paperback)' } }), 'none'],
    ['a book by category', signals({ url: 'https://store.test/p/5', site: { productTitle: 'The Kaspersky Files' }, breadcrumbs: ['Books', 'Computers'] }), 'none'],
    ['news on the store host', signals({ url: 'https://store.test/news/kaspersky-ban', site: { productTitle: 'Kaspersky Premium' } }), 'none'],
    ['article schema type', signals({ url: 'https://store.test/p/6', pageTypes: ['NewsArticle'], site: { productTitle: 'Kaspersky Premium' } }), 'none'],
    ['no product page evidence', signals({ url: 'https://store.test/about', title: 'Kaspersky at Test store' }), 'none'],
    ['Kaspersky app without the name, by its developer', signals({ url: 'https://store.test/p/8', site: { productTitle: 'Safe Kids: Parental Control', brand: 'Kaspersky Lab Switzerland' } }), 'purchase'],
    ['a book by a Kaspersky author', signals({ url: 'https://store.test/p/9', site: { productTitle: 'Cyber Threats Explained', brand: 'Eugene Kaspersky (Author)' } }), 'none'],
    ['exempt product', signals({ url: 'https://store.test/p/7', site: { productTitle: 'Kaspersky Threat Data Feeds - 1 year' } }), 'exempt'],
  ])('%s', (_name, input, verdict) => {
    const result = classify(input, STORE);
    expect(result.verdict, result.reasons.join(', ')).toBe(verdict);
  });

  it('names the product and says why', () => {
    const result = classify(signals({ url: 'https://store.test/p/1', site: { productTitle: 'Kaspersky Standard | 1 Device', brand: 'Kaspersky' } }), STORE);
    expect(result.product).toBe('Kaspersky Standard');
    expect(result.reasons).toEqual(expect.arrayContaining(['site:test-store', 'product-path', 'subject:product-title', 'brand:kaspersky']));
  });

  it('a free Kaspersky app in a store (the rule\'s free marker matched) is a download, a priced one a purchase', () => {
    const page = { url: 'https://store.test/p/10', site: { productTitle: 'Kaspersky Password Manager', brand: 'Kaspersky Lab', hasDownloadControl: true } };
    expect(classify(signals({ ...page, site: { ...page.site, free: true } }), STORE)).toMatchObject({ verdict: 'download', reasons: expect.arrayContaining(['free']) });
    expect(classify(signals({ ...page, site: { ...page.site, free: false } }), STORE).verdict).toBe('purchase');
    expect(classify(signals({ ...page, site: { ...page.site, free: true, productTitle: 'Norton Password Manager', brand: 'Norton' } }), STORE).verdict, 'free does not make another brand Kaspersky').toBe('none');
  });

  it('listing pages are marked as listings, not flagged', () => {
    const result = classify(signals({ url: 'https://store.test/search?q=kaspersky', title: 'kaspersky - Search' }), STORE);
    expect(result).toMatchObject({ verdict: 'none', listing: true });
  });

  it('download sites give download verdicts', () => {
    expect(classify(signals({ url: 'https://store.test/p/1', site: { productTitle: 'Kaspersky Free' } }), PORTAL).verdict).toBe('download');
  });

  it('no rule, no verdict', () => expect(classify(signals({ url: 'https://example.com/' }), undefined).verdict).toBe('none'));
});

describe('classify on the vendor site', () => {
  const rule = findRule('www.kaspersky.com')!;
  it.each([
    ['https://www.kaspersky.com/premium', 'purchase'],
    ['https://usa.kaspersky.com/home-security', 'purchase'],
    ['https://www.kaspersky.com/downloads/free-antivirus', 'download'],
    ['https://www.kaspersky.co.uk/renewal-center/home', 'purchase'],
    ['https://www.kaspersky.com/blog/some-post/12345/', 'none'],
    ['https://www.kaspersky.com/about/press-releases/2024_statement', 'none'],
    ['https://www.kaspersky.com/resource-center/threats/what-is-malware', 'none'],
    ['https://www.kaspersky.com/enterprise-security/threat-intelligence', 'exempt'],
    ['https://www.kaspersky.com/', 'none'],
  ])('%s → %s', (url, verdict) => {
    const rule2 = findRule(hostOf(url))!;
    expect(rule2.id).toBe(rule.id);
    expect(classify(signals({ url, h1: 'Kaspersky' }), rule2).verdict).toBe(verdict);
  });

  it('exempt hosts are exempt whatever the path', () => {
    const tip = findRule('opentip.kaspersky.com')!;
    expect(classify(signals({ url: 'https://opentip.kaspersky.com/', h1: 'Kaspersky OpenTIP' }), tip)).toMatchObject({ verdict: 'exempt', category: 'threat-intelligence' });
  });
});

describe('classifyTiles', () => {
  it('marks Kaspersky software tiles only', () => {
    const tiles = [
      { index: 0, title: 'Kaspersky Premium 2025, 5 devices' },
      { index: 1, title: 'Norton 360 Deluxe' },
      { index: 2, title: 'Kaspersky Lab: The Story (Hardcover)' },
      { index: 3, title: 'Kaspersky Standard 1 Device' },
      { index: 4, title: 'Kaspersky Threat Intelligence Portal' },
    ];
    expect(classifyTiles(tiles, STORE).map((tile) => tile.index)).toEqual([0, 3]);
    expect(classifyTiles(tiles, PORTAL)[0]?.kind).toBe('download');
  });
});

describe('URL helpers', () => {
  it.each([
    // The fragment is the page's to set and never says what the page is: rule patterns never see it.
    ['https://www.amazon.com/dp/B0C1?x=1#y', 'www.amazon.com', '/dp/B0C1?x=1'],
    ['https://www.majorgeeks.com/index.php?ct=files#' + 'ct=files'.repeat(40_000), 'www.majorgeeks.com', '/index.php?ct=files'],
    ['http://user@Example.COM:8080', 'example.com', '/'],
    ['not a url', '', '/'],
  ])('%s', (url, host, path) => {
    expect(hostOf(url)).toBe(host);
    expect(pathOf(url)).toBe(path);
  });

  it('cuts a long path and query at MAX_PATH_LENGTH (a page controls its address)', () => {
    expect(pathOf(`https://www.bestbuy.com/site/${'a/'.repeat(100_000)}`)).toHaveLength(MAX_PATH_LENGTH);
  });

  it('locationPath reads a parsed address as pathOf reads its URL', () => {
    for (const url of ['https://www.amazon.com/s?k=kaspersky#x', 'https://www.amazon.com/', `https://www.bestbuy.com/site/${'a/'.repeat(100_000)}`]) {
      expect(locationPath(new URL(url))).toBe(pathOf(url));
    }
  });
});

describe('onListingPath', () => {
  const amazon = findRule('www.amazon.com')!;

  it("reads the rule's listing patterns", () => {
    expect(onListingPath(amazon, '/s?k=kaspersky')).toBe(true);
    expect(onListingPath(amazon, '/Antivirus-Security-Software/b?node=229677')).toBe(true);
    expect(onListingPath(amazon, '/-/en/stores/Kaspersky/page/1234')).toBe(true);
    expect(onListingPath(amazon, '/Kaspersky-Premium-Total-Security/dp/B0BHVJ4QT3')).toBe(false);
  });

  it('turns away a path containing none of listingPathsContain without running the patterns', () => {
    const untouchable = /never/;
    untouchable.test = () => {
      throw new Error('the listing patterns ran');
    };
    const rule: SiteRule = { ...amazon, listingPaths: [untouchable], listingPathsContain: ['/s'] };
    expect(onListingPath(rule, '/Norton-360-Deluxe/dp/B0C7S1X2LN/ref=sr_1_4?keywords=kaspersky')).toBe(false);
    expect(() => onListingPath(rule, '/s?k=kaspersky'), 'a path with a part still goes to the patterns').toThrow('the listing patterns ran');
  });

  it('leaves the decision to the patterns when a part is there', () => {
    // Amazon's sponsored-result redirect has "/s" in it but is no listing.
    expect(onListingPath(amazon, '/sspa/click?ie=UTF8&spc=MTo')).toBe(false);
  });
});
