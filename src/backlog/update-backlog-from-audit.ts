import type { AuditResult, Turn } from '../types.js';
import { assessReadiness, type CheckRewrite } from './assess-readiness.js';
import { readBacklog, withBacklogLock, writeBacklog, type BacklogLockOptions } from './backlog-store.js';
import { settleStatus, type BacklogItem } from './backlog-item.js';
import { mergeAuditIntoBacklog } from './merge-audit-into-backlog.js';

export interface UpdateBacklogOptions {
  /** Names the audit; re-running an audit with the same label leaves the file byte-identical. */
  auditLabel: string;
  /** Checks rewrites before they become `ready` (build it from `auditSample(engine, …)`). */
  checkRewrite: CheckRewrite;
  /** When the audit ran (ISO 8601), from the CLI's injected clock. */
  now?: string;
  /** Conversations by sample id, when the caller still has the loaded samples. */
  transcripts?: ReadonlyMap<string, readonly Turn[]>;
  lock?: BacklogLockOptions;
}

export interface UpdateBacklogSummary {
  added: number;
  updated: number;
  resolved: number;
  /** Of the items added or updated now: how many ended `ready`, `needs-review` and `needs-rewrite`. */
  ready: number;
  needsReview: number;
  needsRewrite: number;
  /** Items in the backlog after the update. */
  total: number;
}

/**
 * `audit --backlog <file>`: lock → read → merge → check new and changed rewrites → write. A missing
 * file starts an empty backlog; a damaged one fails (exit 2) before anything is written. The file is
 * rewritten only when something changed, so an idempotent re-run does not even touch its mtime.
 */
export async function updateBacklogFromAudit(file: string, audit: AuditResult, options: UpdateBacklogOptions): Promise<UpdateBacklogSummary> {
  return withBacklogLock(
    file,
    async () => {
      const items = await readBacklog(file, { missingOk: true });
      const merged = mergeAuditIntoBacklog(items.map(asMergeSees), audit, {
        auditLabel: options.auditLabel,
        ...(options.now !== undefined ? { now: options.now } : {}),
        ...(options.transcripts ? { transcripts: options.transcripts } : {}),
      });
      const pending = new Set(merged.pending);
      const assessed = await assessReadiness(merged.items.filter((item) => pending.has(item.id)), options.checkRewrite);
      const byId = new Map(assessed.map((item) => [item.id, item]));
      const before = new Map(items.map((item) => [item.id, item]));
      const touched = new Set([...merged.added, ...merged.updated]);
      const resolved = new Set(merged.resolved);
      // Items this audit did not touch are kept exactly as read; the rest settle into their status.
      const final = merged.items.map((item) =>
        touched.has(item.id) || resolved.has(item.id) ? settleStatus(byId.get(item.id) ?? item) : (before.get(item.id) ?? item),
      );
      const changed = touched.size > 0 || merged.resolved.length > 0;
      if (changed) await writeBacklog(file, final);
      const touchedItems = final.filter((item) => touched.has(item.id));
      return {
        added: merged.added.length,
        updated: merged.updated.length,
        resolved: merged.resolved.length,
        ready: touchedItems.filter((item) => item.status === 'ready').length,
        needsReview: touchedItems.filter((item) => item.status === 'needs-review').length,
        needsRewrite: touchedItems.filter((item) => item.status === 'needs-rewrite').length,
        total: final.length,
      };
    },
    options.lock,
  );
}

/**
 * The merge predates `needs-rewrite` and treats `needs-review` and `ready` as the open statuses (it
 * resolves and reopens only those); an item waiting for a rewrite is open too, so it goes in as
 * `needs-review` and settles back afterwards.
 */
function asMergeSees(item: BacklogItem): BacklogItem {
  return item.status === 'needs-rewrite' ? { ...item, status: 'needs-review' } : item;
}
