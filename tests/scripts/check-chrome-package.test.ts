/**
 * scripts/check-chrome-package.ts: the real build passes, and each thing Chrome or the stores refuse is
 * caught in an otherwise valid package made here.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkChromePackage } from '@/scripts/check-chrome-package';

const ROOT = path.resolve(__dirname, '../..');
const KEY = /CHROME_PUBLIC_KEY =\s*'([^']+)'/.exec(readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8'))![1]!;

/** The first 24 bytes of a PNG of that size (all the checker reads). */
function pngHeader(size: number): Buffer {
  const bytes = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(bytes);
  bytes.write('IHDR', 12, 'latin1');
  bytes.writeUInt32BE(size, 16);
  bytes.writeUInt32BE(size, 20);
  return bytes;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A small valid package; `change` edits the manifest, `files` adds or replaces files. */
function makePackage(change: (manifest: Record<string, any>) => void = () => {}, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kban-chrome-check-'));
  dirs.push(dir);
  const manifest: Record<string, any> = {
    manifest_version: 3,
    name: '__MSG_ext_name__',
    description: '__MSG_ext_description__',
    version: '1.2.3',
    default_locale: 'en',
    icons: { 16: 'icon/16.png', 128: 'icon/128.png' },
    permissions: ['storage', 'alarms'],
    key: KEY,
    storage: { managed_schema: 'managed_schema.json' },
    background: { service_worker: 'background.js' },
    action: { default_popup: 'popup.html', default_icon: { 16: 'icon/16.png' } },
    content_scripts: [{ matches: ['*://www.amazon.com/*'], js: ['content-scripts/kban.js'] }],
  };
  change(manifest);
  const all: Record<string, string | Buffer> = {
    'manifest.json': JSON.stringify(manifest),
    '_locales/en/messages.json': JSON.stringify({ ext_name: { message: 'kban' }, ext_description: { message: 'Flags Kaspersky purchase pages.' } }),
    '_locales/es/messages.json': JSON.stringify({ ext_name: { message: 'kban' }, ext_description: { message: 'Señala páginas de compra de Kaspersky.' } }),
    'icon/16.png': pngHeader(16),
    'icon/128.png': pngHeader(128),
    'managed_schema.json': JSON.stringify({ type: 'object', properties: { region: { type: 'string' } } }),
    'background.js': '',
    'popup.html': '<!doctype html>',
    'content-scripts/kban.js': '',
    ...files,
  };
  for (const [file, content] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('checkChromePackage', () => {
  it('passes the real Chrome build', () => {
    if (!existsSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'))) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
    expect(checkChromePackage(path.join(ROOT, '.output/chrome-mv3'))).toEqual([]);
  });

  it('passes a small valid package', () => {
    expect(checkChromePackage(makePackage())).toEqual([]);
  });

  it.each([
    ['Manifest V2', (m: Record<string, any>) => ((m.manifest_version = 2), (m.browser_action = {})), /manifest_version is 2|browser_action/],
    ['background scripts', (m: Record<string, any>) => (m.background = { scripts: ['background.js'] }), /use service_worker/],
    ['a bad version', (m: Record<string, any>) => (m.version = '1.02.70000'), /version "1\.02\.70000"/],
    ['a host pattern among permissions', (m: Record<string, any>) => m.permissions.push('*://*.amazon.com/*'), /host pattern/],
    ['an unknown permission', (m: Record<string, any>) => m.permissions.push('webRequestBlocking'), /not a Manifest V3 permission/],
    ['a key for another id', (m: Record<string, any>) => delete m.key, /gives the id \(no key\)/],
    ['a missing content script', (m: Record<string, any>) => m.content_scripts[0].js.push('content-scripts/gone.js'), /gone\.js is not in the package/],
    ['a remote-code CSP', (m: Record<string, any>) => (m.content_security_policy = { extension_pages: "script-src 'self' https://cdn.example" }), /no remote code/],
    ['MV2 web_accessible_resources', (m: Record<string, any>) => (m.web_accessible_resources = ['a.png']), /wants objects/],
  ])('catches %s', (_label, change, problem) => {
    expect(checkChromePackage(makePackage(change)).join('\n')).toMatch(problem);
  });

  it('catches texts over the store limits and messages missing in a locale, per locale', () => {
    const long = 'x'.repeat(133);
    const problems = checkChromePackage(
      makePackage(() => {}, { '_locales/es/messages.json': JSON.stringify({ ext_name: { message: 'kban' }, ext_description: { message: long } }), '_locales/en/messages.json': JSON.stringify({ ext_description: { message: 'ok' } }) }),
    );
    expect(problems.join('\n')).toMatch(/description \(es\): 133 characters, the stores take at most 132/);
    expect(problems.join('\n')).toMatch(/_locales\/en: no message "ext_name"/);
  });

  it('catches wrong icon sizes, a broken managed schema, and keys or source maps in the package', () => {
    const problems = checkChromePackage(
      makePackage(() => {}, { 'icon/128.png': pngHeader(96), 'managed_schema.json': '{}', 'key.pem': 'secret', 'chunks/a.js.map': '{}' }),
    ).join('\n');
    expect(problems).toMatch(/icons 128: icon\/128\.png is 96×96/);
    expect(problems).toMatch(/managed_schema: must be a JSON schema of type "object"/);
    expect(problems).toMatch(/key\.pem: must not ship/);
    expect(problems).toMatch(/a\.js\.map: must not ship/);
  });
});
