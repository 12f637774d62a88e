/**
 * Vitest global setup for the end-to-end run: makes sure `.output/chrome-mv3` and
 * `.output/firefox-mv2` exist and are newer than every source file, building at most once per run,
 * then snapshots both into a temp dir that the browsers load, so a rebuild of `.output/` during
 * the run (another terminal, `wxt dev`) cannot change the extension under a running browser.
 * Set KBAN_E2E_NO_BUILD=1 to test whatever is in `.output/` as it is.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_BIN } from './chromium';
import { FIREFOX_BIN } from './firefox';
import { CHROME_EXTENSION_DIR, CHROME_ORG_EXTENSION_DIR, FIREFOX_EXTENSION_DIR, FIREFOX_ORG_EXTENSION_DIR, ROOT } from './paths';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Snapshot of `.output/chrome-mv3` for this run (see paths.ts `chromeExtensionDir`). */
    kbanChromeExtensionDir: string;
    /** Snapshot of `.output/firefox-mv2` for this run. */
    kbanFirefoxExtensionDir: string;
    /** Snapshots of the organisation package (`--mode org`). */
    kbanChromeOrgExtensionDir: string;
    kbanFirefoxOrgExtensionDir: string;
  }
}

/** What goes into the build. */
const SOURCES = ['entrypoints', 'components', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** The build in `dir` is missing or older than the sources. */
export function isStale(dir: string): boolean {
  const manifest = path.join(dir, 'manifest.json');
  if (!existsSync(manifest)) return true;
  const sources = Math.max(...SOURCES.map((entry) => newestMtime(path.join(ROOT, entry))));
  return statSync(manifest).mtimeMs < sources;
}

/** Builds whichever of the two extension builds is stale. */
export function ensureBuilds(): void {
  if (process.env.KBAN_E2E_NO_BUILD === '1') return;
  const builds: Array<[string, string[]]> = [
    [CHROME_EXTENSION_DIR, ['wxt', 'build']],
    [FIREFOX_EXTENSION_DIR, ['wxt', 'build', '-b', 'firefox']],
    [CHROME_ORG_EXTENSION_DIR, ['wxt', 'build', '--mode', 'org']],
    [FIREFOX_ORG_EXTENSION_DIR, ['wxt', 'build', '-b', 'firefox', '--mode', 'org']],
  ];
  for (const [dir, command] of builds) {
    if (!isStale(dir)) continue;
    const started = Date.now();
    execFileSync('npx', command, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`[e2e] built ${path.relative(ROOT, dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Files the manifest names that must be present for a build to be whole. */
function isComplete(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      background?: { service_worker?: string; scripts?: string[] };
      content_scripts?: Array<{ js?: string[] }>;
      default_locale?: string;
    };
    const files = [
      manifest.background?.service_worker,
      ...(manifest.background?.scripts ?? []),
      ...(manifest.content_scripts ?? []).flatMap((script) => script.js ?? []),
      manifest.default_locale && `_locales/${manifest.default_locale}/messages.json`,
    ].filter((file): file is string => !!file);
    return files.every((file) => existsSync(path.join(dir, file)));
  } catch {
    return false;
  }
}

/** Copies a build, retrying while it is being rewritten. */
function snapshot(from: string, to: string): void {
  for (let attempt = 1; ; attempt++) {
    const before = statSync(path.join(from, 'manifest.json')).mtimeMs;
    rmSync(to, { recursive: true, force: true });
    cpSync(from, to, { recursive: true });
    const after = existsSync(path.join(from, 'manifest.json')) ? statSync(path.join(from, 'manifest.json')).mtimeMs : -1;
    if (before === after && isComplete(to)) return;
    if (attempt === 5) throw new Error(`${from} kept changing or is incomplete; rebuild it and retry`);
    execFileSync('sleep', ['2']);
  }
}

/** Whether `command` is an executable file, or a program on PATH. */
function isInstalled(command: string): boolean {
  if (command.includes('/')) return existsSync(command);
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && existsSync(path.join(dir, command)));
}

/**
 * Fails the whole run, in one line, when a browser or openssl is missing: every end-to-end test
 * needs them, and a test that cannot run must fail, never skip. `npm test` installs them first.
 */
export function requireTools(): void {
  const missing = [
    [CHROMIUM_BIN, 'chromium'],
    [FIREFOX_BIN, 'firefox-esr'],
    ['openssl', 'openssl'], // the fixture server makes its TLS certificate with it
  ].filter(([command]) => !isInstalled(command!));
  if (missing.length) {
    const names = missing.map(([, pkg]) => pkg).join(' ');
    throw new Error(`e2e: missing ${missing.map(([command]) => command).join(', ')}: install with \`apt-get install ${names}\` (npm test does it when it can), or set CHROMIUM_BIN / FIREFOX_BIN`);
  }
}

export default function setup(project: TestProject): () => void {
  requireTools();
  ensureBuilds();
  const dir = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-e2e-build-'));
  const chrome = path.join(dir, 'chrome-mv3');
  const firefox = path.join(dir, 'firefox-mv2');
  const chromeOrg = path.join(dir, 'chrome-mv3-org');
  const firefoxOrg = path.join(dir, 'firefox-mv2-org');
  snapshot(CHROME_EXTENSION_DIR, chrome);
  snapshot(FIREFOX_EXTENSION_DIR, firefox);
  snapshot(CHROME_ORG_EXTENSION_DIR, chromeOrg);
  snapshot(FIREFOX_ORG_EXTENSION_DIR, firefoxOrg);
  project.provide('kbanChromeExtensionDir', chrome);
  project.provide('kbanFirefoxExtensionDir', firefox);
  project.provide('kbanChromeOrgExtensionDir', chromeOrg);
  project.provide('kbanFirefoxOrgExtensionDir', firefoxOrg);
  return () => rmSync(dir, { recursive: true, force: true });
}
