/**
 * The benchmark's trace reader: which slices are the extension's, and what each costs.
 *
 * The two fixtures are real traces, recorded with `npm run bench -- --save-traces DIR --runs 1` on
 * 2026-12-06 (Chromium 156, the code before the first-stage change) and trimmed: metadata, the frame
 * events, and on the tab's main thread the billed slices with their ancestors and their script,
 * task and microtask descendants (plus descendants ≥ 100 µs / 50 µs), a few page-script slices and
 * the largest page tasks. The reader gives the same figures on the trimmed and on the whole trace.
 * - `flagged-ours`: our extension on the 1.5 MB Kaspersky page at an address naming it
 *   (document_start injection inside the parser's task, the DOMContentLoaded check, an API reply,
 *   port messages; the page's MutationObserver runs inside two of our slices);
 * - `large-reference`: the reference extension on the 1.5 MB page at document_end (the injection
 *   returns at once and the script runs in a task of its own).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionThreadTime, spread, tabRendererThreads, type TraceEvent } from './trace-time';

interface Recorded { extensionId: string; url: string; events: TraceEvent[] }
const load = (name: string): Recorded => JSON.parse(readFileSync(new URL(`./fixtures/${name}.trace.json`, import.meta.url), 'utf8')) as Recorded;

const OURS = 'nnlcbcdhgclnjnneohgonnciomnldjmb';
const EXT = `chrome-extension://${OURS}/`;

describe('extensionThreadTime on a real trace of our extension (flagged page)', () => {
  const trace = load('flagged-ours');
  const result = extensionThreadTime(trace.events, trace.extensionId);

  it('reads the tab renderer main thread only', () => {
    // The fixture keeps the browser's and another renderer's main threads too.
    expect(trace.events.some((event) => event.ph === 'M' && event.args?.name === 'CrRendererMain' && event.pid !== 7719)).toBe(true);
    expect(result.threads).toEqual(['7719:7719']);
  });

  it('bills the outermost extension slices, in time order, at their thread time', () => {
    expect(result.slices.map((slice) => [slice.kind, slice.label])).toEqual([
      ['api-message', 'extensions.mojom.LocalFrame'],
      ['api-message', 'extensions.mojom.LocalFrame'],
      ['injection', 'site-rules/amazon.js + content-scripts/kban.js'],
      ['api-message', 'extensions.mojom.LocalFrameHost'],
      ['callback', 'content-scripts/kban.js E@11:4982 (DOMContentLoaded)'],
      ['api-message', 'extensions.mojom.MessagePort'],
      ['api-message', 'extensions.mojom.MessagePort'],
    ]);
    const ms = result.slices.map((slice) => slice.threadMs);
    // Whole tasks (RunTask tdur) for the messages: the storage reply's includes its 12 microtasks.
    expect(ms[0]).toBeCloseTo(0.016, 6);
    expect(ms[3]).toBeCloseTo(0.593, 6);
    // ScriptInjection::InjectJs (1675 µs) minus the page's MutationObserver callback that ran in the
    // microtask checkpoint after site-rules/amazon.js (v8.callFunction without a world, 281 µs).
    expect(ms[2]).toBeCloseTo(1.675 - 0.281, 6);
    // The DOMContentLoaded listener in our world (5768 µs) minus the page's observer seeing our notice (155 µs);
    // the sync GetMessageBundle wait and our nested promise callback stay ours.
    expect(ms[4]).toBeCloseTo(5.768 - 0.155, 6);
    expect(result.pageScriptMs).toBeCloseTo(0.281 + 0.155, 6);
    expect(result.threadMs).toBeCloseTo(0.016 + 0.014 + (1.675 - 0.281) + 0.593 + (5.768 - 0.155) + 0.1 + 0.02, 6);
    expect(result.wallMs).toBeGreaterThan(result.threadMs); // the renderer waited for a core now and then
    expect(result.scriptsRun).toBe(2);
    expect(result.withoutThreadTime).toBe(0);
  });

  it('does not bill the page\'s own script and tasks', () => {
    // The page's observer callbacks outside our slices and the big parser/layout tasks are in the fixture.
    const pageCallbacks = trace.events.filter((event) => event.name === 'v8.callFunction' && event.args?.worldId === undefined);
    expect(pageCallbacks.length).toBeGreaterThan(2);
    const billedStarts = new Set(result.slices.map((slice) => slice.ts));
    for (const callback of pageCallbacks) expect(billedStarts.has(callback.ts)).toBe(false);
  });

  it('bills another extension nothing but extension messages (one extension per browser)', () => {
    const other = extensionThreadTime(trace.events, 'abcdefghijklmnopabcdefghijklmnop');
    expect(other.scriptsRun).toBe(0);
    expect(new Set(other.slices.map((slice) => slice.kind))).toEqual(new Set(['api-message']));
  });
});

describe('extensionThreadTime on a real trace of the reference (document_end)', () => {
  const trace = load('large-reference');
  const result = extensionThreadTime(trace.events, trace.extensionId);

  it('bills the injection and the script that runs later in its own task', () => {
    expect(result.slices.map((slice) => [slice.kind, slice.label, Number(slice.threadMs.toFixed(3))])).toEqual([
      ['api-message', 'extensions.mojom.LocalFrame', 0.007],
      ['api-message', 'extensions.mojom.LocalFrame', 0.016],
      ['injection', '(no script evaluated inside)', 0.044],
      ['script', 'reference.js', 0.473],
    ]);
    expect(result.threadMs).toBeCloseTo(0.54, 6);
    expect(result.scriptsRun).toBe(1);
  });
});

/** Small real-shaped events on one renderer main thread (pid = tid = 10), for the cases the fixtures lack. */
const PID = 10;
const meta = (pid: number, name: string): TraceEvent => ({ name: 'thread_name', cat: '__metadata', ph: 'M', pid, tid: pid, ts: 0, args: { name } });
const frame = (pid: number): TraceEvent => ({ name: 'FrameCommittedInBrowser', cat: 'disabled-by-default-devtools.timeline', ph: 'I', pid: 1, tid: 1, ts: 1, args: { data: { frame: 'F', processId: pid, url: 'https://www.amazon.com/dp/B0C7S1X2LN' } } });
const slice = (name: string, ts: number, dur: number, tdur: number | undefined, args: Record<string, unknown> = {}, pid = PID): TraceEvent => ({ name, cat: 'v8', ph: 'X', pid, tid: pid, ts, dur, ...(tdur === undefined ? {} : { tdur }), args });
const ourRun = (ts: number, dur: number, pid = PID) => slice('v8.run', ts, dur, dur, { fileName: `${EXT}content-scripts/kban.js`, worldId: 3, worldName: 'kban' }, pid);
const mojo = (name: string, ts: number, dur: number, tag: string) => slice(name, ts, dur, dur, { chrome_mojo_event_info: { mojo_interface_tag: tag } });
const base = [meta(1, 'CrBrowserMain'), meta(PID, 'CrRendererMain'), frame(PID)];

describe('extensionThreadTime on small cases', () => {
  it('adds back our callback that page script nested inside ours calls', () => {
    const events = [
      ...base,
      ourRun(100, 50),
      slice('v8.callFunction', 1000, 1000, 1000, { worldId: 3, worldName: 'kban' }), // our listener
      slice('v8.callFunction', 1200, 400, 400, {}), // a page listener our DOM write fired
      slice('FunctionCall', 1201, 398, 398, { data: { url: 'https://www.amazon.com/app.js', functionName: 'onChange' } }),
      slice('v8.callFunction', 1300, 100, 100, { worldId: 3, worldName: 'kban' }), // which calls back into our world
    ];
    const result = extensionThreadTime(events, OURS);
    expect(result.slices.map((entry) => entry.threadMs)).toEqual([0.05, 1 - (0.4 - 0.1)]);
    expect(result.pageScriptMs).toBeCloseTo(0.3, 9);
  });

  it('bills a task that delivers an extension message, not a page task that waits on one', () => {
    const events = [
      ...base,
      ourRun(100, 50),
      // API reply: RunTask > ThreadControllerImpl::RunTask > Receive mojo reply, then the checkpoint's microtasks.
      slice('RunTask', 1000, 600, 500),
      slice('ThreadControllerImpl::RunTask', 1001, 90, 80, { src_file: 'ipc/ipc_mojo_bootstrap.cc' }),
      mojo('Receive mojo reply', 1002, 70, 'extensions.mojom.LocalFrameHost'),
      slice('RunMicrotasks', 1100, 490, 400),
      // A network message, not ours.
      slice('RunTask', 2000, 300, 300),
      mojo('Receive mojo message', 2001, 290, 'network.mojom.URLLoaderClient'),
      // A page parser task with a sync extension reply deep inside it: the task is the page's.
      slice('RunTask', 3000, 5000, 4000),
      slice('ParseHTML', 3001, 4990, 3990, { beginData: { url: 'https://www.amazon.com/' } }),
      mojo('Receive mojo reply', 4000, 10, 'extensions.mojom.LocalFrameHost'),
    ];
    const result = extensionThreadTime(events, OURS);
    expect(result.slices.map((entry) => [entry.kind, entry.threadMs])).toEqual([
      ['script', 0.05],
      ['api-message', 0.5],
    ]);
  });

  it('reads only the tab renderer\'s main thread', () => {
    const events = [...base, meta(20, 'CrRendererMain'), ourRun(100, 50), ourRun(100, 999, 20)];
    expect(tabRendererThreads(events)).toEqual([`${PID}:${PID}`]);
    expect(extensionThreadTime(events, OURS).threadMs).toBeCloseTo(0.05, 9);
  });

  it('folds begin/end pairs and falls back to wall time without thread time', () => {
    const events = [
      ...base,
      { name: 'EvaluateScript', cat: 'devtools.timeline', ph: 'B', pid: PID, tid: PID, ts: 100, args: { data: { url: `${EXT}content-scripts/kban.js` } } },
      { name: 'EvaluateScript', cat: 'devtools.timeline', ph: 'E', pid: PID, tid: PID, ts: 400 },
      slice('v8.run', 1000, 200, undefined, { fileName: `${EXT}site-rules/amazon.js`, worldId: 3 }),
    ];
    const result = extensionThreadTime(events, OURS);
    expect(result.slices.map((entry) => [entry.label, entry.threadMs])).toEqual([
      ['content-scripts/kban.js', 0.3],
      ['site-rules/amazon.js', 0.2],
    ]);
    expect(result.withoutThreadTime).toBe(2);
    expect(result.scriptsRun).toBe(2);
  });

  it('bills nothing, and counts no script, where the extension never ran', () => {
    const events = [...base, slice('RunTask', 0, 900, 800), slice('v8.callFunction', 10, 100, 90, {})];
    expect(extensionThreadTime(events, OURS)).toMatchObject({ threadMs: 0, scriptsRun: 0, slices: [] });
  });
});

describe('spread', () => {
  it('gives min, median and max', () => {
    expect(spread([5, 1, 3])).toEqual({ min: 1, median: 3, max: 5 });
    expect(spread([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
    expect(spread([]).median).toBeNaN();
  });
});
