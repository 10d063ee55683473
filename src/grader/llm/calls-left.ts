import type { RateLimitBucket, RateLimitQuota } from '../clients/anthropic.js';

/** What one grading call is expected to take from the token buckets. */
export interface CallEstimate {
  inputTokens: number;
  outputTokens: number;
}

/** Room in the tightest rate-limit bucket, counted in calls. */
export interface CallsLeft {
  calls: number;
  /** When that bucket will have room for one more call; absent when the reset is unknown or already past. */
  resetAt?: number;
}

/**
 * How many more calls of size `estimate` the tightest of a response's rate-limit buckets allows, and when
 * it has room again. Anthropic's `-reset` is when a bucket is full again, but buckets refill continuously
 * at `limit` per minute, so one call's worth is back after `need / limit` minutes: whichever comes first.
 * A reset that is missing, unparseable or in the past gives no `resetAt` (nothing to wait for).
 */
export function callsLeft(quota: RateLimitQuota, estimate: CallEstimate, now: number): CallsLeft | undefined {
  const buckets: [RateLimitBucket | undefined, number][] = [
    [quota.requests, 1],
    [quota.tokens, estimate.inputTokens + estimate.outputTokens],
    [quota.inputTokens, estimate.inputTokens],
    [quota.outputTokens, estimate.outputTokens],
  ];
  let tightest: CallsLeft | undefined;
  for (const [bucket, rawNeed] of buckets) {
    if (!bucket) continue;
    const need = Math.max(1, Math.ceil(rawNeed));
    const calls = Math.floor(bucket.remaining / need);
    if (tightest && calls >= tightest.calls) continue;
    const reset = bucket.resetAt !== undefined && bucket.resetAt > now ? bucket.resetAt : undefined;
    const refill = reset !== undefined && bucket.limit ? Math.min(reset, now + Math.ceil((need * 60_000) / bucket.limit)) : reset;
    tightest = refill === undefined ? { calls } : { calls, resetAt: refill };
  }
  return tightest;
}
