import type { Finding, Grade, SampleVerdict } from '../types.js';

/**
 * A sample drifts when a rule or the grader found an error- or warning-level problem, or the grader
 * judged it off-brand. When the grader failed and nothing else was found, the sample is `ungraded`:
 * not a pass, not a fail — the gate decides what ungraded samples mean.
 */
export function decideVerdict(findings: readonly Finding[], grade: Grade | undefined): SampleVerdict {
  const hasProblem = findings.some((finding) => finding.severity !== 'info');
  if (hasProblem) return 'drift';
  if (grade?.status === 'error') return 'ungraded';
  if (grade && grade.drift !== 'on-brand') return 'drift';
  return 'pass';
}
