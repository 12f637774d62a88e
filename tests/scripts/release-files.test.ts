/**
 * The release step's pure parts (scripts/release-files.ts): version bumps, the changelog entry, ids
 * from keys, and the update manifests. The whole step runs in tests/e2e/release.e2e.test.ts.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUrl, extensionIdFromManifestKey, extensionIdFromPrivateKey, nextVersion, releaseChangelog, updatesJson, updatesXml } from '@/scripts/release-files';

const ROOT = path.resolve(__dirname, '../..');

describe('nextVersion', () => {
  it.each([
    ['0.1.0', 'patch', '0.1.1'],
    ['0.1.9', 'minor', '0.2.0'],
    ['1.4.2', 'major', '2.0.0'],
    ['0.1.0', '0.3.0', '0.3.0'],
  ])('%s + %s = %s', (current, bump, next) => expect(nextVersion(current, bump)).toBe(next));

  it('refuses a version that is not higher, and anything not x.y.z', () => {
    expect(() => nextVersion('0.2.0', '0.1.9')).toThrow(/higher/);
    expect(() => nextVersion('0.2.0', '0.2.0')).toThrow(/higher/);
    expect(() => nextVersion('0.2.0', 'next')).toThrow(/x\.y\.z/);
    expect(() => nextVersion('0.2', 'patch')).toThrow(/x\.y\.z/);
  });
});

describe('releaseChangelog', () => {
  const text = '# Changelog\n\nIntro.\n\n## Unreleased\n\n- Fixed a thing.\n\n## 0.1.0 (2026-12-06)\n\n- First.\n';

  it('dates the Unreleased entry as the new version and opens an empty Unreleased above it', () => {
    expect(releaseChangelog(text, '0.1.1', '2026-12-24')).toBe('# Changelog\n\nIntro.\n\n## Unreleased\n\n## 0.1.1 (2026-12-24)\n\n- Fixed a thing.\n\n## 0.1.0 (2026-12-06)\n\n- First.\n');
  });

  it('refuses a release with nothing under Unreleased, without one, or of a version already listed', () => {
    expect(() => releaseChangelog('# Changelog\n\n## Unreleased\n\n## 0.1.0 (2026-12-06)\n\n- First.\n', '0.1.1', '2026-12-24')).toThrow(/lists no change/);
    expect(() => releaseChangelog('# Changelog\n\n- loose\n', '0.1.1', '2026-12-24')).toThrow(/no "## Unreleased"/);
    expect(() => releaseChangelog(text, '0.1.0', '2026-12-24')).toThrow(/already has a section/);
  });

  it('the project changelog can be released (it has an Unreleased entry)', () => {
    expect(() => releaseChangelog(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), '99.0.0', '2030-01-01')).not.toThrow();
  });
});

describe('extension ids', () => {
  it('a private key and its public half give the same id; the manifest key gives the documented id', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(extensionIdFromPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())).toBe(extensionIdFromManifestKey(spki));
    const config = readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    const key = /CHROME_PUBLIC_KEY =\s*'([^']+)'/.exec(config)?.[1];
    expect(extensionIdFromManifestKey(key)).toBe('nnlcbcdhgclnjnneohgonnciomnldjmb');
    expect(extensionIdFromManifestKey(undefined)).toBeUndefined();
  });
});

describe('update manifests', () => {
  it('updates.xml lists each CRX with its id, URL and version, escaped', () => {
    const xml = updatesXml([
      { id: 'nnlcbcdhgclnjnneohgonnciomnldjmb', version: '0.2.0', codebase: 'https://software.example.com/kban/kban-0.2.0.crx' },
      { id: 'abcdefghijklmnopabcdefghijklmnop', version: '0.2.0', codebase: "https://x.example/a?b=1&c='2'" },
    ]);
    expect(xml).toContain("<app appid='nnlcbcdhgclnjnneohgonnciomnldjmb'>\n    <updatecheck codebase='https://software.example.com/kban/kban-0.2.0.crx' version='0.2.0' />");
    expect(xml).toContain("codebase='https://x.example/a?b=1&amp;c=&apos;2&apos;'");
    expect(xml.startsWith("<?xml version='1.0' encoding='UTF-8'?>\n<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>")).toBe(true);
  });

  it('updates.json lists each add-on with its version and link', () => {
    expect(JSON.parse(updatesJson([{ id: 'kban@kban.dev', version: '0.2.0', link: 'https://software.example.com/kban/kban-0.2.0.xpi' }]))).toEqual({
      addons: { 'kban@kban.dev': { updates: [{ version: '0.2.0', update_link: 'https://software.example.com/kban/kban-0.2.0.xpi' }] } },
    });
  });

  it('baseUrl ends in one slash and is http(s)', () => {
    expect(baseUrl('https://software.example.com/kban')).toBe('https://software.example.com/kban/');
    expect(baseUrl('https://software.example.com/kban/')).toBe('https://software.example.com/kban/');
    expect(() => baseUrl('ftp://software.example.com/')).toThrow(/http/);
  });
});
