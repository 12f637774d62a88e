/**
 * The dates of the ban, from ../shared/ban-facts.md §1, §2, §7 and §9. The one place they are written down.
 * @module
 */

export interface BanMilestone {
  id: 'announced' | 'no-new-sales' | 'no-updates';
  /** The instant it took effect, in UTC. */
  at: string;
  /** True when the sources give only a day, not a time of day (then only the date is shown). */
  dateOnly?: boolean;
}

/** The time zone the ban's times are stated in (12:00 AM EDT, ban-facts §2). */
export const BAN_TIME_ZONE = 'America/New_York';

/** In order. Times are 12:00 AM EDT (04:00 UTC) where the sources give one (ban-facts §2). */
export const BAN_TIMELINE: readonly BanMilestone[] = [
  { id: 'announced', at: '2024-06-20T12:00:00Z', dateOnly: true },
  { id: 'no-new-sales', at: '2024-07-20T04:00:00Z' },
  { id: 'no-updates', at: '2024-09-29T04:00:00Z' },
];

/**
 * Other dated facts the popup mentions, as calendar days or months (ban-facts §1 and §7).
 * `federalRegister`: the Final Determination's publication, 89 FR 52434.
 * `ultraAvSwitch`: the month Kaspersky's US customers were moved to UltraAV (the exact day is disputed).
 */
export const BAN_EVENTS = {
  federalRegister: '2024-06-24',
  ultraAvSwitch: '2024-09',
} as const;

/** The Final Determination's identifiers (ban-facts §1). */
export const BAN_DOCUMENT = {
  caseNumber: 'ICTS-2021-002',
  citation: '89 FR 52434',
} as const;

/** Primary sources (ban-facts §9). */
export const BAN_SOURCES = {
  federalRegister: 'https://www.federalregister.gov/d/2024-13532',
  bisPressRelease: 'https://www.bis.gov/press-release/commerce-department-prohibits-russian-kaspersky-software-us-customers',
} as const;

/** The instant of a milestone. */
export function milestoneDate(id: BanMilestone['id']): Date {
  const milestone = BAN_TIMELINE.find((entry) => entry.id === id);
  if (!milestone) throw new Error(`unknown milestone ${id}`);
  return new Date(milestone.at);
}
