export { createHeuristicGrader, gradeWithHeuristics, hashHeuristic, NEUTRAL_BASELINE, type HeuristicGraderOptions } from './create-heuristic-grader.js';
export { applyDriftModel, driftProbability, type DriftModel } from './drift-model.js';
export { DRIFT_SIGNALS, driftsWithoutModel, readDriftSignals, type DriftSignalName } from './drift-signals.js';
export { DEFAULT_DRIFT_MODEL_FILE, readDriftModel } from './read-drift-model.js';
export { scorePoliteness, type PolitenessSignal } from './score-politeness.js';
export { judgeDrift, MAJOR_DRIFT_SHORTFALL } from './judge-drift.js';
export { BLENDED_REASON } from './select-scorer.js';
export { LEXICON_VERSION } from './lexicon.js';
