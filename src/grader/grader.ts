import type { Finding, Grade, GraderKind, Sample } from '../types.js';

/**
 * A grader scores one reply on the guide's dimensions. It never throws for a reply it could not
 * judge: it returns `status: 'error'` with the reason (timeouts, refusals, malformed output),
 * which the gate treats as ungraded — never as a pass or a fail.
 */
export interface Grader {
  readonly kind: Exclude<GraderKind, 'none'>;
  /** Model id for LLM graders. */
  readonly model?: string;
  /** sha256 of the rendered system prompt (LLM) or of the heuristic's lexicon version. */
  readonly promptHash?: string;
  /**
   * Grade one sample. `ruleFindings` are the deterministic findings already found, so a grader
   * can take them into account (e.g. a rewrite that also fixes banned terms).
   */
  grade(sample: Sample, ruleFindings: readonly Finding[], signal?: AbortSignal): Promise<Grade>;
  /** Flush caches/state; called once at the end of an audit. */
  close?(): Promise<void>;
}
