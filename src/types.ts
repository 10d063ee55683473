/**
 * The plain data that flows between tone-audit's stages:
 *   load (samples, style guide) → rules / graders → findings → report / diff / backlog.
 * Every stage takes and returns these types; nothing here holds behaviour.
 *
 * Conventions used throughout:
 * - Spans are 0-based UTF-16 offsets into the text they name, `end` exclusive.
 * - Lines and columns in {@link SourceLocation} are 1-based, as editors show them.
 * - Scores are on the guide's dimension scale, 1 (worst) to 5 (best).
 */

export type Severity = 'error' | 'warning' | 'info';

/** Severity order, most severe first; used for sorting and `maxSeverity` gates. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A place in a file a person can jump to. */
export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based; omitted when only the line is known (e.g. a JSONL record). */
  col?: number;
}

/** One problem with a file the user gave us (guide, config, samples). */
export interface Problem {
  location: SourceLocation;
  /** Dotted/indexed path of the offending field, e.g. `rules[1].terms` or `response`. Empty when the whole record is at fault. */
  path: string;
  message: string;
  hint?: string;
}

// ---------------------------------------------------------------------------
// Samples

export type TurnRole = 'customer' | 'bot' | 'agent' | 'system';

export interface Turn {
  role: TurnRole;
  text: string;
}

export type MetadataValue = string | number | boolean | null;

/** One bot reply to audit, with the customer context it answered. */
export interface Sample {
  /** From the data when present, else `h-` + a stable content hash of customer context and response. */
  id: string;
  /** The bot's reply under audit. */
  response: string;
  /** The customer's message this reply answers (the last customer turn when a transcript is given). May be empty. */
  customer: string;
  /** The full conversation before the reply, oldest first, when the data carries one. */
  transcript?: Turn[];
  /** True when the data says the conversation was handed to a human (satisfies escalation rules). */
  escalated?: boolean;
  /** Everything else the record carried: channel, locale, model, prompt_version, timestamp… */
  metadata: Record<string, MetadataValue>;
  /** Where the record came from; `file` is `-` for stdin. */
  source: SourceLocation;
}

/** Maps our field names to the column/key names a team uses. Values may be dotted paths into JSON objects. */
export interface FieldMap {
  id: string;
  response: string;
  customer: string;
  transcript: string;
  escalated: string;
  timestamp: string;
}

export type InputFormat = 'jsonl' | 'csv' | 'json';

// ---------------------------------------------------------------------------
// Style guide

export interface ChangelogEntry {
  version: string;
  date?: string;
  note: string;
}

export interface VoiceTrait {
  id: string;
  description?: string;
  do: string[];
  dont: string[];
}

export interface Dimension {
  id: string;
  name?: string;
  description: string;
  /** Anchors keyed by score (at least the low, middle and high ends, e.g. 1, 3, 5). */
  scale: Record<number, string>;
  /** Minimum acceptable score; a reply below it on any dimension is drifting. */
  min: number;
  /** Relative weight in the overall score (default 1). */
  weight: number;
}

/** A rule as the guide declares it, before its kind compiles it. `options` holds every kind-specific key. */
export interface RuleConfig {
  id: string;
  kind: string;
  severity: Severity;
  /** Message shown with each finding; may use `{{placeholders}}` the kind provides (e.g. `{{match}}`). */
  message?: string;
  description?: string;
  /** Only check replies whose customer context shows all of these signals (e.g. `frustrated`). */
  when?: { customer?: string[] };
  /** Kind-specific keys, exactly as written in YAML. */
  options: Record<string, unknown>;
  /** Index in the guide's `rules` list, or -1 for rules synthesised from `escalation`. Used to locate errors. */
  index: number;
}

/** A topic that must go to a human. */
export interface EscalationTrigger {
  id: string;
  description?: string;
  /** Words/phrases (or `/regex/`) in the customer's message that trigger a handoff. */
  customerMentions: string[];
  /** Customer signals (e.g. `frustrated`, `urgent`) that trigger a handoff, in addition to mentions. */
  customerSignals: string[];
  /** `any` (default): one of `customerSignals` triggers; `all`: only all of them together do (e.g. a furious customer with production down). */
  signalsMatch: 'any' | 'all';
  /** Topics read by meaning in the customer's words (`detect/detect-customer-topics.ts`): compensation, security-incident… */
  customerTopics: string[];
  /** Extra phrases in the reply that count as a proper handoff, besides the built-in handoff detector. */
  handoff: string[];
  severity: Severity;
  message?: string;
}

/** Customer-side signal definitions (`frustrated`, `urgent`, …): phrases or `/regex/` that reveal the condition. */
export interface SignalDefinition {
  id: string;
  description?: string;
  any: string[];
}

export interface GuideExample {
  id: string;
  /** The conversation before `customer`, oldest first (for `conversation` rules). */
  transcript?: Turn[];
  customer: string;
  bad: string;
  good: string;
  why: string;
  /** Rule ids the bad reply must trigger; `guide lint` checks this. */
  catches: string[];
}

/**
 * A reply scored by the guide's authors, shown to the LLM grader as a worked example (few-shot):
 * acceptable and borderline replies as well as drifting ones, so the grader learns where the line is.
 */
export interface ScoredExample {
  id: string;
  customer: string;
  reply: string;
  /** `ok`: the reply is acceptable (it may still be imperfect); `drift`: it is not. */
  verdict: 'ok' | 'drift';
  /** Integer scores 1–5 for some or all of the guide's dimensions (ids checked when the guide loads). */
  scores: Record<string, number>;
  why: string;
}

export interface StyleGuide {
  brand: string;
  version: string;
  changelog: ChangelogEntry[];
  voice: { summary: string; traits: VoiceTrait[] };
  dimensions: Dimension[];
  rules: RuleConfig[];
  escalation: EscalationTrigger[];
  signals: SignalDefinition[];
  examples: GuideExample[];
  /** Scored replies for the LLM grader's rubric (`scored_examples:`); the loader always sets it, `[]` when absent. */
  scoredExamples?: ScoredExample[];
  /** Where the guide came from and the sha256 (hex) of its bytes. */
  source: { file: string; hash: string };
  /**
   * Position of every node in the YAML, keyed by path (`rules[1].terms`), so later stages
   * (rule compilation, example checks) can point at `file:line:col` without re-reading the file.
   */
  positions: Record<string, SourceLocation>;
}

// ---------------------------------------------------------------------------
// Findings

export interface Span {
  start: number;
  end: number;
}

/** A concrete edit that would fix a finding: replace `span` of the response with `replacement`. */
export interface Suggestion {
  span: Span;
  replacement: string;
}

export interface Finding {
  ruleId: string;
  /** Rule kind (`banned`, `prefer`, …), or `grader` for a violation the grader reported. */
  kind: string;
  severity: Severity;
  message: string;
  /** The offending text as it appears in the response, when the finding points at text. */
  match?: string;
  span?: Span;
  suggestion?: Suggestion;
  /** `rule` for the deterministic engine, `grader` for the LLM/heuristic grader. */
  origin: 'rule' | 'grader';
  /**
   * The LLM grader's review of a rule finding from an offline detector that can be wrong (kinds
   * `escalation` and `require`): confirmed, or overruled with the reason. Absent when not reviewed.
   */
  review?: { by: 'llm'; decision: 'confirmed' | 'overruled'; reason: string };
  /** Grader violations on the same text folded into this rule finding (their rule ids); its severity is the most severe of them. */
  alsoFoundBy?: string[];
}

// ---------------------------------------------------------------------------
// Grading

export type GraderKind = 'llm' | 'heuristic' | 'none';
export type DriftVerdict = 'on-brand' | 'minor-drift' | 'major-drift';

/** A signal the heuristic grader saw, and how far it moved a score (explainability). */
export interface Cue {
  label: string;
  /** Points added to (or, when negative, taken from) the dimension score. */
  effect: number;
  /** The text that fired the cue, when there is one. */
  evidence?: string;
}

export interface DimensionScore {
  /** 1–5 (the median over repeats with `--repeat`, so it may end in .5). */
  score: number;
  reason: string;
  cues?: Cue[];
  /** LLM grader: quotes from the reply the score rests on, each found in the reply (others are dropped). */
  evidence?: string[];
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  /** USD, priced from the dated price table. */
  costUsd: number;
}

/** The LLM grader's decision on one rule finding it was asked to review. */
export interface RuleReview {
  ruleId: string;
  decision: 'confirm' | 'overrule';
  reason: string;
}

/** The verdict of one judgement of a reply: acceptable or drifting (`ungraded` when that repeat failed). */
export type RepeatVerdict = 'ok' | 'drift' | 'ungraded';

export interface Grade {
  /** `error` means the grader could not decide: not a pass and not a fail. */
  status: 'graded' | 'error';
  grader: Exclude<GraderKind, 'none'>;
  model?: string;
  scores: Record<string, DimensionScore>;
  /** Violations the grader found, with evidence quotes that occur in the response. */
  violations: Finding[];
  drift: DriftVerdict;
  /** An on-brand rewrite, only when drifting. */
  rewrite?: string;
  /** Why grading failed, when `status` is `error`. */
  error?: string;
  /** Evidence quotes dropped because they do not occur in the response. */
  droppedEvidence?: number;
  usage?: Usage;
  /** True when the verdict came from the on-disk result cache (no API call made). */
  cached?: boolean;
  /** HTTP requests made for this grade (scoring, repeats, rewrite; every retry included); absent means 1, or 0 when `cached`. */
  calls?: number;
  /** LLM grader: its decisions on the `escalation` and `require` findings it was shown (applied to those findings). */
  ruleReviews?: RuleReview[];
  /**
   * LLM grader: `conversation` when this bot turn was scored in one call with the other bot turns of
   * its conversation (that call's usage and requests are on the conversation's last turn; a rewrite
   * is still a call of its own, on its turn). Absent: the turn or reply had its own scoring call.
   */
  call?: 'conversation';
  /**
   * With `--repeat N` (N > 1): each judgement's verdict in order, and how many disagree with the
   * majority (`flips`); scores are the median per dimension and the verdict the majority's.
   */
  repeats?: { n: number; flips: number; verdicts: RepeatVerdict[] };
  /** LLM grader: the rewrite re-checked with the guide's rules (`findings` = error and warning findings; `passed` = none). */
  rewriteCheck?: { findings: number; passed: boolean };
  /**
   * LLM grader: personal data replaced by placeholders in this sample's texts (reply, customer message,
   * transcript) before any request was built, per type; only the types found, absent when none or `--no-redact`.
   */
  redacted?: Partial<Record<RedactionType, number>>;
}

/** Outcome for one sample: `ungraded` means the grader failed on it, so nothing can be concluded. */
export type SampleVerdict = 'pass' | 'drift' | 'ungraded';

export interface SampleResult {
  id: string;
  source: SourceLocation;
  customer: string;
  response: string;
  /** The conversation before the reply, when the input carried one (kept for the backlog's training pairs). */
  transcript?: Turn[];
  /** The input marked the conversation as handed to a human. */
  escalated?: boolean;
  metadata: Record<string, MetadataValue>;
  /** Rule findings first (sorted by span start, then rule id), then grader violations. */
  findings: Finding[];
  grade?: Grade;
  verdict: SampleVerdict;
  /** On the last bot turn of a conversation (`--turns all`): the verdict of the whole conversation. */
  conversation?: ConversationVerdict;
}

/**
 * The customer's distress across a conversation: `rising` (the latest message more upset than the
 * first), `easing` (down from their most upset), `steady`, or `calm` (never upset).
 */
export type FrustrationTrajectory = 'rising' | 'steady' | 'easing' | 'calm';

/**
 * One conversation judged as a whole, from its bot turns' results: it drifts when any turn does (its
 * worst turn decides), plus what happened across the turns.
 */
export interface ConversationVerdict {
  /** The conversation's id (its turns' ids are `<id>#<bot turn>`). */
  id: string;
  verdict: SampleVerdict;
  botTurns: number;
  /** The 0-based bot turns that drift, in order. */
  driftingTurns: number[];
  /** Rule ids of the conversation findings (loop, forgot-context, late escalation…) on any turn, sorted. */
  patterns: string[];
  /** The 0-based bot turn that first handed the customer to a person, when one did. */
  handoffTurn?: number;
  frustration: FrustrationTrajectory;
}

// ---------------------------------------------------------------------------
// Summary and the audit result

/** Kinds of personal data the redactor replaces (`src/redact/`). */
export type RedactionType = 'email' | 'phone' | 'card' | 'iban' | 'ssn' | 'ni' | 'url-token' | 'secret' | 'name';

/** What redaction ran in an audit (known before the first sample: the counts are in `summary.redaction`). */
export interface AuditRedaction {
  /** Texts were redacted before they reached the API (`--no-redact` turns it off). */
  enabled: boolean;
  /** `api`: requests only; `api+output`: also the reports, result cache and backlog (`--redact-output`). */
  scope: 'api' | 'api+output';
  /** The types looked for. */
  types: RedactionType[];
}

export interface RuleSummary {
  ruleId: string;
  kind: string;
  severity: Severity;
  /** Findings of this rule. */
  findings: number;
  /** Samples with at least one finding of this rule. */
  samples: number;
}

export interface DimensionSummary {
  id: string;
  /** Number of graded samples that have a score for this dimension. */
  n: number;
  mean: number;
  /** The guide's minimum acceptable score for this dimension. */
  min: number;
  /** Samples scoring below the dimension's `min`. */
  belowMin: number;
  /** Count per integer score 1..5 (index 0 = score 1). */
  histogram: number[];
}

export interface AuditSummary {
  samples: number;
  passed: number;
  drifting: number;
  ungraded: number;
  /** Input records that could not be read and were skipped. */
  skippedRecords: number;
  findingsBySeverity: Record<Severity, number>;
  /** Every rule in the guide, including those that matched nothing (`findings: 0`), sorted by rule id. */
  rules: RuleSummary[];
  dimensions: DimensionSummary[];
  usage?: Usage & { calls: number; cachedResults: number };
  /** LLM evidence quotes dropped over the whole audit because they do not occur in the reply they cite. */
  droppedEvidence?: number;
  /** With `--repeat`: replies whose repeated judgements disagreed (present only when some reply was judged more than once). */
  unstable?: number;
  /** `unstable` / replies judged more than once (0..1). */
  flipRate?: number;
  /**
   * Personal data replaced over the whole audit, per type (every type listed), when redaction is
   * enabled: occurrences in the samples' texts, each sample counted once (not per repeat or rewrite).
   */
  redaction?: { counts: Record<RedactionType, number> };
  /** When samples came from conversations (`--turns all`): metrics per conversation. */
  conversations?: ConversationSummary;
}

/** Conversation metrics over the audit (each conversation's bot turns judged in context). */
export interface ConversationSummary {
  conversations: number;
  /** Conversations with at least one drifting bot turn (a conversation's verdict is its worst turn's). */
  drifting: number;
  /** Conversations with a finding of each `conversation` rule (loop, forgot-context, …), by rule id. */
  patterns: Record<string, number>;
  /** Conversations in which some bot turn handed off to a person. */
  handedOff: number;
  /** Over those: bot turns up to and including the first handoff (1 = the first bot turn handed off). */
  meanBotTurnsUntilHandoff: number;
  /** The customer's distress across each conversation ({@link FrustrationTrajectory}). */
  frustration: Record<FrustrationTrajectory, number>;
}

export interface GateResult {
  passed: boolean;
  /** Every reason the gate failed (empty when passed). */
  reasons: string[];
}

/** The result schema this tone-audit writes, and every version it reads. */
export const AUDIT_SCHEMA_VERSION = 2;
export type AuditSchemaVersion = 1 | 2;

export interface AuditResult {
  /**
   * Bumped on any breaking change to this shape. 2 added `samples[].conversation`; results of
   * version 1 are still read (as baselines and by `diff`).
   */
  schemaVersion: AuditSchemaVersion;
  tool: { name: 'tone-audit'; version: string };
  guide: { brand: string; version: string; hash: string; file: string };
  grader: { kind: GraderKind; model?: string; promptHash?: string };
  /** The calibration record applied (`--calibration` or config `calibration`), when one was. */
  calibration?: AuditCalibration;
  /** What redaction of personal data ran (absent in results written before it existed). */
  redaction?: AuditRedaction;
  inputs: string[];
  samples: SampleResult[];
  /** Records skipped while loading, with where and why. */
  inputProblems: Problem[];
  summary: AuditSummary;
  gate: GateResult;
}

/**
 * A calibration record (written by `tone-audit calibrate --write`) applied to an audit: its
 * per-dimension minimums replaced the guide's in the grader's drift decision.
 */
export interface AuditCalibration {
  /** The record file, relative to where the audit ran when inside it. */
  file: string;
  /** When the record was written (ISO 8601). */
  createdAt: string;
  /** sha256 (hex) of the record file's bytes. */
  sha256: string;
  /** True when the record was measured with another guide (hash) or judge (grader kind, model or prompt hash). */
  stale: boolean;
}

/** Everything in an {@link AuditResult} that is known before the first sample is read. */
export type AuditHeader = Pick<AuditResult, 'schemaVersion' | 'tool' | 'guide' | 'grader' | 'calibration' | 'redaction' | 'inputs'>;
