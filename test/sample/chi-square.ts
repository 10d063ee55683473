// Test helper: the chi-square distribution's CDF, so uniformity tests can assert a p-value
// instead of eyeballing counts. P(k/2, x/2), the regularized lower incomplete gamma function,
// by its power series for x < a + 1 and Lentz's continued fraction otherwise (Numerical Recipes §6.2).

/** P(X ≤ x) for X ~ χ²(degrees). */
export function chiSquareCdf(x: number, degrees: number): number {
  if (x <= 0) return 0;
  return regularizedGammaP(degrees / 2, x / 2);
}

/** Upper-tail p-value of a chi-square statistic. */
export function chiSquarePValue(statistic: number, degrees: number): number {
  return 1 - chiSquareCdf(statistic, degrees);
}

function regularizedGammaP(a: number, x: number): number {
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-15; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for a > 0. */
function logGamma(a: number): number {
  const g = 7;
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const z = a - 1;
  let sum = coefficients[0]!;
  for (let i = 1; i < g + 2; i++) sum += coefficients[i]! / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
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
