import type { InputFormat } from '../../types.js';

/**
 * The support-platform and LLM-log exports tone-audit imports, with the one line `--help` shows.
 * A plain list (no importer code is loaded for it), so `--help` and the config schema stay cheap;
 * `registry.ts` holds the importers themselves and a test keeps the two lists equal.
 */
export const IMPORT_FORMAT_DESCRIPTIONS = {
  zendesk: 'Zendesk tickets with their comments (public/private, html_body)',
  intercom: 'Intercom conversations with conversation_parts (user, admin, bot, AI agent)',
  freshdesk: 'Freshdesk tickets with their conversations (incoming, private)',
  salesforce: 'Salesforce ConversationEntry rows (ActorType, Message, EntryTime), grouped by ConversationId',
  openai: 'OpenAI chat "messages" JSONL (content as text or parts)',
  anthropic: 'Anthropic Messages JSONL (system, content blocks)',
  langfuse: 'Langfuse trace or observation exports (input/output messages)',
} as const;

export type ImportFormat = keyof typeof IMPORT_FORMAT_DESCRIPTIONS;

export const IMPORT_FORMATS = Object.keys(IMPORT_FORMAT_DESCRIPTIONS) as ImportFormat[];

/** Container formats: how records are laid out in a file, not what a record means. */
export const CONTAINER_FORMATS = ['jsonl', 'csv', 'json', 'parquet'] as const;

export type ContainerFormat = InputFormat | 'parquet';

/** Everything `--input-format` (config `inputFormat`) accepts. */
export type SampleFormat = ContainerFormat | ImportFormat;

export const SAMPLE_FORMATS: readonly SampleFormat[] = [...CONTAINER_FORMATS, ...IMPORT_FORMATS];

/** True when `name` is an importer's name rather than a container format. */
export function isImportFormat(name: string): name is ImportFormat {
  return Object.hasOwn(IMPORT_FORMAT_DESCRIPTIONS, name);
}
