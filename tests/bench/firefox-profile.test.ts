/**
 * The benchmark's Gecko profile reader, on small profiles in the shape Firefox ESR 153 writes with
 * `MOZ_PROFILER_SHUTDOWN` (format version 34: schema'd tables, frame locations `name (url:line:col)[category]`).
 */
import { describe, expect, it } from 'vitest';
import { firefoxExtensionTime, perLoad, type GeckoProfile, type GeckoThread } from './firefox-profile';

const OURS = 'moz-extension://6b0a4e1c-6b7a-4c1e-9f00-00000000cba0/';
const PAGE = 'https://www.amazon.com/Kaspersky-Premium-Protection-Antivirus-Password/dp/B0BHVJ4QT3';

/** Frame locations, as Firefox names them. */
const LOCATIONS = [
  '0x7fee4d9b0d77', // 0 native
  'js::RunScript', // 1 label
  `${OURS}content-scripts/kban.js[72]`, // 2 our top-level script
  `E (${OURS}content-scripts/kban.js:11:4982)[72]`, // 3 our function
  '_createExtGlobal (resource://gre/modules/ExtensionCommon.sys.mjs:1823:19)[37]', // 4 Firefox's extension code
  'onMutation (https://www.amazon.com/app.js:5:41)[72]', // 5 page script
];

/** A content process main thread whose samples are stacks of `LOCATIONS` indices (outermost first) with CPU ns. */
function thread(samples: Array<[number[], number | null]>): GeckoThread {
  const stackData: unknown[][] = [];
  const stackOf = (frames: number[]) => {
    let prefix: number | null = null;
    for (const frame of frames) {
      let index = stackData.findIndex((row) => row[0] === prefix && row[1] === frame);
      if (index < 0) index = stackData.push([prefix, frame]) - 1;
      prefix = index;
    }
    return prefix;
  };
  return {
    name: 'GeckoMain',
    processType: 'tab',
    pid: 0,
    samples: { schema: { stack: 0, time: 1, eventDelay: 2, argumentValues: 3, threadCPUDelta: 4 }, data: samples.map(([frames, cpu], i) => [stackOf(frames), 1000 + i, 0.1, null, cpu]) },
    stackTable: { schema: { prefix: 0, frame: 1 }, data: stackData },
    frameTable: { schema: { location: 0, relevantForJS: 1, innerWindowID: 2, implementation: 3, line: 4, column: 5, category: 6, subcategory: 7 }, data: LOCATIONS.map((_, i) => [i, false, 0, null, null, null, 1, 0]) },
    stringTable: LOCATIONS,
  };
}

const process = (pid: number, urls: string[], samples: Array<[number[], number | null]>): GeckoProfile => ({
  meta: { interval: 0.2 },
  pages: [{ innerWindowID: 27, url: 'about:blank' }, ...urls.map((url, i) => ({ innerWindowID: 17179869185 + i, url }))],
  threads: [{ ...thread(samples), pid }],
});

describe('firefoxExtensionTime', () => {
  const profile: GeckoProfile = {
    meta: { interval: 0.2 },
    threads: [{ ...thread([[[1, 2, 0], 999_000]]), processType: 'default', pid: 1 }], // the parent process: never billed
    processes: [
      process(2, [PAGE], [
        [[1, 2, 0], 100_000], // our top-level script in native code
        [[1, 2, 3, 4, 0], 200_000], // Firefox's extension code setting up browser.* for us
        [[1, 4, 0], 300_000], // Firefox's extension code on its own: not billed
        [[1, 5], 400_000], // page script: not billed
        [[1, 3, 5, 0], 500_000], // the page's observer called from our function: the page's
        [[1, 3], null], // no CPU delta: one interval
      ]),
    ],
  };

  it('bills samples whose innermost page-or-add-on frame is ours, at their CPU time', () => {
    const processes = firefoxExtensionTime(profile, OURS);
    // Only the content process: the parent's main thread (processType 'default') is never read.
    expect(processes.map((entry) => entry.pid)).toEqual(['2']);
    expect(processes[0]).toMatchObject({ loads: [PAGE], samples: 3 });
    // 100 µs + 200 µs + one 0.2 ms interval for the sample without a CPU delta.
    expect(processes[0]!.extensionMs).toBeCloseTo(0.1 + 0.2 + 0.2, 9);
  });

  it('bills another add-on nothing', () => {
    expect(firefoxExtensionTime(profile, 'moz-extension://00000000-0000-0000-0000-000000000000/')[0]).toMatchObject({ extensionMs: 0, samples: 0 });
  });
});

describe('perLoad', () => {
  const base = { samples: 1 };
  it('gives one figure per single-load process and the mean over processes that held only that page', () => {
    const processes = [
      { pid: '2', loads: [PAGE], extensionMs: 4, ...base },
      { pid: '3', loads: [PAGE], extensionMs: 6, ...base },
      { pid: '4', loads: [PAGE, PAGE], extensionMs: 10, ...base }, // reused for two loads: counts in the mean only
      { pid: '5', loads: [PAGE, 'https://www.amazon.com/other'], extensionMs: 50, ...base }, // cannot be split: left out
      { pid: '6', loads: [], extensionMs: 0, ...base },
    ];
    expect(perLoad(processes, PAGE)).toEqual({ loads: 4, single: [4, 6], meanMs: 20 / 4 });
    expect(perLoad(processes, 'https://www.amazon.com/none').meanMs).toBeNaN();
  });
});
