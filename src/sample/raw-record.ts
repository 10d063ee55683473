import type { InputFormat, SourceLocation } from '../types.js';

/**
 * One log record as read, before it becomes an audit `Sample`: sampling passes every field
 * through untouched, so its output can be fed straight back to `tone-audit audit`.
 */
export interface RawRecord {
  /** The parsed record: a JSON object, or a CSV row keyed by its header. */
  data: Record<string, unknown>;
  /** The record's exact text for JSONL input (the line without its terminator); written back as is. */
  raw?: string;
  /** The format the record was read from. */
  format: InputFormat;
  /** For CSV input, the header of the record's file (one array shared by the file's records). */
  columns?: readonly string[];
  /** Where the record starts; `file` is `-` for stdin. */
  source: SourceLocation;
}

/**
 * A copy of a record that holds no slice of the reader's buffers. V8 makes a substring of 13 or
 * more characters a view into its parent string, so a kept JSONL line would pin the whole 64 KiB
 * chunk it was split from: 400 kept records measured 24.6 MB. Copying the few records a reservoir
 * keeps costs little; copying every record read would not.
 */
export function detachRecord(record: RawRecord): RawRecord {
  return record.raw === undefined ? record : { ...record, raw: Buffer.from(record.raw, 'utf8').toString('utf8') };
}
