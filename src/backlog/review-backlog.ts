import { BacklogError } from './backlog-error.js';
import { BACKLOG_STATUSES, type BacklogItem, type BacklogReview, type BacklogStatus } from './backlog-item.js';
import { AWAITING_CHECK_NOTE } from './merge-audit-into-backlog.js';

/**
 * Finds the items named by ids or unique id prefixes (case-insensitive), in the order given.
 * An unknown or ambiguous prefix is a {@link BacklogError} listing the candidates; nothing is changed.
 */
export function findItems(items: readonly BacklogItem[], prefixes: readonly string[]): BacklogItem[] {
  const found: BacklogItem[] = [];
  const problems: string[] = [];
  for (const raw of prefixes) {
    const prefix = raw.trim().toLowerCase();
    const matches = prefix === '' ? [] : items.filter((item) => item.id.startsWith(prefix));
    if (matches.length === 1) {
      if (!found.includes(matches[0]!)) found.push(matches[0]!);
    } else if (matches.length === 0) problems.push(`no item id starts with "${raw}"`);
    else problems.push(`"${raw}" matches ${matches.length} items: ${matches.slice(0, 10).map((m) => m.id).join(', ')}${matches.length > 10 ? ', …' : ''}`);
  }
  if (problems.length > 0) {
    throw new BacklogError(problems.join('; '), { hint: 'give more characters of the id (`tone-audit backlog list` shows ids)' });
  }
  return found;
}

/** Replaces items by id; the rest stay as they are. */
export function replaceItems(items: readonly BacklogItem[], changed: readonly BacklogItem[]): BacklogItem[] {
  const byId = new Map(changed.map((item) => [item.id, item]));
  return items.map((item) => byId.get(item.id) ?? item);
}

/** Marks items accepted for training. An item without a rewrite cannot be accepted: there is nothing to train on. */
export function acceptItems(items: readonly BacklogItem[], prefixes: readonly string[], review: BacklogReview): BacklogItem[] {
  const targets = findItems(items, prefixes);
  const missing = targets.filter((item) => item.rewrite === undefined);
  if (missing.length > 0) {
    throw new BacklogError(`cannot accept ${missing.map((m) => m.id).join(', ')}: no rewrite`, { hint: 'write one first with `tone-audit backlog edit <id>`' });
  }
  return targets.map((item) => decide(item, 'accepted', review));
}

/** Marks items rejected; a reason is required so the next reviewer knows why. */
export function rejectItems(items: readonly BacklogItem[], prefixes: readonly string[], review: BacklogReview & { reason: string }): BacklogItem[] {
  if (review.reason.trim() === '') throw new BacklogError('rejecting needs a reason', { hint: 'add --reason "why this pair is wrong"' });
  return findItems(items, prefixes).map((item) => decide(item, 'rejected', review));
}

function decide(item: BacklogItem, status: BacklogStatus, review: BacklogReview): BacklogItem {
  const { notes: _notes, ...rest } = item;
  return { ...rest, status, review: { ...review } };
}

/**
 * A person's rewrite: source `human`, status back to `needs-review` until the rules re-check it,
 * and any earlier review dropped (it judged a different rewrite).
 */
export function editRewrite(item: BacklogItem, rewrite: string): BacklogItem {
  if (rewrite.trim() === '') throw new BacklogError(`the new rewrite for ${item.id} is empty; nothing changed`);
  const { review: _review, ...rest } = item;
  return { ...rest, rewrite, rewriteSource: 'human', status: 'needs-review', notes: AWAITING_CHECK_NOTE };
}

export interface BacklogFilter {
  status?: BacklogStatus;
  /** Items with a finding of this rule. */
  rule?: string;
  /** Items scoring below `min` on dimension `id`. */
  dimension?: { id: string; min: number };
  guideVersion?: string;
}

export function filterItems(items: readonly BacklogItem[], filter: BacklogFilter): BacklogItem[] {
  return items.filter(
    (item) =>
      (filter.status === undefined || item.status === filter.status) &&
      (filter.rule === undefined || item.findings.some((f) => f.ruleId === filter.rule)) &&
      (filter.guideVersion === undefined || item.guideVersion === filter.guideVersion) &&
      (filter.dimension === undefined || (item.scores?.[filter.dimension.id] ?? Infinity) < filter.dimension.min),
  );
}

export interface BacklogStats {
  total: number;
  byStatus: Record<BacklogStatus, number>;
  /** Items with at least one finding of the rule, most frequent first (ties by rule id). */
  byRule: { ruleId: string; items: number }[];
  byGuideVersion: { version: string; items: number }[];
}

export function summarizeBacklog(items: readonly BacklogItem[]): BacklogStats {
  const byStatus = Object.fromEntries(BACKLOG_STATUSES.map((status) => [status, 0])) as Record<BacklogStatus, number>;
  const rules = new Map<string, number>();
  const versions = new Map<string, number>();
  for (const item of items) {
    byStatus[item.status] += 1;
    for (const ruleId of new Set(item.findings.map((f) => f.ruleId))) rules.set(ruleId, (rules.get(ruleId) ?? 0) + 1);
    versions.set(item.guideVersion, (versions.get(item.guideVersion) ?? 0) + 1);
  }
  const byCount = <K extends string>(key: K) => (a: Record<K, string> & { items: number }, b: Record<K, string> & { items: number }) =>
    b.items - a.items || (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0);
  return {
    total: items.length,
    byStatus,
    byRule: [...rules].map(([ruleId, n]) => ({ ruleId, items: n })).sort(byCount('ruleId')),
    byGuideVersion: [...versions].map(([version, n]) => ({ version, items: n })).sort(byCount('version')),
  };
}
