import type { AuditResult } from '../types.js';
import type { AuditComparison, CompareOptions, ComparisonMode } from './audit-comparison.js';
import { compareConversations } from './compare-conversations.js';
import { comparePaired } from './compare-paired.js';
import { compareUnpaired } from './compare-unpaired.js';
import { listComparisonWarnings } from './list-comparison-warnings.js';
import { identifyAudit } from './rate-estimate.js';

/** Share of the head audit's sample ids that must occur in the base audit for `auto` to pair them. */
export const PAIRING_THRESHOLD = 0.5;

/**
 * Compares a baseline audit with a newer one. When they share most sample ids (at least half of
 * the head's ids occur in the base; `options.mode` can force either mode) samples are compared
 * one to one: which replies newly drift or were fixed, finding-level changes, and paired tests.
 * Otherwise the audits are treated as independent groups: rates with Wilson intervals, the
 * pooled two-proportion test and Welch's t-test, flagged `tooSmall` when n is too small.
 * Pure: no I/O; the output is deterministic for the same inputs.
 */
export function compareAudits(base: AuditResult, head: AuditResult, options: CompareOptions = {}): AuditComparison {
  const alpha = options.alpha ?? 0.05;
  const minSamples = options.minSamples ?? 30;
  const baseIds = new Set(base.samples.map((s) => s.id));
  const headIds = [...new Set(head.samples.map((s) => s.id))];
  const shared = headIds.filter((id) => baseIds.has(id)).length;
  const shareOfHead = headIds.length === 0 ? 0 : shared / headIds.length;
  const { mode, modeReason } = chooseMode(options.mode ?? 'auto', shared, headIds.length, shareOfHead);

  const common = {
    mode,
    modeReason,
    base: identifyAudit(base, options.labels?.base),
    head: identifyAudit(head, options.labels?.head),
    warnings: listComparisonWarnings(base, head),
    overlap: { baseSamples: baseIds.size, headSamples: headIds.length, shared, shareOfHead },
  };
  const conversations = compareConversations(base, head, mode, { alpha, minSamples });
  const withConversations = conversations ? { conversations } : {};
  if (mode === 'paired') {
    const paired = comparePaired(base, head, alpha);
    return { ...common, drift: paired.drift, rules: paired.rules, dimensions: paired.dimensions, samples: paired.samples, findings: paired.findings, ...withConversations };
  }
  return { ...common, ...compareUnpaired(base, head, { alpha, minSamples }), ...withConversations };
}

function chooseMode(
  requested: ComparisonMode | 'auto',
  shared: number,
  headCount: number,
  shareOfHead: number,
): { mode: ComparisonMode; modeReason: string } {
  const overlap = `${shared} of ${headCount} head sample ids (${(shareOfHead * 100).toFixed(1)}%) also occur in the base audit`;
  if (requested === 'paired') return { mode: 'paired', modeReason: `Paired comparison was requested; ${overlap}.` };
  if (requested === 'unpaired') return { mode: 'unpaired', modeReason: `Unpaired comparison was requested; ${overlap}.` };
  if (headCount > 0 && shareOfHead >= PAIRING_THRESHOLD) {
    return { mode: 'paired', modeReason: `${capitalise(overlap)}, so samples are compared one to one.` };
  }
  return {
    mode: 'unpaired',
    modeReason: `${capitalise(overlap)} (fewer than half), so the audits are compared as independent groups.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
