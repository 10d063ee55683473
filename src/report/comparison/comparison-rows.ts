import type { AuditComparison, AuditIdentity, DimensionChange, PatternChange, RuleChange } from '../../diff/index.js';
import { classifyChange, type ChangeOutcome } from './describe-change.js';

/**
 * Row selection and ordering shared by the terminal and Markdown comparison renderers, so both
 * show the same rules, dimensions and sample ids in the same order.
 */

const OUTCOME_ORDER: Record<ChangeOutcome, number> = { regression: 0, improvement: 1, 'not-significant': 2, 'too-small': 3 };

/** Rules that matched something in either audit, or exist in one guide only: regressions first, then by id. */
export function selectRuleRows(comparison: AuditComparison): { rows: RuleChange[]; silent: number } {
  const rows = comparison.rules.filter((r) => r.baseFindings + r.headFindings > 0 || r.presentIn !== 'both');
  const ordered = [...rows].sort(
    (a, b) => OUTCOME_ORDER[classifyChange(a)] - OUTCOME_ORDER[classifyChange(b)] || compareIds(a.ruleId, b.ruleId),
  );
  return { rows: ordered, silent: comparison.rules.length - rows.length };
}

/** Dimensions in id order (as compared), with the outcome read the right way round (higher is better). */
export function selectDimensionRows(comparison: AuditComparison): DimensionChange[] {
  return [...comparison.dimensions].sort((a, b) => compareIds(a.id, b.id));
}

/** What a rule's or dimension's presence in one guide only means, or undefined when in both. */
export function describePresence(presentIn: 'both' | 'base' | 'head'): string | undefined {
  if (presentIn === 'base') return 'only in the base audit';
  if (presentIn === 'head') return 'only in the head audit';
  return undefined;
}

/** `kind (model)` or `none (rules only)`. */
export function describeGrader(identity: AuditIdentity): string {
  const { kind, model } = identity.grader;
  if (kind === 'none') return 'none (rules only)';
  return model ? `${kind} (${model})` : kind;
}

/** At most `max` ids, then how many were left out. */
export function capList(ids: readonly string[], max: number): { shown: string[]; more: number } {
  return { shown: ids.slice(0, max), more: Math.max(0, ids.length - max) };
}

/** `new: loop, forgot-context · gone: late-escalation`. */
export function describePatternChange(change: PatternChange): string {
  const parts = [change.added.length > 0 ? `new: ${change.added.join(', ')}` : '', change.removed.length > 0 ? `gone: ${change.removed.join(', ')}` : ''];
  return parts.filter(Boolean).join(' · ');
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
