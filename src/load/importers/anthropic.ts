import { describeValue } from '../samples/describe-value.js';
import { readChatMessages, type ChatMessageReading } from './chat-messages.js';
import { importFailure, type Importer } from './importer.js';
import { isRecord, otherFields, readId } from './record-fields.js';

/**
 * Anthropic Messages API logs, one request per line (https://docs.anthropic.com/en/api/messages):
 * `system` (a string or text blocks) and `messages` with `role` user or assistant and `content`
 * a string or a list of blocks (`text`, `image`, `document`, `tool_use`, `tool_result`,
 * `thinking`, `redacted_thinking`, …). A Message Batches request line `{ custom_id, params }` is
 * read from its `params`, with `custom_id` as the id.
 *
 * user is the customer, assistant the bot, and only `text` blocks are words a customer reads
 * (thinking and tool calls are not). A user message made only of tool results is not a turn.
 */
export const anthropic: Importer = {
  name: 'anthropic',
  reference: 'https://docs.anthropic.com/en/api/messages',
  read: ([line]) => {
    if (!line) return { ok: true, conversations: [] };
    const record = isRecord(line.params) ? line.params : line;
    const read = readChatMessages(record.messages, readMessage);
    if (!read.ok) return read;
    const id = readId(line.custom_id) ?? readId(record.id);
    const metadata = {
      ...otherFields(record, ['id', 'messages', 'system']),
      ...(record === line ? {} : otherFields(line, ['custom_id', 'params'])),
      ...(record.system === undefined ? {} : { system_messages: 1 }),
      ...(read.skipped.tool > 0 ? { tool_messages: read.skipped.tool } : {}),
    };
    return { ok: true, conversations: [{ ...(id === undefined ? {} : { id }), turns: read.turns, metadata, privateNotes: 0 }] };
  },
};

function readMessage(message: Record<string, unknown>, path: string): ChatMessageReading {
  const role = message.role;
  if (role !== 'user' && role !== 'assistant') {
    return importFailure(`${path}.role`, `unknown role ${JSON.stringify(role ?? null)}; expected user or assistant`);
  }
  const content = message.content;
  if (typeof content === 'string') return { turn: { role: role === 'user' ? 'customer' : 'bot', text: content } };
  if (!Array.isArray(content)) {
    return importFailure(`${path}.content`, content === undefined ? 'missing field `content`' : `\`content\` must be a string or a list of blocks, got ${describeValue(content)}`);
  }
  const texts: string[] = [];
  let toolBlocks = 0;
  for (const [index, block] of content.entries()) {
    if (!isRecord(block)) return importFailure(`${path}.content[${index}]`, `content block must be an object, got ${describeValue(block)}`);
    if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text);
    else if (typeof block.type === 'string' && /tool_(use|result)$/.test(block.type)) toolBlocks += 1;
  }
  if (texts.length === 0 && toolBlocks > 0) return { skipped: 'tool' };
  return { turn: { role: role === 'user' ? 'customer' : 'bot', text: texts.join('\n') } };
}
