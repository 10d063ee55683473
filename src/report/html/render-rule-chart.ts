import type { RuleSummary, Severity } from '../../types.js';
import { escapeHtml, truncate } from '../escape.js';
import { formatPercent } from '../format-numbers.js';
import { coord, openSvg, shareTicks } from './svg-frame.js';

const WIDTH = 760;
const ROW = 24;
const LABEL_RIGHT = 214;
const BAR_LEFT = 222;
const BAR_RIGHT = 560;
const TOP = 8;

export const SEVERITY_FILL: Record<Severity, string> = { error: '#c53030', warning: '#c27c0e', info: '#2b6cb0' };

/**
 * Drift by rule: one horizontal bar per rule that matched, its length the share of all samples
 * with a finding of that rule, coloured by severity; sorted by samples, most first. Rules that
 * matched nothing are listed under the chart so a silent rule is visible too.
 */
export function renderRuleChart(rules: readonly RuleSummary[], totalSamples: number): string {
  const matched = rules
    .filter((r) => r.samples > 0)
    .sort((a, b) => b.samples - a.samples || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  const silent = rules.filter((r) => r.samples === 0);
  let out = '';
  if (matched.length === 0) out += '<p class="note">No rule matched any reply.</p>';
  else out += renderBars(matched, totalSamples);
  if (silent.length > 0) {
    const names = silent.map((r) => `<code>${escapeHtml(r.ruleId)}</code>${r.kind === 'judge' ? ' <span class="muted">(judge: needs a grader)</span>' : ''}`);
    out += `<p class="silent-rules"><strong>Rules that matched nothing (${silent.length}):</strong> ${names.join(', ')}</p>`;
  }
  return out;
}

function renderBars(rules: readonly RuleSummary[], totalSamples: number): string {
  const share = (r: RuleSummary): number => (totalSamples === 0 ? 0 : r.samples / totalSamples);
  const { max, ticks } = shareTicks(Math.max(...rules.map(share)));
  const scale = (s: number): number => BAR_LEFT + (s / max) * (BAR_RIGHT - BAR_LEFT);
  const height = TOP + rules.length * ROW + 26;
  const axisY = TOP + rules.length * ROW;
  const desc = rules.map((r) => `${r.ruleId} (${r.severity}): ${r.samples} samples, ${formatPercent(share(r))}, ${r.findings} findings`).join('; ');
  let svg = openSvg('chart-rules', WIDTH, height, 'Share of replies with a finding, by rule', `${desc}.`);
  for (const tick of ticks) {
    const x = scale(tick.share);
    svg += `<line class="grid" x1="${coord(x)}" y1="${TOP - 4}" x2="${coord(x)}" y2="${axisY}"/>`;
    svg += `<text class="tick" x="${coord(x)}" y="${axisY + 14}" text-anchor="middle">${tick.label}</text>`;
  }
  rules.forEach((r, i) => {
    const y = TOP + i * ROW;
    const end = scale(share(r));
    svg += `<g><title>${escapeHtml(`${r.ruleId} — ${r.kind}, ${r.severity}`)}</title>`;
    svg += `<text class="label" x="${LABEL_RIGHT}" y="${y + 16}" text-anchor="end">${escapeHtml(truncate(r.ruleId, 32))}</text>`;
    svg += `<rect x="${BAR_LEFT}" y="${y + 4}" width="${coord(Math.max(1.5, end - BAR_LEFT))}" height="${ROW - 8}" rx="2" fill="${SEVERITY_FILL[r.severity]}"/>`;
    svg += `<text class="value" x="${coord(end + 6)}" y="${y + 16}">${r.samples} (${formatPercent(share(r))}) · ${r.findings} finding${r.findings === 1 ? '' : 's'}</text></g>`;
  });
  svg += `<line class="axis" x1="${BAR_LEFT}" y1="${TOP - 4}" x2="${BAR_LEFT}" y2="${axisY}"/>`;
  svg += `<text class="axis-label" x="${(BAR_LEFT + BAR_RIGHT) / 2}" y="${height - 2}" text-anchor="middle">share of replies with a finding of the rule</text></svg>`;
  const legend = (['error', 'warning', 'info'] as const).map((s) => `<span class="legend-item"><span class="swatch sev-bg-${s}"></span>${s}</span>`).join('');
  return `<figure class="wide">${svg}<figcaption class="legend">${legend}</figcaption></figure>`;
}
