import { logGamma, normalQuantile, normalTwoSidedP, studentTTwoSidedP } from './distributions.js';

export { normalQuantile } from './distributions.js';

/** A proportion with its confidence interval; all three are shares in [0, 1]. */
export interface ProportionInterval {
  estimate: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval for `successes` out of `n` (better than the normal "Wald" interval at
 * small n and at rates near 0 or 1, which is where drift rates live).
 * `n = 0` gives the uninformative interval [0, 1] with estimate 0.
 * Throws RangeError for negative or non-integer counts, successes > n, or confidence outside (0, 1).
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): ProportionInterval {
  checkCounts(successes, n);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  if (n === 0) return { estimate: 0, low: 0, high: 1 };
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // Clamp: at p = 0 or 1 rounding can push a bound a hair past the true 0 or 1.
  return {
    estimate: p,
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** Result of comparing two independent proportions x1/n1 (before) and x2/n2 (after). */
export interface TwoProportionTest {
  p1: number;
  p2: number;
  /** p2 − p1: positive when the second rate is higher. */
  diff: number;
  /** Pooled z statistic; 0 when the pooled rate is 0 or 1 (no variation). */
  z: number;
  /** Two-sided p-value. */
  pValue: number;
  /** `pValue < alpha`, and always false when {@link tooSmall} is set. */
  significant: boolean;
  /** Why the normal approximation cannot be trusted here (an expected count below 5, or an empty group). */
  tooSmall?: string;
}

/**
 * Pooled two-proportion z-test (two-sided). The normal approximation needs every expected count
 * (n·p̂ and n·(1−p̂) with the pooled p̂) to be at least 5; below that the result carries
 * `tooSmall` with a plain reason and is never `significant`.
 */
export function twoProportionTest(x1: number, n1: number, x2: number, n2: number, alpha = 0.05): TwoProportionTest {
  checkCounts(x1, n1);
  checkCounts(x2, n2);
  const p1 = n1 === 0 ? 0 : x1 / n1;
  const p2 = n2 === 0 ? 0 : x2 / n2;
  const diff = p2 - p1;
  if (n1 === 0 || n2 === 0) {
    return { p1, p2, diff, z: 0, pValue: 1, significant: false, tooSmall: `one group is empty (n = ${n1} and ${n2})` };
  }
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se === 0 ? 0 : diff / se;
  const pValue = se === 0 ? 1 : normalTwoSidedP(z);
  const minExpected = Math.min(n1 * pooled, n1 * (1 - pooled), n2 * pooled, n2 * (1 - pooled));
  const tooSmall =
    minExpected < 5
      ? `an expected count is ${round2(minExpected)} (< 5) at the pooled rate ${(pooled * 100).toFixed(1)}% over ${n1} and ${n2} samples, too few to test`
      : undefined;
  return { p1, p2, diff, z, pValue, significant: tooSmall === undefined && pValue < alpha, ...(tooSmall ? { tooSmall } : {}) };
}

/** Welch's unequal-variance t-test of mean2 − mean1. */
export interface WelchTTest {
  /** mean2 − mean1. */
  diff: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom (fractional). */
  df: number;
  /** Two-sided p-value. */
  pValue: number;
  /** Set when either group has fewer than 2 observations, so no variance can be estimated. */
  tooSmall?: string;
}

/**
 * Welch's t-test from summary statistics: `var*` are sample variances (n − 1 denominator).
 * When both variances are 0 the groups are constant: t is 0 (equal means, p = 1) or ±Infinity
 * (different means, p = 0) with df = n1 + n2 − 2.
 */
export function welchTTest(mean1: number, var1: number, n1: number, mean2: number, var2: number, n2: number): WelchTTest {
  const diff = mean2 - mean1;
  if (n1 < 2 || n2 < 2) {
    return { diff, t: 0, df: 0, pValue: 1, tooSmall: `each group needs at least 2 scores to estimate a variance (n = ${n1} and ${n2})` };
  }
  if (var1 < 0 || var2 < 0) throw new RangeError('variances must be >= 0');
  const a = var1 / n1;
  const b = var2 / n2;
  const se = Math.sqrt(a + b);
  if (se === 0) {
    return { diff, t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: n1 + n2 - 2, pValue: diff === 0 ? 1 : 0 };
  }
  const t = diff / se;
  const df = (a + b) ** 2 / (a * a / (n1 - 1) + b * b / (n2 - 1));
  return { diff, t, df, pValue: studentTTwoSidedP(t, df) };
}

/** Paired t-test on per-item differences (after − before). */
export interface PairedTTest {
  /** Mean of the differences. */
  diff: number;
  t: number;
  df: number;
  pValue: number;
  tooSmall?: string;
}

/** Paired t-test from the differences `after[i] − before[i]`. Needs at least 2 pairs. */
export function pairedTTest(differences: readonly number[]): PairedTTest {
  const n = differences.length;
  const { mean, variance } = meanAndVariance(differences);
  if (n < 2) return { diff: mean, t: 0, df: 0, pValue: 1, tooSmall: `needs at least 2 pairs, got ${n}` };
  const se = Math.sqrt(variance / n);
  if (se === 0) return { diff: mean, t: mean === 0 ? 0 : Math.sign(mean) * Infinity, df: n - 1, pValue: mean === 0 ? 1 : 0 };
  const t = mean / se;
  return { diff: mean, t, df: n - 1, pValue: studentTTwoSidedP(t, n - 1) };
}

/**
 * Exact McNemar test for paired yes/no outcomes: `b` items went no→yes, `c` went yes→no.
 * Two-sided p = min(1, 2·P(X ≤ min(b, c))) with X ~ Binomial(b + c, ½). Exact, so valid at any size.
 */
export function mcnemarExactTest(b: number, c: number): { pValue: number } {
  checkCounts(b, b + c);
  const n = b + c;
  if (n === 0) return { pValue: 1 };
  const k = Math.min(b, c);
  const logHalfPowN = -n * Math.LN2;
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    tail += Math.exp(logGamma(n + 1) - logGamma(i + 1) - logGamma(n - i + 1) + logHalfPowN);
  }
  return { pValue: Math.min(1, 2 * tail) };
}

/** Mean and sample variance (n − 1 denominator; 0 when n < 2; mean 0 when n = 0). */
export function meanAndVariance(values: readonly number[]): { n: number; mean: number; variance: number } {
  const n = values.length;
  if (n === 0) return { n, mean: 0, variance: 0 };
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  if (n < 2) return { n, mean, variance: 0 };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean, variance };
}

function checkCounts(successes: number, n: number): void {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`expected integer counts with 0 <= successes <= n, got ${successes} of ${n}`);
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
