/**
 * `npm run release [-- options]`: everything a maintainer uploads and an admin deploys, in one step.
 *
 *   --bump patch|minor|major|x.y.z  raise the version first (package.json, package-lock.json) and turn
 *                                   CHANGELOG.md's "## Unreleased" section into this version's entry
 *   --base-url URL                  where the self-hosted files will be served (updates.xml/updates.json
 *                                   point there); default $KBAN_UPDATE_BASE_URL, else a placeholder
 *   --out DIR                       output directory; default .output/release/<version>
 *   --no-build                      package the builds already in .output (the e2e test's run)
 *   --allow-other-key               sign with a key whose id differs from the manifest's (the packed copy
 *                                   drops the manifest `key`; for tests and forks, never for a release)
 *
 * Produces in the output directory:
 *   kban-<v>-chrome.zip             Chrome Web Store and Edge Add-ons upload
 *   kban-<v>-firefox.zip            addons.mozilla.org upload, with kban-<v>-sources.zip for its review
 *   <name>-<v>.crx + updates.xml    self-hosted Chrome/Edge (signed with the release key; see below)
 *   <name>-<v>.xpi + updates.json   self-hosted Firefox (unsigned: Mozilla signs it, see docs/enterprise.md)
 *   SHA256SUMS
 *
 * Signing key: a PEM file outside the repository, from $KBAN_SIGNING_KEY (a path), $KBAN_SIGNING_KEY_PEM
 * (the PEM text), or ~/kban-keys/key.pem. Without one the CRX and updates.xml are left out, the step
 * says how to provide the key, and everything else is still made.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yazl from 'yazl';
import { baseUrl, extensionIdFromManifestKey, extensionIdFromPrivateKey, nextVersion, releaseChangelog, updatesJson, updatesXml } from './release-files';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PLACEHOLDER_BASE = 'https://software.example.com/kban/';

/** Where a package's signing key may come from: `<env>` (a path), `<env>_PEM` (the text), or `file` in the home directory. */
interface KeySource {
  env: string;
  file: string;
}

interface CrxPackage {
  kind: 'crx';
  /** The unpacked build, relative to the project root. */
  dir: string;
  /** File name stem: <name>-<version>.crx. */
  name: string;
  key: KeySource;
}
interface XpiPackage {
  kind: 'xpi';
  dir: string;
  name: string;
}

/**
 * The self-hosted packages. Each output directory listed here is packed and added to updates.xml or
 * updates.json. The organisation package (access to all sites from install; docs/enterprise.md) has its
 * own key and id.
 */
export const SELF_HOSTED: ReadonlyArray<CrxPackage | XpiPackage> = [
  { kind: 'crx', dir: '.output/chrome-mv3', name: 'kban', key: { env: 'KBAN_SIGNING_KEY', file: 'kban-keys/key.pem' } },
  { kind: 'xpi', dir: '.output/firefox-mv2', name: 'kban' },
  { kind: 'crx', dir: '.output/chrome-mv3-org', name: 'kban-org', key: { env: 'KBAN_ORG_SIGNING_KEY', file: 'kban-keys/org-key.pem' } },
  { kind: 'xpi', dir: '.output/firefox-mv2-org', name: 'kban-org' },
];

interface Options {
  bump?: string;
  base: string;
  baseGiven: boolean;
  out?: string;
  build: boolean;
  allowOtherKey: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { base: process.env.KBAN_UPDATE_BASE_URL || PLACEHOLDER_BASE, baseGiven: !!process.env.KBAN_UPDATE_BASE_URL, build: true, allowOtherKey: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (!next) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--bump') options.bump = value();
    else if (arg === '--base-url') ((options.base = value()), (options.baseGiven = true));
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--no-build') options.build = false;
    else if (arg === '--allow-other-key') options.allowOtherKey = true;
    else throw new Error(`unknown option ${arg} (see the top of scripts/release.ts)`);
  }
  options.base = baseUrl(options.base);
  return options;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const npx = (...args: string[]) => execFileSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });

/** Raises the version in package.json and package-lock.json, and dates the changelog entry. */
function bumpVersion(bump: string): string {
  const packageFile = path.join(ROOT, 'package.json');
  const lockFile = path.join(ROOT, 'package-lock.json');
  const changelogFile = path.join(ROOT, 'CHANGELOG.md');
  const pkg = readJson(packageFile);
  const version = nextVersion(String(pkg.version), bump);
  // Checked before anything is written: a release without a changelog entry stops here.
  const changelog = releaseChangelog(readFileSync(changelogFile, 'utf8'), version, new Date().toISOString().slice(0, 10));
  writeJson(packageFile, { ...pkg, version });
  if (existsSync(lockFile)) {
    const lock = readJson(lockFile) as { version?: string; packages?: Record<string, { version?: string }> };
    lock.version = version;
    if (lock.packages?.['']) lock.packages[''].version = version;
    writeJson(lockFile, lock);
  }
  writeFileSync(changelogFile, changelog);
  console.log(`release: version ${String(pkg.version)} → ${version} (package.json, package-lock.json, CHANGELOG.md)`);
  return version;
}

/** The signing key's PEM text, or a sentence saying how to provide one. */
function signingKey(source: KeySource): { pem: string; from: string } | { missing: string } {
  const fromPath = process.env[source.env];
  const fromText = process.env[`${source.env}_PEM`];
  const fallback = path.join(homedir(), source.file);
  const inRepo = (file: string) => !path.relative(ROOT, path.resolve(file)).startsWith('..');
  if (fromText) return { pem: fromText, from: `$${source.env}_PEM` };
  for (const [file, from] of [[fromPath, `$${source.env}`], [existsSync(fallback) ? fallback : undefined, fallback]] as const) {
    if (!file) continue;
    if (inRepo(file)) throw new Error(`${from} = ${file} is inside the repository: keep the signing key outside it (it must never be committed)`);
    if (!existsSync(file)) throw new Error(`${from} = ${file}: no such file`);
    return { pem: readFileSync(file, 'utf8'), from };
  }
  return {
    missing:
      `no signing key, so no CRX and no updates.xml (the store zips, the XPI and updates.json are made). ` +
      `Provide the release key as a PEM file outside the repository: ${source.env}=/path/to/key.pem npm run release, ` +
      `or ${source.env}_PEM="$(cat key.pem)", or put it at ~/${source.file}. A key made with ` +
      `\`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem\` signs a CRX with a different id.`,
  };
}

/** Writes `files` (name → contents or a path to copy) as a zip. */
function writeZip(target: string, files: Array<[string, Buffer | string]>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, source] of files) {
    if (typeof source === 'string') zip.addFile(source, name);
    else zip.addBuffer(source, name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(target)).on('close', () => resolve()).on('error', reject);
  });
}

/** Every file under `dir`, as [path inside the package, absolute path], sorted. */
function listFiles(dir: string, prefix = ''): Array<[string, string]> {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? listFiles(full, `${prefix}${name}/`) : [[`${prefix}${name}`, full] as [string, string]];
    });
}

async function packCrx(pkg: CrxPackage, version: string, out: string, options: Options): Promise<{ id: string; file: string } | string> {
  const key = signingKey(pkg.key);
  if ('missing' in key) return key.missing;
  const dir = path.join(ROOT, pkg.dir);
  const manifest = readJson(path.join(dir, 'manifest.json'));
  const keyId = extensionIdFromPrivateKey(key.pem);
  const manifestId = extensionIdFromManifestKey(manifest.key as string | undefined);
  const work = mkdtempSync(path.join(tmpdir(), 'kban-release-'));
  try {
    let source = dir;
    if (manifestId && manifestId !== keyId) {
      if (!options.allowOtherKey) {
        throw new Error(`${key.from} signs for the id ${keyId}, but ${pkg.dir}/manifest.json's key fixes ${manifestId} (the id admins' policies name): use the release key`);
      }
      // A CRX whose manifest key disagrees with its signature would not install: the packed copy drops it.
      source = path.join(work, 'unpacked');
      cpSync(dir, source, { recursive: true });
      delete manifest.key;
      writeJson(path.join(source, 'manifest.json'), manifest);
    }
    const pem = path.join(work, 'key.pem');
    writeFileSync(pem, key.pem, { mode: 0o600 });
    const file = `${pkg.name}-${version}.crx`;
    // crx3 would make a new key if the file were missing; it is written just above.
    execFileSync(path.join(ROOT, 'node_modules/.bin/crx3'), ['-p', pem, '-o', path.join(out, file), '--', source], { stdio: ['ignore', 'ignore', 'inherit'] });
    return { id: keyId, file };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function packXpi(pkg: XpiPackage, version: string, out: string, base: string): Promise<{ id: string; file: string }> {
  const dir = path.join(ROOT, pkg.dir);
  const manifest = readJson(path.join(dir, 'manifest.json')) as { browser_specific_settings?: { gecko?: Record<string, unknown> } };
  const gecko = manifest.browser_specific_settings?.gecko;
  if (!gecko?.id) throw new Error(`${pkg.dir}/manifest.json has no browser_specific_settings.gecko.id`);
  // Self-hosted copies say where their updates are; the addons.mozilla.org upload must not (AMO refuses update_url).
  gecko.update_url = `${base}updates.json`;
  const file = `${pkg.name}-${version}.xpi`;
  const files = listFiles(dir).map(([name, full]): [string, Buffer | string] => (name === 'manifest.json' ? [name, Buffer.from(JSON.stringify(manifest, null, 2))] : [name, full]));
  await writeZip(path.join(out, file), files);
  return { id: String(gecko.id), file };
}

/** The newest `.output/*-<suffix>.zip` wxt zip wrote for this version. */
function wxtZip(version: string, suffix: string): string {
  const file = readdirSync(path.join(ROOT, '.output')).find((name) => name.endsWith(`-${version}-${suffix}.zip`));
  if (!file) throw new Error(`wxt zip wrote no .output/*-${version}-${suffix}.zip`);
  return path.join(ROOT, '.output', file);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const version = options.bump ? bumpVersion(options.bump) : String(readJson(path.join(ROOT, 'package.json')).version);
  const out = options.out ?? path.join(ROOT, '.output/release', version);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  if (options.build) {
    npx('wxt', 'zip'); // builds .output/chrome-mv3, then zips it
    npx('wxt', 'zip', '-b', 'firefox'); // builds .output/firefox-mv2, zips it and the sources
    npx('wxt', 'build', '--mode', 'org'); // the organisation package, self-hosted only
    npx('wxt', 'build', '-b', 'firefox', '--mode', 'org');
  }
  const made: string[] = [];
  const notes: string[] = [];
  for (const suffix of ['chrome', 'firefox', 'sources']) {
    if (!options.build && !readdirSync(path.join(ROOT, '.output')).some((name) => name.endsWith(`-${version}-${suffix}.zip`))) {
      notes.push(`--no-build: no .output/*-${version}-${suffix}.zip to copy (run without --no-build for the store zips)`);
      continue;
    }
    const file = `kban-${version}-${suffix}.zip`;
    copyFileSync(wxtZip(version, suffix), path.join(out, file));
    made.push(file);
  }

  const crx: Array<{ id: string; version: string; codebase: string }> = [];
  const xpi: Array<{ id: string; version: string; link: string }> = [];
  for (const pkg of SELF_HOSTED) {
    const manifestVersion = String(readJson(path.join(ROOT, pkg.dir, 'manifest.json')).version);
    if (manifestVersion !== version) throw new Error(`${pkg.dir} is version ${manifestVersion}, not ${version}: build it again (run without --no-build)`);
    if (pkg.kind === 'crx') {
      const packed = await packCrx(pkg, version, out, options);
      if (typeof packed === 'string') notes.push(`${pkg.dir}: ${packed}`);
      else (made.push(packed.file), crx.push({ id: packed.id, version, codebase: `${options.base}${packed.file}` }));
    } else {
      const packed = await packXpi(pkg, version, out, options.base);
      made.push(packed.file);
      xpi.push({ id: packed.id, version, link: `${options.base}${packed.file}` });
    }
  }
  if (crx.length) (writeFileSync(path.join(out, 'updates.xml'), updatesXml(crx)), made.push('updates.xml'));
  if (xpi.length) (writeFileSync(path.join(out, 'updates.json'), updatesJson(xpi)), made.push('updates.json'));
  if (options.base.startsWith('http:')) notes.push(`${options.base} is http: Firefox refuses to install an add-on whose update_url is not https, and browsers should fetch code over https`);
  if (!options.baseGiven) notes.push(`updates.xml, updates.json and the XPI's update_url point at ${options.base}: pass --base-url (or set KBAN_UPDATE_BASE_URL) to where you will serve these files`);

  const sums = made.map((file) => `${createHash('sha256').update(readFileSync(path.join(out, file))).digest('hex')}  ${file}`);
  writeFileSync(path.join(out, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  const shown = path.relative(process.cwd(), out);
  console.log(`\nrelease ${version} in ${shown.startsWith('..') ? out : shown || '.'}:`);
  for (const file of [...made, 'SHA256SUMS']) console.log(`  ${file.padEnd(28)} ${(statSync(path.join(out, file)).size / 1024).toFixed(1).padStart(7)} KiB`);
  for (const note of notes) console.log(`\nnote: ${note}`);
  if (options.bump) console.log(`\nnext: git commit -am "Release ${version}" && git tag v${version}`);
}

main().catch((error: unknown) => {
  console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
