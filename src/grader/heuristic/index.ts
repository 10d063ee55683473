export { createHeuristicGrader, gradeWithHeuristics, hashHeuristic, NEUTRAL_BASELINE } from './create-heuristic-grader.js';
export { scorePoliteness, type PolitenessSignal } from './score-politeness.js';
export { judgeDrift, MAJOR_DRIFT_SHORTFALL } from './judge-drift.js';
export { BLENDED_REASON } from './select-scorer.js';
export { LEXICON_VERSION } from './lexicon.js';
