import { describe, expect, it } from 'vitest';
import {
  DOWNLOAD_RULE_ID_BASE,
  DOWNLOAD_RULE_ID_COUNT,
  downloadBlockRules,
  downloadRuleIds,
  isDownloadBlockingWanted,
  matchDownloadRule,
  VENDOR_RULE_EXTENSIONS,
} from '@/components/core/enterprise/download-rules';

describe('downloadBlockRules', () => {
  const rules = downloadBlockRules();

  it('uses ids inside the reserved enterprise block only', () => {
    const reserved = new Set(downloadRuleIds());
    for (const rule of rules) expect(reserved.has(rule.id), `rule ${rule.id} is outside ${DOWNLOAD_RULE_ID_BASE}+; widen DOWNLOAD_RULE_ID_COUNT`).toBe(true);
    expect(new Set(rules.map((rule) => rule.id)).size, 'rule ids must be unique').toBe(rules.length);
  });

  it('splits the vendor-site rules so each stays under Chrome\'s RE2 memory limit', () => {
    for (const rule of rules.slice(1)) {
      const extensions = /\(\?:([^()]*)\)\(\?:\[\?#\]\|\$\)$/.exec(rule.condition.regexFilter)?.[1]?.split('|') ?? [];
      expect(extensions.length, `rule ${rule.id}: more than VENDOR_RULE_EXTENSIONS alternatives overflowed RE2's 2 KB limit in Chromium`).toBeLessThanOrEqual(VENDOR_RULE_EXTENSIONS);
      expect(extensions.length).toBeGreaterThan(0);
    }
    expect(rules.length, 'all rule ids must fit the reserved block').toBeLessThanOrEqual(DOWNLOAD_RULE_ID_COUNT);
  });

  it.each(rules.map((rule) => [rule.id, rule] as const))('rule %i is RE2-safe (no lookaround or backreferences) and short', (_id, rule) => {
    expect(rule.condition.regexFilter, 'Chrome compiles regexFilter with RE2, which has no lookaround or backreferences').not.toMatch(/\(\?[=!<]|\\[1-9]/);
    expect(rule.condition.regexFilter.length, 'keep regexFilter small: RE2 rules have a 2 KB memory limit').toBeLessThan(400);
    expect(() => new RegExp(rule.condition.regexFilter)).not.toThrow();
  });

  const blocked: string[] = [
    'https://products.s.kaspersky-labs.com/spanish/homeuser/kav2018/for_reg_es/startup.exe',
    'https://products.s.kaspersky-labs.com/endpoints/keslinux10/12.4.0.1225/multilanguage-INT-12.4.0.1225/167a2f9c/kesl_12.4.0-1225_amd64.deb',
    'https://devbuilds.kaspersky-labs.com/devbuilds/KVRT/latest/full/KVRT.exe',
    'http://aes.s.kaspersky-labs.com/endpoints/kes/kes_win.msi?lang=en',
    'https://products.s.kaspersky-labs.com/homeuser/mac/kaspersky4mac.DMG',
    'https://products.s.kaspersky-labs.com/homeuser/android/kms.apk#x',
    'https://dnl-03.geo.kaspersky.com/products/rescue/krd.iso',
    'https://www.kaspersky.com/downloads/thank-you/premium/kaspersky_premium.exe',
    'https://usa.kaspersky.com/downloads/installer.pkg',
    'https://www.kaspersky.de/downloads/kav.zip',
    'https://www.kaspersky.com/downloads/thank-you/free/kfa.tar.gz',
    'https://www.kaspersky.com/downloads/thank-you/kesl/kesl.rpm',
  ];
  it.each(blocked)('blocks the installer %s', (url) => {
    expect(matchDownloadRule(url), `${url} should be blocked; add its host to DOWNLOAD_HOSTS or its type to INSTALLER_EXTENSIONS`).toBeDefined();
  });

  const allowed: string[] = [
    'https://products.s.kaspersky-labs.com/homeuser/readme.html',
    'https://gc.kis.v2.scr.kaspersky-labs.com/E3E8934C-235A-4B0E-825A-35A08381A191/main.js',
    'https://www.kaspersky.com/downloads',
    'https://www.kaspersky.com/home-security',
    'https://www.kaspersky.com/blog/files/whitepaper.zip',
    'https://opentip.kaspersky.com/downloads/opentip-scanner.zip',
    'https://tip.kaspersky.com/downloads/tool.exe',
    'https://xtraining.kaspersky.com/downloads/course.zip',
    'https://k-asap.com/downloads/guide.zip',
    'https://example.com/kaspersky-labs.com/setup.exe',
    'https://notkaspersky-labs.com/setup.exe',
    'https://www.microsoft.com/downloads/setup.exe',
    'not a url',
  ];
  it.each(allowed)('leaves %s alone', (url) => {
    expect(matchDownloadRule(url), `${url} must not be blocked (exempt service, page, or another vendor)`).toBeUndefined();
  });
});

describe('isDownloadBlockingWanted', () => {
  it.each([
    ['block', true, true],
    ['block', false, false],
    ['warn', true, false],
    ['off', true, false],
  ] as const)('enforcement %s, covered %s → %s', (enforcement, covered, expected) => {
    expect(isDownloadBlockingWanted({ enforcement, covered })).toBe(expected);
  });
});
