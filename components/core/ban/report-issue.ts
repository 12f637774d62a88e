/**
 * "Report a wrong verdict": builds the address of a prefilled new-issue form. The user reviews and
 * sends it themselves; the extension never sends anything.
 * @module
 */
import type { Verdict } from '../classifier/types';

/** Where wrong-verdict reports go: the project's new-issue form. The one place this address is written. */
export const REPORT_ISSUE_URL = 'https://github.com/kban-dev/kban/issues/new';

export interface WrongVerdictReport {
  /** The page, as the user typed it or as the popup saw it. Query and fragment are dropped. */
  pageUrl: string;
  /** What the extension said, when known. */
  found?: Verdict;
  /** What the user thinks the page is. */
  expected?: Verdict;
  /** The classifier's reason codes, when known. */
  reasons?: string[];
  /** Anything the user wants to add. */
  note?: string;
  /** Extension version. */
  version?: string;
}

/** The page address without query string or fragment, which can hold personal data. */
export function trimPageUrl(pageUrl: string): string {
  const trimmed = pageUrl.trim();
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.origin}${url.pathname}` : '';
  } catch {
    return trimmed.replace(/[?#].*$/s, '').slice(0, 500);
  }
}

/**
 * The prefilled new-issue address for a wrong-verdict report.
 *
 * @example buildReportUrl({ pageUrl: 'https://www.amazon.com/dp/B0?tag=x', found: 'purchase', expected: 'none' })
 * // → 'https://github.com/kban-dev/kban/issues/new?title=Wrong+verdict…&body=…&labels=wrong-verdict'
 */
export function buildReportUrl(report: WrongVerdictReport): string {
  const page = trimPageUrl(report.pageUrl);
  let host = '';
  try {
    host = new URL(page).hostname;
  } catch {
    host = page.slice(0, 60);
  }
  const lines = [
    `Page: ${page || '(not given)'}`,
    `kban said: ${report.found ?? '(unknown)'}`,
    `It should be: ${report.expected ?? '(not given)'}`,
  ];
  if (report.reasons?.length) lines.push(`Reasons: ${report.reasons.join(', ')}`);
  if (report.version) lines.push(`Version: ${report.version}`);
  if (report.note?.trim()) lines.push('', report.note.trim().slice(0, 2000));
  const params = new URLSearchParams({
    title: `Wrong verdict${host ? ` on ${host}` : ''}`,
    body: lines.join('\n'),
    labels: 'wrong-verdict',
  });
  return `${REPORT_ISSUE_URL}?${params.toString()}`;
}
