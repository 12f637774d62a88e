import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '@/components/core/rate-limit';

describe('createRateLimiter', () => {
  it('allows `limit` events per window and key, then refuses until the window slides', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 1000 });
    expect([0, 10, 20, 999].map((now) => limiter.allow('a', now)), 'two in the first second').toEqual([true, true, false, false]);
    expect(limiter.allow('a', 1000), 'the first event left the window').toBe(true);
    expect(limiter.allow('a', 1005), 'the second is still in it').toBe(false);
    expect(limiter.allow('a', 1010), 'now it left too').toBe(true);
  });

  it('counts keys apart', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000 });
    expect(limiter.allow('tab:1', 0)).toBe(true);
    expect(limiter.allow('tab:2', 0), 'another tab has its own budget').toBe(true);
    expect(limiter.allow('tab:1', 1)).toBe(false);
  });

  it('does not count refused events (a flood does not extend its own ban)', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000 });
    limiter.allow('a', 0);
    for (let now = 1; now < 1000; now++) limiter.allow('a', now);
    expect(limiter.allow('a', 1000)).toBe(true);
  });

  it('forgets idle keys, so memory stays bounded', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 10 });
    for (let i = 0; i < 5000; i++) limiter.allow(`key:${i}`, i * 20);
    expect(limiter.allow('key:0', 5000 * 20), 'an old key starts afresh').toBe(true);
  });
});
