/**
 * Reads a Gecko profile (Firefox's profiler, started with `MOZ_PROFILER_STARTUP` and written at
 * shutdown to `MOZ_PROFILER_SHUTDOWN`, features `js,cpu`) and bills one add-on the CPU time of the
 * samples whose innermost page-or-add-on script frame is at its `moz-extension://<uuid>/` URL (native
 * code and Firefox's own script under it included), per content process.
 *
 * Firefox gives what Chromium's trace gives only in part: there is no per-slice thread time, so this
 * is a sampling figure (each sample's `threadCPUDelta`, the thread's CPU time since the sample before,
 * which counts native DOM work under our frames but not script compile), and script frames carry no
 * window, so loads are told apart by their content process (the benchmark closes each tab, and
 * Firefox gives the next load a fresh process; a process that held several loads is billed as their mean).
 * @module
 */

/** The subset of the Gecko profile format (meta.version 34) the reader uses. */
export interface GeckoProfile {
  meta: { interval: number };
  threads: GeckoThread[];
  processes?: GeckoProfile[];
  pages?: Array<{ innerWindowID: number; url: string }>;
}

interface Table { schema: Record<string, number>; data: unknown[][] }

export interface GeckoThread {
  name: string;
  processType?: string;
  pid: number | string;
  samples: Table;
  stackTable: Table;
  frameTable: Table;
  stringTable: string[];
}

/** One content process: the pages it loaded and what the add-on cost there. */
export interface ProcessTime {
  pid: string;
  /** Web pages the process loaded, one entry per load (about:blank left out). */
  loads: string[];
  /** CPU time of the add-on's samples, ms. */
  extensionMs: number;
  samples: number;
}

/**
 * A web page's or add-on's script frame: `name (url:line:col)[category]` or, for a top-level script,
 * `url[category]`. Firefox's own script (`resource://`, `chrome://`, e.g. ExtensionContent setting up
 * `browser.*` for a content script) is not matched, so its samples go to the script that called it.
 */
const SCRIPT_FRAME = /(?:\(|^)((?:https?|moz-extension|blob|data|file):[^ ()]*?)(?::\d+:\d+)?\)?(?:\[\d+\])?$/;

/** The URL of the innermost page or add-on script frame of each stack (undefined: none). */
function innermostScript(thread: GeckoThread): (stack: number | null) => string | undefined {
  const { stackTable, frameTable, stringTable } = thread;
  const prefixAt = stackTable.schema.prefix!;
  const frameAt = stackTable.schema.frame!;
  const locationAt = frameTable.schema.location!;
  const frameUrl = frameTable.data.map((frame) => SCRIPT_FRAME.exec(stringTable[frame[locationAt] as number] ?? '')?.[1]);
  const cache = new Map<number, string | undefined>();
  const resolve = (stack: number | null): string | undefined => {
    if (stack === null || stack === undefined) return undefined;
    if (cache.has(stack)) return cache.get(stack);
    const row = stackTable.data[stack]!;
    const url = frameUrl[row[frameAt] as number] ?? resolve(row[prefixAt] as number | null);
    cache.set(stack, url);
    return url;
  };
  return resolve;
}

/**
 * The add-on's CPU time in each content process's main thread.
 *
 * @example firefoxExtensionTime(profile, 'moz-extension://6b0a4e1c-…/')
 */
export function firefoxExtensionTime(profile: GeckoProfile, extensionBase: string): ProcessTime[] {
  const result: ProcessTime[] = [];
  for (const process of [profile, ...(profile.processes ?? [])]) {
    const loads = (process.pages ?? []).map((page) => page.url).filter((url) => /^https?:/.test(url));
    for (const thread of process.threads) {
      if (thread.name !== 'GeckoMain' || thread.processType !== 'tab') continue;
      const script = innermostScript(thread);
      const stackAt = thread.samples.schema.stack!;
      const cpuAt = thread.samples.schema.threadCPUDelta;
      let nanos = 0;
      let samples = 0;
      for (const sample of thread.samples.data) {
        if (!script(sample[stackAt] as number | null)?.startsWith(extensionBase)) continue;
        samples++;
        // A sample without a CPU delta (no `cpu` feature, or the thread's first) counts one interval.
        const cpu = cpuAt === undefined ? undefined : sample[cpuAt];
        nanos += typeof cpu === 'number' ? cpu : profile.meta.interval * 1e6;
      }
      result.push({ pid: String(thread.pid), loads, extensionMs: nanos / 1e6, samples });
    }
  }
  return result;
}

/** Per-load figures for the loads of `url`: one per process that held only that load, and the mean over all. */
export function perLoad(processes: readonly ProcessTime[], url: string): { loads: number; single: number[]; meanMs: number } {
  let loads = 0;
  let total = 0;
  const single: number[] = [];
  for (const process of processes) {
    const count = process.loads.filter((load) => load === url).length;
    if (!count) continue;
    // A process that also loaded other pages cannot split its samples between them.
    if (count !== process.loads.length) continue;
    loads += count;
    total += process.extensionMs;
    if (count === 1) single.push(process.extensionMs);
  }
  return { loads, single, meanMs: loads ? total / loads : Number.NaN };
}
