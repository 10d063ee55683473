import type { AuditResult } from '../types.js';
import { judgedSamples, type JudgedSample } from './judged-sample.js';
import type { LabelSet } from './label-record.js';
import { measureDimension, type DimensionAgreement, type ScorePair } from './measure-dimension.js';
import { measureReviewers, type ReviewerAgreement } from './measure-reviewers.js';
import { constantBaselines, countDrift, measureVerdict, type ConstantBaselines, type VerdictAgreement } from './measure-verdict.js';
import { aggregateLabels, type ReferenceLabel } from './reference-labels.js';
import { halfOf, SPLIT_RULE } from './split-half.js';
import { evaluateMins, suggestThresholds, type ThresholdItem } from './suggest-thresholds.js';

/** Fewer labelled items than this in a half (or class) earns a plain warning in the report. */
export const FEW_ITEMS = 30;
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 'tone-audit-calibrate';
export const MAX_FALSE_POSITIVE_RATE = 0.15;

export interface CalibrateOptions {
  resamples?: number;
  seed?: string;
  maxFalsePositiveRate?: number;
  /**
   * `all` (default): agreement figures over every matched sample. `check`: only over the held-out
   * check half, so nothing reported was seen while tuning on the fit half (thresholds are always
   * chosen on the fit half).
   */
  scope?: 'all' | 'check';
}

/** Held-out (or in-sample) drift figures under a set of minimums. */
export type HalfFigures = VerdictAgreement & { youdenJ: number };

export interface ThresholdReport {
  /** Set when no minimums could be suggested, with why. */
  skipped?: string;
  objective: string;
  maxFalsePositiveRate: number;
  /** False when no minimums met the FPR limit on the fit half (J was maximised without it). */
  feasible: boolean;
  /** The guide's minimums (the search's starting point). */
  current: Record<string, number>;
  suggested: Record<string, number>;
  /** Fit half, in-sample: the figures the search optimised (optimistic by construction). */
  fit: { current: HalfFigures; suggested: HalfFigures } | null;
  /** Check half, held out: what to expect on new replies. */
  check: { current: HalfFigures; suggested: HalfFigures } | null;
}

/** Everything `tone-audit calibrate` measured: plain data every reporter renders. */
export interface CalibrationReport {
  guide: AuditResult['guide'];
  grader: AuditResult['grader'];
  /** The calibration the audit had applied, if any (its verdicts then reflect those minimums). */
  auditCalibration?: AuditResult['calibration'];
  labels: {
    file: string;
    sha256: string;
    /** Label rows read. */
    count: number;
    /** Distinct sample ids labelled. */
    samples: number;
    /** Labelled samples found in the audit. */
    matched: number;
    /** Labelled ids not found in the audit: how many and the first few. */
    unmatched: { count: number; examples: string[] };
    /** Samples labelled by more than one reviewer. */
    multiReviewed: number;
  };
  auditedSamples: number;
  /** Which samples the dimension and verdict figures cover. */
  scope: 'all' | 'check';
  bootstrap: { resamples: number; seed: string };
  /** Labelled, audited samples in each half (threshold tables give their own n: graded samples only). */
  split: { rule: string; fit: number; check: number };
  dimensions: DimensionAgreement[];
  verdict: VerdictAgreement & { ungraded: number; baselines: ConstantBaselines };
  reviewers: ReviewerAgreement | null;
  thresholds: ThresholdReport;
  /** Plain-language warnings: too few items, no scores, unmatched ids. */
  notes: string[];
}

/**
 * Measures the judge (an audit's verdicts and scores) against reviewers' labels. Pure: the audit
 * and labels are already read. Dimension figures use every matched sample; threshold suggestions
 * are chosen on the fit half and reported on the check half (see {@link SPLIT_RULE}).
 */
export function calibrate(audit: Pick<AuditResult, 'guide' | 'grader' | 'samples' | 'summary' | 'calibration'>, labels: LabelSet, options: CalibrateOptions = {}): CalibrationReport {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const maxFpr = options.maxFalsePositiveRate ?? MAX_FALSE_POSITIVE_RATE;
  const judged = judgedSamples(audit);
  const references = aggregateLabels(labels.records);
  const dimensionIds = audit.summary.dimensions.map((d) => d.id);
  const matched: { judge: JudgedSample; reference: ReferenceLabel }[] = [];
  const unmatched: string[] = [];
  for (const reference of references.values()) {
    const judge = judged.get(reference.id);
    if (judge) matched.push({ judge, reference });
    else unmatched.push(reference.id);
  }
  const notes: string[] = [];
  if (unmatched.length > 0) notes.push(`${unmatched.length} labelled id(s) match no audited sample and are left out (e.g. ${unmatched.slice(0, 3).join(', ')})`);

  const scope = options.scope ?? 'all';
  const measured = scope === 'check' ? matched.filter(({ judge }) => halfOf(judge.id) === 'check') : matched;
  const dimensions = dimensionIds.map((id) => {
    const pairs: ScorePair[] = measured.flatMap(({ judge, reference }) =>
      judge.verdict !== 'ungraded' && judge.scores[id] !== undefined && reference.scores[id] !== undefined ? [{ judge: judge.scores[id]!, reviewer: reference.scores[id]! }] : [],
    );
    return measureDimension(id, pairs, { resamples, seed });
  });
  if (audit.grader.kind === 'none') notes.push('the audit ran without a grader (--grader none): there are no judge scores, only the rules\' verdicts');
  else if (dimensions.every((d) => d.n === 0)) notes.push('no sample has both a judge score and a reviewer score: add per-dimension scores to the labels to measure them');
  else {
    const few = dimensions.filter((d) => d.n > 0 && d.n < FEW_ITEMS);
    if (few.length > 0) notes.push(`only ${few.map((d) => `n=${d.n} (${d.id})`).join(', ')} scored pairs: κ and ρ are rough at this size, read the intervals`);
  }

  const graded = matched.filter(({ judge }) => judge.verdict !== 'ungraded');
  const measuredGraded = measured.filter(({ judge }) => judge.verdict !== 'ungraded');
  const ungraded = measured.length - measuredGraded.length;
  const verdictCore = measureVerdict(countDrift(measuredGraded.map(({ judge, reference }) => ({ judge: judge.verdict === 'drift', reference: reference.verdict === 'drift' }))));
  const verdict = { ...verdictCore, ungraded, baselines: constantBaselines(verdictCore) };
  if (verdict.n > 0 && verdict.n < FEW_ITEMS) notes.push(`only n=${verdict.n} labelled verdicts: precision and recall intervals are wide`);

  const items = graded.flatMap(({ judge, reference }) =>
    judge.grade?.status === 'graded' ? [{ half: halfOf(judge.id), item: { findings: judge.findings, grade: judge.grade, reference: reference.verdict === 'drift' } }] : [],
  );
  const fitItems = items.filter((i) => i.half === 'fit').map((i) => i.item);
  const checkItems = items.filter((i) => i.half === 'check').map((i) => i.item);
  const current = Object.fromEntries(audit.summary.dimensions.map((d) => [d.id, d.min]));
  const thresholds = suggest(fitItems, checkItems, current, audit.grader.kind, maxFpr, notes);

  return {
    guide: audit.guide,
    grader: audit.grader,
    ...(audit.calibration ? { auditCalibration: audit.calibration } : {}),
    labels: {
      file: labels.file,
      sha256: labels.sha256,
      count: labels.records.length,
      samples: references.size,
      matched: matched.length,
      unmatched: { count: unmatched.length, examples: unmatched.slice(0, 5) },
      multiReviewed: [...references.values()].filter((r) => r.reviewers >= 2).length,
    },
    auditedSamples: judged.size,
    scope,
    bootstrap: { resamples, seed },
    split: { rule: SPLIT_RULE, fit: matched.filter(({ judge }) => halfOf(judge.id) === 'fit').length, check: matched.filter(({ judge }) => halfOf(judge.id) === 'check').length },
    dimensions,
    verdict,
    reviewers: measureReviewers(scope === 'check' ? [...references.values()].filter((r) => halfOf(r.id) === 'check') : references.values(), dimensionIds),
    thresholds,
    notes,
  };
}

function suggest(fit: ThresholdItem[], check: ThresholdItem[], current: Record<string, number>, grader: string, maxFpr: number, notes: string[]): ThresholdReport {
  const base = {
    objective: `Youden J (recall − false-positive rate) of the audit's drift verdict, subject to FPR ≤ ${maxFpr}; candidate minimums 1.0–5.0 in steps of 0.1, applied through the audit's own verdict policy`,
    maxFalsePositiveRate: maxFpr,
    current,
  };
  const skip = (why: string): ThresholdReport => ({ ...base, skipped: why, feasible: false, suggested: { ...current }, fit: null, check: null });
  if (grader === 'none' || Object.keys(current).length === 0) return skip('no grader scores: minimums only apply to graded dimensions');
  const fitDrift = fit.filter((i) => i.reference).length;
  if (fitDrift === 0 || fitDrift === fit.length) return skip(`the fit half needs both drift and ok labels (it has n=${fit.length}: ${fitDrift} drift, ${fit.length - fitDrift} ok)`);
  const result = suggestThresholds(fit, { start: current, maxFalsePositiveRate: maxFpr });
  const checkDrift = check.filter((i) => i.reference).length;
  if (fit.length < FEW_ITEMS || check.length < FEW_ITEMS) {
    notes.push(`few labels for threshold suggestions: fit half n=${fit.length} (${fitDrift} drift), check half n=${check.length} (${checkDrift} drift); treat the suggested minimums as a starting point`);
  }
  if (!result.feasible) notes.push(`no minimums keep the false-positive rate at or below ${Math.round(maxFpr * 100)}% on the fit half (the rules' own findings may already flag that many ok replies); Youden J was maximised without the limit`);
  return {
    ...base,
    feasible: result.feasible,
    suggested: result.mins,
    fit: { current: evaluateMins(fit, current), suggested: result.fit },
    check: check.length === 0 ? null : { current: evaluateMins(check, current), suggested: evaluateMins(check, result.mins) },
  };
}
