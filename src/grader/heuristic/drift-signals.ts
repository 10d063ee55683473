import { decideVerdict } from '../../findings/decide-verdict.js';
import { mergeFindings } from '../../findings/merge-findings.js';
import type { Dimension, Finding, Grade } from '../../types.js';

/**
 * The signals the learned drift model reads, in this order. Each is general — scores against the
 * guide's own minimums, cue and finding counts — never a phrase, never a dimension id, so the model
 * applies to any guide. A dimension the heuristic abstained on (no cue either way) is left out of
 * the score signals and counted in `abstained`.
 */
export const DRIFT_SIGNALS = [
  'worstShortfall',
  'secondShortfall',
  'totalShortfall',
  'meanScoreOverBaseline',
  'dimensionsBelowMin',
  'negativeCueSum',
  'negativeCues',
  'positiveCueSum',
  'standingWarnings',
  'infoFindings',
  'abstained',
] as const;

export type DriftSignalName = (typeof DRIFT_SIGNALS)[number];

/** The neutral score the heuristic starts every dimension from (see create-heuristic-grader.ts). */
const BASELINE = 3;

/**
 * The signal vector of one heuristic grade and the rule findings it came with (shortfall = the
 * guide's `min` minus the score; positive means below the minimum).
 */
export function readDriftSignals(dimensions: readonly Dimension[], ruleFindings: readonly Finding[], grade: Grade): Record<DriftSignalName, number> {
  const shortfalls: number[] = [];
  let scoreSum = 0;
  let abstained = 0;
  let negativeCueSum = 0;
  let negativeCues = 0;
  let positiveCueSum = 0;
  for (const dimension of dimensions) {
    const scored = grade.scores[dimension.id];
    if (scored === undefined || (scored.cues !== undefined && scored.cues.length === 0)) {
      abstained += 1;
      continue;
    }
    shortfalls.push(dimension.min - scored.score);
    scoreSum += scored.score - BASELINE;
    for (const cue of scored.cues ?? []) {
      if (cue.effect < 0) {
        negativeCueSum -= cue.effect;
        negativeCues += 1;
      } else positiveCueSum += cue.effect;
    }
  }
  shortfalls.sort((a, b) => b - a);
  const findings = mergeFindings(ruleFindings, grade.violations);
  return {
    worstShortfall: shortfalls[0] ?? 0,
    secondShortfall: shortfalls[1] ?? 0,
    totalShortfall: shortfalls.reduce((sum, s) => sum + Math.max(0, s), 0),
    meanScoreOverBaseline: shortfalls.length === 0 ? 0 : scoreSum / shortfalls.length,
    dimensionsBelowMin: shortfalls.filter((s) => s > 0).length,
    negativeCueSum,
    negativeCues,
    positiveCueSum,
    standingWarnings: findings.filter((f) => f.severity === 'warning' && f.review?.decision !== 'overruled').length,
    infoFindings: findings.filter((f) => f.severity === 'info').length,
    abstained,
  };
}

/**
 * Whether the reply already drifts without the model: an error finding, a pile-up of warnings or a
 * dimension clearly below its minimum — the verdict policy itself, on the merged findings.
 */
export function driftsWithoutModel(ruleFindings: readonly Finding[], grade: Grade): boolean {
  return decideVerdict(mergeFindings(ruleFindings, grade.violations), grade) === 'drift';
}
