import { z } from 'zod';
import { BACKLOG_STATUSES, settleStatus, type BacklogItem } from './backlog-item.js';

const mark = z.strictObject({ audit: z.string(), at: z.string().optional() });

// Strict objects: an unknown key is reported rather than silently dropped on the next write.
const itemSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 lowercase hex digits'),
  status: z.enum(BACKLOG_STATUSES as [BacklogItem['status'], ...BacklogItem['status'][]]),
  customer: z.string(),
  transcript: z.array(z.strictObject({ role: z.enum(['customer', 'bot', 'agent', 'system']), text: z.string() })).optional(),
  original: z.string(),
  rewrite: z.string().optional(),
  rewriteSource: z.enum(['grader', 'rules', 'human']).optional(),
  findings: z.array(
    z.strictObject({ ruleId: z.string(), severity: z.enum(['error', 'warning', 'info']), message: z.string(), match: z.string().optional() }),
  ),
  scores: z.record(z.string(), z.number()).optional(),
  drift: z.enum(['on-brand', 'minor-drift', 'major-drift']).optional(),
  guideVersion: z.string(),
  grader: z.strictObject({ kind: z.enum(['llm', 'heuristic', 'none']), model: z.string().optional() }),
  firstSeen: mark,
  lastSeen: mark,
  timesSeen: z.int().min(1),
  audits: z.array(z.string()),
  sampleIds: z.array(z.string()),
  notes: z.string().optional(),
  review: z.strictObject({ by: z.string().optional(), at: z.string().optional(), reason: z.string().optional() }).optional(),
});

export type ParsedBacklogLine = { ok: true; item: BacklogItem } | { ok: false; path: string; message: string; hint?: string };

/**
 * Parses one line of the backlog file; a damaged line says what is wrong and where in the record.
 * Lines written before the `needs-rewrite` status existed load unchanged in shape and are migrated by
 * {@link settleStatus} (an open item without a real rewrite becomes `needs-rewrite`): the status is
 * derived from fields every version wrote, so the file needs no version number.
 */
export function parseBacklogLine(text: string): ParsedBacklogLine {
  if (/^(<{7}|={7}|>{7}|\|{7})( |$)/.test(text)) {
    return { ok: false, path: '', message: 'git merge conflict marker', hint: 'resolve the conflict: keep one line per item id (items are sorted by id), then run the command again' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, path: '', message: `not valid JSON: ${(error as Error).message}`, hint: 'each line must be one JSON object; fix or remove the line by hand' };
  }
  const result = itemSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, path: issue.path.map(String).join('.'), message: issue.message };
  }
  const item = result.data as BacklogItem;
  if ((item.rewrite === undefined) !== (item.rewriteSource === undefined)) {
    return { ok: false, path: 'rewriteSource', message: 'rewrite and rewriteSource must be given together' };
  }
  return { ok: true, item: settleStatus(item) };
}
