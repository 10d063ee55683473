import type { Finding, Grade, SampleVerdict } from '../types.js';

/**
 * Whether a finding sends the reply back for correction. Only errors do, unless an LLM grader
 * reviewed the finding and overruled it (offline detectors can misread a handoff). Warnings and
 * info are advisory: they are reported and counted, and `--max-warnings` gates on them.
 */
export function countsAsDrift(finding: Finding): boolean {
  return finding.severity === 'error' && finding.review?.decision !== 'overruled';
}

/**
 * The verdict policy (README "Verdict policy", chosen by measurement on labelled replies):
 * - `drift` when an error-level finding stands (rule or grader), or the grader put a dimension
 *   clearly below its minimum (`major-drift`: a shortfall of half a point or more);
 * - `ungraded` when the grader failed and nothing else was found — not a pass, not a fail;
 * - `pass` otherwise, including replies with only warnings or a borderline (`minor-drift`) score.
 */
export function decideVerdict(findings: readonly Finding[], grade: Grade | undefined): SampleVerdict {
  if (findings.some(countsAsDrift)) return 'drift';
  if (grade?.status === 'error') return 'ungraded';
  if (grade?.drift === 'major-drift') return 'drift';
  return 'pass';
}
