export type {
  AuditComparison,
  AuditIdentity,
  CompareOptions,
  ComparisonMode,
  ComparisonWarning,
  ConversationChanges,
  DimensionChange,
  FindingChanges,
  FindingRef,
  MeanEstimate,
  PairedSamples,
  PatternChange,
  RateChange,
  RateEstimate,
  RuleChange,
} from './audit-comparison.js';
export { compareAudits, PAIRING_THRESHOLD } from './compare-audits.js';
export { changelogBetween, compareVersions } from './changelog-between.js';
export { trend } from './trend.js';
export type { TrendPoint } from './trend.js';
export { applySuggestions, diffWords } from './word-diff.js';
export type { DiffPart } from './word-diff.js';
