import type { BacklogItem } from './backlog-item.js';
import { exportJsonLines, type BacklogExport, type ChatTurn } from './export-conversation.js';

/** One Amazon Bedrock fine-tuning record for Claude: the voice summary as `system`, then the conversation ending with the rewrite. */
export interface BedrockRecord {
  system?: string;
  messages: ChatTurn[];
}

/**
 * Bedrock's Claude fine-tuning JSONL: `{"system": …, "messages": [{"role":"user",…}, …, {"role":"assistant",…}]}`
 * — first turn user, last assistant, roles alternating, no empty turns, no other keys. `system` is left
 * out when the voice summary is empty rather than sent empty.
 */
export function exportBedrock(items: readonly BacklogItem[], context: { system: string }): BacklogExport {
  const system = context.system.trim();
  return exportJsonLines(items, ({ prompt, rewrite }): BedrockRecord => ({
    ...(system ? { system } : {}),
    messages: [...prompt, { role: 'assistant', content: rewrite }],
  }));
}
