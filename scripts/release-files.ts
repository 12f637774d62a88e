/**
 * The pure parts of the release step (scripts/release.ts): version bumps, the changelog entry, the
 * extension id a key gives, and the update manifests Chrome/Edge (updates.xml) and Firefox
 * (updates.json) poll for self-hosted installs. No file or network access here.
 * @module
 */
import { createHash, createPublicKey } from 'node:crypto';

export type Bump = 'major' | 'minor' | 'patch';

/** The next version: `bump` is major/minor/patch or an explicit x.y.z, which must be higher. */
export function nextVersion(current: string, bump: string): string {
  const parse = (version: string) => {
    const match = /^(\d{1,9})\.(\d{1,9})\.(\d{1,9})$/.exec(version);
    if (!match) throw new Error(`"${version}" is not a version of the form x.y.z (browsers take up to four numbers; kban uses three)`);
    return [Number(match[1]), Number(match[2]), Number(match[3])] as const;
  };
  const [major, minor, patch] = parse(current);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  const next = parse(bump);
  const older = next[0] - major || next[1] - minor || next[2] - patch;
  if (older <= 0) throw new Error(`--bump ${bump}: must be higher than the current version ${current}`);
  return bump;
}

/**
 * Turns the changelog's "## Unreleased" section into "## <version> (<date>)" and opens a new, empty
 * Unreleased section above it. Fails when there is nothing under Unreleased: a release says what changed.
 */
export function releaseChangelog(text: string, version: string, date: string): string {
  const heading = /^## Unreleased[ \t]*$/m.exec(text);
  if (!heading) throw new Error('CHANGELOG.md has no "## Unreleased" section: add one with what changed for users');
  const start = heading.index + heading[0].length;
  const next = text.slice(start).search(/^## /m);
  const body = next < 0 ? text.slice(start) : text.slice(start, start + next);
  if (!/^\s*[-*] \S/m.test(body)) throw new Error('CHANGELOG.md: "## Unreleased" lists no change; write what users will notice before releasing');
  if (new RegExp(`^## ${version.replace(/\./g, '\\.')}\\b`, 'm').test(text)) throw new Error(`CHANGELOG.md already has a section for ${version}`);
  return `${text.slice(0, heading.index)}## Unreleased\n\n## ${version} (${date})${text.slice(start)}`;
}

/** Chromium's extension id for a public key (SPKI DER): the first 128 bits of its SHA-256, as letters a–p. */
export function extensionIdFromSpki(spki: Buffer): string {
  const hex = createHash('sha256').update(spki).digest('hex').slice(0, 32);
  return [...hex].map((char) => String.fromCharCode(97 + Number.parseInt(char, 16))).join('');
}

/** The extension id a private key (PEM) signs for. */
export function extensionIdFromPrivateKey(pem: string): string {
  return extensionIdFromSpki(createPublicKey(pem).export({ type: 'spki', format: 'der' }));
}

/** The extension id the manifest's `key` (base64 SPKI) fixes, or undefined without one. */
export function extensionIdFromManifestKey(key: string | undefined): string | undefined {
  return key ? extensionIdFromSpki(Buffer.from(key, 'base64')) : undefined;
}

const xmlAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Chrome/Edge update manifest (gupdate) for one or more self-hosted CRX files. */
export function updatesXml(apps: ReadonlyArray<{ id: string; version: string; codebase: string }>): string {
  const lines = apps.map((app) => `  <app appid='${xmlAttribute(app.id)}'>\n    <updatecheck codebase='${xmlAttribute(app.codebase)}' version='${xmlAttribute(app.version)}' />\n  </app>`);
  return `<?xml version='1.0' encoding='UTF-8'?>\n<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n${lines.join('\n')}\n</gupdate>\n`;
}

/** Firefox update manifest for self-hosted add-ons (https://extensionworkshop.com/documentation/manage/updating-your-extension/). */
export function updatesJson(addons: ReadonlyArray<{ id: string; version: string; link: string }>): string {
  const entries = Object.fromEntries(addons.map((addon) => [addon.id, { updates: [{ version: addon.version, update_link: addon.link }] }]));
  return `${JSON.stringify({ addons: entries }, null, 2)}\n`;
}

/** `base` with exactly one trailing slash, checked to be an http(s) URL. */
export function baseUrl(base: string): string {
  const url = new URL(base);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`base URL ${base}: must be http(s)`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
