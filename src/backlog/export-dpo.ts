import type { BacklogItem } from './backlog-item.js';
import { buildPromptTurns, toJsonLines, whyNotExportable, type BacklogExport } from './export-conversation.js';

export interface DpoRecord {
  prompt: string;
  chosen: string;
  rejected: string;
}

/**
 * DPO preference pairs: `{"prompt", "chosen": rewrite, "rejected": original}`, all plain strings (the
 * "standard" preference format of TRL and most DPO trainers, which needs no chat template). The prompt
 * is the customer message; with a transcript it is the conversation rendered one turn per paragraph as
 * `Customer: …` / `Agent: …`, so the pair keeps its context in any trainer. A pair whose rewrite equals the
 * original teaches nothing and is skipped.
 */
export function exportDpo(items: readonly BacklogItem[]): BacklogExport {
  const records: DpoRecord[] = [];
  const skipped: BacklogExport['skipped'] = [];
  for (const item of items) {
    const reason = whyNotExportable(item) ?? (item.rewrite === item.original ? 'the rewrite is the same as the original' : undefined);
    if (reason) {
      skipped.push({ id: item.id, reason });
      continue;
    }
    records.push({ prompt: renderPrompt(item), chosen: item.rewrite!, rejected: item.original });
  }
  return { text: toJsonLines(records), exported: records.length, skipped };
}

function renderPrompt(item: BacklogItem): string {
  const turns = buildPromptTurns(item)!;
  if (!item.transcript || turns.length === 1) return turns[0]!.content;
  return turns.map((turn) => `${turn.role === 'user' ? 'Customer' : 'Agent'}: ${turn.content}`).join('\n\n');
}
