import { describe, expect, it } from 'vitest';
import { basisKey, noticeText } from '@/components/core/ban/notice-text';
import type { Classification } from '@/components/core/classifier/types';
import { messages, translator } from '../../ui/i18n';

const DATES = { noNewSales: 'July 20, 2024', noUpdates: 'September 29, 2024' };
const purchase = (ruleId: string, product = 'Kaspersky Plus'): Classification => ({ verdict: 'purchase', ruleId, product, reasons: [] });

/** The notice's text in English, as the page would show it. */
function words(input: Parameters<typeof noticeText>[0]) {
  const t = translator('en');
  const text = noticeText(input);
  const say = (m: { key: string; substitutions?: string[] }) => t(m.key, m.substitutions);
  return { title: say(text.title), lead: say(text.lead), facts: text.facts.map(say).join(' ') };
}

describe('noticeText', () => {
  it('leads with what a purchase page means for the reader and what to do, then the dates for a reseller', () => {
    const text = words({ classification: purchase('amazon'), mode: 'warn', dates: DATES, region: { source: 'time-zone', basis: 'us' } });
    expect(text.title).toBe("Kaspersky Plus can't be sold in the US or to US persons");
    expect(text.lead).toBe(
      "If you're in the US or a US person, this can't legally be sold to you or updated for you, so it would not keep you protected. Choose another security product.",
    );
    expect(text.facts).toBe(
      'Reselling Kaspersky software has been prohibited since 12:00 AM EDT on September 29, 2024; Kaspersky itself has been barred from new agreements since 12:00 AM EDT on July 20, 2024. ' +
        'Shown because you appear to be in the US (from your time zone). General information, not legal advice.',
    );
  });

  it("on Kaspersky's own store says Kaspersky is barred from new agreements since July 20 (not resale)", () => {
    const text = words({ classification: purchase('kaspersky-store'), mode: 'warn', dates: DATES });
    expect(text.facts).toContain('Kaspersky has been barred from new agreements since 12:00 AM EDT on July 20, 2024, and from sending updates since 12:00 AM EDT on September 29, 2024.');
    expect(text.facts).not.toContain('Reselling');
  });

  it.each([
    ['Kaspersky Free', true],
    ['Kaspersky Virus Removal Tool', true],
    ['TDSSKiller', true],
    ['Kaspersky Rescue Disk 18', true],
    ['Kaspersky Premium', false],
    ['Kaspersky Freedom Suite', false],
  ])('a download of %s hedges free tools: %s', (product, hedged) => {
    const text = words({ classification: { verdict: 'download', ruleId: 'kaspersky-support', product, reasons: [] }, mode: 'warn', dates: DATES });
    expect(text.title).toBe(`${product} can't be provided in the US or to US persons`);
    expect(text.facts.includes("kban's reading: free Kaspersky tools are covered too"), 'free tools are covered by inference only (ban-facts §3 [INF])').toBe(hedged);
  });

  it.each<[Classification, string, string]>([
    [{ verdict: 'exempt', category: 'threat-intelligence', product: 'Kaspersky OpenTIP', reasons: [] }, 'Kaspersky OpenTIP appears to be exempt from the US ban on Kaspersky', 'kban counts this page as one of them'],
    [{ verdict: 'exempt', category: 'security-training', product: 'Kaspersky ASAP', reasons: [] }, 'Kaspersky ASAP appears to be exempt from the US ban on Kaspersky', 'Security Training'],
    [{ verdict: 'exempt', category: 'consulting', product: 'Kaspersky consulting', reasons: [] }, 'Kaspersky consulting appears to be exempt from the US ban on Kaspersky', 'purely informational or educational in nature'],
    [{ verdict: 'exempt', category: 'threat-intelligence', product: 'Kaspersky CyberTrace', reasons: [] }, 'Kaspersky CyberTrace is probably exempt from the US ban on Kaspersky', 'probably covered by that exemption'],
  ])('the exempt note is hedged (%o)', (classification, title, lead) => {
    const text = words({ classification, mode: 'warn', dates: DATES });
    expect(text.title).toBe(title);
    expect(text.lead).toContain(lead);
    expect(text.facts).toBe('General information, not legal advice.');
  });

  it('block screen titles start with Blocked', () => {
    expect(words({ classification: purchase('amazon'), mode: 'block', dates: DATES }).title).toBe("Blocked: Kaspersky Plus can't be sold in the US or to US persons");
  });

  it.each([
    [{ source: 'time-zone', basis: 'us' }, 'notice_basis_zone_us'],
    [{ source: 'time-zone', basis: 'unknown' }, 'notice_basis_zone_unknown'],
    [{ source: 'user', basis: 'us' }, 'notice_basis_user_us'],
    [{ source: 'user', basis: 'us-person-abroad' }, 'notice_basis_user_abroad'],
    [{ source: 'policy', basis: 'us' }, 'notice_basis_policy'],
  ] as const)('says why it is shown: %o → %s (never "In the US" for a policy)', (region, key) => {
    expect(basisKey(region)).toBe(key);
  });

  it('every key it can return exists in both locales', () => {
    const keys = new Set<string>();
    for (const verdict of ['purchase', 'download', 'exempt'] as const)
      for (const mode of ['warn', 'block'] as const)
        for (const region of [undefined, { source: 'time-zone', basis: 'unknown' }, { source: 'user', basis: 'us-person-abroad' }, { source: 'policy', basis: 'us' }] as const) {
          const text = noticeText({ classification: { verdict, ruleId: 'kaspersky', product: 'Kaspersky Free CyberTrace', reasons: [] }, mode, dates: DATES, region });
          for (const message of [text.title, text.lead, ...text.facts]) keys.add(message.key);
        }
    for (const locale of ['en', 'es'] as const) expect([...keys].filter(key => !(key in messages(locale))), `missing in ${locale}`).toEqual([]);
  });
});
