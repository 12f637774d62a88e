import { describe, expect, it } from 'vitest';
import {
  cleanProductName,
  exemptCategory,
  hasMediaFormat,
  isKasperskyBrand,
  isMentionOnly,
  isNonSoftwareCategory,
  mentionsKaspersky,
} from '@/components/core/classifier/product-names';

describe('mentionsKaspersky', () => {
  it.each(['Kaspersky Premium 2025', 'KASPERSKY standard', 'TDSSKiller 3.1', 'KVRT portable'])('finds "%s"', (text) =>
    expect(mentionsKaspersky(text)).toBe(true),
  );
  it.each(['Norton 360 Deluxe', 'Bitdefender Total Security', 'kasperskyish', '', undefined])('ignores %s', (text) =>
    expect(mentionsKaspersky(text)).toBe(false),
  );
});

describe('isKasperskyBrand', () => {
  it.each(['Kaspersky', 'Kaspersky Lab', 'AO Kaspersky Lab', 'Visit the Kaspersky Store', 'Brand: Kaspersky', 'Kaspersky Lab Switzerland'])(
    '%s is Kaspersky',
    (brand) => expect(isKasperskyBrand(brand)).toBe(true),
  );
  it.each(['Norton', 'Visit the McAfee Store', 'O\'Reilly Media', 'Independently published'])('%s is not', (brand) =>
    expect(isKasperskyBrand(brand)).toBe(false),
  );
});

describe('exemptCategory', () => {
  it.each([
    ['Kaspersky Threat Intelligence Portal', 'threat-intelligence'],
    ['Kaspersky Threat Data Feeds subscription', 'threat-intelligence'],
    ['Kaspersky OpenTIP', 'threat-intelligence'],
    ['Kaspersky CyberTrace', 'threat-intelligence'],
    ['Kaspersky Automated Security Awareness Platform, 100 users', 'security-training'],
    ['Kaspersky Interactive Protection Simulation (KIPS)', 'security-training'],
    ['Kaspersky Expert Training: Malware Analysis', 'security-training'],
  ])('%s → %s', (subject, category) => expect(exemptCategory(subject)).toBe(category));
  it.each(['Kaspersky Premium', 'Kaspersky Endpoint Security for Business', 'Kaspersky Next EDR Optimum', 'Kaspersky Incident Response'])(
    '%s is not exempt',
    (subject) => expect(exemptCategory(subject)).toBeUndefined(),
  );
});

describe('isMentionOnly', () => {
  it.each([
    'Kaspersky vs Norton: which antivirus is better?',
    'Kaspersky Premium review',
    'Best alternatives to Kaspersky',
    'How to uninstall Kaspersky',
    'Kaspersky Lab: Cybersecurity Paperback',
    'US ban on Kaspersky: what it means',
    'Kaspersky Lab logo T-Shirt',
    'Kaspersky Lab Lanyard Blue Trade Show Badge Holder Lot of 3',
    'Trend Micro Worry-Free Services Advanced - competitive upgrade from Kaspersky - subscription license (1 year)',
  ])('"%s" only mentions Kaspersky', (subject) => expect(isMentionOnly(subject)).toBe(true));
  it.each([
    'Kaspersky Premium 2025 | 5 Devices | 1 Year | PC/Mac/Android/iOS',
    'Kaspersky Virus Removal Tool',
    'Kaspersky Standard Antivirus, top-rated protection',
    'Kaspersky Internet Security 2019 - 3 Devices - Facebook protection',
    'Kaspersky Total Security - upgrade from Kaspersky Anti-Virus - 3 devices, 1 year',
  ])('"%s" is a product', (subject) => expect(isMentionOnly(subject)).toBe(false));
});

describe('isNonSoftwareCategory', () => {
  it('books are not software', () => expect(isNonSoftwareCategory(['Books', 'Computers & Technology'])).toBe(true));
  it('software is software', () => expect(isNonSoftwareCategory(['Software', 'Antivirus & Security'])).toBe(false));
});

describe('hasMediaFormat', () => {
  it.each([
    'Kaspersky Total Security: The Complete User Guide by Daniel Reed | Jan 9, 2023 3.9 out of 5 stars 41 Paperback $12.99',
    'Inside the Kaspersky Files Kindle Edition $4.99',
    'Kaspersky Premium Explained Audible Audiobook Free with Audible trial',
  ])('book tile "%s"', (text) => expect(hasMediaFormat(text), 'a book tile must not be badged as software').toBe(true));
  it.each([
    'Kaspersky Premium 2024 | 5 Devices | 1 Year PC, Mac, iOS, Android Online Code $47.99 Available instantly',
    'Kaspersky Internet Security for Android, compatible with Kindle Fire tablets $19.99',
    '',
    undefined,
  ])('software tile "%s"', (text) => expect(hasMediaFormat(text), 'software tiles carry no media format').toBe(false));
});

describe('cleanProductName', () => {
  it.each([
    ['Amazon.com: Kaspersky Premium 2025 | 3 Devices : Software', 'Kaspersky Premium 2025'],
    ['Kaspersky Standard - Best Buy', 'Kaspersky Standard'],
    ['Buy Kaspersky Plus | Kaspersky', 'Kaspersky Plus'],
  ])('%s → %s', (title, name) => expect(cleanProductName(title)).toBe(name));
  it('caps very long names', () => expect(cleanProductName('Kaspersky '.repeat(40)).length).toBeLessThanOrEqual(90));
});
