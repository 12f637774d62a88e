/**
 * Where the ban stands at a given moment: which milestones have taken effect, how long ago or how
 * soon, and the dates written out for a locale. Pure: the caller passes `now` and the locale.
 * @module
 */
import { BAN_TIME_ZONE, BAN_TIMELINE, type BanMilestone } from './timeline';

/** `past`: in effect at `now` (from the exact instant on); `upcoming`: not yet. */
export type MilestoneStatus = 'past' | 'upcoming';

/** A span of calendar time, counted on the wall clock of one time zone. */
export interface CalendarSpan {
  years: number;
  months: number;
  days: number;
  hours: number;
  minutes: number;
}

/** One milestone as the popup shows it. */
export interface MilestoneView {
  id: BanMilestone['id'];
  at: Date;
  status: MilestoneStatus;
  /** "1 year and 2 months" (how long ago, or how long until). */
  distance: string;
  /** Localized date in US Eastern time, e.g. "September 29, 2024". */
  date: string;
  /** Localized time in US Eastern time, e.g. "12:00 AM"; absent for date-only milestones. */
  time?: string;
  /** The same instant in UTC, 24-hour, e.g. "04:00"; absent for date-only milestones. */
  utcTime?: string;
}

/** The one-line summary: an i18n key and the duration it takes as `$1`. */
export interface TimelineHeadline {
  key: 'timeline_updates_ended_ago' | 'timeline_countdown_no_updates' | 'timeline_countdown_no_new_sales' | 'timeline_countdown_announced';
  distance: string;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, timeZone: string): WallClock {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The calendar distance from `from` to `to` (either order), counted on the wall clock of `timeZone`:
 * whole years, then months, days, hours and minutes, the way a person counts ("1 year and 2 months").
 *
 * @example calendarSpan(new Date('2024-09-29T04:00Z'), new Date('2026-11-25T12:00Z'))
 * // → { years: 2, months: 1, days: 27, hours: 7, minutes: 0 }
 */
export function calendarSpan(from: Date, to: Date, timeZone: string = BAN_TIME_ZONE): CalendarSpan {
  const [early, late] = from.getTime() <= to.getTime() ? [from, to] : [to, from];
  const a = wallClock(early, timeZone);
  const b = wallClock(late, timeZone);
  // Wall-clock times as if they were UTC, so plain arithmetic works on them.
  const asUtc = (clock: WallClock, monthsAdded = 0): number => {
    const month0 = clock.month - 1 + monthsAdded;
    const year = clock.year + Math.floor(month0 / 12);
    const month = ((month0 % 12) + 12) % 12;
    // Jan 31 + 1 month is the last day of February, not March 2.
    const day = Math.min(clock.day, daysInMonth(year, month + 1));
    return Date.UTC(year, month, day, clock.hour, clock.minute);
  };
  const end = asUtc(b);
  let totalMonths = (b.year - a.year) * 12 + (b.month - a.month);
  while (totalMonths > 0 && asUtc(a, totalMonths) > end) totalMonths--;
  const rest = Math.max(0, Math.floor((end - asUtc(a, totalMonths)) / 60_000));
  return {
    years: Math.floor(totalMonths / 12),
    months: totalMonths % 12,
    days: Math.floor(rest / 1440),
    hours: Math.floor((rest % 1440) / 60),
    minutes: rest % 60,
  };
}

type SpanUnit = 'year' | 'month' | 'day' | 'hour' | 'minute';

/**
 * The units a person would say for a span: the largest unit and the next one down when it is not
 * zero (years + months, months + days), else days, else hours, else minutes (at least 1).
 */
export function spanUnits(span: CalendarSpan): Array<[SpanUnit, number]> {
  if (span.years > 0) return span.months > 0 ? [['year', span.years], ['month', span.months]] : [['year', span.years]];
  if (span.months > 0) return span.days > 0 ? [['month', span.months], ['day', span.days]] : [['month', span.months]];
  if (span.days > 0) return [['day', span.days]];
  if (span.hours > 0) return [['hour', span.hours]];
  return [['minute', Math.max(1, span.minutes)]];
}

/**
 * Writes a span out for a locale with Intl: "2 years and 1 month", "2 años y 1 mes".
 *
 * @example formatSpan({ years: 1, months: 2, days: 3, hours: 0, minutes: 0 }, 'en') // '1 year and 2 months'
 */
export function formatSpan(span: CalendarSpan, locale: string): string {
  const words = spanUnits(span).map(([unit, value]) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value),
  );
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(words);
}

/** `past` from the milestone's exact instant on. */
export function milestoneStatus(milestone: BanMilestone, now: Date): MilestoneStatus {
  return now.getTime() >= new Date(milestone.at).getTime() ? 'past' : 'upcoming';
}

/** A date in US Eastern time, long style, for the locale ("September 29, 2024" / "29 de septiembre de 2024"). */
export function formatEasternDate(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: BAN_TIME_ZONE }).format(at);
}

/** A day or month given as `YYYY-MM-DD` or `YYYY-MM`, written for the locale without any time-zone shift. */
export function formatCalendarDay(day: string, locale: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number | undefined];
  const utc = new Date(Date.UTC(year, month - 1, date ?? 1, 12));
  const options: Intl.DateTimeFormatOptions =
    date === undefined ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale, options).format(utc);
}

/** Every milestone with its status, distance and dates, for `now` and `locale`. */
export function timelineView(now: Date, locale: string, timeline: readonly BanMilestone[] = BAN_TIMELINE): MilestoneView[] {
  return timeline.map((milestone) => {
    const at = new Date(milestone.at);
    const view: MilestoneView = {
      id: milestone.id,
      at,
      status: milestoneStatus(milestone, now),
      distance: formatSpan(calendarSpan(at, now), locale),
      date: formatEasternDate(at, locale),
    };
    if (!milestone.dateOnly) {
      view.time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: BAN_TIME_ZONE }).format(at);
      view.utcTime = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(at);
    }
    return view;
  });
}

/**
 * The headline for `now`: a countdown to the next milestone, or, once all have passed,
 * how long ago updates ended ("Updates ended 2 years and 1 month ago").
 */
export function timelineHeadline(now: Date, locale: string, timeline: readonly BanMilestone[] = BAN_TIMELINE): TimelineHeadline {
  const next = timeline.find((milestone) => milestoneStatus(milestone, now) === 'upcoming');
  if (!next) {
    const last = timeline[timeline.length - 1]!;
    return { key: 'timeline_updates_ended_ago', distance: formatSpan(calendarSpan(new Date(last.at), now), locale) };
  }
  const key =
    next.id === 'no-updates' ? 'timeline_countdown_no_updates' : next.id === 'no-new-sales' ? 'timeline_countdown_no_new_sales' : 'timeline_countdown_announced';
  return { key, distance: formatSpan(calendarSpan(now, new Date(next.at)), locale) };
}

/**
 * An instant as the wall clock of another zone shows it, with the zone's short name where the
 * locale has one: "September 28 at 9:00 PM PDT" (en), "28 de septiembre, 21:00 GMT-7" (es).
 */
export function formatInZone(at: Date, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(at);
}
