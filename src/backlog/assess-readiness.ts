import pLimit from 'p-limit';
import type { Sample, SampleResult } from '../types.js';
import { NO_REWRITE_NOTE, RULES_SWAP_NOTE, type BacklogItem } from './backlog-item.js';

/**
 * Judges a rewrite exactly as an audit judges a reply. Callers build it from `auditSample(engine, sample)`,
 * with or without a grader; it must not throw for a reply it could not grade (that is `ungraded`).
 */
export type CheckRewrite = (sample: Sample) => Promise<SampleResult>;

export interface AssessReadinessOptions {
  /** Rewrites checked at once (the LLM grader also limits itself). Default 4. */
  concurrency?: number;
}

/**
 * Only good pairs are ready for training: each item's rewrite is audited like a reply, and the item
 * becomes `ready` only when the rewrite has no error or warning finding at all (so it fixes what the
 * original failed and breaks nothing else) and, when graded, the grader judged it on-brand.
 * Otherwise it is `needs-review` with a note saying why. An item without a real rewrite (none, an
 * empty one, the original again, or only the rules' word swaps) is `needs-rewrite` and is not checked:
 * a word swap never becomes `ready` unless a person accepts it. Accepted, rejected, resolved and
 * `needs-rewrite` items are returned unchanged. Returns the items in the order given.
 */
export async function assessReadiness(items: readonly BacklogItem[], checkRewrite: CheckRewrite, options: AssessReadinessOptions = {}): Promise<BacklogItem[]> {
  const limit = pLimit(Math.max(1, options.concurrency ?? 4));
  return Promise.all(items.map((item) => limit(() => assessItem(item, checkRewrite))));
}

async function assessItem(item: BacklogItem, checkRewrite: CheckRewrite): Promise<BacklogItem> {
  if (item.status !== 'needs-review' && item.status !== 'ready') return item;
  const { notes: _previous, ...rest } = item;
  const unfit = describeUnfitRewrite(item);
  if (unfit) return { ...rest, status: 'needs-rewrite', notes: unfit };
  const result = await checkRewrite(rewriteSample(item));
  const reasons = judgeRewrite(item, result);
  if (reasons.length === 0) return { ...rest, status: 'ready' };
  return { ...rest, status: 'needs-review', notes: `rewrite not ready: ${reasons.join('; ')}` };
}

/** Why the item has no real rewrite to check (see `hasRealRewrite`), or `undefined` when it has one. */
function describeUnfitRewrite(item: BacklogItem): string | undefined {
  if (item.rewrite === undefined) return NO_REWRITE_NOTE;
  if (item.rewriteSource === 'rules') return RULES_SWAP_NOTE;
  if (item.rewrite.trim() === '') return 'the rewrite is empty: write one with `backlog edit`';
  if (item.rewrite.trim() === item.original.trim()) return 'the rewrite is the same as the original reply: write one with `backlog edit`';
  return undefined;
}

/** The rewrite as a sample, in the original's conversation, so context-dependent rules (escalation, `when`) apply alike. */
export function rewriteSample(item: BacklogItem): Sample {
  return {
    id: item.id,
    response: item.rewrite ?? '',
    customer: item.customer,
    ...(item.transcript ? { transcript: item.transcript } : {}),
    metadata: {},
    source: { file: '<backlog>', line: 0 },
  };
}

/**
 * Why a checked rewrite is not fit for training; empty when it is. Pure. Distinguishes findings the
 * original also had ("still fails") from new ones ("breaks"), since the latter usually mean the
 * rewrite traded one problem for another.
 */
export function judgeRewrite(item: BacklogItem, result: SampleResult): string[] {
  const failedBefore = new Set(item.findings.map((f) => f.ruleId));
  const reasons: string[] = [];
  for (const finding of result.findings) {
    if (finding.severity === 'info') continue;
    const how = failedBefore.has(finding.ruleId) ? 'still fails' : 'breaks';
    const match = finding.match !== undefined ? ` ${JSON.stringify(finding.match)}` : '';
    reasons.push(`${how} ${finding.ruleId} (${finding.severity})${match}`);
  }
  const grade = result.grade;
  if (grade?.status === 'error') reasons.push(`the grader could not judge it${grade.error ? `: ${grade.error}` : ''}`);
  else if (grade && grade.drift !== 'on-brand') reasons.push(`the grader judged it ${grade.drift}`);
  return reasons;
}
