import { stat } from 'node:fs/promises';
import type { AuditResult, Turn } from '../types.js';
import { assessReadiness, type CheckRewrite } from './assess-readiness.js';
import { settleStatus, type BacklogItem } from './backlog-item.js';
import { BacklogOrderError, openBacklogWriter, readBacklog, readBacklogInOrder, withBacklogLock, writeBacklog, type BacklogLockOptions } from './backlog-store.js';
import { groupSightings, mergeAuditIntoBacklog, mergeSightings, type MergeAuditOptions, type Sightings } from './merge-audit-into-backlog.js';
import { createOrderedWrites } from './ordered-writes.js';

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

/** Rewrites checked at once while the merge streams (as `assessReadiness` does by default). */
const READINESS_CONCURRENCY = 4;

/**
 * `audit --backlog <file>`: lock → merge → check new and changed rewrites → write. A missing file
 * starts an empty backlog; a damaged one fails (exit 2) and is left as it was. The file is replaced
 * only when something changed, so an idempotent re-run does not even touch its mtime.
 *
 * The merge streams: the backlog file (sorted by id, as it is written) is read line by line and
 * joined with the audit's items (the small side, grouped and sorted in memory), each item written
 * to the temp file as it is read, so memory does not grow with the backlog. A file that is not in
 * id order (edited by hand) is merged in memory instead, with the same result.
 */
export async function updateBacklogFromAudit(file: string, audit: AuditResult, options: UpdateBacklogOptions): Promise<UpdateBacklogSummary> {
  const mergeOptions: MergeAuditOptions = {
    auditLabel: options.auditLabel,
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.transcripts ? { transcripts: options.transcripts } : {}),
  };
  return withBacklogLock(
    file,
    async () => {
      if (!(await exists(file))) return mergeInMemory(file, audit, mergeOptions, options.checkRewrite);
      try {
        return await mergeStreaming(file, audit, mergeOptions, options.checkRewrite);
      } catch (error) {
        if (!(error instanceof BacklogOrderError)) throw error;
        return mergeInMemory(file, audit, mergeOptions, options.checkRewrite);
      }
    },
    options.lock,
  );
}

async function mergeStreaming(file: string, audit: AuditResult, mergeOptions: MergeAuditOptions, checkRewrite: CheckRewrite): Promise<UpdateBacklogSummary> {
  const sightings = groupSightings(audit);
  const summary: UpdateBacklogSummary = { added: 0, updated: 0, resolved: 0, ready: 0, needsReview: 0, needsRewrite: 0, total: 0 };
  const writer = await openBacklogWriter(file);
  const writes = createOrderedWrites<BacklogItem>(async (item) => {
    summary.total += 1;
    await writer.write(item);
  }, READINESS_CONCURRENCY);
  const join = async (current: BacklogItem | undefined, seen: Sightings) => {
    const merged = mergeSightings(current ? asMergeSees(current) : undefined, seen, audit, mergeOptions);
    if (merged.added) summary.added += 1;
    if (merged.updated) summary.updated += 1;
    if (merged.resolved) summary.resolved += 1;
    if (!merged.item) return;
    const touched = merged.added || merged.updated;
    // Items this audit did not touch are kept exactly as read; the rest settle into their status.
    if (!touched && !merged.resolved) {
      await writes.push(current ?? merged.item);
      return;
    }
    const item = merged.pending ? assessReadiness([merged.item], checkRewrite).then(([assessed]) => assessed!) : Promise.resolve(merged.item);
    await writes.push(
      item.then((assessed) => {
        const final = settleStatus(assessed);
        if (touched) {
          if (final.status === 'ready') summary.ready += 1;
          if (final.status === 'needs-review') summary.needsReview += 1;
          if (final.status === 'needs-rewrite') summary.needsRewrite += 1;
        }
        return final;
      }),
    );
  };
  try {
    let next = 0;
    for await (const item of readBacklogInOrder(file)) {
      while (next < sightings.length && sightings[next]!.id < item.id) await join(undefined, sightings[next++]!);
      if (next < sightings.length && sightings[next]!.id === item.id) await join(item, sightings[next++]!);
      else await writes.push(item);
    }
    while (next < sightings.length) await join(undefined, sightings[next++]!);
    await writes.flush();
  } catch (error) {
    await writes.settle();
    await writer.discard();
    throw error;
  }
  if (summary.added + summary.updated + summary.resolved > 0) await writer.commit();
  else await writer.discard();
  return summary;
}

/** The whole backlog in memory: for a new backlog, and for a file that is not in id order. */
async function mergeInMemory(file: string, audit: AuditResult, mergeOptions: MergeAuditOptions, checkRewrite: CheckRewrite): Promise<UpdateBacklogSummary> {
  const items = await readBacklog(file, { missingOk: true });
  const merged = mergeAuditIntoBacklog(items.map(asMergeSees), audit, mergeOptions);
  const pending = new Set(merged.pending);
  const assessed = await assessReadiness(merged.items.filter((item) => pending.has(item.id)), checkRewrite);
  const byId = new Map(assessed.map((item) => [item.id, item]));
  const before = new Map(items.map((item) => [item.id, item]));
  const touched = new Set([...merged.added, ...merged.updated]);
  const resolved = new Set(merged.resolved);
  // Items this audit did not touch are kept exactly as read; the rest settle into their status.
  const final = merged.items.map((item) => (touched.has(item.id) || resolved.has(item.id) ? settleStatus(byId.get(item.id) ?? item) : (before.get(item.id) ?? item)));
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
}

/** False only when the file is missing; any other trouble is for the reader to report, with the file's name. */
async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

/**
 * The merge predates `needs-rewrite` and treats `needs-review` and `ready` as the open statuses (it
 * resolves and reopens only those); an item waiting for a rewrite is open too, so it goes in as
 * `needs-review` and settles back afterwards.
 */
function asMergeSees(item: BacklogItem): BacklogItem {
  return item.status === 'needs-rewrite' ? { ...item, status: 'needs-review' } : item;
}
