import { extname } from 'node:path';
import { InputError } from '../../errors.js';
import type { FieldMap, InputFormat } from '../../types.js';
import { isImportFormat, type SampleFormat } from '../importers/format-names.js';
import { importRecords, type ImportEvent } from '../importers/import-records.js';
import type { Importer } from '../importers/importer.js';
import { detectImporter, IMPORTERS } from '../importers/registry.js';
import { parseSample } from './parse-sample.js';
import type { RawRecord } from './raw-record.js';
import { readJsonDocumentRecords } from './read-json-document.js';
import { readParquetRecords } from './read-parquet-records.js';
import { readSampleSource } from './read-sample-source.js';
import { readSourceRecords } from './read-source-records.js';
import type { SampleInput } from './resolve-inputs.js';

/** One opened input as a stream of samples and problems, before turns are expanded. */
export interface SourceEvents {
  file: string;
  /** As {@link SampleSource.invalidUtf8Lines}: filled in as `events` is read (always empty for Parquet). */
  invalidUtf8Lines: number[];
  events: AsyncIterable<ImportEvent>;
}

export interface SourceEventsOptions {
  format?: SampleFormat;
  fields?: Partial<FieldMap>;
  stdin?: NodeJS.ReadableStream;
  botAuthors?: readonly string[];
}

/**
 * Opens one input and picks how its records are read: the container (`--input-format` jsonl, csv,
 * json or parquet, else the extension, else sniffed), then what a record means — the importer
 * named by `--input-format`, else the one whose shape the first record has, else a plain sample
 * (`parseSample`, with `--field` mappings).
 */
export async function openSourceEvents(input: SampleInput, options: SourceEventsOptions): Promise<SourceEvents> {
  const chosen = options.format !== undefined && isImportFormat(options.format) ? IMPORTERS[options.format] : undefined;
  const container = options.format !== undefined && !isImportFormat(options.format) ? options.format : undefined;
  const importOptions = { botAuthors: new Set(options.botAuthors ?? []) };
  const parquet = container === 'parquet' || (container === undefined && input.kind === 'file' && extname(input.path).toLowerCase() === '.parquet');
  if (parquet) {
    if (input.kind === 'stdin') {
      throw new InputError('cannot read Parquet from stdin (`-`): Parquet is read by byte range', { hint: 'pass the .parquet file by path' });
    }
    const records = readParquetRecords(input.path, input.file);
    return { file: input.file, invalidUtf8Lines: [], events: toEvents(records, input.file, chosen, options, importOptions) };
  }
  const source = await readSampleSource(input, container as InputFormat | undefined, options.stdin);
  // A platform export may be one pretty-printed document (an API response); only importers read those.
  const records = chosen && source.format !== 'csv' ? readJsonDocumentRecords(source.chunks, source.file) : readSourceRecords(source);
  return { file: source.file, invalidUtf8Lines: source.invalidUtf8Lines, events: toEvents(records, source.file, chosen, options, importOptions) };
}

async function* toEvents(
  records: AsyncIterable<RawRecord>,
  file: string,
  chosen: Importer | undefined,
  options: SourceEventsOptions,
  importOptions: { botAuthors: ReadonlySet<string> },
): AsyncGenerator<ImportEvent> {
  const iterator = records[Symbol.asyncIterator]();
  const head: RawRecord[] = [];
  let importer = chosen;
  if (!importer && options.format === undefined) {
    // Detection looks at the first readable record only; records before it are broken ones.
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      head.push(next.value);
      if (next.value.ok) break;
    }
    const first = head.at(-1);
    importer = first?.ok ? detectImporter(first.value) : undefined;
  }
  const all = (async function* (): AsyncGenerator<RawRecord> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  })();
  if (importer) {
    yield* importRecords(all, importer, file, importOptions);
    return;
  }
  const fields = options.fields ?? {};
  for await (const raw of all) {
    const location = raw.ok || raw.col === undefined ? { file, line: raw.line } : { file, line: raw.line, col: raw.col };
    const parsed = raw.ok ? parseSample(raw.value, fields, location) : { ok: false as const, problem: { location, path: '', message: raw.message } };
    yield parsed.ok ? { kind: 'sample', sample: parsed.sample, location } : { kind: 'problem', problem: parsed.problem, severity: 'error' };
  }
}
