import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { explainVerdict, EXPLAIN_KEYS, reasonKey } from '@/components/core/ban/explain-verdict';
import { classify, hostOf } from '@/components/core/classifier/classify';
import type { Classification } from '@/components/core/classifier/types';
import type { PageReport } from '@/components/core/messages';
import { findRule } from '@/components/core/site-rules';
import { GENERIC_RULE } from '@/components/core/site-rules/generic';
import { collectSignals } from '@/entrypoints/page-check/collect-signals';
import { classifyGeneric } from '@/components/core/classifier/classify-generic';
import { GENERIC_FIXTURES } from '../../../fixtures/generic';
import { GENERIC_PAGES_DIR, loadPage } from '../../../fixtures/load-page';
import { PAGE_FIXTURES } from '../../../fixtures/pages';
import { GENERIC_READERS, READERS } from '../../../fixtures/readers';

const report = (classification: Classification, action: PageReport['action'] = 'warned', items = 0): PageReport => ({
  url: 'https://example.test/',
  classification,
  action,
  items,
});

const GAMIVO = 'https://www.gamivo.com/product/kaspersky-premium-3-devices-1-year-global';

describe('explainVerdict', () => {
  it.each([
    {
      name: 'Amazon product page',
      report: report({ verdict: 'purchase', ruleId: 'amazon', product: 'Kaspersky Premium', reasons: ['site:amazon', 'product-path', 'subject:product-title', 'brand:kaspersky', 'buy-control'] }),
      heading: 'popup_verdict_purchase',
      summary: { key: 'popup_explain_purchase', substitutions: ['Amazon', 'Kaspersky Premium'] },
      evidence: ['popup_reason_product_path', 'popup_reason_product_title', 'popup_reason_brand', 'popup_reason_buy_button'],
      action: { key: 'popup_action_warned', substitutions: [] },
      tone: 'flagged',
    },
    {
      name: 'Kaspersky store page (vendor rule) with no product name',
      report: report({ verdict: 'purchase', ruleId: 'kaspersky', reasons: ['site:kaspersky', 'vendor-path:^\\/home-security'] }, 'blocked'),
      heading: 'popup_verdict_purchase',
      summary: { key: 'popup_explain_purchase_vendor', substitutions: ['Kaspersky', 'Kaspersky'] },
      evidence: ['popup_reason_vendor_path'],
      action: { key: 'popup_action_blocked', substitutions: [] },
      tone: 'flagged',
    },
    {
      name: 'download page, dismissed',
      report: report({ verdict: 'download', ruleId: 'kaspersky', product: 'Kaspersky Free', reasons: ['site:kaspersky', 'vendor-path:^\\/downloads'] }, 'dismissed'),
      heading: 'popup_verdict_download',
      summary: { key: 'popup_explain_download', substitutions: ['Kaspersky', 'Kaspersky Free'] },
      evidence: ['popup_reason_vendor_path'],
      action: { key: 'popup_action_dismissed', substitutions: [] },
      tone: 'flagged',
    },
    {
      name: 'exempt threat intelligence portal',
      report: report({ verdict: 'exempt', ruleId: 'kaspersky-threat-intelligence', category: 'threat-intelligence', product: 'Kaspersky OpenTIP', reasons: ['site:kaspersky-threat-intelligence', 'exempt:threat-intelligence'] }, 'exempt-note'),
      heading: 'popup_verdict_exempt',
      summary: { key: 'popup_explain_exempt', substitutions: [findRule('opentip.kaspersky.com')!.name, 'Kaspersky OpenTIP'] },
      evidence: ['popup_reason_exempt_ti'],
      action: { key: 'popup_action_exempt', substitutions: [] },
      tone: 'exempt',
    },
    {
      name: 'listing with marked tiles',
      report: report({ verdict: 'none', ruleId: 'amazon', listing: true, reasons: ['site:amazon', 'listing-path'] }, 'listing', 3),
      heading: 'popup_verdict_listing',
      summary: { key: 'popup_explain_listing', substitutions: ['Amazon'] },
      evidence: ['popup_reason_listing'],
      action: { key: 'popup_action_listing', substitutions: ['3'], count: 3 },
      tone: 'flagged',
    },
    {
      name: 'review article on a covered site',
      report: report({ verdict: 'none', ruleId: 'amazon', reasons: ['site:amazon', 'editorial:Review'] }, 'none'),
      heading: 'popup_verdict_none',
      summary: { key: 'popup_explain_none', substitutions: ['Amazon'] },
      evidence: ['popup_reason_editorial'],
      action: undefined,
      tone: 'neutral',
    },
    {
      name: 'flagged page for a user outside the ban',
      report: report({ verdict: 'purchase', ruleId: 'amazon', product: 'Kaspersky Plus', reasons: ['site:amazon', 'subject:h1', 'subject:h1'] }, 'not-covered'),
      heading: 'popup_verdict_purchase',
      summary: { key: 'popup_explain_purchase', substitutions: ['Amazon', 'Kaspersky Plus'] },
      evidence: ['popup_reason_heading'],
      action: { key: 'popup_action_not_covered', substitutions: [] },
      tone: 'flagged',
    },
  ])('$name', ({ report: input, heading, summary, evidence, action, tone }) => {
    const explanation = explainVerdict(input);
    expect(explanation.heading.key).toBe(heading);
    expect(explanation.summary).toEqual(summary);
    expect(explanation.evidence, 'evidence keys in the classifier order, without duplicates').toEqual(evidence);
    expect(explanation.action).toEqual(action);
    expect(explanation.tone).toBe(tone);
  });

  it('names a site without a rule by its address, and says the general check decided', () => {
    const classification = classifyGeneric(
      collectSignals(loadPage('www.gamivo.com/kaspersky-premium-3-devices-1-year.html', GAMIVO, GENERIC_PAGES_DIR), GENERIC_RULE, GAMIVO, GENERIC_READERS),
      GENERIC_RULE,
    );
    const explanation = explainVerdict({ url: GAMIVO, classification, action: 'warned', items: 0 });
    expect(explanation.heading.key).toBe('popup_verdict_purchase');
    expect(explanation.summary).toEqual({ key: 'popup_explain_purchase', substitutions: ['gamivo.com', 'Kaspersky Premium 3 Devices 1 Year GLOBAL'] });
    expect(explanation.evidence).toEqual(['popup_reason_generic', 'popup_reason_structured_data', 'popup_reason_brand', 'popup_reason_buy_button']);
  });

  it('explains a trap the general check refused, with its reason', () => {
    const url = 'https://www.retailmenot.com/view/kaspersky.com';
    const classification = classifyGeneric(collectSignals(loadPage('www.retailmenot.com/kaspersky.html', url, GENERIC_PAGES_DIR), GENERIC_RULE, url, GENERIC_READERS), GENERIC_RULE);
    const explanation = explainVerdict({ url, classification, action: 'none', items: 0 });
    expect(explanation.summary).toEqual({ key: 'popup_explain_none', substitutions: ['retailmenot.com'] });
    expect(explanation.evidence).toEqual(['popup_reason_generic', 'popup_reason_generic_coupon']);
    expect(explanation.tone).toBe('neutral');
  });

  it.each<[string, Classification, string[], boolean]>([
    ['purchase', { verdict: 'purchase', ruleId: 'amazon', product: 'Kaspersky Plus', reasons: [] }, ['popup_meaning_purchase'], true],
    ['paid download', { verdict: 'download', ruleId: 'kaspersky', product: 'Kaspersky Premium', reasons: [] }, ['popup_meaning_download'], true],
    ['free tool download (covered by inference only)', { verdict: 'download', ruleId: 'kaspersky-support', product: 'Kaspersky Virus Removal Tool', reasons: [] }, ['popup_meaning_download', 'notice_hedge_free'], true],
    ['exempt', { verdict: 'exempt', ruleId: 'kaspersky-training', category: 'security-training', product: 'Kaspersky ASAP', reasons: [] }, ['popup_meaning_exempt'], false],
  ])('says what a %s page means for the reader first', (_name, classification, meaning, buyingQuestion) => {
    const explanation = explainVerdict(report(classification));
    expect(explanation.meaning?.map(message => message.key)).toEqual(meaning);
    expect(explanation.buyingQuestion).toBe(buyingQuestion);
  });

  it('says nothing about meaning on a page left alone, or a listing with nothing marked', () => {
    expect(explainVerdict(report({ verdict: 'none', ruleId: 'amazon', reasons: [] }, 'none')).meaning).toBeUndefined();
    expect(explainVerdict(report({ verdict: 'none', ruleId: 'amazon', listing: true, reasons: [] }, 'listing', 0)).meaning).toBeUndefined();
  });

  it('explains the saved Amazon page for Kaspersky Premium from its product title and brand', () => {
    const fixture = PAGE_FIXTURES.find(f => f.file === 'www.amazon.com/kaspersky-premium.html')!;
    const rule = findRule(hostOf(fixture.url))!;
    const classification = classify(collectSignals(loadPage(fixture.file, fixture.url), rule, fixture.url, READERS), rule);
    const explanation = explainVerdict(report(classification));
    expect(explanation.summary.key).toBe('popup_explain_purchase');
    expect(explanation.summary.substitutions[0]).toBe('Amazon');
    expect(explanation.summary.substitutions[1]).toContain('Kaspersky Premium');
    expect(explanation.evidence).toEqual(expect.arrayContaining(['popup_reason_product_title', 'popup_reason_brand']));
  });
});

describe('reason codes', () => {
  const SILENT = /^(?:site:|no-site-rule$)/;

  it('every reason the classifier gives on the saved pages has words (or is deliberately silent)', () => {
    const unmapped = new Set<string>();
    for (const fixture of PAGE_FIXTURES) {
      const rule = findRule(hostOf(fixture.url));
      if (!rule) continue;
      const { reasons } = classify(collectSignals(loadPage(fixture.file, fixture.url), rule, fixture.url, READERS), rule);
      for (const reason of reasons) if (!SILENT.test(reason) && !reasonKey(reason)) unmapped.add(reason);
    }
    // Pages of sites without a rule, decided by the generic check: every reason there has words, its site code included.
    for (const fixture of GENERIC_FIXTURES) {
      const { reasons } = classifyGeneric(collectSignals(loadPage(fixture.file, fixture.url, GENERIC_PAGES_DIR), GENERIC_RULE, fixture.url, GENERIC_READERS), GENERIC_RULE);
      for (const reason of reasons) if (!reasonKey(reason)) unmapped.add(reason);
    }
    expect([...unmapped], 'add these reason codes to REASON_KEYS in components/core/ban/explain-verdict.ts and to both locales').toEqual([]);
  }, 60_000); // parses every saved page (about 150, some 70 KB) on a shared machine

  it('every key it can return exists in the English and Spanish messages', () => {
    for (const locale of ['en', 'es']) {
      const messages = JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Record<string, unknown>;
      const missing = EXPLAIN_KEYS.filter(key => !(key in messages));
      expect(missing, `add these keys to public/_locales/${locale}/messages.json`).toEqual([]);
    }
  });
});
