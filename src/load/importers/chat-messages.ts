import type { Turn } from '../../types.js';
import { describeValue } from '../samples/describe-value.js';
import { importFailure, type ImportFailure } from './importer.js';
import { isRecord } from './record-fields.js';

/** How one message of an LLM chat log reads: a turn, or something that is not one (and why, for the count). */
export type ChatMessageReading = { turn: Turn } | { skipped: 'system' | 'tool' } | ImportFailure;

/** What the OpenAI and Anthropic importers share: turns from a `messages` list, counting what is not a turn. */
export function readChatMessages(
  messages: unknown,
  readMessage: (message: Record<string, unknown>, path: string) => ChatMessageReading,
): { ok: true; turns: Turn[]; skipped: { system: number; tool: number } } | ImportFailure {
  if (!Array.isArray(messages)) {
    return importFailure('messages', messages === undefined ? 'missing field `messages` (a list of chat messages)' : `field \`messages\` must be a list, got ${describeValue(messages)}`);
  }
  const turns: Turn[] = [];
  const skipped = { system: 0, tool: 0 };
  for (const [index, message] of messages.entries()) {
    const path = `messages[${index}]`;
    if (!isRecord(message)) return importFailure(path, `message must be an object, got ${describeValue(message)}`);
    const reading = readMessage(message, path);
    if ('ok' in reading) return reading;
    if ('skipped' in reading) skipped[reading.skipped] += 1;
    else if (reading.turn.text.trim() !== '') turns.push(reading.turn);
  }
  return { ok: true, turns, skipped };
}
