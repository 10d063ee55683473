import type { BacklogItem } from './backlog-item.js';
import { buildPromptTurns, toJsonLines, whyNotExportable, type BacklogExport, type ChatTurn } from './export-conversation.js';

export interface OpenAiRecord {
  messages: ({ role: 'system'; content: string } | ChatTurn)[];
}

/**
 * OpenAI chat fine-tuning JSONL: `{"messages": [{"role":"system",…}, {"role":"user",…}, …, {"role":"assistant",…}]}`.
 * The system message carries the voice summary (left out when empty); the rest follows the same
 * alternation as the Bedrock export.
 */
export function exportOpenAi(items: readonly BacklogItem[], context: { system: string }): BacklogExport {
  const records: OpenAiRecord[] = [];
  const skipped: BacklogExport['skipped'] = [];
  const system = context.system.trim();
  for (const item of items) {
    const reason = whyNotExportable(item);
    if (reason) {
      skipped.push({ id: item.id, reason });
      continue;
    }
    records.push({
      messages: [...(system ? [{ role: 'system' as const, content: system }] : []), ...buildPromptTurns(item)!, { role: 'assistant', content: item.rewrite! }],
    });
  }
  return { text: toJsonLines(records), exported: records.length, skipped };
}
