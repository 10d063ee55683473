import type { Problem, Sample, SourceLocation } from '../../types.js';
import { describeValue } from '../samples/describe-value.js';
import type { RawRecord } from '../samples/raw-record.js';
import { toConversationSample } from './conversation-sample.js';
import type { Importer, ImportOptions } from './importer.js';
import { isRecord } from './record-fields.js';

/** What importing yields, in input order: a sample, or a problem (`error`: the record was skipped). */
export type ImportEvent =
  | { kind: 'sample'; sample: Sample; location: SourceLocation }
  | { kind: 'problem'; problem: Problem; severity: 'error' | 'warning' };

/** Conversation keys remembered to notice rows of one conversation split apart; past this, not checked. */
const MAX_TRACKED_KEYS = 100_000;

/**
 * Runs one file's records through an importer: each record (or, for row-per-message exports, each
 * run of rows with one conversation key) becomes the samples of its conversations. Streams: only
 * the rows of the current conversation are held. A conversation with no bot turn yields a warning
 * (nothing in it to audit); internal notes left out are counted in one warning per file.
 */
export async function* importRecords(
  records: AsyncIterable<RawRecord>,
  importer: Importer,
  file: string,
  options: ImportOptions,
): AsyncGenerator<ImportEvent> {
  const notes = { count: 0, conversations: 0, first: undefined as SourceLocation | undefined };
  let group: { key: string; rows: Record<string, unknown>[]; location: SourceLocation } | undefined;
  let finishedKeys: Set<string> | undefined = new Set();

  function* convert(rows: Record<string, unknown>[], location: SourceLocation): Generator<ImportEvent> {
    const result = importer.read(rows, options);
    if (!result.ok) {
      const { path, message, hint } = result;
      yield { kind: 'problem', severity: 'error', problem: { location, path, message, ...(hint === undefined ? {} : { hint }) } };
      return;
    }
    for (const conversation of result.conversations) {
      if (conversation.privateNotes > 0) {
        notes.count += conversation.privateNotes;
        notes.conversations += 1;
        notes.first ??= location;
      }
      const sample = toConversationSample(conversation, importer.name, location);
      if (sample) {
        yield { kind: 'sample', sample, location };
        continue;
      }
      const agents = conversation.turns.filter((turn) => turn.role === 'agent').length;
      yield {
        kind: 'problem',
        severity: 'warning',
        problem: {
          location,
          path: '',
          message: `${importer.name} conversation ${conversation.id ?? '(no id)'} has no bot turn${agents > 0 ? ` (${agents} human-agent ${agents === 1 ? 'reply' : 'replies'})` : ''}: nothing to audit`,
          hint: 'if a bot wrote some of those replies, name its author id or name with --bot-author',
        },
      };
    }
  }

  for await (const raw of records) {
    const location: SourceLocation = raw.ok || raw.col === undefined ? { file, line: raw.line } : { file, line: raw.line, col: raw.col };
    if (!raw.ok) {
      yield { kind: 'problem', severity: 'error', problem: { location, path: '', message: raw.message } };
      continue;
    }
    if (!isRecord(raw.value)) {
      yield { kind: 'problem', severity: 'error', problem: { location, path: '', message: `record must be a JSON object, got ${describeValue(raw.value)}` } };
      continue;
    }
    const key = importer.conversationKey?.(raw.value);
    if (key === undefined) {
      yield* convert([raw.value], location);
      continue;
    }
    if (typeof key !== 'string') {
      yield { kind: 'problem', severity: 'error', problem: { location, path: key.path, message: key.message } };
      continue;
    }
    if (group && group.key === key) {
      group.rows.push(raw.value);
      continue;
    }
    if (group) {
      yield* convert(group.rows, group.location);
      if (finishedKeys && finishedKeys.size >= MAX_TRACKED_KEYS) finishedKeys = undefined;
      finishedKeys?.add(group.key);
    }
    if (finishedKeys?.has(key)) {
      yield {
        kind: 'problem',
        severity: 'warning',
        problem: {
          location,
          path: '',
          message: `conversation ${key} continues here after rows of other conversations: read as a separate conversation, not merged`,
          hint: 'sort the export by conversation and time (e.g. ORDER BY ConversationId, EntryTime) to read each conversation whole',
        },
      };
    }
    group = { key, rows: [raw.value], location };
  }
  if (group) yield* convert(group.rows, group.location);
  if (notes.first) {
    yield {
      kind: 'problem',
      severity: 'warning',
      problem: {
        location: notes.first,
        path: '',
        message: `${notes.count} internal ${notes.count === 1 ? 'note' : 'notes'} in ${notes.conversations} ${notes.conversations === 1 ? 'conversation' : 'conversations'} left out: notes are not bot turns (each sample counts its own in metadata private_notes)`,
      },
    };
  }
}
