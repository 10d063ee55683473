import type { Dimension, DimensionScore, DriftVerdict } from '../../types.js';

/**
 * How far below its minimum a dimension must score before it counts as drift. A shortfall smaller
 * than this is `minor-drift`: borderline, shown in reports, advisory — within the noise of any
 * grader (measured on labelled replies, see README "Verdict policy").
 */
export const MAJOR_DRIFT_SHORTFALL = 0.5;

/**
 * The drift verdict from dimension scores: `on-brand` when every dimension reaches its `min`,
 * `minor-drift` when the largest shortfall (`min - score`) is under {@link MAJOR_DRIFT_SHORTFALL},
 * `major-drift` otherwise. Dimensions without a score are ignored, and so are scores that carry
 * cues but none of them (the heuristic found no evidence either way: it abstains, it does not
 * judge the baseline).
 */
export function judgeDrift(dimensions: readonly Dimension[], scores: Readonly<Record<string, DimensionScore>>): DriftVerdict {
  let worst = 0;
  for (const dimension of dimensions) {
    const scored = scores[dimension.id];
    if (scored === undefined || (scored.cues !== undefined && scored.cues.length === 0)) continue;
    worst = Math.max(worst, dimension.min - scored.score);
  }
  if (worst <= 0) return 'on-brand';
  return worst < MAJOR_DRIFT_SHORTFALL ? 'minor-drift' : 'major-drift';
}
