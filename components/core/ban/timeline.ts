/**
 * The dates of the ban, from ../shared/ban-facts.md §2 and §9. The one place they are written down.
 * @module
 */

export interface BanMilestone {
  id: 'announced' | 'no-new-sales' | 'no-updates';
  /** The instant it took effect, in UTC. */
  at: string;
}

/** In order. Times are 12:00 AM EDT (04:00 UTC) where the sources give one (ban-facts §2). */
export const BAN_TIMELINE: readonly BanMilestone[] = [
  { id: 'announced', at: '2024-06-20T12:00:00Z' },
  { id: 'no-new-sales', at: '2024-07-20T04:00:00Z' },
  { id: 'no-updates', at: '2024-09-29T04:00:00Z' },
];

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
