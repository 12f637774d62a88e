import { describe, expect, it } from 'vitest';
import { buildReportUrl, REPORT_ISSUE_URL, trimPageUrl } from '@/components/core/ban/report-issue';

describe('trimPageUrl', () => {
  it.each([
    ['https://www.amazon.com/dp/B0BHVJ4QT3?tag=abc&session=1#reviews', 'https://www.amazon.com/dp/B0BHVJ4QT3'],
    ['  http://usa.kaspersky.com/home-security  ', 'http://usa.kaspersky.com/home-security'],
    ['chrome://extensions/', ''],
    ['amazon.com/dp/x?y', 'amazon.com/dp/x'],
  ])('%s → %s', (input, expected) => {
    expect(trimPageUrl(input), 'query strings and fragments can hold personal data and must be dropped').toBe(expected);
  });
});

describe('buildReportUrl', () => {
  it('prefills a new issue at the one configured address, with the page, both verdicts and the reasons', () => {
    const url = new URL(
      buildReportUrl({
        pageUrl: 'https://www.amazon.com/dp/B0BHVJ4QT3?tag=abc',
        found: 'purchase',
        expected: 'none',
        reasons: ['site:amazon', 'subject:product-title'],
        note: ' It is a book about Kaspersky. ',
        version: '0.1.0',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe(REPORT_ISSUE_URL);
    expect(url.searchParams.get('title')).toBe('Wrong verdict on www.amazon.com');
    expect(url.searchParams.get('labels')).toBe('wrong-verdict');
    expect(url.searchParams.get('body')).toBe(
      [
        'Page: https://www.amazon.com/dp/B0BHVJ4QT3',
        'kban said: purchase',
        'It should be: none',
        'Reasons: site:amazon, subject:product-title',
        'Version: 0.1.0',
        '',
        'It is a book about Kaspersky.',
      ].join('\n'),
    );
  });

  it('works with nothing but a page typed by the user', () => {
    const url = new URL(buildReportUrl({ pageUrl: '' }));
    expect(url.searchParams.get('title')).toBe('Wrong verdict');
    expect(url.searchParams.get('body')).toContain('Page: (not given)');
  });
});
