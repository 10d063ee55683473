import type { DimensionScore, Finding, Grade, Sample } from '../../types.js';
import { restore } from '../../redact/index.js';
import { locateQuote } from './locate-quote.js';

/**
 * A grade judged on the redacted sample, brought back to the original: quotes (evidence, violation
 * matches) had been verified against the redacted reply; with their placeholders restored they are
 * located in the original reply — spans recomputed there — or dropped and counted in `droppedEvidence`
 * when they cannot be. Reasons, rule-review reasons and the rewrite get their originals back, for
 * people reading the result on this machine. Pure.
 */
export function restoreGrade(grade: Grade, map: ReadonlyMap<string, string>, original: Sample): Grade {
  if (map.size === 0) return grade;
  let dropped = 0;
  const text = (value: string): string => restore(value, map);
  const scores: Record<string, DimensionScore> = {};
  for (const [id, score] of Object.entries(grade.scores)) {
    const evidence = score.evidence?.flatMap((quote) => {
      const span = locateQuote(original.response, text(quote));
      if (span) return [original.response.slice(span.start, span.end)];
      dropped += 1;
      return [];
    });
    scores[id] = { ...score, reason: text(score.reason), ...(evidence ? { evidence } : {}) };
  }
  const violations: Finding[] = grade.violations.flatMap((v) => {
    const span = v.match !== undefined ? locateQuote(original.response, text(v.match)) : undefined;
    if (!span) {
      dropped += 1;
      return [];
    }
    return [{ ...v, message: text(v.message), match: original.response.slice(span.start, span.end), span }];
  });
  violations.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || a.ruleId.localeCompare(b.ruleId));
  return {
    ...grade,
    scores,
    violations,
    ...(grade.rewrite !== undefined ? { rewrite: text(grade.rewrite) } : {}),
    ...(grade.ruleReviews ? { ruleReviews: grade.ruleReviews.map((r) => ({ ...r, reason: text(r.reason) })) } : {}),
    ...(grade.droppedEvidence !== undefined || dropped > 0 ? { droppedEvidence: (grade.droppedEvidence ?? 0) + dropped } : {}),
  };
}
