import { decideVerdict } from '../findings/decide-verdict.js';
import { judgeDrift } from '../grader/heuristic/judge-drift.js';
import type { Dimension, DriftVerdict, Finding, Grade } from '../types.js';
import { countDrift, measureVerdict, type VerdictAgreement } from './measure-verdict.js';

/** One labelled, graded sample as the threshold search sees it. */
export interface ThresholdItem {
  findings: readonly Finding[];
  grade: Grade;
  /** The reviewers' (majority) verdict is drift. */
  reference: boolean;
}

export interface ThresholdSearchOptions {
  /** Dimension ids and the minimums to start from (the guide's). */
  start: Record<string, number>;
  /** The false-positive rate the minimums should stay within, when any can. */
  maxFalsePositiveRate: number;
}

export interface ThresholdSearchResult {
  mins: Record<string, number>;
  /** In-sample figures on the items searched. */
  fit: VerdictAgreement & { youdenJ: number };
  /** Whether the FPR limit could be met on the items searched; when not, J was maximised without it. */
  feasible: boolean;
}

/** Candidate minimums: 1.0, 1.1, … 5.0 (a minimum of 1.0 never flags a dimension). */
export const CANDIDATE_MINS: readonly number[] = Array.from({ length: 41 }, (_, i) => (10 + i) / 10);

const DRIFT_LEVELS: readonly DriftVerdict[] = ['on-brand', 'minor-drift', 'major-drift'];

/** An item with its verdict precomputed for each grader drift level: minimums only move the grader's drift. */
interface PreparedItem {
  grade: Grade;
  reference: boolean;
  verdictAt: Record<DriftVerdict, boolean>;
}

function prepare(items: readonly ThresholdItem[]): PreparedItem[] {
  return items.map((item) => ({
    grade: item.grade,
    reference: item.reference,
    verdictAt: Object.fromEntries(DRIFT_LEVELS.map((drift) => [drift, decideVerdict(item.findings, { ...item.grade, drift }) === 'drift'])) as Record<DriftVerdict, boolean>,
  }));
}

function dimensionsWith(mins: Record<string, number>): Dimension[] {
  return Object.entries(mins).map(([id, min]) => ({ id, min, description: '', scale: {}, weight: 1 }));
}

/**
 * The audit's drift decision for one item had the guide's minimums been `mins`: the grader's drift
 * re-decided from its scores ({@link judgeDrift}, as a calibrated audit does), then the project's
 * verdict policy ({@link decideVerdict}). Using the same two functions as the audit keeps the
 * search and the calibrated audit in step whatever the policy says.
 */
export function decideDrift(item: ThresholdItem, mins: Record<string, number>): boolean {
  return decideVerdict(item.findings, { ...item.grade, drift: judgeDrift(dimensionsWith(mins), item.grade.scores) }) === 'drift';
}

function evaluatePrepared(items: readonly PreparedItem[], mins: Record<string, number>): VerdictAgreement & { youdenJ: number } {
  const dimensions = dimensionsWith(mins);
  const agreement = measureVerdict(countDrift(items.map((item) => ({ judge: item.verdictAt[judgeDrift(dimensions, item.grade.scores)], reference: item.reference }))));
  const youdenJ = (agreement.recall?.estimate ?? 0) - (agreement.falsePositiveRate?.estimate ?? 0);
  return { ...agreement, youdenJ };
}

/** Judge-under-`mins` vs reference on `items`, with Youden J (recall − FPR). */
export function evaluateMins(items: readonly ThresholdItem[], mins: Record<string, number>): VerdictAgreement & { youdenJ: number } {
  return evaluatePrepared(prepare(items), mins);
}

/**
 * Chooses per-dimension minimums by coordinate ascent: starting from `start`, each dimension in
 * turn tries every candidate with the others held fixed and keeps the best, until a full round
 * changes nothing. "Best" = meets the FPR limit, then the highest Youden J, then the lowest FPR;
 * a candidate must be strictly better to replace the current value, and among equals the one
 * nearest the starting minimum wins (then the lower), so the result is deterministic and moves the
 * guide no more than the labels justify. Coordinate ascent finds a local optimum; with monotone
 * per-dimension thresholds that is usually the global one, and it costs rounds × dims × 41 × n.
 */
export function suggestThresholds(items: readonly ThresholdItem[], options: ThresholdSearchOptions): ThresholdSearchResult {
  const prepared = prepare(items);
  const dimensions = Object.keys(options.start);
  const mins = { ...options.start };
  const rank = (m: Record<string, number>) => {
    const e = evaluatePrepared(prepared, m);
    const fpr = e.falsePositiveRate?.estimate ?? 0;
    return { e, key: [fpr <= options.maxFalsePositiveRate ? 1 : 0, e.youdenJ, -fpr] };
  };
  let current = rank(mins);
  for (let round = 0; round < 20; round++) {
    let changed = false;
    for (const id of dimensions) {
      let best = current;
      let bestValue = mins[id]!;
      for (const candidate of CANDIDATE_MINS) {
        if (candidate === mins[id]) continue;
        const tried = rank({ ...mins, [id]: candidate });
        const cmp = compareKeys(tried.key, best.key);
        const nearer = Math.abs(candidate - options.start[id]!) < Math.abs(bestValue - options.start[id]!);
        if (cmp > 0 || (cmp === 0 && bestValue !== mins[id] && nearer)) {
          best = tried;
          bestValue = candidate;
        }
      }
      if (bestValue !== mins[id]) {
        mins[id] = bestValue;
        current = best;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { mins, fit: current.e, feasible: current.key[0] === 1 };
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (Math.abs(d) > 1e-12) return d > 0 ? 1 : -1;
  }
  return 0;
}
