/**
 * The benchmark's Firefox figures: the same pages in Firefox ESR, once with our add-on and once with
 * the reference, under Firefox's own profiler (started by environment variables, written at shutdown),
 * read by `firefox-profile.ts`. Sampling figures, not budgeted: see that module for what they miss.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isStale } from '../e2e/harness/build';
import type { FixtureServer } from '../e2e/harness/fixture-server';
import { FIREFOX_EXTENSION_UUID, launchFirefox } from '../e2e/harness/firefox';
import { FIREFOX_EXTENSION_DIR, FIREFOX_EXTENSION_ID, ROOT } from '../e2e/harness/paths';
import { firefoxExtensionTime, perLoad, type GeckoProfile } from './firefox-profile';
import type { BenchPage } from './pages/bench-pages';
import { REFERENCE_FIREFOX_ID, writeReferenceExtension } from './reference-extension';
import { spread } from './trace-time';

/** The reference add-on's fixed moz-extension:// uuid. */
const REFERENCE_UUID = '6b0a4e1c-6b7a-4c1e-9f00-00000000cba1';
/** Sampling interval, ms (Gecko takes fractions). */
const INTERVAL_MS = 0.2;
const SETTLE_MS = 1000;

export interface FirefoxFigure { page: BenchPage; ours: number[]; reference: number[]; oursMean: number; referenceMean: number }

/** Loads `pages` `runs` times in Firefox for one add-on under the profiler; returns the profile. */
async function profiledSession(server: FixtureServer, extensionDir: string, pages: readonly BenchPage[], runs: number, profileFile: string): Promise<GeckoProfile> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    MOZ_PROFILER_STARTUP: '1',
    MOZ_PROFILER_STARTUP_FEATURES: 'js,cpu',
    MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
    MOZ_PROFILER_STARTUP_INTERVAL: String(INTERVAL_MS),
    MOZ_PROFILER_STARTUP_ENTRIES: String(64 * 1024 * 1024),
    MOZ_PROFILER_SHUTDOWN: profileFile,
  });
  let firefox;
  try {
    firefox = await launchFirefox({
      server,
      extensionDir,
      prefs: { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID, [REFERENCE_FIREFOX_ID]: REFERENCE_UUID }) },
    });
  } finally {
    for (const name of Object.keys(process.env)) if (name.startsWith('MOZ_PROFILER_') && !(name in saved)) delete process.env[name];
  }
  try {
    for (let run = 0; run < runs; run++) {
      for (const page of pages) {
        const tab = await firefox.browser.newPage();
        await tab.goto(page.url, { waitUntil: 'load', timeout: 60_000 });
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        await tab.close();
      }
    }
  } finally {
    await firefox.browser.close().catch(() => {}); // Firefox writes the profile as it shuts down
    await firefox.close();
  }
  if (!existsSync(profileFile)) throw new Error(`Firefox wrote no profile to ${profileFile}`);
  return JSON.parse(readFileSync(profileFile, 'utf8')) as GeckoProfile;
}

/**
 * Measures `pages` (the mutating and "every site" ones are left out) and returns the lines to print.
 * Any failure is reported as a line: Firefox's figures are informative, never a budget.
 */
export async function firefoxLines(server: FixtureServer, pages: readonly BenchPage[], scratch: string, runs: number): Promise<string[]> {
  const measured = pages.filter((page) => !page.mutatesForMs && !page.everySite);
  try {
    if (isStale(FIREFOX_EXTENSION_DIR)) execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const oursDir = path.join(scratch, 'firefox-ours');
    cpSync(FIREFOX_EXTENSION_DIR, oursDir, { recursive: true });
    const referenceDir = writeReferenceExtension(oursDir, path.join(scratch, 'firefox-reference'), 'firefox');
    const ours = firefoxExtensionTime(await profiledSession(server, oursDir, measured, runs, path.join(scratch, 'firefox-ours.json')), `moz-extension://${FIREFOX_EXTENSION_UUID}/`);
    const reference = firefoxExtensionTime(await profiledSession(server, referenceDir, measured, runs, path.join(scratch, 'firefox-reference.json')), `moz-extension://${REFERENCE_UUID}/`);
    const fmt = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
    const triple = (values: number[]) => {
      const { min, median, max } = spread(values);
      return `${fmt(min)}/${fmt(median)}/${fmt(max)}`;
    };
    const lines = [
      `Firefox ESR, its profiler (every ${INTERVAL_MS} ms, features js,cpu): CPU time of samples whose innermost page-or-add-on script frame is the add-on's (Firefox's own extension code under it included), per load, ms; ${runs} loads per page. Not budgeted: sampling misses compile and short work, and a load is told apart by its content process.`,
      `${'page'.padEnd(52)} ${'ours min/med/max (mean)'.padStart(26)}  ${'ref min/med/max (mean)'.padStart(26)}  ours−ref (means)`,
    ];
    for (const page of measured) {
      const mine = perLoad(ours, page.url);
      const theirs = perLoad(reference, page.url);
      lines.push(`${page.label.padEnd(52)} ${`${triple(mine.single)} (${fmt(mine.meanMs)})`.padStart(26)}  ${`${triple(theirs.single)} (${fmt(theirs.meanMs)})`.padStart(26)}  ${fmt(mine.meanMs - theirs.meanMs)}`);
    }
    const left = pages.filter((page) => !measured.includes(page)).map((page) => page.id);
    if (left.length) lines.push(`Left out: ${left.join(', ')} (the mutating page for time; the "every site" mode needs its grant).`);
    return lines;
  } catch (error) {
    return [`Firefox figures not measured: ${String(error).split('\n')[0]}`];
  }
}
