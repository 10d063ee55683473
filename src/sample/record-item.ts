import type { Problem } from '../types.js';
import type { RawRecord } from './raw-record.js';

/** What a format parser yields: a record, or a problem with a record it had to skip. */
export type RecordItem = { record: RawRecord } | { problem: Problem };

/** Text chunks of one input, as a file or stdin stream delivers them. */
export type Chunks = AsyncIterable<string | Uint8Array>;

/** Shortens a parser's message: some quote the whole offending input. */
export function clip(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
