import type { MetadataValue, Turn } from '../../types.js';
import type { ImportFormat } from './format-names.js';

/**
 * What every importer plugin implements (textlint's processors are the model): a name, where its
 * input shape is documented, an optional shape test for auto-detection, and one pure function from
 * a platform record to conversations in tone-audit's own shape. Importers never touch the file
 * system: records arrive through the ordinary readers (JSON array, JSON Lines, one JSON document,
 * CSV, Parquet), so every platform streams the same way.
 */
export interface Importer {
  name: ImportFormat;
  /** The public page that documents the export or API shape this importer reads. */
  reference: string;
  /**
   * True when a record unmistakably has this platform's shape, so a file can be read without
   * `--input-format`. Absent for shapes the default reader already understands or that another
   * platform could share (OpenAI and Anthropic `messages`).
   */
  detect?(record: Record<string, unknown>): boolean;
  /**
   * For exports with one row per message (Salesforce ConversationEntry): the conversation a row
   * belongs to. Consecutive rows with the same key are read as one conversation; undefined reads
   * the record on its own (a SOQL result that holds many rows).
   */
  conversationKey?(record: Record<string, unknown>): string | ImportFailure | undefined;
  /** One record (or, with {@link conversationKey}, the rows of one conversation) → conversations. */
  read(records: readonly Record<string, unknown>[], options: ImportOptions): ImportResult;
}

export interface ImportOptions {
  /** Author ids or names (`--bot-author`) whose messages are the bot's, on platforms that do not mark bots. */
  botAuthors: ReadonlySet<string>;
}

/** A record the importer cannot read: `path` is relative to the record, e.g. `comments[2].author_id`. */
export interface ImportFailure {
  ok: false;
  path: string;
  message: string;
  hint?: string;
}

export type ImportResult = { ok: true; conversations: ImportedConversation[] } | ImportFailure;

/** A conversation as a platform gave it, roles already mapped, internal notes already left out. */
export interface ImportedConversation {
  /** The platform's id for it (ticket, conversation, trace), when it has one. */
  id?: string;
  /** Oldest first. Human agents are `agent` turns: context, never judged as the bot. */
  turns: Turn[];
  /** Platform facts kept on every sample of the conversation (channel, status, subject, time…). */
  metadata: Record<string, MetadataValue>;
  /** Internal notes (Zendesk private comments, Intercom notes, Freshdesk private notes) left out of `turns`. */
  privateNotes: number;
}

/** A failure at `path`, for importers to return. */
export function importFailure(path: string, message: string, hint?: string): ImportFailure {
  return { ok: false, path, message, ...(hint === undefined ? {} : { hint }) };
}
