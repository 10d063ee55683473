import type { TrendPoint } from '../../diff/index.js';
import { mdCell, mdTable } from '../markdown-syntax.js';
import { formatPercent } from '../format-numbers.js';
import { trendDimensionIds, trendDirection, trendMean } from './trend-columns.js';

const ARROW = { up: '⬆️ ', down: '⬇️ ', flat: '', first: '' } as const;

/**
 * A series of audits (oldest first) as a Markdown table: drift rate with its 95% interval,
 * ungraded samples, error and warning findings, and the mean of every dimension. An arrow marks a
 * drift rate whose interval does not overlap the previous one. Pure.
 */
export function renderTrendMarkdown(points: readonly TrendPoint[], options: { headingLevel?: number } = {}): string {
  const h = '#'.repeat(Math.min(Math.max(options.headingLevel ?? 2, 1), 6));
  if (points.length === 0) return `${h} Trend\n\nNo audits to show.\n`;
  const dimensions = trendDimensionIds(points);
  const rows = points.map((point, i) => {
    const rate = point.driftRate;
    const driftCell =
      rate.n === 0 ? '– (no verdicts)' : `${ARROW[trendDirection(points[i - 1], point)]}${formatPercent(rate.rate)} (${formatPercent(rate.low)}–${formatPercent(rate.high)})`;
    return [
      mdCell(point.label),
      mdCell(point.guideVersion),
      String(point.samples),
      driftCell,
      String(point.ungraded),
      String(point.errors),
      String(point.warnings),
      ...dimensions.map((id) => trendMean(point, id)?.toFixed(2) ?? '–'),
    ];
  });
  const table = mdTable(
    ['Audit', 'Guide', 'Samples', 'Drift rate (95% CI)', 'Ungraded', 'Errors', 'Warnings', ...dimensions.map(mdCell)],
    rows,
    ['l', 'l', 'r', 'r', 'r', 'r', 'r', ...dimensions.map(() => 'r' as const)],
  );
  return `${h} Trend\n\nOldest first. ⬆️/⬇️ mark a drift rate whose 95% interval does not overlap the previous audit’s.\n\n${table}\n`;
}
