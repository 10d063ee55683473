import type { TrendPoint } from '../../diff/index.js';

/** Every dimension id that occurs in any point of the series, sorted, so each gets a column. */
export function trendDimensionIds(points: readonly TrendPoint[]): string[] {
  const ids = new Set(points.flatMap((p) => p.dimensions.map((d) => d.id)));
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A point's mean on a dimension, or undefined when it has no scores there. */
export function trendMean(point: TrendPoint, id: string): number | undefined {
  const dimension = point.dimensions.find((d) => d.id === id);
  return dimension && dimension.n > 0 ? dimension.mean : undefined;
}

/**
 * How the drift rate moved from the previous point. Trend points carry no paired test, so a move
 * only counts as `up`/`down` when the two 95% intervals do not overlap (a conservative reading);
 * anything else is `flat`.
 */
export function trendDirection(previous: TrendPoint | undefined, point: TrendPoint): 'up' | 'down' | 'flat' | 'first' {
  if (!previous) return 'first';
  const a = previous.driftRate;
  const b = point.driftRate;
  if (a.n === 0 || b.n === 0) return 'flat';
  if (b.low > a.high) return 'up';
  if (b.high < a.low) return 'down';
  return 'flat';
}
