import { describe, expect, it } from 'vitest';
import { BAN_DOCUMENT, BAN_EVENTS, BAN_SOURCES, BAN_TIMELINE, milestoneDate } from '@/components/core/ban/timeline';

describe('timeline data', () => {
  it('has the three milestones of ban-facts §2, in order, at 04:00 UTC (= 12:00 AM EDT) where timed', () => {
    expect(BAN_TIMELINE.map(m => m.id)).toEqual(['announced', 'no-new-sales', 'no-updates']);
    expect(milestoneDate('no-new-sales').toISOString()).toBe('2024-07-20T04:00:00.000Z');
    expect(milestoneDate('no-updates').toISOString()).toBe('2024-09-29T04:00:00.000Z');
    const times = BAN_TIMELINE.map(m => Date.parse(m.at));
    expect([...times].sort((a, b) => a - b), 'BAN_TIMELINE must stay in date order').toEqual(times);
  });
});

describe('other dated facts and sources', () => {
  it('match ban-facts §1 and §9', () => {
    expect(BAN_EVENTS.federalRegister, 'FD published in the Federal Register on Monday June 24, 2024').toBe('2024-06-24');
    expect(BAN_DOCUMENT).toEqual({ caseNumber: 'ICTS-2021-002', citation: '89 FR 52434' });
    for (const url of Object.values(BAN_SOURCES)) expect(url, 'sources must be https links').toMatch(/^https:\/\//);
  });

  it('milestoneDate rejects an unknown id', () => {
    expect(() => milestoneDate('nope' as never)).toThrow(/unknown milestone/);
  });
});
