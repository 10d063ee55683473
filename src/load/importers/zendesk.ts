import type { Turn, TurnRole } from '../../types.js';
import { describeValue } from '../samples/describe-value.js';
import { htmlToPlainText } from './html-to-plain-text.js';
import { importFailure, type ImportedConversation, type Importer, type ImportFailure, type ImportOptions } from './importer.js';
import { isRecord, readId, readText, readTime, requireArray, scalarMetadata } from './record-fields.js';

/**
 * Zendesk Support tickets and their comments, as the Ticket Comments API returns them
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/: `author_id`,
 * `public`, `html_body`, `plain_body`, `body`, `via`, `created_at`) with the ticket's
 * `requester_id` (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/) and the
 * `users` sideload (`?include=users`: `id`, `name`, `role` = end-user | agent | admin).
 *
 * A record is a ticket holding its `comments`, a comments page `{ comments, users?, ticket? }`,
 * or a page of tickets `{ tickets: [...], users? }`. Who wrote a comment: Answer Bot channels
 * (`via.channel` answer_bot_api, answer_bot_for_web_widget, … — the Via types reference,
 * https://developer.zendesk.com/documentation/ticketing/reference-guides/via-types/) and
 * `--bot-author` ids or names are the bot; the requester and end-users are the customer; other
 * agents are human agents. Private comments (`public: false`) are internal notes, left out.
 */
export const zendesk: Importer = {
  name: 'zendesk',
  reference: 'https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/',
  detect: (record) => {
    const tickets = Array.isArray(record.tickets) ? record.tickets : undefined;
    const firstTicket = tickets?.[0];
    const comments = Array.isArray(record.comments) ? record.comments : isRecord(firstTicket) && Array.isArray(firstTicket.comments) ? firstTicket.comments : undefined;
    const first = comments?.[0];
    return isRecord(first) && 'author_id' in first && 'public' in first;
  },
  read: ([record], options) => {
    if (!record) return { ok: true, conversations: [] };
    const users = readUsers(record.users);
    if (!(users instanceof Map)) return users;
    if (Array.isArray(record.tickets)) {
      const conversations: ImportedConversation[] = [];
      for (const [index, ticket] of record.tickets.entries()) {
        if (!isRecord(ticket)) return importFailure(`tickets[${index}]`, `ticket must be an object, got ${describeValue(ticket)}`);
        const read = readTicket(ticket, ticket, `tickets[${index}].`, users, options);
        if (!read.ok) return read;
        conversations.push(read.conversation);
      }
      return { ok: true, conversations };
    }
    const ticket = isRecord(record.ticket) ? record.ticket : record;
    const read = readTicket(ticket, record, '', users, options);
    return read.ok ? { ok: true, conversations: [read.conversation] } : read;
  },
};

interface ZendeskUser {
  name?: string;
  role?: string;
}

function readUsers(value: unknown): Map<string, ZendeskUser> | ImportFailure {
  const users = new Map<string, ZendeskUser>();
  if (value === undefined || value === null) return users;
  if (!Array.isArray(value)) return importFailure('users', `field \`users\` must be a list, got ${describeValue(value)}`);
  for (const user of value) {
    const id = isRecord(user) ? readId(user.id) : undefined;
    if (id && isRecord(user)) users.set(id, { name: readText(user.name), role: readText(user.role) });
  }
  return users;
}

function readTicket(
  ticket: Record<string, unknown>,
  holder: Record<string, unknown>,
  at: string,
  users: Map<string, ZendeskUser>,
  options: ImportOptions,
): { ok: true; conversation: ImportedConversation } | ImportFailure {
  const comments = requireArray(holder, 'comments', `${at}comments`);
  if (!Array.isArray(comments)) return comments;
  const requester = readId(ticket.requester_id);
  const turns: Turn[] = [];
  let privateNotes = 0;
  for (const [index, comment] of comments.entries()) {
    const path = `${at}comments[${index}]`;
    if (!isRecord(comment)) return importFailure(path, `comment must be an object, got ${describeValue(comment)}`);
    if (comment.public === false) {
      privateNotes += 1;
      continue;
    }
    const author = readId(comment.author_id);
    if (author === undefined) return importFailure(`${path}.author_id`, 'missing field `author_id`: who wrote the comment');
    const role = authorRole(comment, author, requester, users, options);
    if (role === undefined) {
      return importFailure(
        `${path}.author_id`,
        `cannot tell whether author ${author} is the customer: the ticket has no \`requester_id\` and no \`users\` sideload lists them`,
        'export the ticket with its requester_id, or the comments with ?include=users',
      );
    }
    const text = commentText(comment);
    if (text === undefined) return importFailure(`${path}.html_body`, 'comment has no text: expected `html_body`, `plain_body` or `body`');
    if (text !== '') turns.push({ role, text });
  }
  const id = readId(ticket.id);
  const firstTime = isRecord(comments[0]) ? readTime(comments[0].created_at) : undefined;
  const metadata = {
    ...scalarMetadata(ticket, ['subject', 'status', 'priority', 'tags'], 'zendesk_'),
    ...(isRecord(ticket.via) && typeof ticket.via.channel === 'string' ? { channel: ticket.via.channel } : {}),
    ...(readTime(ticket.created_at) ?? firstTime ? { timestamp: readTime(ticket.created_at) ?? firstTime ?? null } : {}),
  };
  return { ok: true, conversation: { ...(id === undefined ? {} : { id }), turns, metadata, privateNotes } };
}

function authorRole(
  comment: Record<string, unknown>,
  author: string,
  requester: string | undefined,
  users: Map<string, ZendeskUser>,
  options: ImportOptions,
): TurnRole | undefined {
  const channel = isRecord(comment.via) ? comment.via.channel : undefined;
  const user = users.get(author);
  if (typeof channel === 'string' && channel.startsWith('answer_bot')) return 'bot';
  if (options.botAuthors.has(author) || (user?.name !== undefined && options.botAuthors.has(user.name))) return 'bot';
  if (author === requester || user?.role === 'end-user') return 'customer';
  if (user?.role === 'agent' || user?.role === 'admin') return 'agent';
  // On a ticket whose requester is known, anyone else who writes is the support team.
  return requester === undefined ? undefined : 'agent';
}

/** The comment as the customer saw it: the HTML body through html-to-text, else the plain text. */
function commentText(comment: Record<string, unknown>): string | undefined {
  const html = readText(comment.html_body);
  if (html !== undefined && html.trim() !== '') return htmlToPlainText(html);
  const plain = readText(comment.plain_body) ?? readText(comment.body);
  return plain === undefined ? undefined : plain.trim();
}

