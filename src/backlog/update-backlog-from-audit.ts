import type { AuditResult, Turn } from '../types.js';
import { assessReadiness, type CheckRewrite } from './assess-readiness.js';
import { readBacklog, withBacklogLock, writeBacklog, type BacklogLockOptions } from './backlog-store.js';
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
  /** Of the items added or updated now: how many ended `ready` and `needs-review`. */
  ready: number;
  needsReview: number;
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
      const merged = mergeAuditIntoBacklog(items, audit, {
        auditLabel: options.auditLabel,
        ...(options.now !== undefined ? { now: options.now } : {}),
        ...(options.transcripts ? { transcripts: options.transcripts } : {}),
      });
      const pending = new Set(merged.pending);
      const assessed = await assessReadiness(merged.items.filter((item) => pending.has(item.id)), options.checkRewrite);
      const byId = new Map(assessed.map((item) => [item.id, item]));
      const final = merged.items.map((item) => byId.get(item.id) ?? item);
      const touched = new Set([...merged.added, ...merged.updated]);
      const changed = touched.size > 0 || merged.resolved.length > 0;
      if (changed) await writeBacklog(file, final);
      const touchedItems = final.filter((item) => touched.has(item.id));
      return {
        added: merged.added.length,
        updated: merged.updated.length,
        resolved: merged.resolved.length,
        ready: touchedItems.filter((item) => item.status === 'ready').length,
        needsReview: touchedItems.filter((item) => item.status === 'needs-review').length,
        total: final.length,
      };
    },
    options.lock,
  );
}
