/**
 * What the toolbar icon shows for a tab, from the content script's report.
 * @module
 */
import type { PageReport } from './messages';

export interface ToolbarBadge {
  text: string;
  color?: string;
  /** i18n key of the button's tooltip. */
  titleKey: string;
}

/** Badge for a tab: `!` flagged, `✓` exempt, a count on listings, nothing otherwise. */
export function badgeFor(report: PageReport | undefined): ToolbarBadge {
  if (!report) return { text: '', titleKey: 'action_title_default' };
  const { verdict } = report.classification;
  if (report.action === 'listing' && report.items > 0) return { text: String(Math.min(report.items, 99)), color: '#b26a00', titleKey: 'action_title_listing' };
  if (verdict === 'exempt') return { text: '✓', color: '#1d4f80', titleKey: 'action_title_exempt' };
  if (verdict === 'purchase' || verdict === 'download') {
    return report.action === 'not-covered' ? { text: '', titleKey: 'action_title_not_covered' } : { text: '!', color: '#b3261e', titleKey: 'action_title_flagged' };
  }
  return { text: '', titleKey: 'action_title_default' };
}
