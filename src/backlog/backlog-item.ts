import type { DriftVerdict, GraderKind, Severity, Turn } from '../types.js';

/**
 * Where an item is in review:
 * - `needs-rewrite`: there is no real rewrite yet — none at all, or only the rules' mechanical word swaps
 *   (a starting point, never training data until a person accepts it); `backlog edit` writes one;
 * - `needs-review`: a person must look: the rewrite failed its own check or has not been checked (`notes` says why);
 * - `ready`: a grader's or a person's rewrite passed the rules (and the grader, when one checked it);
 * - `accepted` / `rejected`: a person decided; later audits never change these;
 * - `resolved`: the reply passed a later audit, so the pair is no longer needed.
 */
export type BacklogStatus = 'needs-rewrite' | 'needs-review' | 'ready' | 'accepted' | 'rejected' | 'resolved';

export const BACKLOG_STATUSES: readonly BacklogStatus[] = ['needs-rewrite', 'needs-review', 'ready', 'accepted', 'rejected', 'resolved'];

/** Statuses a person set; merges and re-assessment leave them alone. */
export const HUMAN_DECISIONS: ReadonlySet<BacklogStatus> = new Set(['accepted', 'rejected']);

/** Who wrote the rewrite: the grader's on-brand rewrite, the rules' suggestions applied, or a person (`backlog edit`). */
export type RewriteSource = 'grader' | 'rules' | 'human';

/** A finding on the original reply, trimmed to what a reviewer and the exports need. */
export interface BacklogFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  match?: string;
}

/** An audit that saw the item: its label (e.g. the report file or CI run) and, when known, when it ran (ISO 8601). */
export interface AuditMark {
  audit: string;
  at?: string;
}

export interface BacklogReview {
  by?: string;
  /** ISO 8601, from the CLI's injected clock. */
  at?: string;
  reason?: string;
}

/**
 * One correction pair: a drifting bot reply and an on-brand rewrite of it.
 * Invariants: `id` = {@link hashBacklogId}(customer, original); `rewriteSource` is present exactly when
 * `rewrite` is; `audits` holds the labels of the most recent audits that saw it (newest last, at most
 * {@link MAX_AUDIT_LABELS}); `sampleIds` is sorted and capped at {@link MAX_SAMPLE_IDS}.
 */
export interface BacklogItem {
  id: string;
  status: BacklogStatus;
  /** The customer message the reply answered (may be empty). */
  customer: string;
  /** The conversation before the reply, oldest first, when the audit had one. */
  transcript?: Turn[];
  original: string;
  rewrite?: string;
  rewriteSource?: RewriteSource;
  findings: BacklogFinding[];
  /** Dimension id → score (1–5) from the latest audit that graded the reply. */
  scores?: Record<string, number>;
  drift?: DriftVerdict;
  /** Style-guide version of the latest audit that saw the reply drift. */
  guideVersion: string;
  grader: { kind: GraderKind; model?: string };
  firstSeen: AuditMark;
  lastSeen: AuditMark;
  /** Number of distinct audits that saw the reply drift. */
  timesSeen: number;
  audits: string[];
  sampleIds: string[];
  /** Machine notes: why the item needs review, or when it was resolved. Human reasons go in `review.reason`. */
  notes?: string;
  review?: BacklogReview;
}

/** Default backlog file name, in the current folder. */
export const DEFAULT_BACKLOG_FILE = 'tone-audit-backlog.jsonl';

/** Audit labels kept per item to make re-running an audit idempotent; older labels are forgotten. */
export const MAX_AUDIT_LABELS = 20;

/** Sample ids kept per item (sorted, lowest first) so a reply repeated across thousands of audits does not bloat its line. */
export const MAX_SAMPLE_IDS = 20;

/** Note on an item that has no rewrite at all. */
export const NO_REWRITE_NOTE = 'no rewrite: the grader gave none; write one with `backlog edit`';

/** Note on an item whose only rewrite is the rules' word swaps. */
export const RULES_SWAP_NOTE =
  'only the rules\' word swaps, not a rewrite: write one with `backlog edit`, or take the swaps as they are with `backlog accept`';

/**
 * True when the item has a rewrite worth training on once checked: written by the grader or a person,
 * not empty and not the original again. The rules' suggestions applied word by word are not one: they
 * keep the reply's boilerplate and often read badly.
 */
export function hasRealRewrite(item: Pick<BacklogItem, 'original' | 'rewrite' | 'rewriteSource'>): boolean {
  if (item.rewrite === undefined || item.rewriteSource === 'rules') return false;
  return item.rewrite.trim() !== '' && item.rewrite.trim() !== item.original.trim();
}

/**
 * An open item (`needs-review` or `ready`) without a real rewrite waits as `needs-rewrite`; every other
 * item is returned as it is. Pure and idempotent. Used after each merge and when a file is read, so
 * files written before `needs-rewrite` existed (where such items were `needs-review`, or `ready` for a
 * passing word swap) are migrated on read.
 */
export function settleStatus(item: BacklogItem): BacklogItem {
  if ((item.status !== 'needs-review' && item.status !== 'ready') || hasRealRewrite(item)) return item;
  const keepNote = item.status === 'needs-review' && item.rewrite === undefined && item.notes !== undefined;
  const notes = item.rewriteSource === 'rules' ? RULES_SWAP_NOTE : keepNote ? item.notes! : NO_REWRITE_NOTE;
  return { ...item, status: 'needs-rewrite', notes };
}

/** Statuses an audit may still change (the merge calls them open); `needs-rewrite` is open too. */
export const OPEN_STATUSES: ReadonlySet<BacklogStatus> = new Set(['needs-rewrite', 'needs-review', 'ready']);
