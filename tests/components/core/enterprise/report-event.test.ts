import { describe, expect, it } from 'vitest';
import { buildKasperskyActiveEvent, buildReportEvent, MAX_PRODUCT_LENGTH, KASPERSKY_ACTIVE_SCHEMA, REPORT_SCHEMA } from '@/components/core/enterprise/report-event';
import type { PageAction, PageReport } from '@/components/core/messages';
import type { Verdict } from '@/components/core/classifier/types';

const context = { id: 'e-1', now: Date.UTC(2025, 0, 2, 3, 4, 5), version: '1.2.3' };
const policy = { reportUrl: 'https://siem.example/kban', reportPageUrl: false };

function report(verdict: Verdict, action: PageAction, url = 'https://usa.kaspersky.com/premium?x=1#y', product: string | null = 'Kaspersky Premium'): PageReport {
  if (product === null) return { url, action, items: 0, classification: { verdict, reasons: [] } };
  return { url, action, items: 0, classification: { verdict, product, reasons: [] } };
}

describe('buildReportEvent', () => {
  it('builds the documented event (site only by default)', () => {
    expect(buildReportEvent(report('purchase', 'blocked'), policy, context)).toEqual({
      schema: REPORT_SCHEMA,
      id: 'e-1',
      time: '2025-01-02T03:04:05.000Z',
      verdict: 'purchase',
      site: 'usa.kaspersky.com',
      product: 'Kaspersky Premium',
      action: 'blocked',
      extensionVersion: '1.2.3',
    });
  });

  it('adds the page URL only when reportPageUrl is true, without credentials', () => {
    const withUrl = buildReportEvent(report('download', 'warned', 'https://user:pw@www.kaspersky.com/downloads/x'), { ...policy, reportPageUrl: true }, context);
    expect(withUrl?.url).toBe('https://www.kaspersky.com/downloads/x');
    expect(buildReportEvent(report('download', 'warned'), policy, context)).not.toHaveProperty('url');
  });

  it('never reports the fragment, and the query only when reportPageQuery allows it', () => {
    const page = 'https://www.kaspersky.com/downloads/x?email=ann%40example.com&token=s3cret#access_token=abc';
    const withUrl = (extra: Record<string, boolean>) => buildReportEvent(report('download', 'warned', page), { ...policy, reportPageUrl: true, ...extra }, context)?.url;
    expect(withUrl({}), 'the query can carry e-mail addresses and tokens: dropped by default').toBe('https://www.kaspersky.com/downloads/x');
    expect(withUrl({ reportPageQuery: false })).toBe('https://www.kaspersky.com/downloads/x');
    expect(withUrl({ reportPageQuery: true }), 'kept when the admin asks, but never the fragment').toBe('https://www.kaspersky.com/downloads/x?email=ann%40example.com&token=s3cret');
  });

  it('treats the product as untrusted page text: control characters out, length capped', () => {
    const product = `Kaspersky Premium\u0000\n\u2028${'A'.repeat(10_000)}`;
    const event = buildReportEvent(report('purchase', 'warned', undefined, product), policy, context);
    expect(event?.product).toHaveLength(MAX_PRODUCT_LENGTH);
    expect(event?.product, 'no control or line-separator characters reach the endpoint').not.toMatch(/[\u0000-\u001f\u2028]/);
    expect(event?.product?.startsWith('Kaspersky Premium')).toBe(true);
  });

  it('omits an unknown product', () => {
    expect(buildReportEvent(report('purchase', 'warned', undefined, null), policy, context)).not.toHaveProperty('product');
  });

  it.each([
    ['purchase', 'blocked', true],
    ['download', 'warned', true],
    ['purchase', 'dismissed', true],
    ['exempt', 'exempt-note', true],
    ['purchase', 'not-covered', false],
    ['purchase', 'off', false],
    ['none', 'listing', false],
    ['none', 'none', false],
  ] as const)('%s page with action %s → event: %s', (verdict, action, expected) => {
    expect(!!buildReportEvent(report(verdict, action), policy, context), 'only flagged, blocked and exempt visits are reported').toBe(expected);
  });

  it('never builds an event without a reportUrl', () => {
    expect(buildReportEvent(report('purchase', 'blocked'), { reportUrl: '', reportPageUrl: true }, context)).toBeUndefined();
  });

  it('ignores non-web pages', () => {
    expect(buildReportEvent(report('purchase', 'blocked', 'file:///tmp/x.html'), policy, context)).toBeUndefined();
    expect(buildReportEvent(report('purchase', 'blocked', 'garbage'), policy, context)).toBeUndefined();
  });
});

describe('buildKasperskyActiveEvent', () => {
  it('builds the event when policy asks for it', () => {
    expect(buildKasperskyActiveEvent('WWW.Amazon.com', { reportUrl: 'https://siem.example/kban', reportKasperskyActive: true }, context)).toEqual({
      schema: KASPERSKY_ACTIVE_SCHEMA,
      id: 'e-1',
      time: '2025-01-02T03:04:05.000Z',
      site: 'www.amazon.com',
      extensionVersion: '1.2.3',
    });
  });

  it.each([
    [{ reportUrl: 'https://siem.example/kban', reportKasperskyActive: false }, 'reportKasperskyActive off'],
    [{ reportUrl: '', reportKasperskyActive: true }, 'no reportUrl'],
  ])('sends nothing with %j (%s)', (setting) => {
    expect(buildKasperskyActiveEvent('www.amazon.com', setting, context)).toBeUndefined();
  });
});
