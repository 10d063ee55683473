import type { GraderKind, Severity } from '../types.js';

/**
 * The shapes `compareAudits` returns. All rates are shares in [0, 1]; "change" is always
 * head − base, so a positive change in a drift or rule rate is a regression.
 */

/** How two audits were compared. */
export type ComparisonMode = 'paired' | 'unpaired';

/** Something that makes the two audits less comparable than they look. */
export interface ComparisonWarning {
  code: 'guide-version' | 'guide-hash' | 'grader-kind' | 'grader-model' | 'grader-prompt' | 'schema-version' | 'tool-version';
  /** A full sentence naming both values. */
  message: string;
}

/** Which audit it was, for headings and warnings. */
export interface AuditIdentity {
  /** `<guide version> · <inputs>` unless the caller gave a label. */
  label: string;
  guideVersion: string;
  guideHash: string;
  grader: { kind: GraderKind; model?: string; promptHash?: string };
  inputs: string[];
  samples: number;
}

/** `count` of `n` with a 95% Wilson interval (`low`..`high`). */
export interface RateEstimate {
  count: number;
  n: number;
  rate: number;
  low: number;
  high: number;
}

/** A rate in both audits and whether it moved. */
export interface RateChange {
  base: RateEstimate;
  head: RateEstimate;
  /** head.rate − base.rate. */
  change: number;
  /** `two-proportion` (pooled z) for independent samples, `mcnemar` (exact) for paired ones. */
  test: 'two-proportion' | 'mcnemar';
  /** Two-sided. */
  pValue: number;
  /** pValue < alpha and not {@link tooSmall}. */
  significant: boolean;
  /** A plain reason when there is too little data to conclude anything. */
  tooSmall?: string;
}

/** Per rule: the share of samples with at least one finding of the rule, and finding counts. */
export interface RuleChange extends RateChange {
  ruleId: string;
  kind: string;
  severity: Severity;
  /** Whether the rule exists in both guides; a rule in one guide only compares against nothing. */
  presentIn: 'both' | 'base' | 'head';
  baseFindings: number;
  headFindings: number;
  /** headFindings − baseFindings. */
  findingsChange: number;
}

/** Scores on one dimension in one audit; `variance` is the sample variance (n − 1). */
export interface MeanEstimate {
  n: number;
  mean: number;
  variance: number;
}

/** Per dimension: mean score change (head − base, on the 1–5 scale) and, unpaired, the below-min rate. */
export interface DimensionChange {
  id: string;
  presentIn: 'both' | 'base' | 'head';
  base: MeanEstimate;
  head: MeanEstimate;
  change: number;
  /** `welch` for independent samples; `paired-t` over the samples scored in both audits. */
  test: 'welch' | 'paired-t';
  t: number;
  df: number;
  pValue: number;
  significant: boolean;
  tooSmall?: string;
  /** Share of scored samples below the dimension's `min` (unpaired only: the minimum is not in per-sample results). */
  belowMin?: RateChange;
}

/** Sample ids by how their verdict moved (paired mode). Lists follow the head audit's order. */
export interface PairedSamples {
  /** Samples in both audits. */
  shared: number;
  onlyInBase: string[];
  onlyInHead: string[];
  /** pass → drift. */
  newlyDrifting: string[];
  /** drift → pass. */
  fixed: string[];
  stillDrifting: string[];
  stillPassing: string[];
  /** Ungraded in either audit, so nothing can be said about them. */
  ungraded: string[];
}

/** A finding as reported in a comparison. */
export interface FindingRef {
  sampleId: string;
  ruleId: string;
  kind: string;
  severity: Severity;
  message: string;
  match?: string;
}

/**
 * Findings matched by (sample id, rule id, normalised matched text, occurrence) — never by
 * offsets — over the samples in both audits (paired mode).
 */
export interface FindingChanges {
  new: FindingRef[];
  resolved: FindingRef[];
  unchanged: number;
}

/** A conversation whose conversation patterns (rule ids of `conversation` findings) changed. */
export interface PatternChange {
  /** The conversation id. */
  id: string;
  /** In the head audit only. */
  added: string[];
  /** In the base audit only. */
  removed: string[];
}

/**
 * Conversations compared as units (when either audit judged transcripts with `--turns all`).
 * Paired when both audits carry per-conversation verdicts and the samples were paired; otherwise
 * each audit's conversation drift rate from its summary.
 */
export interface ConversationChanges {
  mode: ComparisonMode;
  modeReason: string;
  /** Drifting conversations / conversations with a verdict (paired: in both audits). */
  drift: RateChange;
  /** Paired only: conversation ids by how their verdict moved (the lists hold conversation ids). */
  conversations?: PairedSamples;
  /** Paired only: conversations in both audits whose patterns changed, in the head audit's order. */
  patterns?: PatternChange[];
}

export interface AuditComparison {
  mode: ComparisonMode;
  /** Why this mode was chosen, as a sentence. */
  modeReason: string;
  base: AuditIdentity;
  head: AuditIdentity;
  warnings: ComparisonWarning[];
  overlap: { baseSamples: number; headSamples: number; shared: number; shareOfHead: number };
  /**
   * Drift rate = drifting / samples with a verdict (not `ungraded`). Paired: over the samples
   * with a verdict in both audits. Unpaired: each audit's own summary (see driftRateOf).
   */
  drift: RateChange;
  /** Union of both guides' rules, sorted by rule id. Denominator: all samples (rules do not need a grader). */
  rules: RuleChange[];
  /** Union of both audits' dimensions, sorted by id. */
  dimensions: DimensionChange[];
  /** Paired mode only. */
  samples?: PairedSamples;
  /** Paired mode only. */
  findings?: FindingChanges;
  /** When either audit judged conversations. */
  conversations?: ConversationChanges;
}

/** Options for `compareAudits`. */
export interface CompareOptions {
  /** `auto` (default): paired when at least half of the head audit's sample ids occur in the base audit. */
  mode?: ComparisonMode | 'auto';
  /** Below this many samples per audit, unpaired tests are marked `tooSmall` (default 30). */
  minSamples?: number;
  /** Significance level (default 0.05). */
  alpha?: number;
  labels?: { base?: string; head?: string };
}
