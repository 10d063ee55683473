import type { Dimension, DimensionScore, DriftVerdict } from '../../types.js';

/** A worst shortfall below this many points is minor drift; at or above it, major. */
export const MAJOR_DRIFT_SHORTFALL = 1.5;

/**
 * The drift verdict from dimension scores: `on-brand` when every dimension reaches its `min`,
 * `minor-drift` when the largest shortfall (`min - score`) is under 1.5 points, `major-drift`
 * otherwise. Dimensions without a score are ignored.
 */
export function judgeDrift(dimensions: readonly Dimension[], scores: Readonly<Record<string, DimensionScore>>): DriftVerdict {
  let worst = 0;
  for (const dimension of dimensions) {
    const score = scores[dimension.id]?.score;
    if (score !== undefined) worst = Math.max(worst, dimension.min - score);
  }
  if (worst <= 0) return 'on-brand';
  return worst < MAJOR_DRIFT_SHORTFALL ? 'minor-drift' : 'major-drift';
}
