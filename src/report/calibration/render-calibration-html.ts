import type { CalibrationReport } from '../../calibrate/calibrate.js';
import { escapeHtml } from '../escape.js';
import {
  describeGrader, describeGuide, describeLabels, describeScope, formatBias, formatKappa, formatMin, formatNumber, formatRate, formatShare, HALF_HEADERS, halfCells, SCORE_LABELS,
} from './calibration-text.js';

const STYLE = `
body { margin: 0 auto; max-width: 1040px; padding: 24px 28px; color: #1f2933; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 12px; } h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 2px solid #d8dee6; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 6px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; } dt { color: #5f6b7a; } dd { margin: 0; }
table { border-collapse: collapse; margin: 6px 0 12px; } th, td { padding: 4px 10px; border: 1px solid #d8dee6; text-align: right; }
th:first-child, td:first-child { text-align: left; } th { background: #f5f7fa; font-weight: 600; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 20px; }
.heat td { width: 42px; text-align: center; font-variant-numeric: tabular-nums; }
.heat td.diag { outline: 2px solid #2b4c7e; outline-offset: -2px; }
.muted { color: #5f6b7a; font-size: 13.5px; }
.callout { padding: 8px 14px; border-left: 4px solid #b7791f; background: #fdf3dc; border-radius: 4px; }
`;

/** The calibration report as one self-contained HTML page; confusion matrices as heatmaps. All text is escaped. */
export function renderCalibrationHtml(report: CalibrationReport): string {
  const h = escapeHtml;
  const parts: string[] = [];
  parts.push('<h1>Judge calibration against reviewer labels</h1>');
  parts.push('<dl>');
  const meta: [string, string][] = [
    ['Guide', describeGuide(report)],
    ['Grader', describeGrader(report)],
    ['Labels', describeLabels(report)],
    ['Scope', describeScope(report)],
    ['Bootstrap', `${report.bootstrap.resamples} resamples, seed "${report.bootstrap.seed}"`],
    ...(report.auditCalibration ? [['Audit calibration', `the audit had ${report.auditCalibration.file} applied`] as [string, string]] : []),
  ];
  for (const [k, v] of meta) parts.push(`<dt>${h(k)}</dt><dd>${h(v)}</dd>`);
  parts.push('</dl>');
  if (report.notes.length > 0) parts.push(`<div class="callout"><strong>Notes</strong><ul>${report.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul></div>`);

  const v = report.verdict;
  parts.push(`<h2>Drift verdict <span class="muted">n=${v.n}${v.ungraded > 0 ? `, ${v.ungraded} ungraded excluded` : ''}</span></h2>`);
  if (v.n > 0) {
    parts.push(tableHtml(['precision', 'recall', 'false-positive rate', 'accuracy', 'κ', 'always drift', 'always ok'], [[
      formatRate(v.precision), formatRate(v.recall), formatRate(v.falsePositiveRate), formatShare(v.accuracy), formatNumber(v.kappa),
      `${formatShare(v.baselines.alwaysDrift.accuracy)} (κ 0)`, `${formatShare(v.baselines.alwaysOk.accuracy)} (κ 0)`,
    ]]));
    const c = v.counts;
    parts.push(heatmap('judge verdict × reviewer verdict', ['reviewers drift', 'reviewers ok'], ['judge drift', 'judge pass'], [[c.truePositive, c.falsePositive], [c.falseNegative, c.trueNegative]]));
  }

  const graded = report.dimensions.filter((d) => d.n > 0);
  parts.push('<h2>Dimensions</h2>');
  if (graded.length === 0) parts.push('<p>No scored pairs.</p>');
  else {
    parts.push(tableHtml(['dimension', 'n', 'κ quadratic (95% CI)', 'exact', '±1', 'bias', 'Spearman ρ'],
      graded.map((d) => [d.id, String(d.n), formatKappa(d.kappa), formatShare(d.exactAgreement), formatShare(d.withinOne), formatBias(d.bias), formatNumber(d.spearman)])));
    parts.push('<p class="muted">Bias = mean judge − reviewer score (positive: the judge is more lenient). Heatmaps: rows reviewer score, columns judge score (rounded); the outlined diagonal is exact agreement.</p>');
    parts.push(`<div class="heatmaps">${graded.map((d) => heatmap(d.id, SCORE_LABELS.map((s) => `judge ${s}`), SCORE_LABELS.map((s) => `reviewer ${s}`), d.confusion)).join('')}</div>`);
  }

  if (report.reviewers) {
    const r = report.reviewers;
    parts.push(`<h2>Reviewers (the ceiling) <span class="muted">${r.units} sample(s) labelled by 2+ reviewers</span></h2>`);
    parts.push(tableHtml(['what', 'Krippendorff α interval', 'α ordinal (scores) / nominal (verdict)'], [
      ['verdict', '–', formatNumber(r.verdictAlpha, 3)],
      ...r.dimensions.filter((d) => d.units > 0).map((d) => [d.id, formatNumber(d.interval, 3), formatNumber(d.ordinal, 3)]),
    ]));
  }

  const th = report.thresholds;
  parts.push('<h2>Suggested minimums</h2>');
  parts.push(`<p>Chosen on the fit half (n=${report.split.fit}), reported on the held-out check half (n=${report.split.check}); ${h(report.split.rule)}.</p>`);
  if (th.skipped) parts.push(`<p>None: ${h(th.skipped)}</p>`);
  else {
    parts.push(`<p class="muted">Objective: ${h(th.objective)}${th.feasible ? '' : ' (limit not reachable on the fit half)'}.</p>`);
    parts.push(tableHtml(['dimension', 'guide', 'suggested'], Object.keys(th.current).map((id) => [id, formatMin(th.current[id]), formatMin(th.suggested[id])])));
    if (th.check) parts.push('<h3>Held-out check half</h3>', tableHtml(['minimums', ...HALF_HEADERS], [['guide', ...halfCells(th.check.current)], ['suggested', ...halfCells(th.check.suggested)]]));
    if (th.fit) parts.push('<h3>Fit half (in-sample: the search saw these labels)</h3>', tableHtml(['minimums', ...HALF_HEADERS], [['guide', ...halfCells(th.fit.current)], ['suggested', ...halfCells(th.fit.suggested)]]));
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${h(`Calibration: ${report.guide.brand}`)}</title><style>${STYLE}</style></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}

function tableHtml(headers: string[], rows: string[][]): string {
  const h = escapeHtml;
  return `<table><thead><tr>${headers.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((x) => `<td>${h(x)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** A count matrix as a table whose cells shade with their share of the largest cell; the diagonal (agreement) is outlined. */
function heatmap(title: string, columns: string[], rows: string[], matrix: number[][]): string {
  const h = escapeHtml;
  const max = Math.max(1, ...matrix.flat());
  const cell = (value: number, r: number, c: number) => {
    const alpha = (value / max).toFixed(3);
    const dark = value / max > 0.55;
    return `<td class="${r === c ? 'diag' : ''}" style="background: rgba(43, 76, 126, ${alpha}); color: ${dark ? '#fff' : '#1f2933'}" title="${h(`${rows[r]} · ${columns[c]}: ${value}`)}">${value}</td>`;
  };
  return `<figure><h3>${h(title)}</h3><table class="heat"><thead><tr><th></th>${columns.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${matrix
    .map((row, r) => `<tr><th>${h(rows[r]!)}</th>${row.map((value, c) => cell(value, r, c)).join('')}</tr>`)
    .join('')}</tbody></table></figure>`;
}
