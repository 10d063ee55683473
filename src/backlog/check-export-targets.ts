import type { Finding, Sample } from '../types.js';
import { rewriteSample } from './assess-readiness.js';
import type { BacklogItem } from './backlog-item.js';

/** The guide's compiled rules run on one sample (the CLI passes `runRules` with the guide's rules). */
export type RunTargetRules = (sample: Sample) => readonly Finding[];

/** An item whose training target (its rewrite) still breaks rules of the guide, and which. */
export interface BrokenTarget {
  id: string;
  /** Distinct rule ids with an error or warning finding on the rewrite, in the order found. */
  rules: string[];
}

/**
 * Re-runs the guide's rules on every rewrite about to become a training target, in the original's
 * conversation (so escalation and `when:` rules apply as they did to the reply). Pure given `runRules`.
 * Items without a rewrite are not targets (the exporter skips them). Info findings do not count: the
 * gate does not fail on them either by default.
 */
export function findBrokenTargets(items: readonly BacklogItem[], runRules: RunTargetRules): BrokenTarget[] {
  const broken: BrokenTarget[] = [];
  for (const item of items) {
    if (item.rewrite === undefined || item.rewrite.trim() === '') continue;
    const rules = [...new Set(runRules(rewriteSample(item)).filter((f) => f.severity !== 'info').map((f) => f.ruleId))];
    if (rules.length > 0) broken.push({ id: item.id, rules });
  }
  return broken;
}
