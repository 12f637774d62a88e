/**
 * Reads a V8 CPU profile (CDP `Profiler.stop`) and sums the self time of the frames that belong
 * to one script origin, e.g. `chrome-extension://<id>/`: the main-thread time that extension's
 * content script spent, including the DOM calls it made (V8 bills native callees to the JS caller).
 * @module
 */

/** The subset of CDP's `Profiler.Profile` the benchmark reads. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where one origin's time went: total self time and the heaviest functions. */
export interface OriginTime {
  /** Self time of every frame whose script URL starts with the prefix, in ms: its samples × the typical interval. */
  selfMs: number;
  /** The same summed from the raw intervals, which a descheduled thread stretches (reported, not budgeted). */
  rawMs: number;
  /** Wall time the profile covers, in ms. */
  wallMs: number;
  /** Heaviest functions (`file name@line:column`, file relative to the prefix), self ms, largest first. */
  top: Array<{ frame: string; ms: number }>;
}

/**
 * Per profile node: how many samples landed in it, and the raw time they cover (sample i lasts
 * until sample i+1, `timeDeltas[i + 1]`; the last one the typical interval).
 */
function perNode(profile: CpuProfile, typical: number): Map<number, { samples: number; micros: number }> {
  const nodes = new Map<number, { samples: number; micros: number }>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const entry = nodes.get(samples[i]!) ?? { samples: 0, micros: 0 };
    entry.samples++;
    entry.micros += Math.max(0, i + 1 < deltas.length ? deltas[i + 1]! : typical);
    nodes.set(samples[i]!, entry);
  }
  return nodes;
}

/**
 * Sums the self time of the frames whose URL starts with `urlPrefix`.
 *
 * Each sample counts for the profile's median interval between samples, not for the gap that
 * follows it: on a shared 2-core machine the renderer is now and then descheduled for 1–10 ms, and
 * the sample taken just before lands on whatever frame was running (ours or the page's) with that
 * whole gap. Counting samples is how sampling profilers usually bill time (pprof, perf), and it
 * is what makes medians of a few loads repeatable here; `rawMs` keeps the gap-weighted sum.
 *
 * @example originTime(profile, `chrome-extension://${id}/`).selfMs
 */
export function originTime(profile: CpuProfile, urlPrefix: string, topCount = 8): OriginTime {
  const typical = median((profile.timeDeltas ?? []).slice(1).filter((delta) => delta > 0)) || 0;
  const nodes = perNode(profile, typical);
  const byFrame = new Map<string, number>();
  let samples = 0;
  let raw = 0;
  for (const node of profile.nodes) {
    if (!node.callFrame.url.startsWith(urlPrefix)) continue;
    const hits = nodes.get(node.id);
    if (!hits) continue;
    samples += hits.samples;
    raw += hits.micros;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const frame = `${url.slice(urlPrefix.length)} ${functionName || '(anonymous)'}@${lineNumber + 1}:${columnNumber + 1}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + hits.samples * typical);
  }
  const top = [...byFrame]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([frame, micros]) => ({ frame, ms: micros / 1000 }));
  return { selfMs: (samples * typical) / 1000, rawMs: raw / 1000, wallMs: (profile.endTime - profile.startTime) / 1000, top };
}

/** The median of a list of numbers (NaN for an empty list). */
export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
