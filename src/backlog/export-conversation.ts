import type { BacklogItem } from './backlog-item.js';

export interface ChatTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** One exporter's output: the file text, how many items went in, and which were left out and why. */
export interface BacklogExport {
  text: string;
  exported: number;
  skipped: { id: string; reason: string }[];
}

/**
 * Which items an export takes: `accepted` (default) — the pairs a person accepted; `accepted+ready` —
 * also those whose grader or human rewrite passed the checks unreviewed; `all` — every item that can be
 * exported (for review, not training).
 */
export type ExportScope = 'accepted' | 'accepted+ready' | 'all';

export function selectExportable(items: readonly BacklogItem[], scope: ExportScope = 'accepted'): BacklogItem[] {
  if (scope === 'all') return [...items];
  return items.filter((item) => item.status === 'accepted' || (scope === 'accepted+ready' && item.status === 'ready'));
}

/**
 * The conversation the rewrite answers, as chat turns that start and end with the user and alternate:
 * transcript customer turns become `user`, bot and agent turns `assistant`; system turns and empty turns
 * are dropped; consecutive turns of one role are joined with a blank line. Leading assistant turns go
 * (chat fine-tuning formats must start with the user), and so do trailing ones (the rewrite is the next
 * assistant turn). Without a usable transcript it is the customer message alone; `undefined` when there
 * is no customer context at all, since a training example needs a prompt.
 */
export function buildPromptTurns(item: BacklogItem): ChatTurn[] | undefined {
  const turns: ChatTurn[] = [];
  for (const turn of item.transcript ?? []) {
    if (turn.role === 'system' || turn.text.trim() === '') continue;
    const role = turn.role === 'customer' ? 'user' : 'assistant';
    const last = turns.at(-1);
    if (last?.role === role) last.content = `${last.content}\n\n${turn.text}`;
    else if (role === 'user' || turns.length > 0) turns.push({ role, content: turn.text });
  }
  while (turns.at(-1)?.role === 'assistant') turns.pop();
  if (turns.length > 0) return turns;
  return item.customer.trim() === '' ? undefined : [{ role: 'user', content: item.customer }];
}

/** Why an item cannot become a chat example, or `undefined` when it can. */
export function whyNotExportable(item: BacklogItem): string | undefined {
  if (item.rewrite === undefined || item.rewrite.trim() === '') return 'no rewrite';
  if (buildPromptTurns(item) === undefined) return 'no customer message or transcript to use as the prompt';
  return undefined;
}

/**
 * Runs a JSONL exporter: every item that can be a training example (see {@link whyNotExportable},
 * plus the format's own `refuse`) becomes one record, one JSON object per line as every fine-tuning
 * service expects; the rest are listed in `skipped` with why.
 */
export function exportJsonLines<R>(
  items: readonly BacklogItem[],
  toRecord: (example: { item: BacklogItem; prompt: ChatTurn[]; rewrite: string }) => R,
  refuse?: (item: BacklogItem) => string | undefined,
): BacklogExport {
  let text = '';
  let exported = 0;
  const skipped: BacklogExport['skipped'] = [];
  for (const item of items) {
    const reason = whyNotExportable(item) ?? refuse?.(item);
    if (reason !== undefined) {
      skipped.push({ id: item.id, reason });
      continue;
    }
    // whyNotExportable vouches for both: a non-empty rewrite and a prompt.
    text += `${JSON.stringify(toRecord({ item, prompt: buildPromptTurns(item)!, rewrite: item.rewrite! }))}\n`;
    exported += 1;
  }
  return { text, exported, skipped };
}
