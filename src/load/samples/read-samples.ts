import { expandTurns, type TurnSelection } from './expand-turns.js';
import { resolve } from 'node:path';
import { formatProblem, InputError } from '../../errors.js';
import type { FieldMap, Problem, Sample } from '../../types.js';
import type { SampleFormat } from '../importers/format-names.js';
import { checkRecordSize, DEFAULT_MAX_RECORD_KB } from './record-size.js';
import { openSourceEvents } from './read-source-events.js';
import { resolveInputs } from './resolve-inputs.js';

export interface ReadSamplesOptions {
  /**
   * Parse every input as this format instead of going by extension (or sniffing stdin): a container
   * (jsonl, csv, json, parquet) or a platform importer (zendesk, intercom…). Without it, a file whose
   * first record has one platform's shape is read with that platform's importer.
   */
  format?: SampleFormat;
  /** Author ids or names whose messages are the bot's, for platforms that do not mark bots (`--bot-author`). */
  botAuthors?: readonly string[];
  /** `--field` overrides: our field name → the key or dotted path in the data. */
  fields?: Partial<FieldMap>;
  /** Read for the input `-`; required when `-` is given. */
  stdin?: NodeJS.ReadableStream;
  /** Directory that relative paths and globs are resolved from (default: the process's). */
  cwd?: string;
  /** Throw an {@link InputError} at the first broken record instead of reporting and skipping it. */
  strict?: boolean;
  /**
   * Warn about ids seen earlier in the run (default true). This keeps one map entry per id
   * (about 55 MB per million ids); turn it off for flat memory on very large inputs.
   */
  checkDuplicateIds?: boolean;
  /**
   * Ids remembered for the duplicate check (default {@link MAX_TRACKED_IDS}). Past this the check
   * stops, with one warning saying so, so memory stays flat however large the input.
   */
  maxTrackedIds?: number;
  /**
   * For records with a transcript: judge every bot turn in the context before it (`all`, the
   * default; ids become `<id>#<bot turn>`) or only the last reply (`last`).
   */
  turns?: TurnSelection;
  /** Records with more text than this (kB, reply + customer + transcript, UTF-8) are skipped with a warning; default {@link DEFAULT_MAX_RECORD_KB}. */
  maxRecordKb?: number;
}

/** About 6 MB of ids: enough for any audit sample; a million-line log is not held in memory for it. */
export const MAX_TRACKED_IDS = 100_000;

/**
 * What {@link readSamples} yields, in input order. A problem with `severity: 'error'` is a record
 * that was skipped (count these as `skippedRecords`); `'warning'` leaves the record in (duplicate ids,
 * bytes that are not valid UTF-8).
 */
export type LoadEvent =
  | { type: 'sample'; sample: Sample }
  | { type: 'problem'; problem: Problem; severity: 'error' | 'warning' };

/**
 * Streams samples from files, globs and `-` (stdin) in JSONL, CSV, JSON or Parquet, or support-platform
 * exports through their importers (`load/importers/`). Memory stays flat in
 * the number of records: the map of seen ids behind duplicate warnings is capped
 * (see {@link ReadSamplesOptions.maxTrackedIds}).
 *
 * Broken records never stop the stream: each becomes a `problem` event located at the physical
 * line where the record starts (unless `strict`). Missing files, globs matching nothing and
 * unreadable inputs are {@link InputError}s, thrown when the stream reaches them.
 */
export async function* readSamples(inputs: readonly string[], options: ReadSamplesOptions = {}): AsyncGenerator<LoadEvent> {
  if (inputs.length === 0) throw new InputError('no samples given', { hint: 'pass files, globs, or - for stdin' });
  const cwd = resolve(options.cwd ?? '.');
  const resolved = await resolveInputs(inputs, cwd);
  // id → where it was first seen, packed as fileIndex * 2^32 + line: the one structure that
  // grows with the input, kept to a number per id.
  let seenIds = options.checkDuplicateIds === false ? undefined : new Map<string, number>();
  const maxTrackedIds = options.maxTrackedIds ?? MAX_TRACKED_IDS;
  const files: string[] = [];
  for (const input of resolved) {
    const source = await openSourceEvents(input, options);
    const fileIndex = files.push(source.file) - 1;
    let invalidSeen = 0;
    /** Warnings for the lines with invalid UTF-8 read so far, up to `line` (all of them at the end). */
    function* invalidUtf8Warnings(line: number): Generator<LoadEvent> {
      const lines = source.invalidUtf8Lines;
      while (lines.length > 0 && (lines[0] as number) <= line) {
        const at = lines.shift() as number;
        invalidSeen++;
        if (options.strict) {
          const problem: Problem = { location: { file: source.file, line: at }, path: '', message: 'bytes that are not valid UTF-8' };
          throw new InputError(formatProblem(problem), { problems: [problem], hint: 'save the file as UTF-8, or run without --strict to read such bytes as U+FFFD with a warning' });
        }
        if (invalidSeen <= MAX_UTF8_WARNINGS) {
          yield {
            type: 'problem',
            severity: 'warning',
            problem: { location: { file: source.file, line: at }, path: '', message: 'bytes that are not valid UTF-8, read as U+FFFD (�); the record is kept' },
          };
        }
      }
    }
    for await (const sourceEvent of source.events) {
      const location = sourceEvent.kind === 'sample' ? sourceEvent.location : sourceEvent.problem.location;
      yield* invalidUtf8Warnings(location.line);
      // An oversize record is skipped like a broken one: counted, warned about, and gated by --max-skipped.
      const oversize = sourceEvent.kind === 'sample' ? checkRecordSize(sourceEvent.sample, options.maxRecordKb ?? DEFAULT_MAX_RECORD_KB, location) : undefined;
      const event = oversize ? { kind: 'problem' as const, problem: oversize, severity: 'error' as const } : sourceEvent;
      if (event.kind === 'problem') {
        if (event.severity === 'error' && options.strict) {
          throw new InputError(formatProblem(event.problem), {
            problems: [event.problem],
            hint: 'fix the record, or run without --strict to skip broken records',
          });
        }
        yield { type: 'problem', problem: event.problem, severity: event.severity };
        continue;
      }
      // A conversation becomes one sample per bot turn (or only its last reply, with --turns last).
      for (const sample of expandTurns(event.sample, options.turns ?? 'all')) {
        const first = seenIds?.get(sample.id);
        if (first === undefined && seenIds && seenIds.size >= maxTrackedIds) {
          seenIds = undefined;
          yield {
            type: 'problem',
            severity: 'warning',
            problem: { location, path: 'id', message: `stopped checking for duplicate ids after ${maxTrackedIds.toLocaleString('en-US')} records, to keep memory flat; later duplicates are not reported` },
          };
        } else if (first === undefined) seenIds?.set(sample.id, fileIndex * LINE_SPACE + location.line);
        else {
          const firstWhere = `${files[Math.floor(first / LINE_SPACE)]}:${first % LINE_SPACE}`;
          yield {
            type: 'problem',
            severity: 'warning',
            problem: { location, path: 'id', message: `duplicate id \`${sample.id}\` (first seen at ${firstWhere}); both records are kept` },
          };
        }
        yield { type: 'sample', sample };
      }
    }
    yield* invalidUtf8Warnings(Infinity);
    if (invalidSeen > MAX_UTF8_WARNINGS) {
      yield {
        type: 'problem',
        severity: 'warning',
        problem: { location: { file: source.file, line: 1 }, path: '', message: `${invalidSeen.toLocaleString('en-US')} lines in all hold bytes that are not valid UTF-8 (${MAX_UTF8_WARNINGS} listed); is the file in another encoding?` },
      };
    }
  }
}

/** Lines with invalid UTF-8 warned about one by one per input; past this, one total. */
const MAX_UTF8_WARNINGS = 20;

const LINE_SPACE = 2 ** 32;
