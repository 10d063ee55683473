import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { lookupPath } from '../load/samples/lookup-field.js';
import type { RawRecord } from '../load/samples/raw-record.js';
import { readSampleSource, type SampleSource } from '../load/samples/read-sample-source.js';
import { readSourceRecords } from '../load/samples/read-source-records.js';
import { resolveInputs } from '../load/samples/resolve-inputs.js';
import type { InputFormat, Problem, SourceLocation } from '../types.js';
import { parseTimestamp } from './parse-timestamp.js';
import type { InputRecord } from './input-record.js';

/** Text chunks of one input, as a file or stdin stream delivers them. */
export type Chunks = AsyncIterable<string | Uint8Array>;

export interface ReadRecordsOptions {
  /** Read every input as this format. Otherwise by extension (.jsonl/.ndjson, .csv, .json), else sniffed from the first bytes. */
  format?: InputFormat;
  /** Throw an {@link InputError} at the first bad record instead of skipping it. */
  strict?: boolean;
  /** Told about each bad record that was skipped (not called under `strict`). */
  onProblem?: (problem: Problem) => void;
  /** Keep records at or after this instant (epoch ms, inclusive). */
  since?: number;
  /** Keep records before this instant (epoch ms, exclusive), so adjacent windows do not overlap. */
  until?: number;
  /** Field (or dotted path) holding each record's timestamp; default `timestamp`. */
  timestampField?: string;
  /** The stream read for the input `-`. */
  stdin?: Chunks;
  /** Directory that relative paths and globs are resolved from (default: the process's). */
  cwd?: string;
}

/** Counts kept while reading; complete once the records have been iterated to the end. */
export interface ReadStats {
  /** Well-formed records read, before the time filter. */
  read: number;
  /** Records that passed the time filter (all of `read` when there is none). */
  kept: number;
  /** Bad records skipped (each was passed to `onProblem`). */
  skipped: number;
  /** Records whose timestamp fell outside the `since`/`until` window. */
  outsideWindow: number;
  /** Records left out because the time filter was on and their timestamp was missing or unreadable. */
  missingTimestamp: number;
  /** Where the first of those was, to point the user at it. */
  firstMissingTimestamp?: SourceLocation;
  /** The format each input was read as, in input order (filled as each input is opened). */
  formats: InputFormat[];
}

/**
 * Streams raw records from JSONL, CSV or JSON-array files, globs and `-` (stdin), in input order,
 * through the audit's readers (`load/samples`), so both commands read every input alike; then
 * applies the `since`/`until` window on `timestampField`. Bad records are skipped and reported
 * (or thrown under `strict`); an input that cannot be opened throws an {@link InputError}.
 * `stats` fills in as `records` is iterated; iterate once.
 */
export function readRecords(inputs: readonly string[], options: ReadRecordsOptions = {}): { records: AsyncIterable<InputRecord>; stats: ReadStats } {
  const stats: ReadStats = { read: 0, kept: 0, skipped: 0, outsideWindow: 0, missingTimestamp: 0, formats: [] };
  return { records: generateRecords(inputs, options, stats), stats };
}

async function* generateRecords(inputs: readonly string[], options: ReadRecordsOptions, stats: ReadStats): AsyncGenerator<InputRecord> {
  const { since, until, timestampField = 'timestamp' } = options;
  const windowed = since !== undefined || until !== undefined;
  for (const input of await resolveInputs(inputs, resolve(options.cwd ?? '.'))) {
    const source = await readSampleSource(input, options.format, options.stdin);
    stats.formats.push(source.format);
    let index = 0;
    for await (const read of readSourceRecords(source)) {
      const item = toRecordItem(read, source, index++);
      if ('problem' in item) {
        if (options.strict) throw new InputError(`bad record in ${source.file}`, { problems: [item.problem] });
        stats.skipped += 1;
        options.onProblem?.(item.problem);
        continue;
      }
      const { record } = item;
      stats.read += 1;
      if (windowed) {
        const time = parseTimestamp(lookupPath(record.value, timestampField)?.value);
        if (time === undefined) {
          stats.missingTimestamp += 1;
          stats.firstMissingTimestamp ??= { file: record.file, line: record.line };
          continue;
        }
        if ((since !== undefined && time < since) || (until !== undefined && time >= until)) {
          stats.outsideWindow += 1;
          continue;
        }
      }
      stats.kept += 1;
      yield record;
    }
  }
}

/**
 * A record as sampling keeps it, or why it cannot be one: sampling passes any JSON object
 * through, so unlike the audit it asks nothing of the fields, only that the record is an object.
 * `index` counts what the reader yielded, so in a JSON array it is the element's position.
 */
function toRecordItem(read: RawRecord, source: SampleSource, index: number): { record: InputRecord } | { problem: Problem } {
  const { file, format } = source;
  if (!read.ok) {
    const location = read.col === undefined ? { file, line: read.line } : { file, line: read.line, col: read.col };
    return { problem: { location, path: '', message: read.message } };
  }
  const { value } = read;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const location = { file, line: read.line };
    return format === 'json'
      ? { problem: { location, path: `[${index}]`, message: 'expected a JSON object' } }
      : { problem: { location, path: '', message: `expected a JSON object, got ${describe(value)}` } };
  }
  // The reader's record as it is (its JSONL text and CSV header by reference), plus where it came from.
  return { record: { ...read, value: value as Record<string, unknown>, file, format } };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
