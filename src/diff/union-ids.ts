import type { AuditResult, RuleSummary } from '../types.js';

type Presence = 'both' | 'base' | 'head';

/** Rules of both audits' summaries by id (head's definition wins), sorted by rule id. */
export function unionRules(base: AuditResult, head: AuditResult): { rule: RuleSummary; presentIn: Presence }[] {
  const baseIds = new Set(base.summary.rules.map((r) => r.ruleId));
  const headIds = new Set(head.summary.rules.map((r) => r.ruleId));
  const byId = new Map<string, RuleSummary>();
  for (const rule of [...base.summary.rules, ...head.summary.rules]) byId.set(rule.ruleId, rule);
  return [...byId.values()]
    .sort((a, b) => compareIds(a.ruleId, b.ruleId))
    .map((rule) => ({ rule, presentIn: presence(baseIds.has(rule.ruleId), headIds.has(rule.ruleId)) }));
}

/** Dimension ids of both audits' summaries, sorted. */
export function unionDimensionIds(base: AuditResult, head: AuditResult): { id: string; presentIn: Presence }[] {
  const baseIds = new Set(base.summary.dimensions.map((d) => d.id));
  const headIds = new Set(head.summary.dimensions.map((d) => d.id));
  return [...new Set([...baseIds, ...headIds])]
    .sort(compareIds)
    .map((id) => ({ id, presentIn: presence(baseIds.has(id), headIds.has(id)) }));
}

function presence(inBase: boolean, inHead: boolean): Presence {
  return inBase && inHead ? 'both' : inBase ? 'base' : 'head';
}

/** Code-unit order, independent of locale, so output is stable everywhere. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
