/**
 * Delivers visit reports to the admin's `reportUrl`. Events are written to `storage.local`
 * before any attempt, so a restart or a down endpoint loses nothing; delivery retries with
 * backoff (the schedule is decided by the pure `core/enterprise/report-queue`).
 *
 * Transport: `POST` with `Content-Type: text/plain;charset=UTF-8` and a JSON body. That is a
 * CORS-safelisted request, so no preflight is needed and no host permission either; the
 * endpoint must answer with `Access-Control-Allow-Origin` (`*` or the extension's origin),
 * otherwise the browser hides the answer and the event is retried (the endpoint can drop
 * repeats by the event's `id`).
 * @module
 */
import { browser } from 'wxt/browser';
import type { PageReport } from '../core/messages';
import type { Policy } from '../core/policy/policy';
import { buildKasperskyActiveEvent, buildReportEvent, type QueuedEvent } from '../core/enterprise/report-event';
import {
  deliveryOutcome,
  enqueue,
  markDelivered,
  markFailed,
  markRejected,
  nextToSend,
  parseQueue,
  prune,
  type ReportQueue,
} from '../core/enterprise/report-queue';

/** Storage key of the queue in `storage.local`. */
export const REPORT_QUEUE_KEY = 'reportQueue';
/** How long one delivery may take before it counts as failed. */
export const DELIVERY_TIMEOUT_MS = 10_000;

export interface ReporterOptions {
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
}

let lock: Promise<unknown> = Promise.resolve();
/** Runs queue read-modify-write steps one at a time (messages, alarms and timers may overlap). */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = lock.then(task, task);
  lock = run.catch(() => {});
  return run;
}

/** Reads the stored queue (an unreadable or corrupt value reads as empty). */
export async function readQueue(): Promise<ReportQueue> {
  try {
    return parseQueue((await browser.storage.local.get(REPORT_QUEUE_KEY))[REPORT_QUEUE_KEY]);
  } catch {
    return parseQueue(undefined);
  }
}

async function writeQueue(queue: ReportQueue): Promise<void> {
  await browser.storage.local.set({ [REPORT_QUEUE_KEY]: queue });
}

function randomId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Queues the event for a content-script report. Nothing is queued without a `reportUrl`, or for
 * visits that are not flagged, blocked or exempt. Returns whether an event was queued.
 */
export function queueReport(report: PageReport, policy: Policy, options: ReporterOptions = {}): Promise<boolean> {
  const now = options.now?.() ?? Date.now();
  const event = buildReportEvent(report, policy, {
    id: (options.newId ?? randomId)(),
    now,
    version: browser.runtime.getManifest().version,
  });
  return queueEvent(event, policy.reportUrl, now);
}

/**
 * Queues the event for a sighting of Kaspersky's trace on `site`. Nothing is queued unless policy
 * sets both `reportKasperskyActive` and `reportUrl`. Returns whether an event was queued.
 */
export function queueKasperskyActive(site: string, policy: Policy, options: ReporterOptions = {}): Promise<boolean> {
  const now = options.now?.() ?? Date.now();
  const event = buildKasperskyActiveEvent(site, policy, {
    id: (options.newId ?? randomId)(),
    now,
    version: browser.runtime.getManifest().version,
  });
  return queueEvent(event, policy.reportUrl, now);
}

function queueEvent(event: QueuedEvent | undefined, reportUrl: string, now: number): Promise<boolean> {
  if (!event) return Promise.resolve(false);
  return serialized(async () => {
    await writeQueue(enqueue(prune(await readQueue(), reportUrl, now), reportUrl, event, now));
    return true;
  });
}

/** What a drain did, and when the next attempt is due (undefined: nothing left to send). */
export interface DrainResult {
  sent: number;
  remaining: number;
  retryAt?: number;
}

async function post(endpoint: string, body: string, fetcher: typeof fetch): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
  try {
    const response = await fetcher(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    return response.status;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Sends queued events in order until the queue is empty or a delivery fails (then backs off).
 * Never sends anything when `reportUrl` is empty: the queue is pruned to the current URL first.
 */
export function drainReports(reportUrl: string, options: ReporterOptions = {}): Promise<DrainResult> {
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
  const now = options.now ?? Date.now;
  return serialized(async () => {
    let queue = prune(await readQueue(), reportUrl, now());
    let sent = 0;
    for (let item = nextToSend(queue, now()); item; item = nextToSend(queue, now())) {
      let status: number;
      let error = '';
      try {
        status = await post(item.endpoint, JSON.stringify(item.event), fetcher);
        error = `HTTP ${status}`;
      } catch (caught) {
        status = 0;
        error = caught instanceof Error ? `${caught.name}: ${caught.message}` : 'network error';
      }
      const outcome = deliveryOutcome(status);
      if (outcome === 'delivered') {
        queue = markDelivered(queue, item.event.id, now());
        sent++;
      } else if (outcome === 'rejected') {
        queue = markRejected(queue, item.event.id, error);
      } else {
        queue = markFailed(queue, error, now(), options.random);
      }
      await writeQueue(queue);
      if (outcome === 'retry') break;
    }
    await writeQueue(queue);
    return { sent, remaining: queue.items.length, retryAt: queue.items.length ? Math.max(queue.nextAttemptAt, now()) : undefined };
  });
}
