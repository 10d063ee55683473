import type { CalibrationReport } from '../../calibrate/calibrate.js';
import { mdCell, mdCode, mdText } from '../markdown-syntax.js';
import {
  describeGrader, describeGuide, describeLabels, describeScope, formatBias, formatKappa, formatMin, formatNumber, formatRate, formatShare, HALF_HEADERS, halfCells, SCORE_LABELS,
} from './calibration-text.js';

/** The calibration report as GitHub-flavoured Markdown (PR comment, step summary). */
export function renderCalibrationMarkdown(report: CalibrationReport): string {
  const out: string[] = ['## tone-audit calibrate: the judge vs reviewer labels', ''];
  out.push(`- **Guide:** ${mdText(describeGuide(report))}`);
  out.push(`- **Grader:** ${mdText(describeGrader(report))}`);
  if (report.auditCalibration) out.push(`- **Note:** the audit had calibration ${mdCode(report.auditCalibration.file)} applied`);
  out.push(`- **Labels:** ${mdText(describeLabels(report))}`);
  out.push(`- **Scope:** ${mdText(describeScope(report))}`);
  out.push(`- **Bootstrap:** ${report.bootstrap.resamples} resamples, seed ${mdCode(report.bootstrap.seed)}`, '');

  const v = report.verdict;
  out.push(`### Drift verdict (n=${v.n}${v.ungraded > 0 ? `; ${v.ungraded} ungraded excluded` : ''})`, '');
  if (v.n > 0) {
    out.push(tableMd(['precision', 'recall', 'false-positive rate', 'accuracy', 'κ', 'always drift', 'always ok'], [[
      formatRate(v.precision), formatRate(v.recall), formatRate(v.falsePositiveRate), formatShare(v.accuracy), formatNumber(v.kappa),
      `${formatShare(v.baselines.alwaysDrift.accuracy)} (κ 0)`, `${formatShare(v.baselines.alwaysOk.accuracy)} (κ 0)`,
    ]]), '');
    const c = v.counts;
    out.push(tableMd(['', 'reviewers drift', 'reviewers ok'], [['judge drift', String(c.truePositive), String(c.falsePositive)], ['judge pass', String(c.falseNegative), String(c.trueNegative)]]), '');
  }

  const graded = report.dimensions.filter((d) => d.n > 0);
  out.push('### Dimensions', '');
  if (graded.length === 0) out.push('No scored pairs.', '');
  else {
    out.push(tableMd(['dimension', 'n', 'κ quadratic (95% CI)', 'exact', '±1', 'bias', 'Spearman ρ'],
      graded.map((d) => [mdCell(d.id), String(d.n), formatKappa(d.kappa), formatShare(d.exactAgreement), formatShare(d.withinOne), formatBias(d.bias), formatNumber(d.spearman)])), '');
    out.push('Bias = mean judge − reviewer score (positive: the judge is more lenient). Confusion matrices: rows reviewer score, columns judge score.', '');
    for (const d of graded) {
      out.push(`<details><summary>${mdText(d.id)} confusion</summary>`, '');
      out.push(tableMd(['', ...SCORE_LABELS.map((s) => `judge ${s}`)], d.confusion.map((row, r) => [`reviewer ${SCORE_LABELS[r]}`, ...row.map(String)])), '', '</details>', '');
    }
  }

  if (report.reviewers) {
    const r = report.reviewers;
    out.push(`### Reviewers (ceiling): ${r.units} sample(s) labelled by 2+ reviewers`, '');
    out.push(tableMd(['what', 'α interval', 'α ordinal / nominal'], [
      ['verdict', NA_CELL, formatNumber(r.verdictAlpha, 3)],
      ...r.dimensions.filter((d) => d.units > 0).map((d) => [mdCell(d.id), formatNumber(d.interval, 3), formatNumber(d.ordinal, 3)]),
    ]), '');
  }

  const th = report.thresholds;
  out.push(`### Suggested minimums`, '', `Chosen on the fit half (n=${report.split.fit}), reported on the held-out check half (n=${report.split.check}); ${mdText(report.split.rule)}.`, '');
  if (th.skipped) out.push(`None: ${mdText(th.skipped)}`, '');
  else {
    out.push(`Objective: ${mdText(th.objective)}${th.feasible ? '' : ' (limit not reachable on the fit half)'}.`, '');
    out.push(tableMd(['dimension', 'guide', 'suggested'], Object.keys(th.current).map((id) => [mdCell(id), formatMin(th.current[id]), formatMin(th.suggested[id])])), '');
    if (th.check) out.push('**Held-out check half**', '', tableMd(['minimums', ...HALF_HEADERS], [['guide', ...halfCells(th.check.current)], ['suggested', ...halfCells(th.check.suggested)]]), '');
    if (th.fit) out.push('Fit half (in-sample: the search saw these labels)', '', tableMd(['minimums', ...HALF_HEADERS], [['guide', ...halfCells(th.fit.current)], ['suggested', ...halfCells(th.fit.suggested)]]), '');
  }
  if (report.notes.length > 0) out.push('### Notes', '', ...report.notes.map((n) => `- ${mdText(n)}`), '');
  return `${out.join('\n').trimEnd()}\n`;
}

const NA_CELL = '–';

function tableMd(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
