// Test helper: the chi-square distribution, so uniformity tests can assert a p-value instead of
// eyeballing counts. Q(k/2, x/2), the regularized upper incomplete gamma function, is the one the
// statistics use (findings/distributions.ts); chi-square.test.ts checks it against table values.
import { upperIncompleteGamma } from '../../src/findings/distributions.js';

/** P(X ≤ x) for X ~ χ²(degrees). */
export function chiSquareCdf(x: number, degrees: number): number {
  return 1 - chiSquarePValue(x, degrees);
}

/** Upper-tail p-value of a chi-square statistic. */
export function chiSquarePValue(statistic: number, degrees: number): number {
  return upperIncompleteGamma(degrees / 2, statistic / 2);
}

/**
 * Chi-square statistic for inclusion counts of a without-replacement sampler: each of `population`
 * items should be included with probability p = size/population in each of `repetitions` draws.
 * Counts are not multinomial (a draw includes `size` items at once): Cov(O) =
 * R·p(1−p)·N/(N−1)·(I − 11ᵀ/N), so Σ(O−E)² / (R·p(1−p)·N/(N−1)) is χ² with N−1 degrees of freedom.
 */
export function inclusionChiSquare(counts: readonly number[], size: number, repetitions: number): { statistic: number; degrees: number; pValue: number } {
  const population = counts.length;
  const p = size / population;
  const expected = repetitions * p;
  const scale = repetitions * p * (1 - p) * (population / (population - 1));
  const statistic = counts.reduce((sum, observed) => sum + (observed - expected) ** 2, 0) / scale;
  const degrees = population - 1;
  return { statistic, degrees, pValue: chiSquarePValue(statistic, degrees) };
}
