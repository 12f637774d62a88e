import { describe, expect, it } from 'vitest';
import type { ReportEvent } from '@/components/core/enterprise/report-event';
import {
  deliveryOutcome,
  emptyQueue,
  enqueue,
  markDelivered,
  markFailed,
  markRejected,
  MAX_EVENT_AGE_MS,
  MAX_QUEUED_EVENTS,
  nextToSend,
  parseQueue,
  prune,
  retryDelay,
  RETRY_MAX_MS,
} from '@/components/core/enterprise/report-queue';

const URL_A = 'https://a.example/r';
const event = (id: string): ReportEvent => ({
  schema: 'kban.visit/1', id, time: '2025-01-01T00:00:00.000Z', verdict: 'purchase', site: 's', action: 'blocked', extensionVersion: '1',
});

describe('retryDelay', () => {
  it.each([
    [0, 0],
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [10, 1_024_000 > RETRY_MAX_MS ? RETRY_MAX_MS : 1_024_000],
    [1000, RETRY_MAX_MS],
  ])('after %i failures waits %i ms (no jitter)', (failures, expected) => {
    expect(retryDelay(failures, () => 0)).toBe(expected);
  });

  it('adds at most 20 % jitter', () => {
    expect(retryDelay(1, () => 0.999)).toBeLessThanOrEqual(2_400);
    expect(retryDelay(1, () => 0.999)).toBeGreaterThan(2_000);
  });
});

describe('queue', () => {
  it('keeps events in order and sends the oldest first', () => {
    let queue = enqueue(emptyQueue(), URL_A, event('1'), 10);
    queue = enqueue(queue, URL_A, event('2'), 11);
    expect(nextToSend(queue, 12)?.event.id).toBe('1');
    queue = markDelivered(queue, '1', 13);
    expect(nextToSend(queue, 13)?.event.id).toBe('2');
    expect(queue.delivered).toBe(1);
  });

  it('backs off after a failure and resets after a success', () => {
    let queue = enqueue(emptyQueue(), URL_A, event('1'), 0);
    queue = markFailed(queue, 'HTTP 503', 1_000, () => 0);
    expect(nextToSend(queue, 2_999), 'must wait for the backoff').toBeUndefined();
    expect(nextToSend(queue, 3_000)?.event.id).toBe('1');
    queue = markFailed(queue, 'HTTP 503', 3_000, () => 0);
    expect(queue.nextAttemptAt).toBe(7_000);
    expect(queue.items, 'a failure never drops the event').toHaveLength(1);
    queue = markDelivered(queue, '1', 7_000);
    expect(queue).toMatchObject({ failures: 0, nextAttemptAt: 0, items: [] });
  });

  it('drops the oldest beyond the cap and counts them', () => {
    let queue = emptyQueue();
    for (let i = 0; i < MAX_QUEUED_EVENTS + 3; i++) queue = enqueue(queue, URL_A, event(String(i)), i);
    expect(queue.items).toHaveLength(MAX_QUEUED_EVENTS);
    expect(queue.items[0]!.event.id).toBe('3');
    expect(queue.dropped).toBe(3);
  });

  it('prunes events for another endpoint (or none) and stale events', () => {
    let queue = enqueue(emptyQueue(), URL_A, event('old'), 0);
    queue = enqueue(queue, URL_A, event('new'), MAX_EVENT_AGE_MS);
    queue = enqueue(queue, 'https://b.example/r', event('other'), MAX_EVENT_AGE_MS);
    const pruned = prune(queue, URL_A, MAX_EVENT_AGE_MS + 1);
    expect(pruned.items.map((item) => item.event.id)).toEqual(['new']);
    expect(pruned.dropped).toBe(2);
    expect(prune(queue, '', 0).items, 'no reportUrl: nothing may be sent').toEqual([]);
  });

  it('drops a rejected event without blocking the rest', () => {
    let queue = enqueue(enqueue(emptyQueue(), URL_A, event('bad'), 0), URL_A, event('good'), 0);
    queue = markRejected(queue, 'bad', 'HTTP 400');
    expect(nextToSend(queue, 0)?.event.id).toBe('good');
    expect(queue.dropped).toBe(1);
  });

  it.each([
    [200, 'delivered'], [204, 'delivered'], [0, 'retry'], [408, 'retry'], [429, 'retry'], [500, 'retry'], [503, 'retry'],
    [400, 'rejected'], [404, 'rejected'], [413, 'rejected'],
  ] as const)('HTTP %i → %s', (status, outcome) => {
    expect(deliveryOutcome(status)).toBe(outcome);
  });

  it.each([undefined, null, 'x', [], { items: 'x' }, { items: [{ endpoint: 1 }], failures: -1, nextAttemptAt: 'soon' }])(
    'parses garbage %j into an empty, valid queue',
    (raw) => {
      expect(parseQueue(raw)).toMatchObject({ items: [], failures: 0, nextAttemptAt: 0 });
    },
  );

  it('round-trips through JSON (storage)', () => {
    const queue = markFailed(enqueue(emptyQueue(), URL_A, event('1'), 5), 'HTTP 500', 6, () => 0);
    expect(parseQueue(JSON.parse(JSON.stringify(queue)))).toEqual(JSON.parse(JSON.stringify(queue)));
  });
});
