// One normal quantile for the whole tool (Acklam + a Halley step), shared with the statistics stage.
import { normalQuantile } from '../findings/distributions.js';

export interface SampleSizeOptions {
  /** Half-width of the confidence interval as a fraction: 0.03 for ±3 percentage points. In (0, 1). */
  margin: number;
  /** Two-sided confidence level as a fraction: 0.95. In (0, 1). */
  confidence: number;
  /** Expected proportion (e.g. drift rate), in (0, 1); 0.5, the default, is the worst case. */
  proportion?: number;
  /** Records in the population; when given, the finite population correction applies. */
  population?: number;
}

/**
 * How many records to audit so a proportion (the drift rate) is known to ±margin at the given
 * confidence: the normal approximation n₀ = z²·p(1−p)/e² with z = Φ⁻¹(1 − (1−confidence)/2),
 * then, when the population N is known, the finite population correction n = n₀ / (1 + (n₀−1)/N).
 * Rounded up, and never more than N. E.g. margin 0.03 at 95% → 1068; out of 5,000 → 880.
 */
export function requiredSampleSize(options: SampleSizeOptions): number {
  const { margin, confidence, proportion = 0.5, population } = options;
  checkFraction('margin', margin);
  checkFraction('confidence', confidence);
  checkFraction('proportion', proportion);
  const z = criticalValue(confidence);
  const n0 = (z * z * proportion * (1 - proportion)) / (margin * margin);
  if (population === undefined) return Math.ceil(n0);
  checkPopulation(population);
  if (population === 0) return 0;
  return Math.min(population, Math.ceil(n0 / (1 + (n0 - 1) / population)));
}

export interface MarginOptions {
  /** Records in the sample. */
  size: number;
  confidence: number;
  proportion?: number;
  population?: number;
}

/**
 * The margin of error (as a fraction) a sample of `size` gives for a proportion: the inverse of
 * {@link requiredSampleSize}, z·√(p(1−p)/n), times √((N−n)/(N−1)) when N is known. 0 when the
 * sample is the whole population; Infinity for an empty sample.
 */
export function marginOfError(options: MarginOptions): number {
  const { size, confidence, proportion = 0.5, population } = options;
  checkFraction('confidence', confidence);
  checkFraction('proportion', proportion);
  if (size <= 0) return Infinity;
  const z = criticalValue(confidence);
  const base = z * Math.sqrt((proportion * (1 - proportion)) / size);
  if (population === undefined) return base;
  checkPopulation(population);
  if (size >= population) return 0;
  return base * Math.sqrt((population - size) / (population - 1));
}

/** The two-sided critical value z for a confidence level: 1.959964 for 0.95. */
export function criticalValue(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

function checkFraction(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be a fraction between 0 and 1 (exclusive), got ${value}`);
}

function checkPopulation(population: number): void {
  if (!Number.isInteger(population) || population < 0) {
    throw new RangeError(`population must be a non-negative integer, got ${population}`);
  }
}
