import type { Finding, Grade, GraderKind, Sample } from '../types.js';

/** One bot turn of a conversation as a grader receives it. */
export interface ConversationTurn {
  sample: Sample;
  findings: readonly Finding[];
}

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
  /**
   * Optional: grade the bot turns of one conversation (in order, each with its rule findings and
   * the transcript before it), one grade per turn. A grader that has it decides per conversation
   * whether one call for all turns is cheaper than one per turn; grades from a whole-conversation
   * call say so (`call: 'conversation'`).
   */
  gradeConversation?(turns: readonly ConversationTurn[], signal?: AbortSignal): Promise<Grade[]>;
  /** Flush caches/state; called once at the end of an audit. */
  close?(): Promise<void>;
}

/**
 * The grader's reviews applied to the rule findings they name: each finding of a reviewed rule gets
 * `review` (confirmed or overruled, with the reason). Findings without a review are returned as they
 * are. Pure; whether an overruled finding still counts is the verdict's business, not the grader's.
 */
export function applyRuleReviews(findings: readonly Finding[], grade: Grade | undefined): Finding[] {
  const reviews = grade?.status === 'graded' ? (grade.ruleReviews ?? []) : [];
  if (reviews.length === 0) return [...findings];
  return findings.map((finding) => {
    const review = finding.origin === 'rule' ? reviews.find((r) => r.ruleId === finding.ruleId) : undefined;
    if (!review) return finding;
    return { ...finding, review: { by: 'llm', decision: review.decision === 'overrule' ? 'overruled' : 'confirmed', reason: review.reason } };
  });
}
