import { z } from 'zod';
import type { DimensionScore, Finding, Grade, RuleReview, Sample, StyleGuide } from '../../types.js';
import { locateQuote } from './locate-quote.js';
import { reviewableFindings } from './rule-reviews.js';
import { DRIFT, SEVERITIES, violationIds } from './verdict-schema.js';

export { buildRewriteSchema, buildVerdictSchema, violationIds } from './verdict-schema.js';
export { locateQuote } from './locate-quote.js';

/** Outcome of parsing a model's verdict: a graded {@link Grade} (no model/usage yet) or why it was rejected. */
export type VerdictResult = { ok: true; grade: Grade } | { ok: false; error: string };

function verdictSchema(guide: StyleGuide) {
  const ids = new Set(violationIds(guide));
  // `reason` is the pre-evidence shape, still accepted from servers that answer in plain text.
  const score = z
    .object({ evidence: z.array(z.string()).default([]), reasoning: z.string().optional(), reason: z.string().optional(), score: z.number().int().min(1).max(5) })
    .refine((s) => s.reasoning !== undefined || s.reason !== undefined, { message: 'reasoning: missing' });
  return z.object({
    ruleReviews: z.array(z.object({ ruleId: z.string(), decision: z.enum(['confirm', 'overrule']), reason: z.string() })).default([]),
    scores: z.record(z.string(), score),
    violations: z.array(
      z.object({
        id: z.string().refine((id) => ids.has(id), { message: 'names no rule, trigger or trait of the guide' }),
        severity: z.enum(SEVERITIES),
        quote: z.string(),
        why: z.string(),
      }),
    ),
    drift: z.enum(DRIFT),
  });
}

/**
 * Validates a model's scoring verdict and turns it into a graded {@link Grade}. Pure.
 * - Every guide dimension must be scored (1–5); extra dimensions are ignored.
 * - Evidence quotes and violation quotes that do not occur in the reply (after whitespace and
 *   quote-mark normalisation) are dropped and counted in `droppedEvidence`: the model may not invent evidence.
 * - Rule reviews are kept only for the reviewable findings (`ruleFindings` of kind escalation/require)
 *   of this reply, the first per rule id; the rest are ignored.
 * - A reply scoring below a dimension's `min` is drifting whatever the model said (the guide's definition).
 */
export function parseVerdict(raw: unknown, sample: Sample, guide: StyleGuide, ruleFindings: readonly Finding[] = []): VerdictResult {
  const parsed = verdictSchema(guide).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `invalid verdict: ${where}${issue?.message ?? 'does not match the schema'}` };
  }
  const verdict = parsed.data;
  let droppedEvidence = 0;
  const scores: Record<string, DimensionScore> = {};
  for (const dimension of guide.dimensions) {
    const entry = verdict.scores[dimension.id];
    if (!entry) return { ok: false, error: `invalid verdict: scores.${dimension.id}: missing` };
    const evidence: string[] = [];
    for (const quote of entry.evidence) {
      const span = locateQuote(sample.response, quote);
      if (span) evidence.push(sample.response.slice(span.start, span.end));
      else droppedEvidence += 1;
    }
    scores[dimension.id] = { score: entry.score, reason: (entry.reasoning ?? entry.reason ?? '').trim(), evidence };
  }

  const violations: Finding[] = [];
  for (const violation of verdict.violations) {
    const span = locateQuote(sample.response, violation.quote);
    if (!span) {
      droppedEvidence += 1;
      continue;
    }
    violations.push({
      ruleId: violation.id,
      kind: 'grader',
      severity: violation.severity,
      message: violation.why.trim(),
      match: sample.response.slice(span.start, span.end),
      span,
      origin: 'grader',
    });
  }
  violations.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || a.ruleId.localeCompare(b.ruleId));

  const reviewable = new Set(reviewableFindings(ruleFindings).map((f) => f.ruleId));
  const ruleReviews: RuleReview[] = [];
  for (const review of verdict.ruleReviews) {
    if (!reviewable.has(review.ruleId) || ruleReviews.some((r) => r.ruleId === review.ruleId)) continue;
    ruleReviews.push({ ruleId: review.ruleId, decision: review.decision, reason: review.reason.trim() });
  }

  const belowMin = guide.dimensions.some((d) => (scores[d.id]?.score ?? 5) < d.min);
  const drift = verdict.drift === 'on-brand' && belowMin ? 'minor-drift' : verdict.drift;
  const grade: Grade = { status: 'graded', grader: 'llm', scores, violations, drift, droppedEvidence };
  if (ruleReviews.length > 0) grade.ruleReviews = ruleReviews.sort((a, b) => a.ruleId.localeCompare(b.ruleId));
  return { ok: true, grade };
}

/** The rewrite call's answer: the rewrite text, or why there is none. Pure. */
export type RewriteResult = { ok: true; rewrite: string } | { ok: false; error: string };

const rewriteSchema = z.object({ plan: z.string().optional(), rewrite: z.string() });

export function parseRewrite(raw: unknown): RewriteResult {
  const parsed = rewriteSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'invalid rewrite: expected { plan, rewrite }' };
  const rewrite = parsed.data.rewrite.trim();
  return rewrite === '' ? { ok: false, error: 'invalid rewrite: empty' } : { ok: true, rewrite };
}
