import type { Finding, Grade, SampleVerdict } from '../types.js';

/**
 * Style warnings in one reply at which they stop being advisory: one stiff word is a nit, a reply
 * that trips two style rules reads as off-brand. Measured on labelled replies: on the development
 * set it changed no verdict, on the bundled samples it caught 19 more drifting replies and flagged
 * no on-brand one (README "Verdict policy").
 */
export const WARNING_PILE_UP = 2;

/** Whether a finding stands: an LLM grader may review a rule finding and overrule it (offline detectors can misread a handoff). */
function stands(finding: Finding): boolean {
  return finding.review?.decision !== 'overruled';
}

/**
 * Whether a finding on its own sends the reply back for correction: an error that stands.
 * Warnings and info are advisory one at a time; they are reported and counted, and
 * `--max-warnings` gates on them.
 */
export function countsAsDrift(finding: Finding): boolean {
  return finding.severity === 'error' && stands(finding);
}

/**
 * The verdict policy (README "Verdict policy", chosen by measurement on labelled replies):
 * - `drift` when an error-level finding stands (rule or grader), when {@link WARNING_PILE_UP} or
 *   more warnings stand, or when the grader put a dimension clearly below its minimum
 *   (`major-drift`: a shortfall of half a point or more);
 * - `ungraded` when the grader failed and nothing else was found — not a pass, not a fail;
 * - `pass` otherwise, including a reply with one warning or a borderline (`minor-drift`) score.
 */
export function decideVerdict(findings: readonly Finding[], grade: Grade | undefined): SampleVerdict {
  if (findings.some(countsAsDrift)) return 'drift';
  if (findings.filter((f) => f.severity === 'warning' && stands(f)).length >= WARNING_PILE_UP) return 'drift';
  if (grade?.status === 'error') return 'ungraded';
  if (grade?.drift === 'major-drift') return 'drift';
  return 'pass';
}
