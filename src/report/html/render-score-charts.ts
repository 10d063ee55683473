import type { DimensionSummary } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { coord, openSvg } from './svg-frame.js';

const WIDTH = 260;
const HEIGHT = 160;
const PLOT = { left: 14, right: 246, top: 36, bottom: 126 };
/** Bar fill per score 1..5: red for the bad end, green for the good end. */
const SCORE_FILL = ['#c53030', '#dd6b20', '#d69e2e', '#68a67d', '#2f855a'];

/**
 * Score distribution per dimension as small multiples: one bar per score 1–5 with its count,
 * a dashed line at the mean. All panels share one count scale so they compare at a glance.
 * (The guide's per-dimension minimum is not in the audit result, so the panel states how many
 * samples scored below it instead of drawing it.)
 */
export function renderScoreCharts(dimensions: readonly DimensionSummary[]): string {
  if (dimensions.length === 0) return '<p class="note">No dimension scores: this audit ran without a grader.</p>';
  const maxCount = Math.max(1, ...dimensions.flatMap((d) => d.histogram));
  const panels = dimensions.map((d, i) => renderPanel(d, i, maxCount)).join('');
  return `<div class="small-multiples">${panels}</div>`;
}

function renderPanel(d: DimensionSummary, index: number, maxCount: number): string {
  const counts = [1, 2, 3, 4, 5].map((score) => d.histogram[score - 1] ?? 0);
  const step = (PLOT.right - PLOT.left) / 5;
  const barWidth = step * 0.7;
  const height = PLOT.bottom - PLOT.top;
  const desc =
    d.n === 0
      ? `${d.id}: no graded samples.`
      : `${d.id}: ${d.n} graded samples, mean ${d.mean.toFixed(2)}, ${d.belowMin} below the minimum. ` +
        counts.map((c, i) => `score ${i + 1}: ${c}`).join(', ') + '.';
  let svg = openSvg(`chart-score-${index + 1}`, WIDTH, HEIGHT, `Score distribution for ${d.id}`, desc);
  svg += `<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}"/>`;
  let labels = '';
  counts.forEach((count, i) => {
    const barHeight = (count / maxCount) * height;
    const x = PLOT.left + i * step + (step - barWidth) / 2;
    const centre = PLOT.left + (i + 0.5) * step;
    svg += `<rect x="${coord(x)}" y="${coord(PLOT.bottom - barHeight)}" width="${coord(barWidth)}" height="${coord(barHeight)}" fill="${SCORE_FILL[i]}"/>`;
    // Counts go on top of the mean line (drawn later), so the line never hides a number.
    const labelWidth = String(count).length * 7 + 4;
    labels += `<rect fill="#fff" x="${coord(centre - labelWidth / 2)}" y="${coord(PLOT.bottom - barHeight - 15)}" width="${labelWidth}" height="12"/>`;
    labels += `<text class="value" x="${coord(centre)}" y="${coord(PLOT.bottom - barHeight - 5)}" text-anchor="middle">${count}</text>`;
    svg += `<text class="tick" x="${coord(centre)}" y="${PLOT.bottom + 14}" text-anchor="middle">${i + 1}</text>`;
  });
  if (d.n > 0) {
    // Bar centres sit at score − 0.5 steps, so a mean on the 1–5 scale maps linearly onto them.
    const x = PLOT.left + (Math.min(5, Math.max(1, d.mean)) - 0.5) * step;
    svg += `<line class="mean" x1="${coord(x)}" y1="${PLOT.top - 18}" x2="${coord(x)}" y2="${PLOT.bottom}"/>`;
    const anchor = x > WIDTH - 60 ? 'end' : x < 60 ? 'start' : 'middle';
    svg += `<text class="mean-label" x="${coord(x)}" y="${PLOT.top - 22}" text-anchor="${anchor}">mean ${d.mean.toFixed(2)}</text>`;
  } else {
    svg += `<text class="empty" x="${WIDTH / 2}" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle">no graded samples</text>`;
  }
  svg += `${labels}<text class="axis-label" x="${WIDTH / 2}" y="${HEIGHT - 4}" text-anchor="middle">score</text></svg>`;
  const caption = `<figcaption><strong>${escapeHtml(d.id)}</strong><br><span class="muted">${d.n} graded · mean ${d.mean.toFixed(2)} · ${d.belowMin} below min</span></figcaption>`;
  return `<figure class="panel">${caption}${svg}</figure>`;
}
