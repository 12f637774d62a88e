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

  it('splits the installer rules so each stays under Chrome\'s RE2 memory limit', () => {
    const installerRules = rules.filter((rule) => rule.condition.regexFilter?.includes('\\.(?:'));
    expect(installerRules.length).toBeGreaterThan(0);
    for (const rule of installerRules) {
      const extensions = /\\\.\(\?:([^()]*)\)/.exec(rule.condition.regexFilter!)?.[1]?.split('|') ?? [];
      expect(extensions.length, `rule ${rule.id}: more than VENDOR_RULE_EXTENSIONS alternatives overflowed RE2's 2 KB limit in Chromium`).toBeLessThanOrEqual(VENDOR_RULE_EXTENSIONS);
      expect(extensions.length).toBeGreaterThan(0);
    }
    expect(rules.length, 'all rule ids must fit the reserved block').toBeLessThanOrEqual(DOWNLOAD_RULE_ID_COUNT);
  });

  it.each(rules.filter((rule) => rule.condition.regexFilter).map((rule) => [rule.id, rule.condition.regexFilter!] as const))('rule %i is RE2-safe (no lookaround or backreferences) and short', (_id, regexFilter) => {
    expect(regexFilter, 'Chrome compiles regexFilter with RE2, which has no lookaround or backreferences').not.toMatch(/\(\?[=!<]|\\[1-9]/);
    expect(regexFilter.length, 'keep regexFilter small: RE2 rules have a 2 KB memory limit').toBeLessThan(400);
    expect(() => new RegExp(regexFilter)).not.toThrow();
  });

  it('blocks the download hosts by domain, installers anywhere on the sites, and never page scripts', () => {
    expect(rules[0]!.condition, 'the download hosts are blocked by domain alone').toEqual(expect.objectContaining({ requestDomains: ['kaspersky-labs.com', 'geo.kaspersky.com'] }));
    expect(rules[0]!.condition.regexFilter).toBeUndefined();
    for (const rule of rules) expect(rule.condition.resourceTypes, `rule ${rule.id} must not touch scripts, styles or images`).not.toEqual(expect.arrayContaining(['script']));
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
    // Bypasses a security review found (issue 11, finding 5): escaped and suffixed names, any path, any host.
    'https://www.kaspersky.com/downloads/kis.ex%65',
    'https://www.kaspersky.com/downloads/kis%2Eexe',
    'https://www.kaspersky.com/downloads/kis%2eexe',
    'https://www.kaspersky.com/downloads/kis.exe/',
    'https://www.kaspersky.com/downloads/kis.exe;v=1',
    'https://www.kaspersky.com/downloads/kis.exe%20',
    'https://www.kaspersky.com/content/dam/kaspersky/en/kis.exe',
    'https://media.kaspersky.com/anything/kis.EXE',
    'https://downloads.kaspersky.com/kis.exe',
    'https://www.kaspersky.co.uk/%6b%69%73.exe',
    'https://media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.ex%65',
    'https://media.kaspersky.com/utilities/ConsumerUtilities/kis.exe?kavremvr.exe',
    'https://products.s.kaspersky-labs.com/homeuser/readme.html',
    'https://dnl-07.geo.kaspersky.com/any/file/without/extension',
    'https://new-host.kaspersky-labs.com/kis',
    'https://www.kaspersky.com/blog/files/whitepaper.zip',
  ];
  it.each(blocked)('blocks the installer %s', (url) => {
    expect(matchDownloadRule(url), `${url} should be blocked; add its host to DOWNLOAD_HOSTS or its type to INSTALLER_EXTENSIONS`).toBeDefined();
  });

  it('lets the web-protection script load (it is a script, not a download)', () => {
    expect(matchDownloadRule('https://gc.kis.v2.scr.kaspersky-labs.com/E3E8934C-235A-4B0E-825A-35A08381A191/main.js', rules, 'script')).toBeUndefined();
    expect(matchDownloadRule('https://gc.kis.v2.scr.kaspersky-labs.com/E3E8934C-235A-4B0E-825A-35A08381A191/abn/main.css', rules, 'stylesheet')).toBeUndefined();
  });

  const allowed: string[] = [
    // The removal tool stays reachable by its plain name: people leaving Kaspersky need it.
    'https://media.kaspersky.com/utilities/ConsumerUtilities/kavremvr.exe',
    'https://media.kaspersky.com/utilities/CorporateUtilities/kavremvr.exe?v=2',
    'https://www.kaspersky.com/downloads',
    'https://www.kaspersky.com/downloads/thank-you/premium',
    'https://www.kaspersky.com/blog/what-is-a-exe-file/12345/',
    'https://usa.kaspersky.com/home-security?campaign=kis.exe%20offer#x',
    'https://www.kaspersky.com/home-security',
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
