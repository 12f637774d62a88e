/**
 * The JSON event sent to the admin's `reportUrl` for each flagged, blocked or exempt visit.
 * Pure: the caller passes the clock, the id and the extension version.
 * @module
 */
import type { PageAction, PageReport } from '../messages';
import type { Policy } from '../policy/policy';

/** Format marker of the event, so an endpoint can tell versions apart. */
export const REPORT_SCHEMA = 'kban.visit/1';

/** One visit, as the endpoint receives it (one event per request body). */
export interface ReportEvent {
  schema: typeof REPORT_SCHEMA;
  /** Unique per event; a retried delivery repeats it, so the endpoint can drop duplicates. */
  id: string;
  /** When the page was seen (ISO 8601, UTC). */
  time: string;
  verdict: 'purchase' | 'download' | 'exempt';
  /** Host name of the page, e.g. `usa.kaspersky.com`. */
  site: string;
  /**
   * The product the page is about, as the page names it; absent when unknown. Untrusted page text:
   * any page on a covered site can put anything here (control characters removed, at most
   * MAX_PRODUCT_LENGTH characters). Never render it as HTML or run it.
   */
  product?: string;
  /** What the extension did: `blocked`, `warned`, `dismissed` (the user had hidden the notice there) or `exempt-note`. */
  action: ReportedAction;
  extensionVersion: string;
  /**
   * The page address, only when policy `reportPageUrl` is true: never with a user name, password or
   * fragment, and without its query unless policy `reportPageQuery` is true.
   */
  url?: string;
}

/** The page actions that produce a report; everything else (not covered, off, listings, none) does not. */
export const REPORTED_ACTIONS = ['blocked', 'warned', 'dismissed', 'exempt-note'] as const;
export type ReportedAction = (typeof REPORTED_ACTIONS)[number];

function isReportedAction(action: PageAction): action is ReportedAction {
  return (REPORTED_ACTIONS as readonly string[]).includes(action);
}

/** Longest `product` sent: product names are far shorter, and the text comes from the page. */
export const MAX_PRODUCT_LENGTH = 120;

/** The page URL without credentials and fragment; undefined if it isn't a web URL. */
function cleanUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.username = '';
    parsed.password = '';
    parsed.hash = '';
    return parsed;
  } catch {
    return undefined;
  }
}

/**
 * Builds the event for a content-script report, or undefined when nothing should be sent:
 * no `reportUrl` in policy, a visit that was neither flagged, blocked nor exempt, or a non-web page.
 *
 * @example buildReportEvent(report, { ...POLICY_DEFAULTS, reportUrl: 'https://siem.example/kban' }, { id, now, version: '0.1.0' })
 */
export function buildReportEvent(
  report: PageReport,
  policy: Pick<Policy, 'reportUrl' | 'reportPageUrl'> & Partial<Pick<Policy, 'reportPageQuery'>>,
  context: { id: string; now: number; version: string },
): ReportEvent | undefined {
  if (!policy.reportUrl) return undefined;
  const { verdict, product } = report.classification;
  if (verdict === 'none' || !isReportedAction(report.action)) return undefined;
  const url = cleanUrl(report.url);
  if (!url) return undefined;
  const event: ReportEvent = {
    schema: REPORT_SCHEMA,
    id: context.id,
    time: new Date(context.now).toISOString(),
    verdict,
    site: url.hostname,
    action: report.action,
    extensionVersion: context.version,
  };
  const cleanProduct = product?.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim().slice(0, MAX_PRODUCT_LENGTH);
  if (cleanProduct) event.product = cleanProduct;
  if (policy.reportPageUrl) {
    if (!policy.reportPageQuery) url.search = '';
    event.url = url.href.slice(0, 2048);
  }
  return event;
}

/** Format marker of the event sent when Kaspersky's web protection is seen running on the computer. */
export const KASPERSKY_ACTIVE_SCHEMA = 'kban.kaspersky-active/1';

/**
 * Kaspersky software appears to be running on this computer: its web protection injected its
 * script into a page of a covered site. Lets admins find machines the uninstall missed.
 */
export interface KasperskyActiveEvent {
  schema: typeof KASPERSKY_ACTIVE_SCHEMA;
  id: string;
  /** When the trace was seen (ISO 8601, UTC). */
  time: string;
  /** Host name of the page the trace was seen on. */
  site: string;
  extensionVersion: string;
}

/** Anything the report queue carries. */
export type QueuedEvent = ReportEvent | KasperskyActiveEvent;

/**
 * Builds the event for a sighting of Kaspersky's trace, or undefined when policy does not ask
 * for it (`reportKasperskyActive` off, or no `reportUrl`).
 *
 * @example buildKasperskyActiveEvent('www.amazon.com', { reportUrl: 'https://siem.example/kban', reportKasperskyActive: true }, { id, now, version: '0.1.0' })
 */
export function buildKasperskyActiveEvent(
  site: string,
  policy: Pick<Policy, 'reportUrl' | 'reportKasperskyActive'>,
  context: { id: string; now: number; version: string },
): KasperskyActiveEvent | undefined {
  if (!policy.reportUrl || !policy.reportKasperskyActive) return undefined;
  return {
    schema: KASPERSKY_ACTIVE_SCHEMA,
    id: context.id,
    time: new Date(context.now).toISOString(),
    site: site.toLowerCase().slice(0, 253),
    extensionVersion: context.version,
  };
}
