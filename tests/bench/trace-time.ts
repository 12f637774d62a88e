/**
 * Reads a Chromium trace (CDP `Tracing`, categories in `TRACE_CATEGORIES`) and bills the main-thread
 * time one extension cost a tab: the thread time (`tdur`, CPU time of the thread, so a renderer
 * waiting for a core costs nothing) of the outermost slices that belong to the extension, minus the
 * page script that ran nested inside them. Pure: events in, figures out.
 *
 * What belongs to the extension, on the main thread of each renderer that held one of the tab's frames:
 * - `ScriptInjection::InjectJs` carrying its id (a content-script injection: isolated world set-up,
 *   then one `EvaluateScript` per file);
 * - `EvaluateScript`, `v8.compile` or `v8.run` of a script at `chrome-extension://<id>/…`;
 * - `v8.callFunction` in one of its isolated worlds (its listeners, timers, observers; the worlds are
 *   the ones its own scripts ran in), and `FunctionCall` of a function at its URL;
 * - a task that delivers an extension message to the renderer (`Receive mojo reply` / `Receive mojo
 *   message` of an `extensions.mojom.*` interface, straight under the task), with the microtasks
 *   the task's checkpoint runs: an API reply resolves the script's promises there. This counts any
 *   extension's messages, so run one extension per browser (the benchmark does).
 *
 * Page script inside those slices (a page `MutationObserver` or event listener run by the
 * extension's DOM writes: `v8.callFunction` in another world, or a script at another URL) is
 * subtracted, and extension slices inside that page script are added back.
 * @module
 */

/** Trace categories the reader needs (`disabled-by-default-devtools.timeline` gives the whole-task `RunTask` slices). */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'mojom', 'extensions'] as const;

/** One Chrome trace event (the fields the reader uses). */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

/** What a billed slice was. */
export type SliceKind = 'injection' | 'script' | 'callback' | 'api-message';

/** One outermost slice billed to the extension. */
export interface BilledSlice {
  kind: SliceKind;
  /** e.g. `content-scripts/kban.js`, `content-scripts/kban.js E@11:4982 (DOMContentLoaded)`, `extensions.mojom.LocalFrameHost`. */
  label: string;
  /** Start, µs on the trace clock. */
  ts: number;
  /** Thread time billed, ms (its `tdur` minus nested page script). */
  threadMs: number;
  /** Wall time of the slice, ms (its `dur` minus nested page script's). */
  wallMs: number;
  /** Thread time of page script nested inside and subtracted, ms. */
  pageScriptMs: number;
}

/** What the extension cost one tab's load. */
export interface ExtensionTime {
  /** Sum of the billed slices' thread time, ms. */
  threadMs: number;
  /** Sum of their wall time, ms (stretched when the renderer waits for a core; not budgeted). */
  wallMs: number;
  /** Extension scripts evaluated (`EvaluateScript` / `v8.run` at its URL): 0 means nothing was injected. */
  scriptsRun: number;
  /** Thread time of page script subtracted, ms. */
  pageScriptMs: number;
  /** Every billed slice, in time order. */
  slices: BilledSlice[];
  /** The renderer main threads read, as `pid:tid`. */
  threads: string[];
  /** Billed slices without `tdur` (thread time unsupported): billed at `dur`. */
  withoutThreadTime: number;
}

interface Slice {
  event: TraceEvent;
  start: number;
  end: number;
  children: Slice[];
  parent?: Slice;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const data = (event: TraceEvent) => record(event.args?.data);

/** The script URL an event names (`args.data.url`, or `args.fileName` on `v8.run` / `v8.compile`). */
function scriptUrl(event: TraceEvent): string {
  return str(data(event).url) || str(event.args?.fileName);
}

/** `pid:tid` of the main thread of each renderer that held one of the traced tab's frames. */
export function tabRendererThreads(events: readonly TraceEvent[]): string[] {
  const pids = new Set<number>();
  for (const event of events) {
    if (event.name === 'TracingStartedInBrowser') {
      for (const frame of (data(event).frames as unknown[] | undefined) ?? []) {
        const pid = record(frame).processId;
        if (typeof pid === 'number') pids.add(pid);
      }
    } else if (event.name === 'FrameCommittedInBrowser') {
      const pid = data(event).processId;
      if (typeof pid === 'number') pids.add(pid);
    }
  }
  const threads: string[] = [];
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && str(event.args?.name) === 'CrRendererMain' && (pids.size === 0 || pids.has(event.pid))) {
      threads.push(`${event.pid}:${event.tid}`);
    }
  }
  return [...new Set(threads)];
}

/** Complete slices of one thread as a forest (B/E pairs are folded into complete slices). */
function sliceForest(events: readonly TraceEvent[], thread: string): Slice[] {
  const flat: Slice[] = [];
  const open: TraceEvent[] = [];
  for (const event of events) {
    if (`${event.pid}:${event.tid}` !== thread) continue;
    if (event.ph === 'X') flat.push({ event, start: event.ts, end: event.ts + (event.dur ?? 0), children: [] });
    else if (event.ph === 'B') open.push(event);
    else if (event.ph === 'E') {
      const begin = open.pop();
      if (begin) flat.push({ event: { ...begin, ph: 'X', dur: event.ts - begin.ts }, start: begin.ts, end: event.ts, children: [] });
    }
  }
  // Parents first: earlier start, then the longer slice.
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Slice[] = [];
  const stack: Slice[] = [];
  for (const slice of flat) {
    while (stack.length && stack[stack.length - 1]!.end <= slice.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && slice.end <= parent.end) {
      slice.parent = parent;
      parent.children.push(slice);
    } else roots.push(slice);
    stack.push(slice);
  }
  return roots;
}

/** Task plumbing between a `RunTask` and the message it delivers. */
const TASK_PLUMBING = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** The `extensions.mojom.*` interface a task delivers a message of, if it is such a task. */
function extensionMessageOf(task: Slice): string | undefined {
  const walk = (slice: Slice): string | undefined => {
    for (const child of slice.children) {
      const name = child.event.name;
      if (name === 'Receive mojo reply' || name === 'Receive mojo message') {
        const tag = str(record(child.event.args?.chrome_mojo_event_info).mojo_interface_tag);
        if (tag.startsWith('extensions.mojom.')) return tag;
      } else if (TASK_PLUMBING.has(name)) {
        const found = walk(child);
        if (found) return found;
      }
    }
    return undefined;
  };
  return TASK_PLUMBING.has(task.event.name) ? walk(task) : undefined;
}

/**
 * Bills the extension `extensionId` for one traced load.
 *
 * @example extensionThreadTime(events, 'nnlcbcdhgclnjnneohgonnciomnldjmb').threadMs
 */
export function extensionThreadTime(events: readonly TraceEvent[], extensionId: string): ExtensionTime {
  const prefix = `chrome-extension://${extensionId}/`;
  const threads = tabRendererThreads(events);
  const result: ExtensionTime = { threadMs: 0, wallMs: 0, scriptsRun: 0, pageScriptMs: 0, slices: [], threads, withoutThreadTime: 0 };

  // The extension's isolated worlds, per renderer: the worlds its own scripts ran in.
  const worlds = new Set<string>();
  for (const event of events) {
    if ((event.name === 'v8.run' || event.name === 'v8.compile') && scriptUrl(event).startsWith(prefix) && event.args?.worldId !== undefined) {
      worlds.add(`${event.pid}:${String(event.args.worldId)}`);
    }
  }
  const inOurWorld = (event: TraceEvent) => event.args?.worldId !== undefined && worlds.has(`${event.pid}:${String(event.args.worldId)}`);

  /** Whose a slice is: the extension's, the page's script, or neither (plain work, billed to whoever encloses it). */
  const ownerOf = (slice: Slice, topLevel: boolean): { owner: 'ours' | 'page'; kind: SliceKind; label: string } | undefined => {
    const { event } = slice;
    switch (event.name) {
      case 'ScriptInjection::InjectJs':
        return str(record(event.args?.chrome_extension_id).extension_id) === extensionId ? { owner: 'ours', kind: 'injection', label: 'injection' } : undefined;
      case 'EvaluateScript':
      case 'v8.compile':
      case 'v8.run': {
        const url = scriptUrl(event);
        if (url.startsWith(prefix)) return { owner: 'ours', kind: 'script', label: url.slice(prefix.length) };
        return url ? { owner: 'page', kind: 'script', label: url } : undefined;
      }
      case 'v8.callFunction':
        return inOurWorld(event) ? { owner: 'ours', kind: 'callback', label: 'callback' } : { owner: 'page', kind: 'callback', label: 'page callback' };
      case 'FunctionCall': {
        const url = str(data(event).url);
        if (url.startsWith(prefix)) return { owner: 'ours', kind: 'callback', label: `callback ${url.slice(prefix.length)}` };
        return url ? { owner: 'page', kind: 'callback', label: url } : undefined;
      }
      default: {
        const message = topLevel ? extensionMessageOf(slice) : undefined;
        return message ? { owner: 'ours', kind: 'api-message', label: message } : undefined;
      }
    }
  };

  const threadTime = (slice: Slice) => (slice.event.tdur ?? slice.event.dur ?? 0) / 1000;
  const wallTime = (slice: Slice) => (slice.event.dur ?? 0) / 1000;

  /**
   * Time of `slice` owned by `owner`: its own time minus, for each outermost descendant owned by
   * the other side, that descendant's time owned by the other side.
   */
  const owned = (slice: Slice, owner: 'ours' | 'page', time: (slice: Slice) => number): number => {
    let total = time(slice);
    const visit = (node: Slice) => {
      for (const child of node.children) {
        const other = ownerOf(child, false);
        if (other && other.owner !== owner) total -= owned(child, other.owner, time);
        else visit(child);
      }
    };
    visit(slice);
    return total;
  };

  /** First (outermost) slices owned by us, anywhere in the tree. */
  const collect = (slice: Slice, topLevel: boolean) => {
    const who = ownerOf(slice, topLevel);
    if (who?.owner === 'ours') {
      if (slice.event.tdur === undefined) result.withoutThreadTime++;
      const thread = owned(slice, 'ours', threadTime);
      const wall = owned(slice, 'ours', wallTime);
      let label = who.label;
      if (who.kind === 'injection' || who.kind === 'callback') label = describe(slice, who.kind, prefix);
      result.slices.push({ kind: who.kind, label, ts: slice.start, threadMs: thread, wallMs: wall, pageScriptMs: threadTime(slice) - thread });
      return;
    }
    for (const child of slice.children) collect(child, false);
  };

  for (const thread of threads) {
    const roots = sliceForest(events, thread);
    for (const root of roots) collect(root, true);
    // Scripts evaluated, wherever they sit (an injection holds one EvaluateScript per file).
    const countScripts = (slice: Slice) => {
      if ((slice.event.name === 'EvaluateScript' || (slice.event.name === 'v8.run' && !hasAncestor(slice, 'EvaluateScript'))) && scriptUrl(slice.event).startsWith(prefix)) result.scriptsRun++;
      for (const child of slice.children) countScripts(child);
    };
    for (const root of roots) countScripts(root);
  }
  result.slices.sort((a, b) => a.ts - b.ts);
  for (const slice of result.slices) {
    result.threadMs += slice.threadMs;
    result.wallMs += slice.wallMs;
    result.pageScriptMs += slice.pageScriptMs;
  }
  return result;
}

function hasAncestor(slice: Slice, name: string): boolean {
  for (let node = slice.parent; node; node = node.parent) if (node.event.name === name) return true;
  return false;
}

/** A readable label: the files an injection evaluated, or the function (and event) a callback ran. */
function describe(slice: Slice, kind: SliceKind, prefix: string): string {
  const found: string[] = [];
  const walk = (node: Slice) => {
    for (const child of node.children) {
      const { event } = child;
      if (kind === 'injection' && event.name === 'EvaluateScript' && scriptUrl(event).startsWith(prefix)) found.push(scriptUrl(event).slice(prefix.length));
      else if (kind === 'callback' && event.name === 'FunctionCall' && str(data(event).url).startsWith(prefix)) {
        const { url, functionName, lineNumber, columnNumber } = data(event);
        found.push(`${str(url).slice(prefix.length)} ${str(functionName) || '(anonymous)'}@${String(lineNumber)}:${String(columnNumber)}`);
        continue;
      }
      if (!found.length || kind === 'injection') walk(child);
    }
  };
  if (kind === 'callback' && slice.event.name === 'FunctionCall') walk({ ...slice, children: [slice] });
  else walk(slice);
  const via = slice.parent?.event.name === 'EventDispatch' ? ` (${str(data(slice.parent.event).type)})` : slice.parent?.event.name === 'TimerFire' ? ' (timer)' : '';
  if (kind === 'injection') return found.join(' + ') || '(no script evaluated inside)';
  return `${found[0] ?? '(function not traced)'}${via}`;
}

/** min / median / max of a list (NaN for an empty one). */
export function spread(values: readonly number[]): { min: number; median: number; max: number } {
  if (!values.length) return { min: Number.NaN, median: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return { min: sorted[0]!, median: sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2, max: sorted[sorted.length - 1]! };
}
