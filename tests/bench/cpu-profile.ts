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
  /** Self time of every frame whose script URL starts with the prefix, in ms. */
  selfMs: number;
  /** Wall time the profile covers, in ms. */
  wallMs: number;
  /** Heaviest functions (`file name@line:column`, file relative to the prefix), self ms, largest first. */
  top: Array<{ frame: string; ms: number }>;
}

/**
 * Self time per profile node from the samples: sample i lasts until sample i+1
 * (`timeDeltas[i + 1]`), the last one an average interval.
 */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const times = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const average = samples.length ? (profile.endTime - profile.startTime) / samples.length : 0;
  for (let i = 0; i < samples.length; i++) {
    const micros = i + 1 < deltas.length ? deltas[i + 1]! : average;
    times.set(samples[i]!, (times.get(samples[i]!) ?? 0) + Math.max(0, micros));
  }
  return times;
}

/**
 * Sums the self time of the frames whose URL starts with `urlPrefix`.
 *
 * @example originTime(profile, `chrome-extension://${id}/`).selfMs
 */
export function originTime(profile: CpuProfile, urlPrefix: string, topCount = 8): OriginTime {
  const times = selfTimes(profile);
  const byFrame = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    if (!node.callFrame.url.startsWith(urlPrefix)) continue;
    const micros = times.get(node.id) ?? 0;
    if (!micros) continue;
    total += micros;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const frame = `${url.slice(urlPrefix.length)} ${functionName || '(anonymous)'}@${lineNumber + 1}:${columnNumber + 1}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + micros);
  }
  const top = [...byFrame]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([frame, micros]) => ({ frame, ms: micros / 1000 }));
  return { selfMs: total / 1000, wallMs: (profile.endTime - profile.startTime) / 1000, top };
}

/** The median of a list of numbers (NaN for an empty list). */
export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
