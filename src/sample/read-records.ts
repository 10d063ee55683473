import { createReadStream } from 'node:fs';
import { InputError } from '../errors.js';
import { formatFromExtension, sniffFormat } from '../load/samples/detect-format.js';
import { lookupPath } from '../load/samples/lookup-field.js';
import type { InputFormat, Problem, SourceLocation } from '../types.js';
import { parseCsvRecords } from './parse-csv-records.js';
import { parseJsonArrayRecords } from './parse-json-array-records.js';
import { parseJsonlRecords } from './parse-jsonl-records.js';
import { parseTimestamp } from './parse-timestamp.js';
import type { RawRecord } from './raw-record.js';
import type { Chunks, RecordItem } from './record-item.js';

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
 * Streams raw records from JSONL, CSV or JSON-array files (and `-` for stdin), in input order,
 * applying the `since`/`until` window on `timestampField`. Bad records are skipped and reported
 * (or thrown under `strict`); an input that cannot be opened throws an {@link InputError}.
 * `stats` fills in as `records` is iterated; iterate once.
 */
export function readRecords(inputs: readonly string[], options: ReadRecordsOptions = {}): { records: AsyncIterable<RawRecord>; stats: ReadStats } {
  const stats: ReadStats = { read: 0, kept: 0, skipped: 0, outsideWindow: 0, missingTimestamp: 0, formats: [] };
  return { records: generateRecords(inputs, options, stats), stats };
}

async function* generateRecords(inputs: readonly string[], options: ReadRecordsOptions, stats: ReadStats): AsyncGenerator<RawRecord> {
  const { since, until, timestampField = 'timestamp' } = options;
  const windowed = since !== undefined || until !== undefined;
  for (const input of inputs) {
    for await (const item of readInput(input, options, stats)) {
      if ('problem' in item) {
        if (options.strict) throw new InputError(`bad record in ${input}`, { problems: [item.problem] });
        stats.skipped += 1;
        options.onProblem?.(item.problem);
        continue;
      }
      const { record } = item;
      stats.read += 1;
      if (windowed) {
        const time = parseTimestamp(lookupPath(record.data, timestampField)?.value);
        if (time === undefined) {
          stats.missingTimestamp += 1;
          stats.firstMissingTimestamp ??= record.source;
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

async function* readInput(input: string, options: ReadRecordsOptions, stats: ReadStats): AsyncGenerator<RecordItem> {
  try {
    const source = input === '-' ? stdinChunks(options.stdin) : createReadStream(input, { encoding: 'utf8' });
    const { format, chunks } = await detectFormat(input, options.format, source);
    stats.formats.push(format);
    if (format === 'jsonl') yield* parseJsonlRecords(input, chunks);
    else if (format === 'csv') yield* parseCsvRecords(input, chunks);
    else yield* parseJsonArrayRecords(input, await collectText(chunks));
  } catch (error) {
    if (isFileError(error)) {
      throw new InputError(`cannot read ${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`, {
        cause: error,
        hint: error.code === 'ENOENT' ? 'check the path; use - to read from stdin' : undefined,
      });
    }
    throw error;
  }
}

/**
 * The input's format from the flag, else its extension, else its first non-blank character
 * (see {@link sniffFormat}). Returns the chunks with the peeked ones put back in front.
 */
async function detectFormat(input: string, forced: InputFormat | undefined, source: Chunks): Promise<{ format: InputFormat; chunks: Chunks }> {
  if (forced) return { format: forced, chunks: source };
  const byExtension = formatFromExtension(input);
  if (byExtension) return { format: byExtension, chunks: source };
  const iterator = source[Symbol.asyncIterator]();
  const peeked: (string | Uint8Array)[] = [];
  let sniffed: InputFormat | undefined;
  let headLength = 0;
  while (sniffed === undefined && headLength < 65536) {
    const next = await iterator.next();
    if (next.done) break;
    peeked.push(next.value);
    const text = typeof next.value === 'string' ? next.value : Buffer.from(next.value).toString('utf8');
    headLength += text.length;
    sniffed = sniffFormat(text);
  }
  async function* chunks(): AsyncGenerator<string | Uint8Array> {
    yield* peeked;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  // Blank input holds no records in any format; JSON Lines reads it as such.
  return { format: sniffed ?? 'jsonl', chunks: chunks() };
}

function stdinChunks(stdin: Chunks | undefined): Chunks {
  if (stdin === undefined) throw new InputError('cannot read - : no stdin stream was given');
  return stdin;
}

async function collectText(chunks: Chunks): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of chunks) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

function isFileError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && 'syscall' in error;
}
