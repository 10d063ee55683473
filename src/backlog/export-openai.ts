import type { BacklogItem } from './backlog-item.js';
import { exportJsonLines, type BacklogExport, type ChatTurn } from './export-conversation.js';

export interface OpenAiRecord {
  messages: ({ role: 'system'; content: string } | ChatTurn)[];
}

/**
 * OpenAI chat fine-tuning JSONL: `{"messages": [{"role":"system",…}, {"role":"user",…}, …, {"role":"assistant",…}]}`.
 * The system message carries the voice summary (left out when empty); the rest follows the same
 * alternation as the Bedrock export.
 */
export function exportOpenAi(items: readonly BacklogItem[], context: { system: string }): BacklogExport {
  const system = context.system.trim();
  return exportJsonLines(items, ({ prompt, rewrite }): OpenAiRecord => ({
    messages: [...(system ? [{ role: 'system' as const, content: system }] : []), ...prompt, { role: 'assistant', content: rewrite }],
  }));
}
