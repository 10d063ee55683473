import type { Turn, TurnRole } from '../../types.js';
import { describeValue } from '../samples/describe-value.js';
import { htmlToPlainText } from './html-to-plain-text.js';
import { importFailure, type ImportedConversation, type Importer, type ImportFailure, type ImportOptions } from './importer.js';
import { isRecord, readId, readText, readTime, scalarMetadata } from './record-fields.js';

/**
 * Intercom conversations as the Conversations API returns them
 * (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/retrieveconversation):
 * the opening message in `source` (`body`, `author`), then `conversation_parts.conversation_parts`,
 * each with `part_type`, an HTML `body` and an `author` whose `type` is user, lead, admin, team or
 * bot, and `from_ai_agent` / `is_ai_answer` on parts written by Intercom's AI agent (Fin).
 *
 * A record is one conversation, or a list page `{ type: "conversation.list", conversations }`.
 * Bots, AI-agent parts and `--bot-author` ids or names are the bot; users, leads and contacts are
 * the customer; other admins and teams are human agents. Notes (`part_type` note…) are internal,
 * left out; parts without a body (assignment, open, close…) are events, not turns.
 */
export const intercom: Importer = {
  name: 'intercom',
  reference: 'https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/retrieveconversation',
  detect: (record) =>
    (record.type === 'conversation' && ('conversation_parts' in record || 'source' in record)) ||
    (record.type === 'conversation.list' && Array.isArray(record.conversations)),
  read: ([record], options) => {
    if (!record) return { ok: true, conversations: [] };
    if (Array.isArray(record.conversations)) {
      const conversations: ImportedConversation[] = [];
      for (const [index, item] of record.conversations.entries()) {
        if (!isRecord(item)) return importFailure(`conversations[${index}]`, `conversation must be an object, got ${describeValue(item)}`);
        const read = readConversation(item, `conversations[${index}].`, options);
        if (!read.ok) return read;
        conversations.push(read.conversation);
      }
      return { ok: true, conversations };
    }
    const read = readConversation(record, '', options);
    return read.ok ? { ok: true, conversations: [read.conversation] } : read;
  },
};

function readConversation(
  conversation: Record<string, unknown>,
  at: string,
  options: ImportOptions,
): { ok: true; conversation: ImportedConversation } | ImportFailure {
  const container = conversation.conversation_parts;
  if (container === undefined && conversation.source === undefined) {
    return importFailure(`${at}conversation_parts`, 'missing field `conversation_parts` (and no `source` message): not an Intercom conversation');
  }
  const parts = isRecord(container) ? container.conversation_parts : container;
  if (parts !== undefined && !Array.isArray(parts)) {
    return importFailure(`${at}conversation_parts.conversation_parts`, `expected a list of conversation parts, got ${describeValue(parts)}`);
  }
  const turns: Turn[] = [];
  let privateNotes = 0;
  const messages: { item: unknown; path: string }[] = [
    ...(conversation.source === undefined || conversation.source === null ? [] : [{ item: conversation.source, path: `${at}source` }]),
    ...(parts ?? []).map((item, index) => ({ item, path: `${at}conversation_parts.conversation_parts[${index}]` })),
  ];
  for (const { item, path } of messages) {
    if (!isRecord(item)) return importFailure(path, `conversation part must be an object, got ${describeValue(item)}`);
    const partType = readText(item.part_type) ?? '';
    if (partType.startsWith('note')) {
      privateNotes += 1;
      continue;
    }
    const body = readText(item.body);
    if (body === undefined || body.trim() === '') continue;
    if (!isRecord(item.author)) return importFailure(`${path}.author`, 'missing field `author`: who wrote the message');
    const role = authorRole(item.author, options);
    if (role === undefined) {
      return importFailure(`${path}.author.type`, `unknown author type ${JSON.stringify(item.author.type ?? null)}; expected user, lead, contact, admin, team or bot`);
    }
    const text = htmlToPlainText(body);
    if (text !== '') turns.push({ role, text });
  }
  const id = readId(conversation.id);
  const time = readTime(conversation.created_at);
  const metadata = {
    ...scalarMetadata(conversation, ['title', 'state', 'priority'], 'intercom_'),
    ...(isRecord(conversation.source) && typeof conversation.source.delivered_as === 'string' ? { channel: conversation.source.delivered_as } : {}),
    ...(time === undefined ? {} : { timestamp: time }),
  };
  return { ok: true, conversation: { ...(id === undefined ? {} : { id }), turns, metadata, privateNotes } };
}

function authorRole(author: Record<string, unknown>, options: ImportOptions): TurnRole | undefined {
  const id = readId(author.id);
  const name = readText(author.name);
  if (author.from_ai_agent === true || author.is_ai_answer === true || author.type === 'bot') return 'bot';
  if ((id !== undefined && options.botAuthors.has(id)) || (name !== undefined && options.botAuthors.has(name))) return 'bot';
  if (author.type === 'user' || author.type === 'lead' || author.type === 'contact') return 'customer';
  if (author.type === 'admin' || author.type === 'team') return 'agent';
  return undefined;
}
