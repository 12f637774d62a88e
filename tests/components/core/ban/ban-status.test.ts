import { describe, expect, it } from 'vitest';
import {
  calendarSpan,
  formatCalendarDay,
  formatSpan,
  milestoneStatus,
  spanUnits,
  timelineHeadline,
  timelineView,
} from '@/components/core/ban/ban-status';
import { BAN_EVENTS, BAN_TIMELINE } from '@/components/core/ban/timeline';

/** ICU puts narrow no-break spaces in times ("12:00 AM"); compare with plain spaces. */
const plain = (text: string | undefined) => text?.replace(/\s/gu, ' ');

describe('calendarSpan', () => {
  it.each([
    ['2024-09-29T04:00:00Z', '2026-11-25T12:00:00Z', { years: 2, months: 1, days: 27, hours: 7, minutes: 0 }],
    ['2024-09-29T04:00:00Z', '2025-11-29T05:00:00Z', { years: 1, months: 2, days: 0, hours: 0, minutes: 0 }],
    ['2024-08-15T12:00:00Z', '2024-09-29T04:00:00Z', { years: 0, months: 1, days: 13, hours: 16, minutes: 0 }],
    ['2024-09-29T03:59:59.999Z', '2024-09-29T04:00:00Z', { years: 0, months: 0, days: 0, hours: 0, minutes: 1 }],
    ['2024-01-31T05:00:00Z', '2024-03-01T05:00:00Z', { years: 0, months: 1, days: 1, hours: 0, minutes: 0 }],
  ])('%s → %s', (from, to, expected) => {
    expect(calendarSpan(new Date(from), new Date(to)), 'counted on the US Eastern wall clock').toEqual(expected);
    expect(calendarSpan(new Date(to), new Date(from)), 'order of the arguments must not matter').toEqual(expected);
  });
});

describe('spanUnits / formatSpan', () => {
  it.each([
    [{ years: 2, months: 1, days: 27, hours: 7, minutes: 0 }, 'en', '2 years and 1 month'],
    [{ years: 2, months: 1, days: 27, hours: 7, minutes: 0 }, 'es', '2 años y 1 mes'],
    [{ years: 1, months: 0, days: 3, hours: 0, minutes: 0 }, 'en', '1 year'],
    [{ years: 0, months: 1, days: 13, hours: 16, minutes: 0 }, 'en', '1 month and 13 days'],
    [{ years: 0, months: 0, days: 18, hours: 16, minutes: 0 }, 'es', '18 días'],
    [{ years: 0, months: 0, days: 0, hours: 5, minutes: 59 }, 'en', '5 hours'],
    [{ years: 0, months: 0, days: 0, hours: 0, minutes: 0 }, 'en', '1 minute'],
  ])('%o in %s → %s', (span, locale, expected) => {
    expect(formatSpan(span, locale)).toBe(expected);
  });

  it('never says zero', () => {
    expect(spanUnits({ years: 0, months: 0, days: 0, hours: 0, minutes: 0 })).toEqual([['minute', 1]]);
  });
});

describe('timeline status for a given now', () => {
  const cases = [
    {
      name: 'before July 20, 2024',
      now: '2024-07-01T12:00:00Z',
      status: ['past', 'upcoming', 'upcoming'],
      key: 'timeline_countdown_no_new_sales',
      en: '18 days',
      es: '18 días',
    },
    {
      name: 'between July 20 and September 29, 2024',
      now: '2024-08-15T12:00:00Z',
      status: ['past', 'past', 'upcoming'],
      key: 'timeline_countdown_no_updates',
      en: '1 month and 13 days',
      es: '1 mes y 13 días',
    },
    {
      name: 'one millisecond before 12:00 AM EDT September 29, 2024',
      now: '2024-09-29T03:59:59.999Z',
      status: ['past', 'past', 'upcoming'],
      key: 'timeline_countdown_no_updates',
      en: '1 minute',
      es: '1 minuto',
    },
    {
      name: 'exactly 12:00 AM EDT September 29, 2024 (04:00 UTC)',
      now: '2024-09-29T04:00:00.000Z',
      status: ['past', 'past', 'past'],
      key: 'timeline_updates_ended_ago',
      en: '1 minute',
      es: '1 minuto',
    },
    {
      name: 'after: November 29, 2025',
      now: '2025-11-29T17:00:00Z',
      status: ['past', 'past', 'past'],
      key: 'timeline_updates_ended_ago',
      en: '1 year and 2 months',
      es: '1 año y 2 meses',
    },
    {
      name: 'after: November 25, 2026',
      now: '2026-11-25T12:00:00Z',
      status: ['past', 'past', 'past'],
      key: 'timeline_updates_ended_ago',
      en: '2 years and 1 month',
      es: '2 años y 1 mes',
    },
  ];

  it.each(cases)('$name', ({ now, status, key, en, es }) => {
    const at = new Date(now);
    expect(BAN_TIMELINE.map(m => milestoneStatus(m, at)), 'milestones take effect from their exact instant').toEqual(status);
    expect(timelineHeadline(at, 'en')).toEqual({ key, distance: en });
    expect(timelineHeadline(at, 'es')).toEqual({ key, distance: es });
  });

  it('is still "upcoming" at 11:30 PM EDT September 28 and "past" at 9:00 PM PDT the same evening', () => {
    expect(milestoneStatus(BAN_TIMELINE[2]!, new Date('2024-09-29T03:30:00Z'))).toBe('upcoming');
    expect(milestoneStatus(BAN_TIMELINE[2]!, new Date('2024-09-28T21:00:00-07:00'))).toBe('past');
  });
});

describe('timelineView', () => {
  it('writes the dates in US Eastern time, with EDT times and UTC, for English', () => {
    const view = timelineView(new Date('2026-11-25T12:00:00Z'), 'en');
    expect(view.map(v => [v.id, v.date, plain(v.time), v.utcTime, v.status])).toEqual([
      ['announced', 'June 20, 2024', undefined, undefined, 'past'],
      ['no-new-sales', 'July 20, 2024', '12:00 AM', '04:00', 'past'],
      ['no-updates', 'September 29, 2024', '12:00 AM', '04:00', 'past'],
    ]);
    expect(view[2]!.distance).toBe('2 years and 1 month');
  });

  it('writes them for Spanish', () => {
    const view = timelineView(new Date('2024-07-01T12:00:00Z'), 'es');
    expect(view.map(v => [v.date, plain(v.time)])).toEqual([
      ['20 de junio de 2024', undefined],
      ['20 de julio de 2024', '0:00'],
      ['29 de septiembre de 2024', '0:00'],
    ]);
    expect(view[1]).toMatchObject({ status: 'upcoming', distance: '18 días' });
  });
});

describe('formatCalendarDay', () => {
  it.each([
    [BAN_EVENTS.federalRegister, 'en', 'June 24, 2024'],
    [BAN_EVENTS.federalRegister, 'es', '24 de junio de 2024'],
    [BAN_EVENTS.ultraAvSwitch, 'en', 'September 2024'],
    [BAN_EVENTS.ultraAvSwitch, 'es', 'septiembre de 2024'],
  ])('%s in %s → %s', (day, locale, expected) => {
    expect(formatCalendarDay(day, locale)).toBe(expected);
  });
});
