import { describe, expect, it } from 'vitest';
import { addressNamesKaspersky, namesKaspersky } from '@/components/core/probe/names-kaspersky';

describe('namesKaspersky', () => {
  it.each([
    ['Amazon.de: Kaspersky Premium Total Security 2024 | 3 Geräte', true],
    ['KASPERSKY FREE ANTIVIRUS', true],
    ['TDSSKiller 3.1.0.28 Download', true],
    ['Kaspersky Virus Removal Tool (KVRT)', true],
    ['com.kms.free on APKPure', true],
    ['Norton 360 Deluxe', false],
    ['', false],
  ])('%s → %s', (text, expected) => expect(namesKaspersky(text)).toBe(expected));

  it('looks only at the first 2048 characters', () => expect(namesKaspersky(`${'x'.repeat(5000)} kaspersky`)).toBe(false));
});

describe('addressNamesKaspersky', () => {
  it.each([
    ['https://www.amazon.de/Kaspersky-Premium-Total-Security/dp/B0BHVJ4QT3', true],
    ['https://usa.kaspersky.com/premium', true],
    ['https://apkpure.com/kaspersky-antivirus-vpn/com.kms.free', true],
    ['https://play.google.com/store/apps/details?id=com.kms.free&hl=en', true],
    ['https://www.amazon.com/Norton-360/dp/B0C7S1X2LN/ref=sr_1_4?keywords=kaspersky', false],
    ['https://example.com/article#kaspersky', false],
    ['https://example.com/?q=com.kaspersky.', true],
  ])('%s → %s', (url, expected) => expect(addressNamesKaspersky(url)).toBe(expected));

  it('answers at once for a huge crafted address', () => {
    const started = performance.now();
    expect(addressNamesKaspersky(`https://example.com/${'a?#'.repeat(400_000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
