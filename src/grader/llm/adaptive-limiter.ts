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

/**
 * A concurrency pool that slows down when the API pushes back (AIMD, as TCP does): a 429 halves the
 * limit and pauses new calls until `retry-after`; each run of `limit` successes without a 429 adds one
 * slot back, up to `max`.
 */
export class AdaptiveLimiter {
  #limit: number;
  #inFlight = 0;
  #pausedUntil = 0;
  #lastCut = Number.NEGATIVE_INFINITY;
  #successes = 0;
  #lowest: number;
  #timer: NodeJS.Timeout | undefined;
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

  #pump(): void {
    const wait = this.#pausedUntil - this.#now();
    if (wait > 0) {
      if (!this.#timer && this.#queue.length > 0) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#pump();
        }, wait);
      }
      return;
    }
    while (this.#queue.length > 0 && this.#inFlight < this.#limit) {
      const next = this.#queue.shift();
      this.#inFlight += 1;
      next?.start();
    }
  }
}
