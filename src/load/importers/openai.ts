import { describeValue } from '../samples/describe-value.js';
import { readChatMessages, type ChatMessageReading } from './chat-messages.js';
import { importFailure, type Importer } from './importer.js';
import { isRecord, otherFields, readId } from './record-fields.js';

/**
 * OpenAI chat logs, one `{ "messages": [...] }` object per line, as the Chat Completions API and
 * fine-tuning files write them (https://platform.openai.com/docs/api-reference/chat/create):
 * `role` system, developer, user, assistant or tool; `content` a string, null (an assistant turn
 * that only calls tools) or a list of parts (`text`, `refusal`, `image_url`, `input_audio`, `file`).
 *
 * user is the customer, assistant the bot; text and refusal parts are its words, other parts are
 * not text. System and developer prompts and tool messages are not turns (counted in metadata).
 */
export const openai: Importer = {
  name: 'openai',
  reference: 'https://platform.openai.com/docs/api-reference/chat/create',
  read: ([record]) => {
    if (!record) return { ok: true, conversations: [] };
    const read = readChatMessages(record.messages, readOpenAiMessage);
    if (!read.ok) return read;
    const id = readId(record.id);
    const metadata = {
      ...otherFields(record, ['id', 'messages']),
      ...(read.skipped.system > 0 ? { system_messages: read.skipped.system } : {}),
      ...(read.skipped.tool > 0 ? { tool_messages: read.skipped.tool } : {}),
    };
    return { ok: true, conversations: [{ ...(id === undefined ? {} : { id }), turns: read.turns, metadata, privateNotes: 0 }] };
  },
};

export function readOpenAiMessage(message: Record<string, unknown>, path: string): ChatMessageReading {
  const role = message.role;
  if (role === 'system' || role === 'developer') return { skipped: 'system' };
  if (role === 'tool' || role === 'function') return { skipped: 'tool' };
  if (role !== 'user' && role !== 'assistant') {
    return importFailure(`${path}.role`, `unknown role ${JSON.stringify(role ?? null)}; expected system, developer, user, assistant or tool`);
  }
  const text = readContent(message.content, `${path}.content`);
  if (typeof text !== 'string') return text;
  // An assistant message with only tool calls says nothing to the customer.
  if (text === '' && role === 'assistant' && Array.isArray(message.tool_calls)) return { skipped: 'tool' };
  return { turn: { role: role === 'user' ? 'customer' : 'bot', text } };
}

function readContent(content: unknown, path: string): string | ReturnType<typeof importFailure> {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) return importFailure(path, `\`content\` must be a string or a list of parts, got ${describeValue(content)}`);
  const texts: string[] = [];
  for (const [index, part] of content.entries()) {
    if (!isRecord(part)) return importFailure(`${path}[${index}]`, `content part must be an object, got ${describeValue(part)}`);
    if (part.type === 'text' && typeof part.text === 'string') texts.push(part.text);
    else if (part.type === 'refusal' && typeof part.refusal === 'string') texts.push(part.refusal);
  }
  return texts.join('\n');
}
