/**
 * The store listing in docs/store/ stays true to the extension: the name and short description are the
 * manifest's (per language, within the stores' limits), every permission the built Chrome manifest asks
 * for is justified, the privacy policy covers the only data that can leave (an admin's reportUrl), and
 * the screenshots exist at the stores' 1280×800.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const STORE = path.join(ROOT, 'docs/store');
const read = (file: string) => readFileSync(path.join(STORE, file), 'utf8');

/** The text under each `## Heading` of a markdown file. */
function sections(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/^## /m).slice(1)) {
    const newline = part.indexOf('\n');
    out[part.slice(0, newline).trim()] = part.slice(newline + 1).trim();
  }
  return out;
}

function builtManifest(): Record<string, unknown> {
  const file = path.join(ROOT, '.output/chrome-mv3/manifest.json');
  if (!existsSync(file)) execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore' });
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

describe.each([
  ['en', 'listing.en.md'],
  ['es', 'listing.es.md'],
])('%s listing', (locale, file) => {
  const listing = sections(read(file));
  const messages = JSON.parse(readFileSync(path.join(ROOT, `public/_locales/${locale}/messages.json`), 'utf8')) as Record<string, { message: string }>;

  it('has the manifest name and short description, within the stores\' limits', () => {
    expect(listing.Name, `the store name is ext_name in public/_locales/${locale}/messages.json`).toBe(messages.ext_name!.message);
    expect(listing['Short description'], `the short description is ext_description in public/_locales/${locale}/messages.json`).toBe(messages.ext_description!.message);
    expect([...listing.Name!].length, 'Chrome Web Store name limit').toBeLessThanOrEqual(75);
    expect([...listing['Short description']!].length, 'Chrome Web Store summary limit').toBeLessThanOrEqual(132);
  });

  it('has a long description within the limit, with the ban\'s dates, and a category', () => {
    const description = listing.Description ?? '';
    expect(description.length).toBeGreaterThan(500);
    expect(description.length, 'Chrome Web Store description limit').toBeLessThanOrEqual(16_000);
    expect(description).toMatch(locale === 'en' ? /July 20, 2024[\s\S]*September 29, 2024/ : /20 de julio de 2024[\s\S]*29 de septiembre de 2024/);
    expect(listing.Category).toMatch(/\S/);
  });
});

describe('privacy practices', () => {
  const practices = read('privacy-practices.md');
  const justified = new Set([...practices.matchAll(/^### (\S+)$/gm)].map((match) => match[1]!));
  const manifest = builtManifest();

  it('states a single purpose and says no remote code', () => {
    const parts = sections(practices);
    expect(parts['Single purpose']).toMatch(/Kaspersky/);
    expect(parts['Remote code']).toMatch(/^No\./);
  });

  it('justifies every permission of the built Chrome manifest', () => {
    for (const permission of (manifest.permissions as string[] | undefined) ?? []) {
      expect(justified.has(permission), `docs/store/privacy-practices.md: add "### ${permission}" with why kban needs it`).toBe(true);
    }
    for (const key of ['host_permissions', 'optional_host_permissions'] as const) {
      if (((manifest[key] as string[] | undefined) ?? []).length) expect(justified.has(key), `docs/store/privacy-practices.md: add "### ${key}"`).toBe(true);
    }
  });

  it('names every optional host the manifest can ask for', () => {
    const optional = (manifest.optional_host_permissions as string[] | undefined) ?? [];
    const text = sections(practices)['Permission justifications'] ?? '';
    const names: Record<string, RegExp> = { google: /Google/, bing: /Bing/, duckduckgo: /DuckDuckGo/, '*://*/*': /`\*:\/\/\*\/\*`/ };
    for (const host of optional) {
      const name = Object.keys(names).find((candidate) => host.includes(candidate));
      expect(name, `docs/store/privacy-practices.md: say why kban may ask for ${host}`).toBeDefined();
      expect(text).toMatch(names[name!]!);
    }
  });
});

describe.each(['privacy-policy.md', 'privacy-policy.es.md'])('%s', (file) => {
  const policy = read(file);
  it('covers what is kept, what is sent and to whom: nothing, except an admin\'s reportUrl', () => {
    for (const key of ['reportUrl', 'reportPageUrl', 'reportKasperskyActive']) expect(policy, `${file} must explain ${key}`).toContain(key);
    expect(policy).toMatch(file.endsWith('.es.md') ? /no envía nada a nadie/ : /sends nothing to anyone/);
  });
});

describe('screenshots', () => {
  const readme = read('README.md');
  const files = [...new Set([...readme.matchAll(/`((?:en|es)-\d-[\w-]+\.png)`/g)].map((match) => match[1]!))];

  it.each(files)('%s is a 1280×800 PNG', (file) => {
    const full = path.join(STORE, 'screenshots', file);
    expect(existsSync(full), `missing: take it with the screenshot test (docs/store/README.md)`).toBe(true);
    const bytes = readFileSync(full);
    expect(bytes.toString('latin1', 1, 4)).toBe('PNG');
    expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({ width: 1280, height: 800 });
  });

  it('lists both languages', () => {
    expect(files.filter((file) => file.startsWith('en-')).length).toBeGreaterThanOrEqual(3);
    expect(files.filter((file) => file.startsWith('es-')).length).toBeGreaterThanOrEqual(3);
  });
});
