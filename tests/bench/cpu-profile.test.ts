/**
 * The benchmark's profile reader: which samples are ours, and what each is worth.
 */
import { describe, expect, it } from 'vitest';
import { median, originTime, type CpuProfile } from './cpu-profile';

const OURS = 'chrome-extension://ours/';
const frame = (id: number, url: string, functionName = 'f') => ({ id, callFrame: { functionName, url, lineNumber: 0, columnNumber: 0 } });

/** A profile of `samples` (node ids) taken at the given gaps (µs) after the one before. */
function profile(samples: number[], gaps: number[]): CpuProfile {
  const deltas = [0, ...gaps];
  return {
    nodes: [frame(1, ''), frame(2, 'https://www.amazon.com/app.js', 'page'), frame(3, `${OURS}content-scripts/kban.js`, 'check'), frame(4, `${OURS}site-rules/amazon.js`, 'rule')],
    startTime: 0,
    endTime: deltas.reduce((sum, delta) => sum + delta, 0),
    samples,
    timeDeltas: deltas,
  };
}

describe('originTime', () => {
  it('bills each of our samples at the typical interval', () => {
    const result = originTime(profile([2, 3, 3, 4, 2, 2, 1], [200, 200, 200, 200, 200, 200]), OURS);
    expect(result.selfMs).toBeCloseTo(0.6, 6);
    expect(result.rawMs).toBeCloseTo(0.6, 6);
    expect(result.top.map((entry) => entry.frame)).toEqual(['content-scripts/kban.js check@1:1', 'site-rules/amazon.js rule@1:1']);
  });

  it('does not bill us for a gap when the thread was descheduled', () => {
    // Our second sample is followed by an 8 ms gap: raw time counts it, self time does not.
    const result = originTime(profile([2, 3, 3, 2, 2, 2, 2], [200, 200, 8000, 200, 200, 200]), OURS);
    expect(result.rawMs).toBeCloseTo(8.2, 6);
    expect(result.selfMs).toBeCloseTo(0.4, 6);
  });

  it('counts nothing for a profile without our frames', () => {
    const result = originTime(profile([1, 2, 2, 1], [100, 100, 100]), OURS);
    expect(result).toMatchObject({ selfMs: 0, rawMs: 0, top: [] });
    expect(result.wallMs).toBeCloseTo(0.3, 6);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
