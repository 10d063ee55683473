import { createRandom, randomInt } from '../../sample/random.js';

/** A percentile bootstrap interval; `null` bounds when too few resamples gave a defined value. */
export interface BootstrapInterval {
  low: number | null;
  high: number | null;
  resamples: number;
  /** Resamples where the statistic was undefined (e.g. kappa of a constant resample), left out. */
  undefinedResamples: number;
}

/**
 * Percentile bootstrap: draws `resamples` sets of n item indices with replacement from a seeded
 * xoshiro128** stream (the same PRNG `tone-audit sample` uses), computes `statistic` on each and
 * returns the 2.5th and 97.5th percentiles (for 95%) by linear interpolation between order
 * statistics (numpy's default). Deterministic for a given seed. When more than half the resamples
 * are undefined the interval is `null`: too little data to say anything.
 */
export function bootstrapInterval(
  n: number,
  statistic: (indices: readonly number[]) => number | null,
  options: { resamples: number; seed: string; confidence?: number },
): BootstrapInterval {
  const random = createRandom(options.seed);
  const values: number[] = [];
  let undefinedResamples = 0;
  const indices = new Array<number>(n);
  for (let r = 0; r < options.resamples; r++) {
    for (let i = 0; i < n; i++) indices[i] = randomInt(random, n);
    const value = n === 0 ? null : statistic(indices);
    if (value === null || !Number.isFinite(value)) undefinedResamples++;
    else values.push(value);
  }
  if (values.length === 0 || values.length < options.resamples / 2) return { low: null, high: null, resamples: options.resamples, undefinedResamples };
  values.sort((a, b) => a - b);
  const tail = (1 - (options.confidence ?? 0.95)) / 2;
  return { low: percentile(values, tail), high: percentile(values, 1 - tail), resamples: options.resamples, undefinedResamples };
}

/** The q-quantile of sorted values, interpolating linearly between order statistics. */
export function percentile(sorted: readonly number[], q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}
