import type { Dimension, Finding, Grade } from '../../types.js';
import { DRIFT_SIGNALS, driftsWithoutModel, readDriftSignals, type DriftSignalName } from './drift-signals.js';

/**
 * A logistic regression over {@link DRIFT_SIGNALS}, fitted by `npm run fit`
 * (scripts/fit-drift-model.js) on labelled replies the judge may be tuned on, and read by the
 * heuristic grader at start-up (`data/heuristic-drift-model.json`). It decides only the replies the
 * verdict policy would pass: several weak signals together (two dimensions a little low, a
 * warning, a string of small negative cues) can add up to drift that no single one reaches.
 */
export interface DriftModel {
  /** The signal names, in the order of `weights` (must equal {@link DRIFT_SIGNALS}). */
  signals: readonly string[];
  /** Per signal: the mean and standard deviation it is standardised with before weighting. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** Probability at or above which a reply drifts. */
  threshold: number;
  /** What it was fitted on, as the fit script wrote it (for people; the runtime ignores it). */
  fittedOn?: unknown;
}

/** P(drift | the signals) under the model. */
export function driftProbability(model: DriftModel, signals: Readonly<Record<DriftSignalName, number>>): number {
  let z = model.bias;
  DRIFT_SIGNALS.forEach((name, i) => {
    z += (model.weights[i]! * (signals[name] - model.mean[i]!)) / model.scale[i]!;
  });
  return 1 / (1 + Math.exp(-z));
}

/** The signals that pushed the probability up most, for the finding's message ("worstShortfall 0.4"). */
function strongestSignals(model: DriftModel, signals: Readonly<Record<DriftSignalName, number>>): string {
  return DRIFT_SIGNALS.map((name, i) => ({ name, push: (model.weights[i]! * (signals[name] - model.mean[i]!)) / model.scale[i]! }))
    .filter((s) => s.push > 0)
    .sort((a, b) => b.push - a.push)
    .slice(0, 3)
    .map((s) => `${s.name} ${Math.round(signals[s.name] * 100) / 100}`)
    .join(', ');
}

/**
 * The grade with the model applied: a reply the verdict policy would pass but whose signals reach
 * the model's threshold gets an error violation `heuristic/drift-signals` naming the probability
 * and the signals behind it, and `major-drift`. Any other grade is returned unchanged.
 */
export function applyDriftModel(model: DriftModel, dimensions: readonly Dimension[], ruleFindings: readonly Finding[], grade: Grade): Grade {
  if (grade.status !== 'graded' || driftsWithoutModel(ruleFindings, grade)) return grade;
  const signals = readDriftSignals(dimensions, ruleFindings, grade);
  const probability = driftProbability(model, signals);
  if (probability < model.threshold) return grade;
  const finding: Finding = {
    ruleId: 'heuristic/drift-signals',
    kind: 'grader',
    severity: 'error',
    message: `Weak signals add up to drift (model probability ${probability.toFixed(2)} ≥ ${model.threshold}: ${strongestSignals(model, signals)})`,
    origin: 'grader',
  };
  return { ...grade, violations: [...grade.violations, finding], drift: 'major-drift' };
}
