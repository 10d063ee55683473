import type { Finding, StyleGuide } from '../../types.js';

/**
 * Rule kinds whose findings come from offline phrase detectors that can be wrong either way (a
 * "contractor" read as a contract, a handoff worded differently from the listed phrases), so the
 * LLM grader is shown them and asked to confirm or overrule each.
 */
export const REVIEWABLE_KINDS: readonly string[] = ['escalation', 'require'];

/** The findings the grader reviews: rule findings of a reviewable kind. */
export function reviewableFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.origin === 'rule' && REVIEWABLE_KINDS.includes(f.kind));
}

/** Ids a review may name: the guide's `require` rules and escalation triggers, sorted. */
export function reviewableRuleIds(guide: StyleGuide): string[] {
  const ids = new Set([...guide.rules.filter((r) => r.kind === 'require').map((r) => r.id), ...guide.escalation.map((e) => e.id)]);
  return [...ids].sort();
}
