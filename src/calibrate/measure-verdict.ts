import { cohenKappa, wilsonInterval, type ProportionInterval } from './statistics/index.js';

/** Judge drift vs reference drift counts; "positive" means drift. */
export interface DriftCounts {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

/** How well the judge's drift verdict matches the reviewers' on `n` samples. */
export interface VerdictAgreement {
  n: number;
  counts: DriftCounts;
  /** Share of the judge's drift calls that reviewers also call drift (Wilson 95%); null when the judge called none. */
  precision: ProportionInterval | null;
  /** Share of the reviewers' drift the judge caught; null when reviewers called none. */
  recall: ProportionInterval | null;
  /** Share of the reviewers' ok replies the judge flagged; null when reviewers called none ok. */
  falsePositiveRate: ProportionInterval | null;
  accuracy: number | null;
  /** Cohen's κ (unweighted, 2×2). */
  kappa: number | null;
  /** Share of samples the reviewers call drift. */
  prevalence: number | null;
}

/** What a constant answer would score on the same samples (its κ is 0 by definition). */
export interface ConstantBaselines {
  alwaysDrift: { accuracy: number | null; kappa: 0 };
  alwaysOk: { accuracy: number | null; kappa: 0 };
}

/** Tallies paired (judge drift?, reference drift?) decisions. */
export function countDrift(pairs: readonly { judge: boolean; reference: boolean }[]): DriftCounts {
  const counts: DriftCounts = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
  for (const { judge, reference } of pairs) {
    if (judge && reference) counts.truePositive++;
    else if (judge) counts.falsePositive++;
    else if (reference) counts.falseNegative++;
    else counts.trueNegative++;
  }
  return counts;
}

/** Precision, recall, false-positive rate (Wilson 95%), accuracy and κ from drift counts. */
export function measureVerdict(counts: DriftCounts): VerdictAgreement {
  const { truePositive: tp, falsePositive: fp, falseNegative: fn, trueNegative: tn } = counts;
  const n = tp + fp + fn + tn;
  const interval = (x: number, of: number) => (of === 0 ? null : wilsonInterval(x, of));
  return {
    n,
    counts,
    precision: interval(tp, tp + fp),
    recall: interval(tp, tp + fn),
    falsePositiveRate: interval(fp, fp + tn),
    accuracy: n === 0 ? null : (tp + tn) / n,
    // Rows: reference drift / ok; columns: judge drift / ok.
    kappa: cohenKappa([[tp, fn], [fp, tn]]),
    prevalence: n === 0 ? null : (tp + fn) / n,
  };
}

export function constantBaselines(agreement: VerdictAgreement): ConstantBaselines {
  const p = agreement.prevalence;
  return { alwaysDrift: { accuracy: p, kappa: 0 }, alwaysOk: { accuracy: p === null ? null : 1 - p, kappa: 0 } };
}
