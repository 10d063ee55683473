import type { AuditSummary } from '../types.js';

/**
 * The drift rate of an audit: drifting samples over the samples that got a verdict
 * (`passed + drifting`, i.e. all samples minus those left `ungraded`). A sample on which the
 * grader failed but a rule found a problem still has a verdict (drift), so it counts; using
 * `samples − summary.ungraded` as the denominator would drop it from the denominator only.
 * `rate` is 0 when no sample has a verdict.
 */
export function driftRateOf(summary: AuditSummary): { drifting: number; judged: number; rate: number } {
  const judged = summary.passed + summary.drifting;
  return { drifting: summary.drifting, judged, rate: judged === 0 ? 0 : summary.drifting / judged };
}
