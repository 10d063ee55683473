import { SEVERITY_RANK, type Finding } from '../types.js';

const overlaps = (a: Finding, b: Finding): boolean =>
  a.span !== undefined && b.span !== undefined && a.span.start < b.span.end && b.span.start < a.span.end;

/**
 * One finding per problem: a grader violation on the same text as a rule finding (the heuristic's
 * policy-first opener and the guide's `policy-first` rule on "Per our policy") is folded into the
 * rule finding, which keeps the more severe of the two severities and names the grader's rule in
 * `alsoFoundBy`. Grader violations that touch no rule finding's span are kept as they are.
 * Rule findings come first, in their order; then the remaining grader violations.
 */
export function mergeFindings(ruleFindings: readonly Finding[], graderFindings: readonly Finding[]): Finding[] {
  const merged = ruleFindings.map((finding) => ({ ...finding }));
  const kept: Finding[] = [];
  for (const violation of graderFindings) {
    const twin = merged.find((finding) => overlaps(finding, violation));
    if (twin === undefined) {
      kept.push(violation);
      continue;
    }
    if (SEVERITY_RANK[violation.severity] < SEVERITY_RANK[twin.severity]) twin.severity = violation.severity;
    twin.alsoFoundBy = [...(twin.alsoFoundBy ?? []), violation.ruleId];
  }
  return [...merged, ...kept];
}
