import type { Turn, TurnRole } from '../../types.js';
import { describeValue } from '../samples/describe-value.js';
import { htmlToPlainText } from './html-to-plain-text.js';
import { importFailure, type Importer, type ImportOptions } from './importer.js';
import { isRecord, readId, readText, readTime, requireArray, scalarMetadata } from './record-fields.js';

/**
 * Freshdesk tickets with their conversations, as "View a Ticket" returns them with
 * `?include=conversations` (https://developers.freshdesk.com/api/#view_a_ticket): the ticket's
 * `requester_id` and first message (`description` HTML, `description_text`), then
 * `conversations`, each with `body` (HTML), `body_text`, `incoming`, `private`, `user_id` and
 * `created_at` (https://developers.freshdesk.com/api/#list_all_ticket_notes).
 *
 * `incoming: true` and the requester are the customer; `--bot-author` user ids are the bot
 * (Freshdesk does not mark a bot's replies); every other reply is a human agent's. Private notes
 * (`private: true`) are internal, left out.
 */
export const freshdesk: Importer = {
  name: 'freshdesk',
  reference: 'https://developers.freshdesk.com/api/#view_a_ticket',
  detect: (record) => {
    const first = Array.isArray(record.conversations) ? record.conversations[0] : undefined;
    return isRecord(first) && 'incoming' in first && 'private' in first && 'user_id' in first;
  },
  read: ([ticket], options) => {
    if (!ticket) return { ok: true, conversations: [] };
    const conversations = requireArray(ticket, 'conversations');
    if (!Array.isArray(conversations)) {
      return { ...conversations, hint: 'export each ticket with GET /api/v2/tickets/[id]?include=conversations' };
    }
    const requester = readId(ticket.requester_id);
    const turns: Turn[] = [];
    const description = readText(ticket.description) ?? readText(ticket.description_text);
    if (description !== undefined && description.trim() !== '') turns.push({ role: 'customer', text: htmlToPlainText(description) });
    let privateNotes = 0;
    for (const [index, entry] of conversations.entries()) {
      const path = `conversations[${index}]`;
      if (!isRecord(entry)) return importFailure(path, `conversation must be an object, got ${describeValue(entry)}`);
      if (entry.private === true) {
        privateNotes += 1;
        continue;
      }
      if (typeof entry.incoming !== 'boolean') return importFailure(`${path}.incoming`, 'missing field `incoming` (true for a customer\'s message)');
      const role = authorRole(entry, requester, options);
      const html = readText(entry.body);
      const text = html !== undefined && html.trim() !== '' ? htmlToPlainText(html) : readText(entry.body_text)?.trim();
      if (text === undefined) return importFailure(`${path}.body`, 'conversation has no text: expected `body` or `body_text`');
      if (text !== '') turns.push({ role, text });
    }
    const id = readId(ticket.id);
    const time = readTime(ticket.created_at);
    const metadata = {
      ...scalarMetadata(ticket, ['subject', 'status', 'priority', 'tags'], 'freshdesk_'),
      ...(time === undefined ? {} : { timestamp: time }),
    };
    return { ok: true, conversations: [{ ...(id === undefined ? {} : { id }), turns, metadata, privateNotes }] };
  },
};

function authorRole(entry: Record<string, unknown>, requester: string | undefined, options: ImportOptions): TurnRole {
  const user = readId(entry.user_id);
  if (entry.incoming === true || (user !== undefined && user === requester)) return 'customer';
  if (user !== undefined && options.botAuthors.has(user)) return 'bot';
  return 'agent';
}
