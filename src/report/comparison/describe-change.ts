import type { RateChange, RateEstimate } from '../../diff/index.js';
import { formatInterval, formatPercent, formatPValue, formatSigned } from '../format-numbers.js';

/** How a change reads to a person: the four outcomes every comparison renderer colours the same way. */
export type ChangeOutcome = 'regression' | 'improvement' | 'not-significant' | 'too-small';

/** The test result fields shared by rate and mean changes. */
export interface TestedChange {
  change: number;
  pValue: number;
  significant: boolean;
  tooSmall?: string;
}

/**
 * Classifies a change. For rates (drift, rule matches) a rise is a regression; for dimension
 * means (`higherIsBetter`) a fall is. A change without a significant test is never called either.
 */
export function classifyChange(change: TestedChange, higherIsBetter = false): ChangeOutcome {
  if (change.tooSmall !== undefined) return 'too-small';
  if (!change.significant || change.change === 0) return 'not-significant';
  return change.change > 0 === higherIsBetter ? 'improvement' : 'regression';
}

/** `12.5% (5/40, 95% CI 5.5–26.1%)`. */
export function formatRate(estimate: RateEstimate): string {
  return `${formatPercent(estimate.rate)} (${estimate.count}/${estimate.n}, 95% CI ${formatInterval(estimate.low, estimate.high)})`;
}

/** A change in percentage points with its sign: `+4.0 pts`, `−2.5 pts`, `±0.0 pts`. */
export function formatPointChange(change: number): string {
  return formatSigned(change * 100, 1, ' pts');
}

/** The verdict words a reader needs, e.g. `regression (p = 0.012)` or `too small to conclude: 12 samples…`. */
export function describeOutcome(change: TestedChange, higherIsBetter = false): string {
  const outcome = classifyChange(change, higherIsBetter);
  switch (outcome) {
    case 'too-small':
      return `too small to conclude: ${change.tooSmall ?? ''}`;
    case 'not-significant':
      return `not significant (${formatPValue(change.pValue)})`;
    default:
      return `significant ${outcome} (${formatPValue(change.pValue)})`;
  }
}

/** The name of the test that produced a rate change, for the reader who wants to check it. */
export function describeTest(change: Pick<RateChange, 'test'> | { test: 'welch' | 'paired-t' }): string {
  switch (change.test) {
    case 'mcnemar':
      return 'exact McNemar test on paired samples';
    case 'two-proportion':
      return 'two-proportion z-test';
    case 'welch':
      return "Welch's t-test";
    case 'paired-t':
      return 'paired t-test';
  }
}
