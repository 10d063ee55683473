import { Chalk } from 'chalk';
import type { TrendPoint } from '../../diff/index.js';
import { escapeTerminal } from '../escape.js';
import { formatPercent } from '../format-numbers.js';
import { trendDimensionIds, trendDirection, trendMean } from './trend-columns.js';

const BAR_WIDTH = 20;

/**
 * A series of audits (oldest first) for a terminal: one line per audit with a drift-rate bar, its
 * 95% interval and dimension means. ▲ (red) / ▼ (green) mark a drift rate whose interval does not
 * overlap the previous audit's; other moves are too uncertain to call and get no arrow. Pure.
 */
export function renderTrendTerminal(points: readonly TrendPoint[], options: { colorLevel?: 0 | 1 | 2 | 3 } = {}): string {
  const c = new Chalk({ level: options.colorLevel ?? 0 });
  if (points.length === 0) return `${c.bold('Trend')}\n${c.dim('No audits to show.')}\n`;
  const dimensions = trendDimensionIds(points);
  const labels = points.map((p) => escapeTerminal(p.label));
  const labelWidth = Math.max(5, ...labels.map((l) => l.length));
  const dimWidths = dimensions.map((id) => Math.max(5, id.length));
  const header =
    `${'audit'.padEnd(labelWidth)}  ${'samples'.padStart(7)}  ${'drift rate (95% CI)'.padEnd(BAR_WIDTH + 24)}` +
    `${'ungraded'.padStart(8)}  ${'errors'.padStart(6)}  ${'warnings'.padStart(8)}` +
    dimensions.map((id, i) => `  ${escapeTerminal(id).padStart(dimWidths[i]!)}`).join('');
  const lines = [c.bold('Trend (oldest first)'), c.bold(header)];
  points.forEach((point, i) => {
    const rate = point.driftRate;
    const direction = trendDirection(points[i - 1], point);
    const arrow = direction === 'up' ? c.red('▲') : direction === 'down' ? c.green('▼') : ' ';
    const filled = Math.round(Math.min(1, Math.max(0, rate.rate)) * BAR_WIDTH);
    const bar = `${'█'.repeat(filled)}${c.dim('░'.repeat(BAR_WIDTH - filled))}`;
    const figures = rate.n === 0 ? 'no verdicts' : `${formatPercent(rate.rate)} (${formatPercent(rate.low)}–${formatPercent(rate.high)})`;
    lines.push(
      `${labels[i]!.padEnd(labelWidth)}  ${String(point.samples).padStart(7)}  ${bar} ${arrow} ${figures.padEnd(21)}` +
        `${String(point.ungraded).padStart(8)}  ${String(point.errors).padStart(6)}  ${String(point.warnings).padStart(8)}` +
        dimensions.map((id, d) => `  ${(trendMean(point, id)?.toFixed(2) ?? '–').padStart(dimWidths[d]!)}`).join(''),
    );
  });
  return `${lines.join('\n')}\n`;
}
