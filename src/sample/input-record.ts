import type { ParsedRecord } from '../load/samples/raw-record.js';
import type { InputFormat } from '../types.js';

/**
 * One log record as sampling reads it, before it would become an audit `Sample`: the reader's
 * parsed record itself (`value`, `line`, JSONL `text`, CSV `columns`), narrowed to the JSON objects
 * sampling accepts, plus the file and format it came from. Sampling passes every field through
 * untouched, so its output can be fed straight back to `tone-audit audit`.
 */
export interface InputRecord extends ParsedRecord {
  /** The parsed record: a JSON object, or a CSV row keyed by its header. */
  value: Record<string, unknown>;
  /** The input the record was read from; `-` for stdin. `file` and `line` say where it starts. */
  file: string;
  /** The format the record was read as. */
  format: InputFormat;
}

/**
 * A copy of a record that holds no slice of the reader's buffers. V8 makes a substring of 13 or
 * more characters a view into its parent string, so a kept JSONL line would pin the whole 64 KiB
 * chunk it was split from: 400 kept records measured 24.6 MB. Copying the few records a reservoir
 * keeps costs little; copying every record read would not.
 */
export function detachRecord(record: InputRecord): InputRecord {
  return record.text === undefined ? record : { ...record, text: Buffer.from(record.text, 'utf8').toString('utf8') };
}
