/**
 * `npm run bench [-- --check] [--runs N] [--mutating-runs N] [--profile-runs N] [--firefox-runs N | --no-firefox]
 *   [--pages id,id] [--no-build] [--json FILE] [--save-traces DIR]`
 *
 * Loads real-shaped pages at their real host names in Debian's Chromium, in one browser with our
 * extension and in another with a minimal reference extension (the same `content_scripts` entries;
 * reads the title and inserts a marker), alternating, and records a Chromium trace of every load.
 * `trace-time.ts` bills each extension the thread time of its outermost slices on the tab's main
 * thread (script injection and evaluation, its callbacks, the tasks delivering its API replies with
 * their microtasks), minus page script nested inside. Our cost is the difference from the reference.
 * A few extra loads per page run the CPU profiler as well (`cpu-profile.ts`), and its figure is printed
 * beside the trace's for those same loads, as a cross-check only: the profiler slows the page, so
 * those loads are not in the budgeted figures.
 * Also prints the injected bundle sizes, the time from DOMContentLoaded to the notice, and Firefox's
 * figures where its profiler can attribute them; `--check` exits 1 when a timing budget is missed and
 * 3 when a budget that does not vary between runs (bundle size, no script injected) is.
 * Run it under `flock /tmp/kban-e2e.lock` when other browser runs may share the machine.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { isStale } from '../e2e/harness/build';
import { launchChromium, type ChromeApi, type ChromiumSession } from '../e2e/harness/chromium';
import { startFixtureServer } from '../e2e/harness/fixture-server';
import { CHROME_EXTENSION_DIR, ROOT } from '../e2e/harness/paths';
import { originTime, type CpuProfile } from './cpu-profile';
import { firefoxLines } from './firefox-run';
import { buildBenchPages, type BenchPage } from './pages/bench-pages';
import { REFERENCE_MARKER, writeReferenceExtension } from './reference-extension';
import { extensionThreadTime, spread, TRACE_CATEGORIES, type ExtensionTime, type TraceEvent } from './trace-time';

/** gzip bytes of the script the manifest injects into every page of a covered site (issue 14). */
export const EVERY_PAGE_GZIP_BUDGET = 2 * 1024;
/** Fewest loads per page whose median a timing budget may be judged on. */
export const MIN_LOADS = 7;

/** CPU profiler interval for the cross-check column. */
const SAMPLING_INTERVAL_US = 100;
/** After `load`, how long to keep recording: covers the page check's 400 ms re-check after its own notice. */
const SETTLE_MS = 1000;

interface Args { check: boolean; runs: number; mutatingRuns: number; profileRuns: number; firefoxRuns: number; build: boolean; pages?: string[]; json?: string; saveTraces?: string }

function parseArgs(argv: string[]): Args {
  const args: Args = { check: false, runs: 9, mutatingRuns: MIN_LOADS, profileRuns: 2, firefoxRuns: 5, build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--check') args.check = true;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--no-firefox') args.firefoxRuns = 0;
    else if (arg === '--firefox-runs') args.firefoxRuns = Math.max(0, Number(argv[++i]));
    else if (arg === '--runs') args.runs = Math.max(1, Number(argv[++i]));
    else if (arg === '--mutating-runs') args.mutatingRuns = Math.max(1, Number(argv[++i]));
    else if (arg === '--profile-runs') args.profileRuns = Math.max(0, Number(argv[++i]));
    else if (arg === '--pages') args.pages = argv[++i]!.split(',');
    else if (arg === '--json') args.json = argv[++i];
    else if (arg === '--save-traces') args.saveTraces = argv[++i];
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

interface LoadResult {
  trace: ExtensionTime;
  /** The CPU profiler's figure for the same load (cross-check), ms; only on the extra profiled loads. */
  profilerMs?: number;
  dclToNoticeMs?: number;
  /** The mutating page: how long it mutated, ms. */
  mutationMs?: number;
}

type SubjectName = 'ours' | 'reference';
interface Subject { name: SubjectName; session: ChromiumSession }

/** Records a trace of everything the browser does until `tracingComplete`. */
async function startTracing(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => {
    for (const event of message.value) events.push(event as unknown as TraceEvent);
  });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: [...TRACE_CATEGORIES], recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** One traced load of `page` in a fresh tab; checks the extension did what it should. */
async function tracedLoad(subject: Subject, page: BenchPage, blankUrl: string, options: { profile: boolean; saveTo?: string }): Promise<LoadResult> {
  const tab: Page = await subject.session.context.newPage();
  let cdp: CDPSession | undefined;
  try {
    // Only where the notice is timed: the observer is page script that runs on every parsed chunk.
    if (page.budget.noticeAfterDclMs !== undefined) await tab.addInitScript(TIMING_SCRIPT);
    // Same site first, so the measured navigation stays in this renderer.
    await tab.goto(blankUrl);
    cdp = await subject.session.context.newCDPSession(tab);
    if (options.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    }
    const stopTracing = await startTracing(cdp);
    if (options.profile) await cdp.send('Profiler.start');
    await tab.goto(page.url, { waitUntil: 'load', timeout: 60_000 });
    if (page.mutatesForMs) {
      await tab.waitForFunction(() => (window as unknown as { __kbanBenchMutation?: { done: boolean } }).__kbanBenchMutation?.done, undefined, { timeout: page.mutatesForMs + 20_000, polling: 250 });
    }
    if (subject.name === 'ours' && page.expectNotice) await tab.waitForSelector('kban-notice', { state: 'attached', timeout: 10_000 }).catch(() => {});
    await tab.waitForTimeout(SETTLE_MS);
    const profile = options.profile ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : undefined;
    const events = await stopTracing();
    const extensionId = subject.session.extensionId;
    if (options.saveTo) writeFileSync(options.saveTo, JSON.stringify({ extensionId, url: page.url, events }));
    const trace = extensionThreadTime(events, extensionId);

    const seen = await tab.evaluate(
      ([marker]) => ({
        verdict: document.querySelector('kban-notice')?.getAttribute('data-kban-verdict') ?? null,
        marker: !!document.querySelector(marker!),
        timing: (window as unknown as { __kbanBenchTiming?: { dcl: number; notice: number } }).__kbanBenchTiming ?? { dcl: -1, notice: -1 },
        mutation: (window as unknown as { __kbanBenchMutation?: { added: number; started: number; ended: number } }).__kbanBenchMutation,
      }),
      [REFERENCE_MARKER],
    );
    if (subject.name === 'reference' && (!seen.marker || !trace.scriptsRun)) throw new Error(`bench: the reference script did not run on ${page.url} (marker ${seen.marker}, scripts in the trace ${trace.scriptsRun})`);
    if (subject.name === 'ours' && !page.everySite && !trace.scriptsRun) throw new Error(`bench: no script of ours in the trace of ${page.url}; the trace reader would bill nothing`);
    if (subject.name === 'ours' && page.expectNotice && seen.verdict !== 'purchase') throw new Error(`bench: no purchase notice on ${page.url} (saw ${seen.verdict}); the measurement would be of the wrong path`);
    if (subject.name === 'ours' && !page.expectNotice && seen.verdict) throw new Error(`bench: unexpected ${seen.verdict} notice on ${page.url}`);
    let mutationMs: number | undefined;
    if (page.mutatesForMs && seen.mutation) {
      mutationMs = seen.mutation.ended - seen.mutation.started;
      const rate = seen.mutation.added / (mutationMs / 1000);
      if (rate < 900 || rate > 1100) throw new Error(`bench: the mutating page added ${rate.toFixed(0)} nodes/s, not ~1000`);
    }
    return {
      trace,
      profilerMs: profile ? originTime(profile, `chrome-extension://${extensionId}/`).selfMs : undefined,
      dclToNoticeMs: subject.name === 'ours' && seen.timing.notice >= 0 && seen.timing.dcl >= 0 ? seen.timing.notice - seen.timing.dcl : undefined,
      mutationMs,
    };
  } finally {
    await cdp?.detach().catch(() => {});
    await tab.close().catch(() => {});
  }
}

/**
 * Grants all sites in our copy of the build (the state a user's "Allow" leaves; no benchmark can click the
 * browser's prompt, see tests/e2e/every-site.e2e.test.ts). Returns why it cannot, or undefined.
 * Access alone changes nothing on covered sites: every-site checks only run on sites without a rule.
 */
function grantAllSites(dir: string, manifest: Manifest): string | undefined {
  const optional = manifest.optional_host_permissions ?? [];
  if (!optional.includes(ALL_SITES)) return 'not measurable: this build has no "every site" mode (no optional all-sites host permission)';
  manifest.optional_host_permissions = optional.filter((origin) => origin !== ALL_SITES);
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ALL_SITES];
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return undefined;
}

/** Turns the "every site" switch on in our browser, as the options page does once access is granted. */
async function enableEverySite(session: ChromiumSession): Promise<void> {
  await session.worker!.evaluate(() => chrome.storage.local.set({ settings: { version: 1, region: 'auto', notices: true, dismissedSites: [], searchResults: false, allSites: true } }));
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

interface ContentScriptEntry { js?: string[]; css?: string[]; matches: string[]; include_globs?: string[]; run_at?: string }
interface Manifest { content_scripts?: ContentScriptEntry[]; host_permissions?: string[]; optional_host_permissions?: string[]; optional_permissions?: string[] }

/** What "every site" mode asks for (components/core/probe/every-site-target.ts). */
declare const chrome: ChromeApi;

const ALL_SITES = '*://*/*';

/** What one content_scripts entry injects: its files, raw and gzip (zlib default level) bytes. */
export interface Injected { files: string[]; matches: string[]; runAt: string; everyPage: boolean; raw: number; gzip: number }

/**
 * Every distinct set of files a `content_scripts` entry injects, largest gzip first. Entries without
 * `include_globs` run on every page of a covered site; entries with them only at addresses that
 * name Kaspersky (they may carry the full page check).
 */
export function injectedSizes(extensionDir: string, manifest: Manifest): Injected[] {
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
      return {
        files,
        matches: entry.matches,
        runAt: entry.run_at ?? 'document_idle',
        everyPage: !entry.include_globs?.length,
        raw: files.reduce((sum, file) => sum + measure(file).raw, 0),
        gzip: files.reduce((sum, file) => sum + measure(file).gzip, 0),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

const fmt = (value: number | undefined, digits = 2) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const triple = (values: readonly number[], digits = 2) => {
  const { min, median, max } = spread(values);
  return `${fmt(min, digits)}/${fmt(median, digits)}/${fmt(max, digits)}`;
};

interface Row { check: string; measured: string; budget: string; ok: boolean | 'n/a'; timing: boolean }

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const startedAt = Date.now();
  ensureBuild(args.build);
  const scratch = mkdtempSync(path.join(process.env.E2E_TMP || tmpdir(), 'kban-bench-'));
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
  // Measure a snapshot, so a rebuild of .output/ during the run cannot change what is loaded.
  const oursDir = path.join(scratch, 'ours');
  cpSync(CHROME_EXTENSION_DIR, oursDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(oursDir, 'manifest.json'), 'utf8')) as Manifest;
  const sizes = injectedSizes(oursDir, manifest);
  const pages = buildBenchPages().filter((page) => !args.pages || args.pages.includes(page.id));
  const referenceDir = writeReferenceExtension(oursDir, path.join(scratch, 'reference'));
  const everySiteUnavailable = grantAllSites(oursDir, manifest);
  if (args.saveTraces) mkdirSync(args.saveTraces, { recursive: true });

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
  const key = (page: BenchPage, subject: SubjectName) => `${page.id}/${subject}`;
  const unmeasurable = new Map<string, string>();
  let firefox: string[] = ['(not measured: --no-firefox)'];
  try {
    subjects.push({ name: 'ours', session: await launchChromium({ server, extensionDir: oursDir }) });
    subjects.push({ name: 'reference', session: await launchChromium({ server, extensionDir: referenceDir }) });
    console.log(`[bench] ours ${subjects[0]!.session.extensionId}, reference ${subjects[1]!.session.extensionId}; trace categories ${TRACE_CATEGORIES.join(', ')}`);
    if (everySiteUnavailable) for (const page of pages.filter((candidate) => candidate.everySite)) unmeasurable.set(page.id, everySiteUnavailable);
    else await enableEverySite(subjects[0]!.session);
    const measured = pages.filter((page) => !unmeasurable.has(page.id));
    // Warm-up, not counted: the first storage.managed read after Chromium starts waits ~2.6 s for its policy service.
    const warmUp = measured.find((page) => page.expectNotice) ?? measured[0];
    if (warmUp) for (const subject of subjects) await tracedLoad(subject, warmUp, blankUrls.get(warmUp.url)!, { profile: false });

    const runsOf = (page: BenchPage) => (page.mutatesForMs ? args.mutatingRuns : args.runs);
    const rounds = Math.max(0, ...measured.map(runsOf));
    for (let run = 0; run < rounds; run++) {
      // Pages take turns, and so do the two browsers (who goes first alternates), so drift in the machine's load hits all alike.
      for (const page of measured) {
        if (run >= runsOf(page)) continue;
        const order = page.everySite ? subjects.slice(0, 1) : run % 2 ? [...subjects].reverse() : subjects;
        for (const subject of order) {
          const saveTo = args.saveTraces ? path.join(args.saveTraces, `${page.id}-${subject.name}-${run + 1}.json`) : undefined;
          const result = await tracedLoad(subject, page, blankUrls.get(page.url)!, { profile: false, saveTo });
          results.set(key(page, subject.name), [...(results.get(key(page, subject.name)) ?? []), result]);
        }
      }
      process.stdout.write(`[bench] round ${run + 1}/${rounds}\r`);
    }
    // The cross-check: a few more loads with the CPU profiler on too (not in the budgeted figures; the mutating page is left out).
    for (let run = 0; run < args.profileRuns; run++) {
      for (const page of measured.filter((candidate) => !candidate.mutatesForMs)) {
        for (const subject of page.everySite ? subjects.slice(0, 1) : subjects) {
          const result = await tracedLoad(subject, page, blankUrls.get(page.url)!, { profile: true });
          results.set(`${key(page, subject.name)}/profiled`, [...(results.get(`${key(page, subject.name)}/profiled`) ?? []), result]);
        }
      }
      process.stdout.write(`[bench] profiled round ${run + 1}/${args.profileRuns}\r`);
    }
    process.stdout.write('\n');
    if (args.firefoxRuns) {
      for (const subject of subjects.splice(0)) await subject.session.close(); // free the cores first
      firefox = await firefoxLines(server, pages, scratch, args.firefoxRuns);
    }
  } finally {
    for (const subject of subjects) await subject.session.close();
    await server.close();
  }

  // Report.
  const loadsOf = (page: BenchPage, subject: SubjectName) => results.get(key(page, subject)) ?? [];
  const values = (page: BenchPage, subject: SubjectName, figure: (result: LoadResult) => number | undefined) =>
    loadsOf(page, subject).map(figure).filter((value): value is number => value !== undefined);
  const threadMs = (page: BenchPage, subject: SubjectName) => values(page, subject, (result) => result.trace.threadMs);
  const aboveReference = (page: BenchPage) => spread(threadMs(page, 'ours')).median - spread(threadMs(page, 'reference')).median;
  const rows: Row[] = [];
  const figures: Record<string, unknown> = {};

  console.log('\nMain-thread time billed per load, ms (Chromium trace: thread time of each extension\'s outermost slices on the tab\'s main thread, page script inside subtracted)');
  console.log(`${'page'.padEnd(52)} ${'size'.padStart(9)} ${'loads'.padStart(5)}  ${'ours min/med/max'.padStart(18)}  ${'ref min/med/max'.padStart(18)}  ${'ours−ref'.padStart(8)}  ${'profiled: trace/profiler ours, ref'.padStart(34)}`);
  for (const page of pages) {
    const reason = unmeasurable.get(page.id);
    if (reason) {
      console.log(`${page.label.padEnd(52)} ${kib(page.bytes).padStart(9)}  ${reason}`);
      continue;
    }
    const ours = threadMs(page, 'ours');
    const reference = threadMs(page, 'reference');
    const profiled = (subject: SubjectName) => {
      const loads = results.get(`${key(page, subject)}/profiled`) ?? [];
      if (!loads.length) return '–';
      return `${fmt(spread(loads.map((load) => load.trace.threadMs)).median)}/${fmt(spread(loads.map((load) => load.profilerMs ?? Number.NaN)).median)}`;
    };
    const diff = page.everySite ? spread(ours).median : aboveReference(page);
    console.log(
      `${page.label.padEnd(52)} ${kib(page.bytes).padStart(9)} ${String(ours.length).padStart(5)}  ${triple(ours).padStart(18)}  ${(page.everySite ? '(not run)' : triple(reference)).padStart(18)}  ${fmt(diff).padStart(8)}  ${`${profiled('ours')}, ${profiled('reference')}`.padStart(34)}`,
    );
    figures[page.id] = {
      bytes: page.bytes, source: page.source, url: page.url, aboveReferenceMs: diff,
      ours: ours, reference, oursWallMs: values(page, 'ours', (result) => result.trace.wallMs),
      profiled: Object.fromEntries((['ours', 'reference'] as const).map((subject) => [subject, (results.get(`${key(page, subject)}/profiled`) ?? []).map((load) => ({ traceMs: load.trace.threadMs, profilerMs: load.profilerMs }))])),
      oursPageScriptSubtractedMs: values(page, 'ours', (result) => result.trace.pageScriptMs),
    };
  }
  console.log(`(profiled: ${args.profileRuns} more loads per page with the CPU profiler on as well (every ${SAMPLING_INTERVAL_US} µs), medians of the trace's figure and the profiler's (samples of the extension's frames × the median interval) for the same loads; a cross-check only, not budgeted: the profiler slows the page, misses compile and drops samples when both cores are busy)`);

  // Budgets, in the order of issue 14's table.
  const tooFew = (page: BenchPage) => Math.min(threadMs(page, 'ours').length, page.everySite ? Infinity : threadMs(page, 'reference').length) < MIN_LOADS;
  const loadsNote = (page: BenchPage) => `median of ${threadMs(page, 'ours').length}`;
  for (const page of pages) {
    const { budget } = page;
    const reason = unmeasurable.get(page.id);
    if (budget.aboveReferenceMs !== undefined) {
      const diff = aboveReference(page);
      rows.push({ check: `${page.label}: ours − reference (${loadsNote(page)})`, measured: `${fmt(diff)} ms`, budget: `≤ +${budget.aboveReferenceMs} ms`, ok: tooFew(page) ? false : diff <= budget.aboveReferenceMs, timing: true });
    }
    if (budget.percentOfWall !== undefined) {
      const wall = spread(values(page, 'ours', (result) => result.mutationMs)).median;
      const percent = (aboveReference(page) / wall) * 100;
      rows.push({ check: `${page.label}: (ours − reference) / ${fmt(wall / 1000, 1)} s (${loadsNote(page)})`, measured: `${fmt(percent, 3)} %`, budget: `< ${budget.percentOfWall} %`, ok: tooFew(page) ? false : percent < budget.percentOfWall, timing: true });
    }
    if (budget.noScript) {
      if (reason) rows.push({ check: `${page.label}: scripts of ours run`, measured: '–', budget: '0', ok: 'n/a', timing: false });
      else {
        const scripts = Math.max(0, ...values(page, 'ours', (result) => result.trace.scriptsRun));
        rows.push({ check: `${page.label}: scripts of ours run (most in one load; ${fmt(spread(threadMs(page, 'ours')).median)} ms billed)`, measured: String(scripts), budget: '0', ok: scripts === 0, timing: false });
      }
    }
    if (budget.noticeAfterDclMs !== undefined) {
      const times = values(page, 'ours', (result) => result.dclToNoticeMs);
      const noticeMs = spread(times).median;
      rows.push({ check: `DOMContentLoaded → notice: ${page.label} (median of ${times.length}; ${triple(times, 0)})`, measured: `${fmt(noticeMs, 1)} ms`, budget: `≤ ${budget.noticeAfterDclMs} ms`, ok: times.length < MIN_LOADS ? false : noticeMs <= budget.noticeAfterDclMs, timing: true });
      figures[`${page.id}/notice`] = times;
    }
  }
  const everyPage = sizes.filter((entry) => entry.everyPage);
  const largest = everyPage[0] ?? { files: [], matches: [], runAt: '', everyPage: true, raw: 0, gzip: 0 };
  rows.push({ check: `Script injected into every page of a covered site, largest entry (${largest.files.join(' + ')}, ${largest.runAt}; raw ${kib(largest.raw)}), gzip`, measured: kib(largest.gzip), budget: `≤ ${kib(EVERY_PAGE_GZIP_BUDGET)}`, ok: largest.gzip <= EVERY_PAGE_GZIP_BUDGET, timing: false });
  figures.contentScripts = sizes;

  console.log('\nBudgets (--check)');
  const width = Math.max(...rows.map((row) => row.check.length));
  for (const row of rows) console.log(`${row.ok === 'n/a' ? 'N/A ' : row.ok ? 'PASS' : 'FAIL'}  ${row.check.padEnd(width)}  ${row.measured.padStart(10)}  (${row.budget})`);
  for (const [id, reason] of unmeasurable) console.log(`      ${id}: ${reason}`);

  const early = sizes.filter((entry) => !entry.everyPage);
  const distinct = [...new Map(early.map((entry) => [entry.files.join(' + '), entry])).values()].slice(0, 3);
  console.log(`\nNot budgeted: entries with include_globs (addresses that name Kaspersky; may carry the full check): ${distinct.map((entry) => `${entry.files.join(' + ')} ${entry.runAt}: ${kib(entry.gzip)} gzip (${kib(entry.raw)} raw)`).join('; ') || 'none'}`);

  console.log('\nWhere our time goes (mean thread ms per load, by billed slice; page script subtracted)');
  for (const page of pages) {
    const loads = loadsOf(page, 'ours');
    if (!loads.length) continue;
    const byLabel = new Map<string, number>();
    for (const load of loads) for (const slice of load.trace.slices) byLabel.set(`${slice.kind} ${slice.label}`, (byLabel.get(`${slice.kind} ${slice.label}`) ?? 0) + slice.threadMs / loads.length);
    const top = [...byLabel].sort((a, b) => b[1] - a[1]).slice(0, 5);
    const subtracted = spread(loads.map((load) => load.trace.pageScriptMs)).median;
    console.log(`  ${page.id}: ${top.map(([label, ms]) => `${fmt(ms)} ${label}`).join('\n' + ' '.repeat(page.id.length + 4)) || '(nothing billed)'}${subtracted > 0 ? `\n${' '.repeat(page.id.length + 4)}(page script subtracted: median ${fmt(subtracted)} ms)` : ''}`);
  }

  console.log('\nFirefox');
  for (const line of firefox) console.log(`  ${line}`);
  console.log(`\n[bench] done in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`);

  if (args.json) writeFileSync(args.json, JSON.stringify({ rows, figures, unmeasurable: Object.fromEntries(unmeasurable), firefox }, null, 2));
  const failed = rows.filter((row) => row.ok === false);
  if (args.check && failed.length) {
    console.error(`\n[bench] ${failed.length} budget(s) missed`);
    return failed.some((row) => !row.timing) ? 3 : 1;
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
