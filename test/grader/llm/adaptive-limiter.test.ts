import { describe, expect, it } from 'vitest';
import { AdaptiveLimiter } from '../../../src/grader/llm/adaptive-limiter.js';

describe('AdaptiveLimiter', () => {
  it('never runs more than the limit at once', async () => {
    const limiter = new AdaptiveLimiter({ max: 3 });
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 12 }, () =>
        limiter.run(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('halves once per burst, keeps halving under sustained 429s, and recovers additively', () => {
    let now = 0;
    const limiter = new AdaptiveLimiter({ max: 8, cutWindowMs: 1000, now: () => now });
    limiter.rateLimited();
    limiter.rateLimited();
    expect(limiter.limit).toBe(4);
    now = 1000;
    limiter.rateLimited();
    now = 2000;
    limiter.rateLimited();
    expect(limiter.limit).toBe(1);
    limiter.succeeded();
    expect(limiter.limit).toBe(2);
    limiter.succeeded();
    limiter.succeeded();
    expect(limiter.limit).toBe(3);
    expect(limiter.lowestLimit).toBe(1);
  });

  it('holds new calls for retry-after and rejects queued calls on abort', async () => {
    const limiter = new AdaptiveLimiter({ max: 2 });
    limiter.rateLimited(150);
    const started = Date.now();
    await limiter.run(async () => undefined);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const controller = new AbortController();
    limiter.rateLimited(5000);
    const queued = limiter.run(async () => 'ran', controller.signal);
    controller.abort(new Error('stop'));
    await expect(queued).rejects.toThrow('stop');
  });
});
