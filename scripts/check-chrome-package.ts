/**
 * The Chrome package's counterpart of Mozilla's addons-linter: checks a built Chrome/Edge extension
 * (an unpacked directory such as .output/chrome-mv3) for what Chrome refuses at load time or the
 * Chrome Web Store and Edge Add-ons refuse at upload:
 * - Manifest V3 shape: no MV2-only keys, a service worker, the CSP as an object without remote code;
 * - version: one to four dot-separated integers, each 0–65535;
 * - name ≤ 75, short_name ≤ 12 and description ≤ 132 characters in every locale (`__MSG_…__` resolved),
 *   and every message the manifest names defined in every locale;
 * - every file the manifest names exists; icons are PNGs of their declared size; a 128 px icon;
 * - the managed-storage schema is a JSON object schema;
 * - known permission names only, and no host patterns among them (MV3 puts hosts in host_permissions);
 * - the `key` gives the extension id admins' policies name;
 * - no private key, source map or stray file types in the package.
 *
 *   npx jiti scripts/check-chrome-package.ts [dir]   (default .output/chrome-mv3; exits 1 on a problem)
 * @module
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionIdFromManifestKey } from './release-files';

export const EXPECTED_ID = 'nnlcbcdhgclnjnneohgonnciomnldjmb';

/** API permissions Chrome's Manifest V3 knows (the ones an extension like this could plausibly ask for). */
const KNOWN_PERMISSIONS = new Set([
  'activeTab', 'alarms', 'background', 'bookmarks', 'browsingData', 'clipboardRead', 'clipboardWrite', 'contentSettings',
  'contextMenus', 'cookies', 'debugger', 'declarativeContent', 'declarativeNetRequest', 'declarativeNetRequestFeedback',
  'declarativeNetRequestWithHostAccess', 'downloads', 'enterprise.deviceAttributes', 'favicon', 'history', 'identity',
  'idle', 'management', 'nativeMessaging', 'notifications', 'offscreen', 'power', 'scripting', 'search', 'sessions',
  'sidePanel', 'storage', 'tabGroups', 'tabs', 'topSites', 'unlimitedStorage', 'webNavigation', 'webRequest',
]);
/** Keys Manifest V3 no longer accepts. */
const MV2_ONLY = ['browser_action', 'page_action', 'chrome_style'];
/** File types a package of this extension may hold. */
const PACKAGE_FILE = /\.(?:js|html|css|json|png|svg|txt)$/i;

type Manifest = Record<string, unknown>;
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG' || bytes.toString('latin1', 12, 16) !== 'IHDR') return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? allFiles(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

/** Every problem found in the unpacked package at `dir` (empty: it passes). */
export function checkChromePackage(dir: string, expectedId = EXPECTED_ID): string[] {
  const problems: string[] = [];
  const manifestFile = path.join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return [`${manifestFile}: missing (build first: npx wxt build)`];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    return [`manifest.json: not JSON (${String(error)})`];
  }
  const need = (file: unknown, what: string) => {
    if (typeof file !== 'string' || !file) return void problems.push(`${what}: missing`);
    if (!existsSync(path.join(dir, file.replace(/^\//, '')))) problems.push(`${what}: ${file} is not in the package`);
  };

  if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${String(manifest.manifest_version)}, not 3`);
  for (const key of MV2_ONLY) if (key in manifest) problems.push(`${key}: Manifest V2 only`);
  const version = String(manifest.version ?? '');
  if (!/^\d{1,5}(?:\.\d{1,5}){0,3}$/.test(version) || version.split('.').some((part) => Number(part) > 65535 || (part.length > 1 && part.startsWith('0')))) {
    problems.push(`version "${version}": one to four dot-separated integers 0–65535, no leading zeros`);
  }

  // Texts, through the locales.
  const locales = existsSync(path.join(dir, '_locales')) ? readdirSync(path.join(dir, '_locales')) : [];
  const defaultLocale = manifest.default_locale;
  if (locales.length && typeof defaultLocale !== 'string') problems.push('default_locale: required when _locales/ exists');
  if (typeof defaultLocale === 'string' && !locales.includes(defaultLocale)) problems.push(`default_locale "${defaultLocale}": no _locales/${defaultLocale}/messages.json`);
  const messages = new Map<string, Record<string, { message?: string }>>();
  for (const locale of locales) {
    try {
      messages.set(locale, JSON.parse(readFileSync(path.join(dir, '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message?: string }>);
    } catch (error) {
      problems.push(`_locales/${locale}/messages.json: unreadable (${String(error)})`);
    }
  }
  const named = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
  for (const [locale, table] of messages) for (const name of named) if (!table[name]?.message) problems.push(`_locales/${locale}: no message "${name}" (the manifest names it)`);
  const resolve = (value: unknown, table?: Record<string, { message?: string }>) =>
    typeof value === 'string' ? value.replace(/__MSG_(\w+)__/g, (_, name: string) => table?.[name]?.message ?? '') : '';
  const limits: Array<[string, number]> = [['name', 75], ['short_name', 12], ['description', 132]];
  for (const table of messages.size ? [...messages.entries()] : [['(no locales)', undefined] as const]) {
    const [locale, strings] = table;
    for (const [key, max] of limits) {
      if (!(key in manifest)) continue;
      const text = resolve(manifest[key], strings);
      if (!text.trim()) problems.push(`${key} (${locale}): empty`);
      if ([...text].length > max) problems.push(`${key} (${locale}): ${[...text].length} characters, the stores take at most ${max}: "${text}"`);
    }
  }
  if (!manifest.name) problems.push('name: missing');

  // Files the manifest names.
  const background = manifest.background;
  if (isObject(background)) {
    if ('scripts' in background || 'page' in background || 'persistent' in background) problems.push('background: scripts/page/persistent are Manifest V2; use service_worker');
    need(background.service_worker, 'background.service_worker');
  }
  for (const [index, entry] of ((manifest.content_scripts as Array<Record<string, unknown>> | undefined) ?? []).entries()) {
    for (const file of [...((entry.js as string[] | undefined) ?? []), ...((entry.css as string[] | undefined) ?? [])]) need(file, `content_scripts[${index}]`);
    if (!Array.isArray(entry.matches) || !entry.matches.length) problems.push(`content_scripts[${index}]: no matches`);
  }
  const action = manifest.action;
  if (isObject(action)) {
    if (action.default_popup) need(action.default_popup, 'action.default_popup');
    if (isObject(action.default_icon)) for (const [size, file] of Object.entries(action.default_icon)) need(file, `action.default_icon ${size}`);
  }
  if (isObject(manifest.options_ui)) need(manifest.options_ui.page, 'options_ui.page');
  if (manifest.options_page) need(manifest.options_page, 'options_page');
  const icons = isObject(manifest.icons) ? manifest.icons : {};
  if (!icons['128']) problems.push('icons: no 128 px icon (the stores and chrome://extensions need it)');
  for (const [size, file] of Object.entries(icons)) {
    need(file, `icons ${size}`);
    const full = path.join(dir, String(file));
    if (!existsSync(full)) continue;
    const actual = pngSize(full);
    if (!actual) problems.push(`icons ${size}: ${String(file)} is not a PNG`);
    else if (actual.width !== Number(size) || actual.height !== Number(size)) problems.push(`icons ${size}: ${String(file)} is ${actual.width}×${actual.height}`);
  }
  const schemaFile = isObject(manifest.storage) ? manifest.storage.managed_schema : undefined;
  if (schemaFile !== undefined) {
    need(schemaFile, 'storage.managed_schema');
    try {
      const schema = JSON.parse(readFileSync(path.join(dir, String(schemaFile)), 'utf8')) as Record<string, unknown>;
      if (schema.type !== 'object' || !isObject(schema.properties)) problems.push('storage.managed_schema: must be a JSON schema of type "object" with properties (Chrome refuses to load the extension otherwise)');
    } catch {
      // reported by need() or unreadable
      if (existsSync(path.join(dir, String(schemaFile)))) problems.push('storage.managed_schema: not JSON');
    }
  }
  const resources = manifest.web_accessible_resources;
  if (resources !== undefined && (!Array.isArray(resources) || resources.some((entry) => !isObject(entry)))) problems.push('web_accessible_resources: Manifest V3 wants objects ({ resources, matches })');

  // Permissions and code policy.
  for (const permission of (manifest.permissions as string[] | undefined) ?? []) {
    if (permission.includes('://') || permission === '<all_urls>') problems.push(`permissions: "${permission}" is a host pattern; Manifest V3 puts it in host_permissions`);
    else if (!KNOWN_PERMISSIONS.has(permission)) problems.push(`permissions: "${permission}" is not a Manifest V3 permission`);
  }
  const csp = manifest.content_security_policy;
  if (csp !== undefined) {
    if (!isObject(csp)) problems.push('content_security_policy: Manifest V3 wants an object ({ extension_pages })');
    else if (/unsafe-eval|https?:\/\//.test(String(csp.extension_pages ?? ''))) problems.push('content_security_policy.extension_pages: no remote code or unsafe-eval in Manifest V3');
  }
  const id = extensionIdFromManifestKey(manifest.key as string | undefined);
  if (id !== expectedId) problems.push(`key: gives the id ${id ?? '(no key)'}, not ${expectedId} (the id in docs/enterprise.md and every sample policy)`);

  // What the package holds.
  for (const file of allFiles(dir)) {
    if (/\.pem$|\.key$|\.map$/i.test(file)) problems.push(`${file}: must not ship (a key or a source map)`);
    else if (!PACKAGE_FILE.test(file)) problems.push(`${file}: unexpected file type in the package`);
  }
  return problems;
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  // Usage: check-chrome-package.ts [dir] [expected id] (the organisation package has an id of its own).
  const dir = process.argv[2] ?? '.output/chrome-mv3';
  const problems = checkChromePackage(dir, process.argv[3] ?? EXPECTED_ID);
  for (const problem of problems) console.log(`ERROR  ${problem}`);
  console.log(problems.length ? `${dir}: ${problems.length} problem(s)` : `${dir}: manifest and package OK`);
  process.exit(problems.length ? 1 : 0);
}
