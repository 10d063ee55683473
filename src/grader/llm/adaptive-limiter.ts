/** Why the limit changed: cut after a 429, or raised again after a run of successes. */
export type LimitChange = { limit: number; reason: 'rate-limited' | 'recovered' };

export interface AdaptiveLimiterOptions {
  /** The ceiling (and starting) concurrency. */
  max: number;
  /** Several 429s within this window (one burst of in-flight calls) cut the limit only once. Default 1000 ms. */
  cutWindowMs?: number;
  onChange?: (change: LimitChange) => void;
  now?: () => number;
}

/** Longest a rate-limit report may hold new calls, whatever reset time it names. */
export const MAX_PACE_MS = 60_000;

/**
 * A concurrency pool that slows down when the API pushes back (AIMD, as TCP does): a 429 halves the
 * limit and pauses new calls until `retry-after`; each run of `limit` successes without a 429 adds one
 * slot back, up to `max`.
 *
 * It also paces itself before a 429 where the server reports its quota ({@link paceByQuota}): starts are
 * rationed to the calls the bucket has left, and when it is empty, held until it has room again.
 */
export class AdaptiveLimiter {
  #limit: number;
  #inFlight = 0;
  #pausedUntil = 0;
  #lastCut = Number.NEGATIVE_INFINITY;
  #successes = 0;
  #lowest: number;
  #timer: NodeJS.Timeout | undefined;
  #timerAt = 0;
  /** Starts allowed until the next quota report; `undefined` = no report in force (only the concurrency limit applies). */
  #credits: number | undefined;
  #paceUntil = 0;
  readonly #queue: { start: () => void }[] = [];
  readonly #options: AdaptiveLimiterOptions;
  readonly #now: () => number;

  constructor(options: AdaptiveLimiterOptions) {
    this.#options = options;
    this.#limit = Math.max(1, Math.floor(options.max));
    this.#lowest = this.#limit;
    this.#now = options.now ?? Date.now;
  }

  /** Current concurrency limit. */
  get limit(): number {
    return this.#limit;
  }

  /** Lowest limit reached so far. */
  get lowestLimit(): number {
    return this.#lowest;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Runs `task` when a slot is free and no pause is in force. Rejects with the signal's reason if aborted while queued. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    await new Promise<void>((resolve, reject) => {
      const waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        const at = this.#queue.indexOf(waiter);
        if (at >= 0) this.#queue.splice(at, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter);
      this.#pump();
    });
    // The slot was taken by #pump when it admitted this call.
    try {
      return await task();
    } finally {
      this.#inFlight -= 1;
      this.#pump();
    }
  }

  /** Report a 429: halve the limit (once per burst) and hold new calls for `retryAfterMs`. */
  rateLimited(retryAfterMs?: number): void {
    const now = this.#now();
    if (retryAfterMs !== undefined && retryAfterMs > 0) this.#pausedUntil = Math.max(this.#pausedUntil, now + retryAfterMs);
    this.#successes = 0;
    if (now - this.#lastCut >= (this.#options.cutWindowMs ?? 1000) && this.#limit > 1) {
      this.#lastCut = now;
      this.#limit = Math.max(1, Math.floor(this.#limit / 2));
      this.#lowest = Math.min(this.#lowest, this.#limit);
      this.#options.onChange?.({ limit: this.#limit, reason: 'rate-limited' });
    }
  }

  /** Report a call that went through; after `limit` of them in a row, add one slot back. */
  succeeded(): void {
    if (this.#limit >= this.#options.max) return;
    this.#successes += 1;
    if (this.#successes >= this.#limit) {
      this.#successes = 0;
      this.#limit += 1;
      this.#options.onChange?.({ limit: this.#limit, reason: 'recovered' });
      this.#pump();
    }
  }

  /**
   * Report the room a successful response says is left: `calls` more calls until `resetAt` (epoch ms).
   * Calls still in flight may each take one from it, so only the rest may start now; when nothing is
   * left, new calls are held until `resetAt` (at most {@link MAX_PACE_MS}) and then one goes, whose own
   * response paces the next. A reset that is unknown or past holds nothing: 429 handling stays the fallback.
   * Call it while the reporting call is still running (as SDK middleware does).
   */
  paceByQuota(calls: number, resetAt?: number): void {
    const now = this.#now();
    const free = calls - Math.max(0, this.#inFlight - 1);
    if (free > 0) {
      this.#credits = free;
      this.#paceUntil = 0;
    } else if (resetAt !== undefined && resetAt > now) {
      this.#credits = 0;
      this.#paceUntil = Math.max(this.#paceUntil, Math.min(resetAt, now + MAX_PACE_MS));
    } else {
      this.#credits = undefined;
      this.#paceUntil = 0;
    }
    this.#pump();
  }

  #pump(): void {
    const now = this.#now();
    if (this.#paceUntil > 0 && this.#paceUntil <= now) {
      // The bucket has room for at least one call again; its response reports the rest.
      this.#paceUntil = 0;
      this.#credits = Math.max(1, this.#credits ?? 1);
    }
    // Rationed with nothing in flight, no report can come: fall back to the concurrency limit alone.
    if (this.#credits === 0 && this.#paceUntil === 0 && this.#inFlight === 0) this.#credits = undefined;
    const wait = Math.max(this.#pausedUntil, this.#paceUntil) - now;
    if (wait > 0) {
      // A pace can end sooner than the timer already set (a newer report cleared an older hold).
      if (this.#timer && this.#timerAt > now + wait) {
        clearTimeout(this.#timer);
        this.#timer = undefined;
      }
      if (!this.#timer && this.#queue.length > 0) {
        this.#timerAt = now + wait;
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#pump();
        }, wait);
      }
      return;
    }
    while (this.#queue.length > 0 && this.#inFlight < this.#limit && this.#credits !== 0) {
      const next = this.#queue.shift();
      this.#inFlight += 1;
      if (this.#credits !== undefined) this.#credits -= 1;
      next?.start();
    }
  }
}
