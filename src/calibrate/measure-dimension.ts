import { bootstrapInterval, cohenKappa, confusionMatrix, spearman } from './statistics/index.js';

/** One labelled, graded sample's score on one dimension. */
export interface ScorePair {
  /** The judge's score, unrounded (1–5). */
  judge: number;
  /** The reference score: one reviewer's, or the mean of several (1–5). */
  reviewer: number;
}

/** How well the judge's scores on one dimension agree with the reviewers'. */
export interface DimensionAgreement {
  id: string;
  /** Samples with both a judge score and a reviewer score on this dimension. */
  n: number;
  /**
   * Quadratic-weighted Cohen's κ of the judge score rounded to the nearest whole number vs the
   * reference score rounded the same way (a mean of 3.5 rounds to 4), with a percentile bootstrap 95% CI.
   */
  kappa: { estimate: number | null; low: number | null; high: number | null };
  /** Share of samples where the rounded scores are equal. */
  exactAgreement: number | null;
  /** Share where they differ by at most one point. */
  withinOne: number | null;
  /** 5×5 counts: `confusion[r][j]` = reference score r + 1 and judge score j + 1 (both rounded). */
  confusion: number[][];
  /** Mean of judge − reference (unrounded): positive means the judge is more lenient than the reviewers. */
  bias: number | null;
  /** Spearman's ρ of the unrounded judge scores vs the reference scores (ties get average ranks). */
  spearman: number | null;
  judgeMean: number | null;
  reviewerMean: number | null;
}

/** Rounds a 1–5 score to its category index 0..4 (half up). */
export function scoreCategory(score: number): number {
  return Math.min(5, Math.max(1, Math.round(score))) - 1;
}

/** Agreement on one dimension; the bootstrap uses `seed` (combined with the dimension id so dimensions draw independent streams). */
export function measureDimension(id: string, pairs: readonly ScorePair[], bootstrap: { resamples: number; seed: string }): DimensionAgreement {
  const n = pairs.length;
  const judge = pairs.map((p) => scoreCategory(p.judge));
  const reviewer = pairs.map((p) => scoreCategory(p.reviewer));
  const confusion = confusionMatrix(reviewer, judge, 5);
  const estimate = cohenKappa(confusion, 'quadratic');
  const ci = bootstrapInterval(n, (idx) => cohenKappa(confusionMatrix(idx.map((i) => reviewer[i]!), idx.map((i) => judge[i]!), 5), 'quadratic'), {
    resamples: bootstrap.resamples,
    seed: `${bootstrap.seed}/${id}`,
  });
  const share = (count: number) => (n === 0 ? null : count / n);
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);
  return {
    id,
    n,
    kappa: { estimate, low: estimate === null ? null : ci.low, high: estimate === null ? null : ci.high },
    exactAgreement: share(judge.filter((j, i) => j === reviewer[i]).length),
    withinOne: share(judge.filter((j, i) => Math.abs(j - reviewer[i]!) <= 1).length),
    confusion,
    bias: mean(pairs.map((p) => p.judge - p.reviewer)),
    spearman: spearman(pairs.map((p) => p.judge), pairs.map((p) => p.reviewer)),
    judgeMean: mean(pairs.map((p) => p.judge)),
    reviewerMean: mean(pairs.map((p) => p.reviewer)),
  };
}
