/**
 * Vitest global setup for the end-to-end run: makes sure `.output/chrome-mv3` and
 * `.output/firefox-mv2` exist and are newer than every source file, building at most once per run.
 * Set KBAN_E2E_NO_BUILD=1 to test whatever is in `.output/` as it is.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR, ROOT } from './paths';

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
  ];
  for (const [dir, command] of builds) {
    if (!isStale(dir)) continue;
    const started = Date.now();
    execFileSync('npx', command, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    console.log(`[e2e] built ${path.relative(ROOT, dir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

export default function setup(): void {
  ensureBuilds();
}
