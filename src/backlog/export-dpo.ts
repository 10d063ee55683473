import type { BacklogItem } from './backlog-item.js';
import { exportJsonLines, type BacklogExport, type ChatTurn } from './export-conversation.js';

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
 * original teaches nothing and is skipped. OpenAI's own preference format is `openai-dpo` (export-openai-dpo.ts).
 */
export function exportDpo(items: readonly BacklogItem[]): BacklogExport {
  return exportJsonLines(
    items,
    ({ item, prompt, rewrite }): DpoRecord => ({ prompt: renderPrompt(item, prompt), chosen: rewrite, rejected: item.original }),
    (item) => (item.rewrite === item.original ? 'the rewrite is the same as the original' : undefined),
  );
}

function renderPrompt(item: BacklogItem, turns: readonly ChatTurn[]): string {
  if (!item.transcript || turns.length === 1) return turns[0]!.content;
  return turns.map((turn) => `${turn.role === 'user' ? 'Customer' : 'Agent'}: ${turn.content}`).join('\n\n');
}
