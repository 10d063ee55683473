import type { TrendPoint } from '../../diff/index.js';
import { escapeHtml, truncate } from '../escape.js';
import { formatInterval, formatPercent } from '../format-numbers.js';
import { coord, shareTicks, openSvg } from './svg-frame.js';

const WIDTH = 760;
const PLOT = { left: 56, right: 736 };
/** Line colours for dimensions, assigned in id order. */
const SERIES = ['#2b6cb0', '#2f855a', '#b7791f', '#6b46c1', '#c05621', '#2c7a7b', '#97266d', '#4a5568'];

/**
 * Trend across audits, oldest first: the drift rate with its 95% interval as a band, and each
 * dimension's mean score. Only drawn for two or more points; labels thin out past ten audits.
 */
export function renderTrendCharts(points: readonly TrendPoint[]): string {
  if (points.length < 2) return '';
  return `<figure class="wide">${renderDriftTrend(points)}</figure>` + `<figure class="wide">${renderDimensionTrend(points)}</figure>`;
}

function xOf(points: readonly TrendPoint[], i: number): number {
  return PLOT.left + ((PLOT.right - PLOT.left) * i) / (points.length - 1);
}

function xLabels(points: readonly TrendPoint[], y: number): string {
  const every = Math.ceil(points.length / 10);
  return points
    .map((p, i) => {
      if (i % every !== 0 && i !== points.length - 1) return '';
      const anchor = i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
      const x = coord(xOf(points, i));
      return (
        `<text class="tick" x="${x}" y="${y}" text-anchor="${anchor}">${escapeHtml(truncate(p.guideVersion, 18))}</text>` +
        `<text class="tick muted-fill" x="${x}" y="${y + 13}" text-anchor="${anchor}">${escapeHtml(truncate(p.inputs.join(', '), 24))}</text>`
      );
    })
    .join('');
}

function renderDriftTrend(points: readonly TrendPoint[]): string {
  const top = 24;
  const bottom = 200;
  const height = 250;
  const { max, ticks } = shareTicks(Math.max(...points.map((p) => p.driftRate.high)));
  const y = (share: number): number => bottom - (share / max) * (bottom - top);
  const desc = points
    .map((p) => `${p.label}: ${formatPercent(p.driftRate.rate)} (95% CI ${formatInterval(p.driftRate.low, p.driftRate.high)}, ${p.driftRate.count} of ${p.driftRate.n})`)
    .join('; ');
  let svg = openSvg('chart-trend-drift', WIDTH, height, 'Drift rate across audits, with 95% confidence band', `${desc}.`);
  for (const { share, label } of ticks) {
    svg += `<line class="grid" x1="${PLOT.left}" y1="${coord(y(share))}" x2="${PLOT.right}" y2="${coord(y(share))}"/>`;
    svg += `<text class="tick" x="${PLOT.left - 6}" y="${coord(y(share) + 4)}" text-anchor="end">${label}</text>`;
  }
  const upper = points.map((p, i) => `${coord(xOf(points, i))},${coord(y(p.driftRate.high))}`);
  const lower = points.map((p, i) => `${coord(xOf(points, i))},${coord(y(p.driftRate.low))}`).reverse();
  svg += `<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`;
  svg += `<polyline class="line drift" points="${points.map((p, i) => `${coord(xOf(points, i))},${coord(y(p.driftRate.rate))}`).join(' ')}"/>`;
  points.forEach((p, i) => {
    const cx = coord(xOf(points, i));
    const cy = y(p.driftRate.rate);
    svg += `<g><title>${escapeHtml(`${p.label}: ${formatPercent(p.driftRate.rate)} (95% CI ${formatInterval(p.driftRate.low, p.driftRate.high)}), ${p.samples} samples`)}</title>`;
    svg += `<circle class="dot drift" cx="${cx}" cy="${coord(cy)}" r="4"/>`;
    if (points.length <= 12) svg += `<text class="value" x="${cx}" y="${coord(cy - 9)}" text-anchor="middle">${formatPercent(p.driftRate.rate)}</text>`;
    svg += '</g>';
  });
  svg += xLabels(points, bottom + 18);
  svg += `<text class="axis-label" x="12" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(top + bottom) / 2})">drift rate</text></svg>`;
  return `${svg}<figcaption>Drift rate per audit; the shaded band is the 95% confidence interval.</figcaption>`;
}

function renderDimensionTrend(points: readonly TrendPoint[]): string {
  const ids = [...new Set(points.flatMap((p) => p.dimensions.map((d) => d.id)))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (ids.length === 0) return '<p class="note">No dimension scores in these audits (no grader).</p>';
  const legendRows = layoutLegend(ids);
  const top = 16 + legendRows.length * 18;
  const bottom = top + 160;
  const height = bottom + 34;
  const y = (score: number): number => bottom - ((score - 1) / 4) * (bottom - top);
  const desc = ids
    .map((id) => `${id}: ${points.map((p) => p.dimensions.find((d) => d.id === id)?.mean.toFixed(2) ?? 'n/a').join(' → ')}`)
    .join('; ');
  let svg = openSvg('chart-trend-dimensions', WIDTH, height, 'Mean score per dimension across audits (1 worst, 5 best)', `${desc}.`);
  legendRows.forEach((row, r) => {
    for (const item of row) {
      const colour = SERIES[ids.indexOf(item.id) % SERIES.length];
      svg += `<rect x="${coord(item.x)}" y="${6 + r * 18}" width="12" height="12" rx="2" fill="${colour}"/>`;
      svg += `<text class="label" x="${coord(item.x + 16)}" y="${16 + r * 18}">${escapeHtml(truncate(item.id, 28))}</text>`;
    }
  });
  for (let score = 1; score <= 5; score++) {
    svg += `<line class="grid" x1="${PLOT.left}" y1="${coord(y(score))}" x2="${PLOT.right}" y2="${coord(y(score))}"/>`;
    svg += `<text class="tick" x="${PLOT.left - 6}" y="${coord(y(score) + 4)}" text-anchor="end">${score}</text>`;
  }
  let dots = '';
  ids.forEach((id, s) => {
    const colour = SERIES[s % SERIES.length];
    // A point without this dimension breaks the line rather than bridging the gap.
    let run: string[] = [];
    const flush = (): void => {
      if (run.length > 1) svg += `<polyline class="line" stroke="${colour}" points="${run.join(' ')}"/>`;
      run = [];
    };
    points.forEach((p, i) => {
      const d = p.dimensions.find((dim) => dim.id === id);
      if (!d || d.n === 0) return flush();
      const point = `${coord(xOf(points, i))},${coord(y(d.mean))}`;
      run.push(point);
      dots += `<circle cx="${coord(xOf(points, i))}" cy="${coord(y(d.mean))}" r="3" fill="${colour}"><title>${escapeHtml(`${id} in ${p.label}: ${d.mean.toFixed(2)} (n ${d.n})`)}</title></circle>`;
    });
    flush();
  });
  svg += dots + xLabels(points, bottom + 18);
  svg += `<text class="axis-label" x="12" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 12 ${(top + bottom) / 2})">mean score</text></svg>`;
  return `${svg}<figcaption>Mean score per dimension per audit.</figcaption>`;
}

/** Places legend entries left to right, wrapping before they would overflow the chart. */
function layoutLegend(ids: readonly string[]): { id: string; x: number }[][] {
  const rows: { id: string; x: number }[][] = [[]];
  let x = PLOT.left;
  for (const id of ids) {
    const width = 16 + Math.min(id.length, 28) * 6.6 + 18;
    if (x + width > PLOT.right && rows.at(-1)!.length > 0) {
      rows.push([]);
      x = PLOT.left;
    }
    rows.at(-1)!.push({ id, x });
    x += width;
  }
  return rows;
}
