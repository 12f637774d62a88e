import { describe, expect, it } from 'vitest';
import { missedEveryTime } from './budget-misses';

const row = (ok: boolean, timing = true) => ({ check: 'x', ok, timing });

describe('missedEveryTime', () => {
  it('fails a budget only when every measurement missed it', () => {
    expect(missedEveryTime([[row(false), row(true)], [row(true), row(false)], [row(false), row(true)]])).toEqual([]);
    expect(missedEveryTime([[row(false), row(true)], [row(false), row(true)], [row(false), row(false)]])).toEqual([0]);
  });
  it('leaves budgets that do not vary to the bench itself', () => {
    expect(missedEveryTime([[row(false, false)], [row(false, false)]])).toEqual([]);
  });
});
