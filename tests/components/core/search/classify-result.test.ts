import { describe, expect, it } from 'vitest';
import { classifyResult } from '@/components/core/search/classify-result';

describe('classifyResult', () => {
  it.each([
    ['https://www.kaspersky.com/premium', 'Kaspersky Premium | Total protection', 'purchase'],
    ['https://usa.kaspersky.com/downloads/free-antivirus', 'Download Kaspersky Free Antivirus', 'download'],
    ['https://www.amazon.com/Kaspersky-Standard-Device-Year-Download/dp/B0B8TQZ6Z5', 'Amazon.com: Kaspersky Standard 1 Device', 'purchase'],
    ['https://play.google.com/store/apps/details?id=com.kms.free', 'Kaspersky: VPN & Antivirus - Apps on Google Play', 'download'],
  ])('%s → %s', (url, title, kind) => expect(classifyResult(url, title)).toBe(kind));

  it.each([
    ['https://www.kaspersky.com/blog/us-ban-faq/51234/', 'What the US ban means for Kaspersky users'],
    ['https://www.kaspersky.com/enterprise-security/threat-intelligence', 'Kaspersky Threat Intelligence'],
    ['https://opentip.kaspersky.com/', 'Kaspersky OpenTIP'],
    ['https://www.reuters.com/technology/us-bans-kaspersky-software-2024-06-20/', 'US bans sale of Kaspersky software'],
    ['https://www.amazon.com/Norton-360-Deluxe/dp/B07BJ3CB1P', 'Norton 360 Deluxe'],
    ['https://www.amazon.com/s?k=kaspersky', 'Amazon.com : kaspersky'],
    ['https://www.pcmag.com/reviews/kaspersky-premium', 'Kaspersky Premium Review | PCMag'],
    ['not a url', 'Kaspersky Premium'],
  ])('%s is not marked', (url, title) => expect(classifyResult(url, title)).toBeUndefined());
});
