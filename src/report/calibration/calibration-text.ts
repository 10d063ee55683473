import type { CalibrationReport, HalfFigures } from '../../calibrate/calibrate.js';
import type { ProportionInterval } from '../../findings/statistics.js';
import { formatInterval, formatPercent, formatSigned } from '../format-numbers.js';

/** Plain-text pieces shared by the calibration reporters (each escapes them for its format). */

export const NA = 'n/a';

export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NA : value.toFixed(digits);
}

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? NA : formatPercent(value);
}

/** `62.0% (55.1–68.5%)`, or n/a. */
export function formatRate(interval: ProportionInterval | null): string {
  return interval ? `${formatPercent(interval.estimate)} (${formatInterval(interval.low, interval.high)})` : NA;
}

/** `0.52 (0.43–0.60)`. */
export function formatKappa(kappa: { estimate: number | null; low: number | null; high: number | null }): string {
  if (kappa.estimate === null) return NA;
  const ci = kappa.low === null || kappa.high === null ? 'no CI' : `${kappa.low.toFixed(2)}–${kappa.high.toFixed(2)}`;
  return `${kappa.estimate.toFixed(2)} (${ci})`;
}

export function formatBias(value: number | null): string {
  return value === null ? NA : formatSigned(value, 2);
}

/** A minimum as written in the guide or suggested: `3`, `2.6`. */
export function formatMin(value: number | undefined): string {
  return value === undefined ? NA : String(Math.round(value * 10) / 10);
}

export function describeGuide(report: CalibrationReport): string {
  return `${report.guide.brand} ${report.guide.version} (sha256 ${report.guide.hash.slice(0, 12)})`;
}

export function describeGrader(report: CalibrationReport): string {
  const { kind, model, promptHash } = report.grader;
  return [kind, model, promptHash ? `prompt ${promptHash.slice(0, 12)}` : undefined].filter(Boolean).join(' · ');
}

export function describeLabels(report: CalibrationReport): string {
  const l = report.labels;
  return `${l.file}: ${l.count} label row(s) for ${l.samples} sample(s); ${l.matched} matched of ${report.auditedSamples} audited` +
    (l.multiReviewed > 0 ? `; ${l.multiReviewed} labelled by 2+ reviewers (reference = majority, ties → drift; mean score)` : '');
}

export function describeScope(report: CalibrationReport): string {
  return report.scope === 'check'
    ? `agreement figures: held-out check half only (${report.split.rule})`
    : 'agreement figures: every labelled sample (in-sample for anyone who tuned on these labels)';
}

/** Row cells for one set of minimums on one half: n, precision, recall, FPR, J. */
export function halfCells(figures: HalfFigures): string[] {
  return [String(figures.n), formatRate(figures.precision), formatRate(figures.recall), formatRate(figures.falsePositiveRate), formatNumber(figures.youdenJ)];
}

export const HALF_HEADERS = ['n', 'precision', 'recall', 'false-positive rate', 'Youden J'];
export const SCORE_LABELS = ['1', '2', '3', '4', '5'];
