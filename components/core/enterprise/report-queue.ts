/**
 * The outgoing report queue, as pure functions over a plain serialisable state, so it can be
 * kept in `storage.local` and survive restarts. The platform side (`components/platform/reporter.ts`)
 * does the storage and the network; this module decides what to send, when, and what to keep.
 * @module
 */
import type { QueuedEvent } from './report-event';

/** Most events kept while the endpoint is unreachable; the oldest go first beyond this. */
export const MAX_QUEUED_EVENTS = 500;
/** Events older than this are dropped rather than delivered late. */
export const MAX_EVENT_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/** First retry delay after a failed delivery. */
export const RETRY_BASE_MS = 2_000;
/** Longest delay between retries. */
export const RETRY_MAX_MS = 15 * 60 * 1000;

/** One queued delivery: the event and where it goes (the `reportUrl` in force when it was queued). */
export interface QueuedReport {
  endpoint: string;
  event: QueuedEvent;
  /** When the event was queued (ms since epoch). */
  queuedAt: number;
}

export interface ReportQueue {
  items: QueuedReport[];
  /** Failed delivery attempts in a row (reset by any success). */
  failures: number;
  /** Do not try before this time (ms since epoch); 0 means now. */
  nextAttemptAt: number;
  /** Events dropped because the queue was full or they were too old (for the status shown to admins). */
  dropped: number;
  /** Total delivered, and the time of the last delivery. */
  delivered: number;
  lastDeliveryAt?: number;
  lastError?: string;
}

/** An empty queue. */
export function emptyQueue(): ReportQueue {
  return { items: [], failures: 0, nextAttemptAt: 0, dropped: 0, delivered: 0 };
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** Reads whatever is stored into a valid queue (drops malformed items, never throws). */
export function parseQueue(raw: unknown): ReportQueue {
  const queue = emptyQueue();
  if (!isRecord(raw)) return queue;
  if (Array.isArray(raw.items)) {
    queue.items = raw.items.filter(
      (item): item is QueuedReport =>
        isRecord(item) && typeof item.endpoint === 'string' && isRecord(item.event) && typeof item.event.id === 'string' && isCount(item.queuedAt),
    );
  }
  if (isCount(raw.failures)) queue.failures = Math.floor(raw.failures);
  if (isCount(raw.nextAttemptAt)) queue.nextAttemptAt = raw.nextAttemptAt;
  if (isCount(raw.dropped)) queue.dropped = Math.floor(raw.dropped);
  if (isCount(raw.delivered)) queue.delivered = Math.floor(raw.delivered);
  if (isCount(raw.lastDeliveryAt)) queue.lastDeliveryAt = raw.lastDeliveryAt;
  if (typeof raw.lastError === 'string') queue.lastError = raw.lastError.slice(0, 200);
  return queue;
}

/** Adds an event; beyond `MAX_QUEUED_EVENTS` the oldest are dropped (and counted). */
export function enqueue(queue: ReportQueue, endpoint: string, event: QueuedEvent, now: number): ReportQueue {
  const items = [...queue.items, { endpoint, event, queuedAt: now }];
  const overflow = Math.max(0, items.length - MAX_QUEUED_EVENTS);
  return { ...queue, items: items.slice(overflow), dropped: queue.dropped + overflow };
}

/**
 * Delay before the next attempt after `failures` failures in a row: 2 s, 4 s, 8 s, … up to 15 min,
 * with up to 20 % jitter (`random` in [0, 1)) so many browsers don't retry in step.
 *
 * @example retryDelay(1, () => 0) // 2000
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  const exponential = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(failures - 1, 30));
  return Math.round(exponential * (1 + 0.2 * random()));
}

/**
 * Brings the queue up to date with the current policy and clock: events for an endpoint that is no
 * longer the policy's `reportUrl` are dropped (an admin who removes or changes the URL stops the flow
 * to the old one), and so are events older than `MAX_EVENT_AGE_MS`.
 */
export function prune(queue: ReportQueue, reportUrl: string, now: number): ReportQueue {
  const items = queue.items.filter((item) => item.endpoint === reportUrl && now - item.queuedAt <= MAX_EVENT_AGE_MS);
  const removed = queue.items.length - items.length;
  if (!removed) return queue;
  return { ...queue, items, dropped: queue.dropped + removed, ...(items.length ? {} : { failures: 0, nextAttemptAt: 0 }) };
}

/** The next item to send, or undefined when the queue is empty or backing off. */
export function nextToSend(queue: ReportQueue, now: number): QueuedReport | undefined {
  if (now < queue.nextAttemptAt) return undefined;
  return queue.items[0];
}

/** Records a successful delivery of the event with `id`: it leaves the queue and the backoff resets. */
export function markDelivered(queue: ReportQueue, id: string, now: number): ReportQueue {
  return {
    ...queue,
    items: queue.items.filter((item) => item.event.id !== id),
    failures: 0,
    nextAttemptAt: 0,
    delivered: queue.delivered + 1,
    lastDeliveryAt: now,
    lastError: undefined,
  };
}

/** What a delivery attempt's HTTP status means for the queued event. */
export type DeliveryOutcome = 'delivered' | 'rejected' | 'retry';

/**
 * 2xx: delivered. 408, 425, 429 and 5xx: the endpoint is busy or down, retry later.
 * Any other status (e.g. 400, 404, 413): the endpoint refuses this event; retrying the same body
 * would block the queue forever, so it is dropped and counted.
 */
export function deliveryOutcome(status: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500 || status === 0) return 'retry';
  return 'rejected';
}

/** Records that the endpoint refused the event with `id`: it leaves the queue, counted as dropped. */
export function markRejected(queue: ReportQueue, id: string, error: string): ReportQueue {
  const items = queue.items.filter((item) => item.event.id !== id);
  return { ...queue, items, dropped: queue.dropped + (queue.items.length - items.length), failures: 0, nextAttemptAt: 0, lastError: error.slice(0, 200) };
}

/** Records a failed attempt: the event stays first in line, and the next attempt waits longer. */
export function markFailed(queue: ReportQueue, error: string, now: number, random: () => number = Math.random): ReportQueue {
  const failures = queue.failures + 1;
  return { ...queue, failures, nextAttemptAt: now + retryDelay(failures, random), lastError: error.slice(0, 200) };
}
