import type { Turn, TurnRole } from '../../types.js';
import { describeValue } from '../samples/describe-value.js';
import { importFailure, type ImportedConversation, type Importer, type ImportFailure } from './importer.js';
import { isRecord, readId, readText, readTime } from './record-fields.js';

/**
 * Salesforce `ConversationEntry` records, one per message of a chat or messaging session
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_conversationentry.htm):
 * `ConversationId`, `ActorType` (Agent, Bot, EndUser, Supervisor, System), `ActorName`,
 * `Message`, `EntryTime`, `EntryType`. Rows come as a CSV or JSON Lines export (Data Loader, SOQL)
 * or a SOQL query result `{ totalSize, done, records }`.
 *
 * Consecutive rows with the same `ConversationId` are one conversation, ordered by `EntryTime`.
 * Bot is the bot, EndUser the customer, Agent and Supervisor human agents, System a system turn.
 * Entries without a message (session events) are not turns.
 */
export const salesforce: Importer = {
  name: 'salesforce',
  reference: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_conversationentry.htm',
  detect: (record) => {
    const row = Array.isArray(record.records) && isRecord(record.records[0]) ? record.records[0] : record;
    return 'ActorType' in row && 'ConversationId' in row && ('Message' in row || 'EntryTime' in row);
  },
  conversationKey: (record) => {
    if (Array.isArray(record.records)) return undefined;
    return readId(record.ConversationId) ?? importFailure('ConversationId', 'missing field `ConversationId`: the session the entry belongs to');
  },
  read: (records) => {
    const first = records[0];
    if (records.length === 1 && first && Array.isArray(first.records)) return readQueryResult(first.records);
    const conversation = readEntries(records.map((row, index) => ({ row, path: records.length === 1 ? '' : `[${index}]` })));
    return conversation.ok ? { ok: true, conversations: [conversation.conversation] } : conversation;
  },
};

const ACTOR_ROLES: Readonly<Record<string, TurnRole>> = {
  Bot: 'bot',
  EndUser: 'customer',
  Agent: 'agent',
  Supervisor: 'agent',
  System: 'system',
};

/** A SOQL result holds the rows of any number of sessions: each run of one ConversationId is one. */
function readQueryResult(rows: unknown[]): { ok: true; conversations: ImportedConversation[] } | ImportFailure {
  const conversations: ImportedConversation[] = [];
  let group: { row: Record<string, unknown>; path: string }[] = [];
  const flush = (): ImportFailure | undefined => {
    if (group.length === 0) return undefined;
    const read = readEntries(group);
    group = [];
    if (!read.ok) return read;
    conversations.push(read.conversation);
    return undefined;
  };
  for (const [index, row] of rows.entries()) {
    if (!isRecord(row)) return importFailure(`records[${index}]`, `entry must be an object, got ${describeValue(row)}`);
    const key = readId(row.ConversationId);
    if (key === undefined) return importFailure(`records[${index}].ConversationId`, 'missing field `ConversationId`: the session the entry belongs to');
    if (group.length > 0 && readId(group[0]?.row.ConversationId) !== key) {
      const failed = flush();
      if (failed) return failed;
    }
    group.push({ row, path: `records[${index}]` });
  }
  const failed = flush();
  return failed ?? { ok: true, conversations };
}

function readEntries(entries: readonly { row: Record<string, unknown>; path: string }[]): { ok: true; conversation: ImportedConversation } | ImportFailure {
  const timed: { turn: Turn; time: number; index: number }[] = [];
  for (const [index, { row, path }] of entries.entries()) {
    const at = path === '' ? '' : `${path}.`;
    const actor = readText(row.ActorType);
    if (actor === undefined) return importFailure(`${at}ActorType`, 'missing field `ActorType` (Agent, Bot, EndUser, Supervisor or System)');
    const role = ACTOR_ROLES[actor];
    if (role === undefined) return importFailure(`${at}ActorType`, `unknown ActorType \`${actor}\`; expected Agent, Bot, EndUser, Supervisor or System`);
    if (!('Message' in row)) return importFailure(`${at}Message`, 'missing field `Message`: the text of the entry');
    const entryTime = readText(row.EntryTime);
    if (entryTime === undefined || entryTime.trim() === '') return importFailure(`${at}EntryTime`, 'missing field `EntryTime`: when the entry was made');
    const text = (readText(row.Message) ?? '').trim();
    if (text !== '') timed.push({ turn: { role, text }, time: Date.parse(entryTime), index });
  }
  // Exports are not always in conversation order; rows with unreadable times keep their place.
  timed.sort((a, b) => (Number.isNaN(a.time) || Number.isNaN(b.time) ? a.index - b.index : a.time - b.time || a.index - b.index));
  const first = entries[0]?.row;
  const id = first ? readId(first.ConversationId) : undefined;
  const time = first ? readTime(entries.map((e) => readText(e.row.EntryTime)).filter(Boolean).sort()[0]) : undefined;
  return {
    ok: true,
    conversation: {
      ...(id === undefined ? {} : { id }),
      turns: timed.map((t) => t.turn),
      metadata: { ...(time === undefined ? {} : { timestamp: time }) },
      privateNotes: 0,
    },
  };
}
