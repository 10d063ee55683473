import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdaptiveLimiter, MAX_PACE_MS } from '../../../src/grader/llm/adaptive-limiter.js';

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

  describe('paceByQuota', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Queues `n` calls that each stay in flight until released, recording the order they start in. */
    function queueCalls(limiter: AdaptiveLimiter, n: number) {
      const started: number[] = [];
      const release: (() => void)[] = [];
      const done = Array.from({ length: n }, (_, i) =>
        limiter.run(
          () =>
            new Promise<void>((resolve) => {
              started.push(i);
              release[i] = resolve;
            }),
        ),
      );
      return { started, release, done };
    }

    it('holds new starts until the reset when the bucket is empty, then lets one go', async () => {
      vi.useFakeTimers({ now: 0 });
      const limiter = new AdaptiveLimiter({ max: 4 });
      const first = queueCalls(limiter, 1);
      await vi.advanceTimersByTimeAsync(0);
      limiter.paceByQuota(0, 1000); // reported by the call in flight
      first.release[0]!();
      const rest = queueCalls(limiter, 3);
      await vi.advanceTimersByTimeAsync(999);
      expect(rest.started).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(rest.started).toEqual([0]);
      // That call's response reports room for 5: the other two start (concurrency allows it).
      limiter.paceByQuota(5, 2000);
      await vi.advanceTimersByTimeAsync(0);
      expect(rest.started).toEqual([0, 1, 2]);
      rest.release.forEach((r) => r());
      await Promise.all([...first.done, ...rest.done]);
    });

    it('rations starts to what is left after the calls in flight', async () => {
      vi.useFakeTimers({ now: 0 });
      const limiter = new AdaptiveLimiter({ max: 8 });
      const wave = queueCalls(limiter, 3);
      await vi.advanceTimersByTimeAsync(0);
      limiter.paceByQuota(4, 500); // 3 in flight: the 2 others may take 2 of the 4
      const more = queueCalls(limiter, 5);
      await vi.advanceTimersByTimeAsync(0);
      expect(more.started).toEqual([0, 1]);
      // Nothing reported while rationed: once all calls are done, only the concurrency limit applies.
      wave.release.forEach((r) => r());
      more.release[0]!();
      more.release[1]!();
      await vi.advanceTimersByTimeAsync(0);
      expect(more.started).toEqual([0, 1, 2, 3, 4]);
      more.release.forEach((r) => r());
      await Promise.all([...wave.done, ...more.done]);
    });

    it('does not hold for a reset that is past or unknown, and holds at most MAX_PACE_MS', async () => {
      vi.useFakeTimers({ now: 10_000 });
      const limiter = new AdaptiveLimiter({ max: 3 });
      limiter.paceByQuota(0, 9_999);
      const past = queueCalls(limiter, 3);
      await vi.advanceTimersByTimeAsync(0);
      expect(past.started).toEqual([0, 1, 2]);
      limiter.paceByQuota(0, undefined);
      past.release.forEach((r) => r());
      await Promise.all(past.done);
      const unknown = queueCalls(limiter, 3);
      await vi.advanceTimersByTimeAsync(0);
      expect(unknown.started).toEqual([0, 1, 2]);
      limiter.paceByQuota(0, 10_000 + 10 * MAX_PACE_MS); // from the last call in flight
      unknown.release.forEach((r) => r());
      await Promise.all(unknown.done);
      const far = queueCalls(limiter, 1);
      await vi.advanceTimersByTimeAsync(MAX_PACE_MS - 1);
      expect(far.started).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(far.started).toEqual([0]);
      far.release[0]!();
      await Promise.all(far.done);
    });
  });
});
