/**
 * The background half of the enterprise features: keeps the installer-download block in step
 * with policy (on in block mode only, for covered users), queues and delivers visit reports,
 * and opens the welcome page on install unless policy suppresses it. Policy that arrives late
 * (Chromium, a few seconds after start) or changes while the browser runs is applied at once.
 * @module
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../core/messages';
import { hostOf } from '../core/classifier/classify';
import { isDownloadBlockingWanted } from '../core/enterprise/download-rules';
import { REPORTED_ACTIONS } from '../core/enterprise/report-event';
import { createRateLimiter } from '../core/rate-limit';
import { detectRegion } from '../core/region/detect-region';
import { setDownloadBlocking } from './download-blocking';
import { handleFirstRun, pollManagedPolicy } from './first-run';
import { readManagedPolicy } from './managed-policy';
import { drainReports, queueKasperskyActive, queueReport, type ReporterOptions } from './reporter';
import { readEffectiveSettings, watchSettings } from './settings-store';

/** Name of the alarm that wakes the worker for a report retry. */
export const RETRY_ALARM = 'kban-report-retry';
/** Chrome does not fire alarms sooner than this after creation (packed extensions). */
const MIN_ALARM_DELAY_MS = 30_000;
/** The same page report from the same tab within this window is sent once. */
const DUPLICATE_WINDOW_MS = 10_000;
/**
 * Visit reports per tab and per site over time. A page decides how often it is checked (a pushState
 * loop makes every check a new address), so without a limit one page could flood the endpoint;
 * a person browsing stays far below these.
 */
export const REPORT_LIMITS = {
  perTab: { limit: 5, windowMs: 60_000 },
  perSite: { limit: 20, windowMs: 60 * 60_000 },
} as const;
/** A machine where Kaspersky stays active is reported again after this long (admins see it is still there). */
export const KASPERSKY_ACTIVE_REPORT_INTERVAL_MS = 7 * 24 * 60 * 60 * 1000;
/** storage.local key: when the last Kaspersky-active event was queued. */
const KASPERSKY_ACTIVE_REPORTED_KEY = 'kasperskyActiveReportedAt';

export interface EnterpriseAgent {
  /** Handles a content script's `kban:page` report: queues an event when policy asks for reports. */
  onPageReport(report: PageReport, tabId?: number): Promise<boolean>;
  /**
   * Handles a sighting of Kaspersky's web-protection trace on `site`: queues a `kban.kaspersky-active/1`
   * event when policy sets `reportKasperskyActive` (and `reportUrl`) — on the first sighting after that,
   * then at most once every KASPERSKY_ACTIVE_REPORT_INTERVAL_MS. Returns whether an event was queued.
   */
  onKasperskyActive(site: string): Promise<boolean>;
  /** Re-reads policy and settings and applies them (download block, report queue). */
  apply(): Promise<void>;
  /** Whether the download block is in force after the last apply. */
  readonly downloadBlocking: boolean;
}

type Alarms = {
  create(name: string, info: { when: number }): unknown;
  clear(name: string): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
};

/** Starts the enterprise features; call once from the background's main function. */
export function startEnterprise(options: ReporterOptions & { timeZone?: () => string | undefined } = {}): EnterpriseAgent {
  const now = options.now ?? Date.now;
  const timeZone = options.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const alarms = (browser as unknown as { alarms?: Alarms }).alarms;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let downloadBlocking = false;
  const recent = new Map<string, number>();
  const perTab = createRateLimiter(REPORT_LIMITS.perTab);
  const perSite = createRateLimiter(REPORT_LIMITS.perSite);

  const scheduleRetry = (retryAt: number | undefined) => {
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    retryTimer = undefined;
    if (retryAt === undefined) {
      void Promise.resolve(alarms?.clear(RETRY_ALARM)).catch(() => {});
      return;
    }
    // A timer while the worker lives; an alarm in case it is stopped before then.
    retryTimer = setTimeout(() => void drain(), Math.max(0, retryAt - now()));
    void Promise.resolve(alarms?.create(RETRY_ALARM, { when: Math.max(retryAt, now() + MIN_ALARM_DELAY_MS) })).catch(() => {});
  };

  const drain = async (reportUrl?: string) => {
    try {
      const url = reportUrl ?? (await readManagedPolicy()).policy.reportUrl ?? '';
      scheduleRetry((await drainReports(url, options)).retryAt);
    } catch (error) {
      console.warn('kban: report delivery failed', error);
    }
  };

  let applying: Promise<void> | undefined;
  let again = false;
  const applyOnce = async () => {
    const settings = await readEffectiveSettings();
    if (settings.managed.problems.length) {
      console.warn('kban: policy values ignored', settings.managed.problems);
    }
    const region = detectRegion({ policy: settings.managed.policy.region, user: settings.user.region, timeZone: timeZone() });
    downloadBlocking = await setDownloadBlocking(isDownloadBlockingWanted({ enforcement: settings.enforcement, covered: region.covered }));
    await drain(settings.policy.reportUrl);
  };
  /** Applies now; calls that arrive meanwhile coalesce into one more run. */
  const apply = (): Promise<void> => {
    if (applying) {
      again = true;
      return applying;
    }
    applying = (async () => {
      do {
        again = false;
        await applyOnce().catch((error) => console.warn('kban: could not apply policy', error));
      } while (again);
      applying = undefined;
    })();
    return applying;
  };

  watchSettings(() => void apply());
  alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === RETRY_ALARM) void drain();
  });
  browser.runtime.onInstalled.addListener((details) => {
    void handleFirstRun(details);
  });
  void apply();
  // Chromium delivers policy a few seconds after start; storage.onChanged normally reports it,
  // this catches the case where it doesn't.
  void pollManagedPolicy().then((managed) => {
    if (Object.keys(managed.policy).length) void apply();
  });

  return {
    get downloadBlocking() {
      return downloadBlocking;
    },
    apply,
    async onPageReport(report, tabId) {
      const key = `${tabId ?? ''}|${report.url}|${report.classification.verdict}|${report.action}`;
      const time = now();
      for (const [seen, at] of recent) if (time - at > DUPLICATE_WINDOW_MS) recent.delete(seen);
      if (recent.has(key)) return false;
      if (report.classification.verdict === 'none' || !(REPORTED_ACTIONS as readonly string[]).includes(report.action)) return false;
      recent.set(key, time);
      const { policy } = await readEffectiveSettings();
      const site = hostOf(report.url);
      // Per tab first, so a report refused for its tab does not use up its site's allowance.
      if (!policy.reportUrl || !site || !perTab.allow(`tab:${tabId ?? 'none'}`, time) || !perSite.allow(site, time)) {
        recent.delete(key);
        return false;
      }
      const queued = await queueReport(report, policy, options);
      if (queued) await drain(policy.reportUrl);
      else recent.delete(key);
      return queued;
    },
    async onKasperskyActive(site) {
      const time = now();
      const stored: unknown = (await browser.storage.local.get(KASPERSKY_ACTIVE_REPORTED_KEY).catch(() => ({}) as Record<string, unknown>))[KASPERSKY_ACTIVE_REPORTED_KEY];
      const last = typeof stored === 'number' && stored <= time ? stored : undefined;
      if (last !== undefined && time - last < KASPERSKY_ACTIVE_REPORT_INTERVAL_MS) return false;
      const { policy } = await readEffectiveSettings();
      if (!(await queueKasperskyActive(site, policy, options))) return false;
      await browser.storage.local.set({ [KASPERSKY_ACTIVE_REPORTED_KEY]: time });
      await drain(policy.reportUrl);
      return true;
    },
  };
}
