import type { BacklogItem } from './backlog-item.js';
import { buildPromptTurns, toJsonLines, whyNotExportable, type BacklogExport, type ChatTurn } from './export-conversation.js';

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
  const records: BedrockRecord[] = [];
  const skipped: BacklogExport['skipped'] = [];
  const system = context.system.trim();
  for (const item of items) {
    const reason = whyNotExportable(item);
    if (reason) {
      skipped.push({ id: item.id, reason });
      continue;
    }
    records.push({ ...(system ? { system } : {}), messages: [...buildPromptTurns(item)!, { role: 'assistant', content: item.rewrite! }] });
  }
  return { text: toJsonLines(records), exported: records.length, skipped };
}
