import { Chalk } from 'chalk';
import type { CalibrationReport } from '../../calibrate/calibrate.js';
import { escapeTerminal } from '../escape.js';
import {
  describeGrader, describeGuide, describeLabels, describeScope, formatBias, formatKappa, formatMin, formatNumber, formatRate, formatShare, HALF_HEADERS, halfCells, SCORE_LABELS,
} from './calibration-text.js';

export interface CalibrationRenderOptions {
  /** 0 = no colour … 3 = truecolor (chalk levels). */
  colorLevel: 0 | 1 | 2 | 3;
}

/** The calibration report for a terminal: plain columns, control characters in file names made visible. */
export function renderCalibrationTerminal(report: CalibrationReport, options: CalibrationRenderOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const t = (text: string) => escapeTerminal(text);
  const out: string[] = [];
  out.push(c.bold('tone-audit calibrate: the judge vs reviewer labels'));
  out.push(`guide:     ${t(describeGuide(report))}`);
  out.push(`grader:    ${t(describeGrader(report))}`);
  if (report.auditCalibration) out.push(`note:      the audit had calibration ${t(report.auditCalibration.file)} applied; its verdicts use those minimums`);
  out.push(`labels:    ${t(describeLabels(report))}`);
  out.push(`scope:     ${describeScope(report)}`);
  out.push(`bootstrap: ${report.bootstrap.resamples} resamples, seed "${t(report.bootstrap.seed)}"`);

  const v = report.verdict;
  out.push('', c.bold(`Drift verdict (n=${v.n}${v.ungraded > 0 ? `; ${v.ungraded} ungraded excluded` : ''})`));
  if (v.n === 0) out.push('  no labelled sample with a verdict');
  else {
    out.push(`  precision ${formatRate(v.precision)} · recall ${formatRate(v.recall)} · false-positive rate ${formatRate(v.falsePositiveRate)}`);
    out.push(`  accuracy ${formatShare(v.accuracy)} · κ ${formatNumber(v.kappa)}   constant answers: always drift ${formatShare(v.baselines.alwaysDrift.accuracy)}, always ok ${formatShare(v.baselines.alwaysOk.accuracy)} (κ 0)`);
    const { truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn } = v.counts;
    out.push(table([['', 'reviewers drift', 'reviewers ok'], ['judge drift', String(tp), String(fp)], ['judge pass', String(fn), String(tn)]], '  '));
  }

  out.push('', c.bold('Dimensions (judge score rounded to 1–5 vs reviewer score)'));
  const graded = report.dimensions.filter((d) => d.n > 0);
  if (graded.length === 0) out.push('  no scored pairs');
  else {
    out.push(table([
      ['dimension', 'n', 'κ quadratic (95% CI)', 'exact', '±1', 'bias', 'Spearman ρ'],
      ...graded.map((d) => [t(d.id), String(d.n), formatKappa(d.kappa), formatShare(d.exactAgreement), formatShare(d.withinOne), formatBias(d.bias), formatNumber(d.spearman)]),
    ], '  '));
    out.push(c.dim('  bias = mean judge − reviewer score: positive = the judge is more lenient'));
    out.push('', '  confusion (rows: reviewer score, columns: judge score)');
    for (const d of graded) {
      out.push(`  ${t(d.id)}`);
      out.push(table([['', ...SCORE_LABELS.map((s) => `j${s}`)], ...d.confusion.map((row, r) => [`r${SCORE_LABELS[r]}`, ...row.map(String)])], '    '));
    }
  }

  if (report.reviewers) {
    const r = report.reviewers;
    out.push('', c.bold(`Reviewers (ceiling): ${r.units} sample(s) labelled by 2+ reviewers`));
    out.push(`  verdict α (nominal) ${formatNumber(r.verdictAlpha, 3)}`);
    for (const d of r.dimensions.filter((x) => x.units > 0)) out.push(`  ${t(d.id)}: α interval ${formatNumber(d.interval, 3)}, ordinal ${formatNumber(d.ordinal, 3)} (${d.units} units)`);
  }

  const th = report.thresholds;
  out.push('', c.bold(`Suggested minimums: chosen on the fit half (n=${report.split.fit}), reported on the held-out check half (n=${report.split.check})`));
  if (th.skipped) out.push(`  none: ${t(th.skipped)}`);
  else {
    out.push(`  objective: ${th.objective}${th.feasible ? '' : ' (limit not reachable on the fit half)'}`);
    out.push(table([['dimension', 'guide', 'suggested'], ...Object.keys(th.current).map((id) => [t(id), formatMin(th.current[id]), formatMin(th.suggested[id])])], '  '));
    if (th.check) {
      out.push('', `  held-out check half:`);
      out.push(table([['minimums', ...HALF_HEADERS], ['guide', ...halfCells(th.check.current)], ['suggested', ...halfCells(th.check.suggested)]], '    '));
    } else out.push('  held-out check half: no graded labelled samples');
    if (th.fit) {
      out.push('', `  fit half (in-sample: the search saw these labels, so expect worse on new replies):`);
      out.push(table([['minimums', ...HALF_HEADERS], ['guide', ...halfCells(th.fit.current)], ['suggested', ...halfCells(th.fit.suggested)]], '    '));
    }
  }
  if (report.notes.length > 0) out.push('', c.bold('Notes'), ...report.notes.map((n) => `  - ${t(n)}`));
  return `${out.join('\n')}\n`;
}

/** Left-aligned first column, right-aligned others, two spaces apart. */
function table(rows: string[][], indent: string): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd()).join('\n');
}
