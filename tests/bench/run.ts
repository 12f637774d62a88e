/**
 * `npm run bench [-- --check] [--runs N] [--mutating-runs N] [--no-build] [--json FILE]`
 *
 * Loads large real-shaped pages at their real host names in Debian's Chromium, once with our
 * extension and once with a minimal reference extension (same `matches`; reads the title and
 * inserts a marker), and measures each content script's own main-thread time per load with
 * Chromium's CPU profiler (self time of frames whose URL is the extension's). Our cost is the
 * difference from the reference. Also prints the content-script bundle size and the time from
 * DOMContentLoaded to the notice, and checks the budgets (`--check` exits 1 if one is missed).
 * Run it under `flock /tmp/kban-e2e.lock` when other browser runs may share the machine.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { isStale } from '../e2e/harness/build';
import { launchChromium, type ChromiumSession } from '../e2e/harness/chromium';
import { startFixtureServer } from '../e2e/harness/fixture-server';
import { CHROME_EXTENSION_DIR, ROOT } from '../e2e/harness/paths';
import { median, originTime, type CpuProfile } from './cpu-profile';
import { buildBenchPages, type BenchPage } from './pages/bench-pages';
import { REFERENCE_MARKER, writeReferenceExtension } from './reference-extension';

/** The budgets (issue 5). Never loosen these to make a run pass: fix the cost. */
export const BUDGETS = {
  /** ms above the reference on a large page the extension leaves alone. */
  plainAboveReferenceMs: 1,
  /** ms above the reference on the flagged 1.5 MB page. */
  flaggedAboveReferenceMs: 10,
  /** % of wall time above the reference on the mutating page. */
  mutatingPercentOfWall: 1,
  /** ms from DOMContentLoaded to the notice. */
  noticeAfterDclMs: 100,
  /** gzip bytes of content script injected. */
  contentScriptGzipBytes: 15 * 1024,
} as const;

const SAMPLING_INTERVAL_US = 100;
/** After `load`, how long to keep profiling: covers the controller's 400 ms re-check after its own notice. */
const SETTLE_MS = 1000;

interface Args { check: boolean; runs: number; mutatingRuns: number; build: boolean; json?: string }

function parseArgs(argv: string[]): Args {
  const args: Args = { check: false, runs: 11, mutatingRuns: 3, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') args.check = true;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (arg === '--mutating-runs') args.mutatingRuns = Math.max(1, Number(argv[++i]));
    else if (arg === '--json') args.json = argv[++i];
    else throw new Error(`bench: unknown argument ${arg}`);
  }
  return args;
}

/** Page-side timing, installed before any page script: DOMContentLoaded and when our notice host appears. */
const TIMING_SCRIPT = `(() => {
  const timing = (window.__kbanBenchTiming = { dcl: -1, notice: -1 });
  document.addEventListener('DOMContentLoaded', () => { timing.dcl = performance.now(); }, { once: true });
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (node.nodeName === 'KBAN-NOTICE') { timing.notice = performance.now(); observer.disconnect(); return; }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

interface LoadResult { selfMs: number; rawMs: number; wallMs: number; top: Array<{ frame: string; ms: number }>; dclToNoticeMs?: number }

interface Subject { name: 'ours' | 'reference'; session: ChromiumSession }

/** One profiled load of `page` in a fresh tab; checks the extension did what it should. */
async function profiledLoad(subject: Subject, page: BenchPage, blankUrl: string): Promise<LoadResult> {
  const tab: Page = await subject.session.context.newPage();
  let cdp: CDPSession | undefined;
  try {
    await tab.addInitScript(TIMING_SCRIPT);
    // Same site first, so the measured navigation stays in this renderer (and this profiler).
    await tab.goto(blankUrl);
    cdp = await subject.session.context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await tab.goto(page.url, { waitUntil: 'load', timeout: 60_000 });
    if (page.mutatesForMs) {
      await tab.waitForFunction(() => (window as unknown as { __kbanBenchMutation?: { done: boolean } }).__kbanBenchMutation?.done, undefined, { timeout: page.mutatesForMs + 20_000, polling: 250 });
    }
    if (subject.name === 'ours' && page.expectNotice) await tab.waitForSelector('kban-notice', { state: 'attached', timeout: 10_000 }).catch(() => {});
    await tab.waitForTimeout(SETTLE_MS);
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
    const { selfMs, rawMs, wallMs, top } = originTime(profile, `chrome-extension://${subject.session.extensionId}/`);

    const seen = await tab.evaluate(
      ([marker]) => ({
        verdict: document.querySelector('kban-notice')?.getAttribute('data-kban-verdict') ?? null,
        marker: !!document.querySelector(marker!),
        timing: (window as unknown as { __kbanBenchTiming: { dcl: number; notice: number } }).__kbanBenchTiming,
        mutation: (window as unknown as { __kbanBenchMutation?: { added: number; started: number; ended: number } }).__kbanBenchMutation,
      }),
      [REFERENCE_MARKER],
    );
    if (subject.name === 'reference' && !seen.marker) throw new Error(`bench: the reference script did not run on ${page.url}`);
    if (subject.name === 'ours' && page.expectNotice && seen.verdict !== 'purchase') throw new Error(`bench: no purchase notice on ${page.url} (saw ${seen.verdict}); the measurement would be of the wrong path`);
    if (subject.name === 'ours' && !page.expectNotice && seen.verdict) throw new Error(`bench: unexpected ${seen.verdict} notice on ${page.url}`);
    if (page.mutatesForMs && seen.mutation) {
      const rate = seen.mutation.added / ((seen.mutation.ended - seen.mutation.started) / 1000);
      if (rate < 900 || rate > 1100) throw new Error(`bench: the mutating page added ${rate.toFixed(0)} nodes/s, not ~1000`);
    }
    const dclToNoticeMs = subject.name === 'ours' && seen.timing.notice >= 0 && seen.timing.dcl >= 0 ? seen.timing.notice - seen.timing.dcl : undefined;
    return { selfMs, rawMs, wallMs, top, dclToNoticeMs };
  } finally {
    await cdp?.detach().catch(() => {});
    await tab.close().catch(() => {});
  }
}

function ensureBuild(build: boolean): void {
  if (!build || !isStale(CHROME_EXTENSION_DIR)) {
    console.log(`[bench] using ${path.relative(ROOT, CHROME_EXTENSION_DIR)} as built`);
    return;
  }
  const started = Date.now();
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`[bench] built ${path.relative(ROOT, CHROME_EXTENSION_DIR)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** What one content_scripts entry injects: its files, raw and gzip (zlib default level) bytes. */
interface Injected { files: string[]; matches: string[]; raw: number; gzip: number }

/** Every content_scripts entry's injected bytes, largest gzip first (a page gets one entry's files per match). */
function contentScriptSizes(extensionDir: string): Injected[] {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: Array<{ js?: string[]; css?: string[]; matches: string[] }> };
  const sizeOf = new Map<string, { raw: number; gzip: number }>();
  const measure = (file: string) => {
    if (!sizeOf.has(file)) {
      const bytes = readFileSync(path.join(extensionDir, file));
      sizeOf.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
    }
    return sizeOf.get(file)!;
  };
  return (manifest.content_scripts ?? [])
    .map((entry) => {
      const files = [...(entry.js ?? []), ...(entry.css ?? [])];
      return { files, matches: entry.matches, raw: files.reduce((sum, file) => sum + measure(file).raw, 0), gzip: files.reduce((sum, file) => sum + measure(file).gzip, 0) };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** A few characters of the minified script at `file name@line:col`, to name a minified frame. */
function codeAt(extensionDir: string, frame: string): string {
  const match = /^(\S+) .*@(\d+):(\d+)$/.exec(frame);
  if (!match) return '';
  try {
    const line = readFileSync(path.join(extensionDir, match[1]!), 'utf8').split('\n')[Number(match[2]) - 1] ?? '';
    return line.slice(Number(match[3]) - 1, Number(match[3]) + 69).replace(/\s+/g, ' ');
  } catch {
    return '';
  }
}

const fmt = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  ensureBuild(args.build);
  const scratch = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-bench-'));
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
  // Measure a snapshot, so a rebuild of .output/ during the run cannot change what is loaded.
  const oursDir = path.join(scratch, 'ours');
  cpSync(CHROME_EXTENSION_DIR, oursDir, { recursive: true });
  const sizes = contentScriptSizes(oursDir);
  const pages = buildBenchPages();
  const referenceDir = writeReferenceExtension(oursDir, path.join(scratch, 'reference'));

  const server = await startFixtureServer([]);
  const blankUrls = new Map<string, string>();
  for (const page of pages) {
    server.route(page.url, { body: page.html });
    const blank = new URL('/kban-bench-blank', page.url).href;
    server.route(blank, { body: '<!doctype html><title>blank</title>' });
    blankUrls.set(page.url, blank);
  }

  const subjects: Subject[] = [];
  const results = new Map<string, LoadResult[]>();
  try {
    subjects.push({ name: 'ours', session: await launchChromium({ server, extensionDir: oursDir }) });
    subjects.push({ name: 'reference', session: await launchChromium({ server, extensionDir: referenceDir }) });
    console.log(`[bench] ours ${subjects[0]!.session.extensionId}, reference ${subjects[1]!.session.extensionId}; sampling every ${SAMPLING_INTERVAL_US} µs`);
    // Warm-up, not counted: the first storage.managed read after Chromium starts waits ~2.6 s for its policy service.
    const warmUp = pages.find((page) => page.id === 'flagged')!;
    for (const subject of subjects) await profiledLoad(subject, warmUp, blankUrls.get(warmUp.url)!);

    for (const page of pages) {
      const runs = page.mutatesForMs ? args.mutatingRuns : Math.min(page.runs ?? args.runs, args.runs);
      for (let run = 0; run < runs; run++) {
        // Alternate who goes first, so drift in the machine's load hits both alike.
        const order = run % 2 ? [...subjects].reverse() : subjects;
        for (const subject of order) {
          const result = await profiledLoad(subject, page, blankUrls.get(page.url)!);
          const key = `${page.id}/${subject.name}`;
          results.set(key, [...(results.get(key) ?? []), result]);
        }
        process.stdout.write(`[bench] ${page.id} ${run + 1}/${runs}\r`);
      }
      process.stdout.write('\n');
    }
  } finally {
    for (const subject of subjects) await subject.session.close();
    await server.close();
  }

  // Report.
  /** The values of one figure over the loads of `key` (page id / subject), skipping loads without it. */
  const valuesOf = (key: string, figure: (result: LoadResult) => number | undefined) =>
    (results.get(key) ?? []).map(figure).filter((value): value is number => value !== undefined);
  const self = (key: string) => median(valuesOf(key, (result) => result.selfMs));
  const raw = (key: string) => median(valuesOf(key, (result) => result.rawMs));
  const rows: Array<{ check: string; measured: string; budget: string; ok: boolean }> = [];
  const figures: Record<string, unknown> = {};

  console.log('\nMain-thread time of each content script per page load (CPU profiler: its samples × the median sample interval; median of the loads)');
  console.log(`${'page'.padEnd(52)} ${'size'.padStart(9)} ${'loads'.padStart(5)} ${'ours ms'.padStart(8)} ${'ref ms'.padStart(7)} ${'ours−ref'.padStart(9)} ${'ours raw'.padStart(9)}`);
  for (const page of pages) {
    const ours = self(`${page.id}/ours`);
    const reference = self(`${page.id}/reference`);
    const oursRaw = raw(`${page.id}/ours`);
    const loads = results.get(`${page.id}/ours`)?.length ?? 0;
    console.log(`${page.label.padEnd(52)} ${kib(page.bytes).padStart(9)} ${String(loads).padStart(5)} ${fmt(ours).padStart(8)} ${fmt(reference).padStart(7)} ${fmt(ours - reference).padStart(9)} ${fmt(oursRaw).padStart(9)}`);
    figures[page.id] = { bytes: page.bytes, source: page.source, url: page.url, oursMs: ours, referenceMs: reference, oursRawMs: oursRaw, runs: valuesOf(`${page.id}/ours`, (result) => result.selfMs), referenceRuns: valuesOf(`${page.id}/reference`, (result) => result.selfMs) };
  }

  console.log('(ours raw: the same samples weighted by the gap after each, which a descheduled renderer stretches; not budgeted)');

  const plain = pages.find((page) => page.id === 'plain')!;
  const flagged = pages.find((page) => page.id === 'flagged')!;
  const mutating = pages.find((page) => page.id === 'mutating')!;
  const plainDiff = self('plain/ours') - self('plain/reference');
  rows.push({ check: `${plain.label}: ours − reference`, measured: `${fmt(plainDiff)} ms`, budget: `≤ ${BUDGETS.plainAboveReferenceMs} ms`, ok: plainDiff <= BUDGETS.plainAboveReferenceMs });
  const flaggedDiff = self('flagged/ours') - self('flagged/reference');
  rows.push({ check: `${flagged.label}: ours − reference`, measured: `${fmt(flaggedDiff)} ms`, budget: `≤ ${BUDGETS.flaggedAboveReferenceMs} ms`, ok: flaggedDiff <= BUDGETS.flaggedAboveReferenceMs });
  const mutatingPercent = ((self('mutating/ours') - self('mutating/reference')) / mutating.mutatesForMs!) * 100;
  rows.push({ check: `${mutating.label}: (ours − reference) / ${mutating.mutatesForMs! / 1000} s`, measured: `${fmt(mutatingPercent, 3)} %`, budget: `< ${BUDGETS.mutatingPercentOfWall} %`, ok: mutatingPercent < BUDGETS.mutatingPercentOfWall });
  const noticeTimes = valuesOf('flagged/ours', (result) => result.dclToNoticeMs);
  const noticeMs = median(noticeTimes);
  rows.push({ check: `DOMContentLoaded → notice on the flagged page, address names Kaspersky (median of ${noticeTimes.length})`, measured: `${fmt(noticeMs, 1)} ms`, budget: `≤ ${BUDGETS.noticeAfterDclMs} ms`, ok: noticeMs <= BUDGETS.noticeAfterDclMs });
  const bare = pages.find((page) => page.id === 'flagged-bare')!;
  const bareTimes = valuesOf('flagged-bare/ours', (result) => result.dclToNoticeMs);
  const bareMs = median(bareTimes);
  figures.noticeBareMs = bareMs;
  figures.noticeBareRuns = bareTimes;
  const largest = sizes[0] ?? { files: [], matches: [], raw: 0, gzip: 0 };
  rows.push({ check: `Content script injected, largest entry (${largest.files.join(' + ')}): raw ${kib(largest.raw)}, gzip`, measured: kib(largest.gzip), budget: `≤ ${kib(BUDGETS.contentScriptGzipBytes)}`, ok: largest.gzip <= BUDGETS.contentScriptGzipBytes });
  figures.noticeMs = noticeMs;
  figures.noticeRuns = noticeTimes;
  figures.contentScripts = sizes;

  console.log('\nBudgets');
  const width = Math.max(...rows.map((row) => row.check.length));
  for (const row of rows) console.log(`${row.ok ? 'PASS' : 'FAIL'}  ${row.check.padEnd(width)}  ${row.measured.padStart(10)}  (${row.budget})`);

  console.log(`\nNot budgeted: DOMContentLoaded → notice at ${new URL(bare.url).pathname}, an address that doesn't name Kaspersky (document_end: after the page's first full layout): ${fmt(bareMs, 1)} ms (median of ${bareTimes.length})`);

  console.log('\nWhere our time goes (mean self ms per load, heaviest frames of content-scripts; minified name@line:col → code there)');
  for (const page of pages) {
    const loads = results.get(`${page.id}/ours`) ?? [];
    const byFrame = new Map<string, number>();
    for (const load of loads) for (const { frame, ms } of load.top) byFrame.set(frame, (byFrame.get(frame) ?? 0) + ms / loads.length);
    const top = [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`  ${page.id}: ${top.map(([frame, ms]) => `${fmt(ms)} ${frame} «${codeAt(oursDir, frame)}»`).join('\n' + ' '.repeat(page.id.length + 4)) || '(no samples)'}`);
  }
  console.log(`\n[bench] done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);

  if (args.json) writeFileSync(args.json, JSON.stringify({ budgets: BUDGETS, rows, figures }, null, 2));
  const failed = rows.filter((row) => !row.ok);
  if (args.check && failed.length) {
    console.error(`\n[bench] ${failed.length} budget(s) missed`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
