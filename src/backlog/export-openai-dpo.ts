import type { BacklogItem } from './backlog-item.js';
import { exportJsonLines, type BacklogExport, type ChatTurn } from './export-conversation.js';

/** One line of OpenAI's preference (DPO) fine-tuning file. */
export interface OpenAiDpoRecord {
  input: { messages: ({ role: 'system'; content: string } | ChatTurn)[] };
  preferred_output: [{ role: 'assistant'; content: string }];
  non_preferred_output: [{ role: 'assistant'; content: string }];
}

/**
 * OpenAI preference fine-tuning JSONL (the `dpo` method): `{"input": {"messages": [...]},
 * "preferred_output": [{"role": "assistant", "content": rewrite}], "non_preferred_output": [{…original}]}`.
 * `input.messages` is the voice summary as a system message (left out when empty), then the conversation
 * before the reply — earlier turns included — ending with the customer; each output is exactly one
 * assistant message. A pair whose rewrite equals the original teaches nothing and is skipped.
 */
export function exportOpenAiDpo(items: readonly BacklogItem[], context: { system: string }): BacklogExport {
  const system = context.system.trim();
  return exportJsonLines(
    items,
    ({ item, prompt, rewrite }): OpenAiDpoRecord => ({
      input: { messages: [...(system ? [{ role: 'system' as const, content: system }] : []), ...prompt] },
      preferred_output: [{ role: 'assistant', content: rewrite }],
      non_preferred_output: [{ role: 'assistant', content: item.original }],
    }),
    (item) => (item.rewrite?.trim() === item.original.trim() ? 'the rewrite is the same as the original' : undefined),
  );
}
