import type { DimensionScore, Finding, Grade, RepeatVerdict, StyleGuide, Usage } from '../../types.js';
import { addUsage, ZERO_USAGE } from './price-usage.js';

/**
 * Whether one judgement says the reply drifts: a dimension under its minimum, a violation of
 * severity error or warning, the model's own drift verdict, or a rule finding of severity error or
 * warning that the grader did not overrule. `ungraded` when the judgement failed. Pure.
 */
export function judgeRepeat(grade: Grade, ruleFindings: readonly Finding[], guide: StyleGuide): RepeatVerdict {
  if (grade.status !== 'graded') return 'ungraded';
  const overruled = new Set((grade.ruleReviews ?? []).filter((r) => r.decision === 'overrule').map((r) => r.ruleId));
  const drifting =
    grade.drift !== 'on-brand' ||
    guide.dimensions.some((d) => (grade.scores[d.id]?.score ?? 5) < d.min) ||
    grade.violations.some((v) => v.severity !== 'info') ||
    ruleFindings.some((f) => f.severity !== 'info' && !overruled.has(f.ruleId));
  return drifting ? 'drift' : 'ok';
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Combines N judgements of one reply (`--repeat N`). Pure.
 * - The verdict is the majority of the graded judgements (a tie counts as drift: a reply that half the
 *   judgements reject is not a pass); `flips` counts the graded judgements that disagree with it.
 * - Scores are the median per dimension, each with the reason and evidence of the judgement nearest
 *   that median; violations, rule reviews and the drift label come from the first judgement that
 *   agrees with the majority.
 * - Usage, calls and dropped evidence are summed; `cached` only when every judgement was.
 * - With one judgement, it is returned unchanged (no `repeats`). When none is graded, the first error.
 */
export function combineRepeats(grades: readonly Grade[], verdicts: readonly RepeatVerdict[], guide: StyleGuide): Grade {
  const totals = sumCosts(grades);
  if (grades.length === 1) return { ...grades[0]!, ...totals };
  const graded = grades.filter((g) => g.status === 'graded');
  if (graded.length === 0) return { ...grades[0]!, ...totals, repeats: { n: grades.length, flips: 0, verdicts: [...verdicts] } };
  const drifts = verdicts.filter((v) => v === 'drift').length;
  const oks = verdicts.filter((v) => v === 'ok').length;
  const majority: RepeatVerdict = drifts * 2 >= drifts + oks ? 'drift' : 'ok';
  const leadIndex = verdicts.findIndex((v) => v === majority);
  const lead = grades[leadIndex]!;

  const scores: Record<string, DimensionScore> = {};
  for (const dimension of guide.dimensions) {
    const entries = graded.map((g) => g.scores[dimension.id]).filter((s): s is DimensionScore => s !== undefined);
    if (entries.length === 0) continue;
    const value = median(entries.map((s) => s.score));
    const leadEntry = lead.scores[dimension.id];
    const nearest = [leadEntry, ...entries]
      .filter((s): s is DimensionScore => s !== undefined)
      .reduce((best, s) => (Math.abs(s.score - value) < Math.abs(best.score - value) ? s : best));
    scores[dimension.id] = { ...nearest, score: value };
  }
  const belowMin = guide.dimensions.some((d) => (scores[d.id]?.score ?? 5) < d.min);
  const drift = lead.drift === 'on-brand' && belowMin ? 'minor-drift' : lead.drift;
  const flips = verdicts.filter((v) => v !== 'ungraded' && v !== majority).length;
  const { cached: _cached, usage: _usage, calls: _calls, droppedEvidence: _dropped, ...rest } = lead;
  return { ...rest, scores, drift, ...totals, repeats: { n: grades.length, flips, verdicts: [...verdicts] } };
}

function sumCosts(grades: readonly Grade[]): Pick<Grade, 'usage' | 'calls' | 'cached' | 'droppedEvidence'> {
  let usage: Usage | undefined;
  let calls = 0;
  let dropped = 0;
  for (const grade of grades) {
    if (grade.usage) usage = addUsage(usage ?? ZERO_USAGE, grade.usage);
    calls += grade.calls ?? (grade.cached ? 0 : 1);
    dropped += grade.droppedEvidence ?? 0;
  }
  const anyGraded = grades.some((g) => g.status === 'graded');
  return {
    ...(usage ? { usage } : {}),
    calls,
    ...(grades.every((g) => g.cached) ? { cached: true } : {}),
    ...(anyGraded || dropped > 0 ? { droppedEvidence: dropped } : {}),
  };
}
