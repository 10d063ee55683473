import { Readable } from 'node:stream';
import { CsvError, parse, type InfoRecord } from 'csv-parse';
import { InputError } from '../errors.js';
import type { Problem } from '../types.js';
import { clip, type Chunks, type RecordItem } from './record-item.js';

interface ParsedRow {
  record: Record<string, string>;
  info: InfoRecord;
  raw: string;
}

/**
 * Parses CSV with a header row (csv-parse, streaming, `columns: true`): each row becomes a record
 * keyed by the header, which travels with it in `columns` so output can repeat it. A row csv-parse
 * cannot read (wrong number of fields) becomes a problem at the line it starts on; a quote left
 * open runs to the end of the file, which becomes one problem at the line where it opened.
 */
export async function* parseCsvRecords(file: string, chunks: Chunks): AsyncGenerator<RecordItem> {
  let columns: readonly string[] = [];
  const skipped: Problem[] = [];
  const parser = parse({
    bom: true,
    columns: (header: string[]) => {
      columns = header;
      return header;
    },
    info: true,
    raw: true,
    // Keep a stray quote as data (`5" screen`), as spreadsheets do: strict quoting makes csv-parse
    // read on as if a field were still open, losing every row to the end of the file.
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error !== undefined) skipped.push(problemFromCsvError(file, error));
    },
  });
  const source = Readable.from(chunks);
  source.on('error', (error) => parser.destroy(error));
  try {
    for await (const row of source.pipe(parser) as AsyncIterable<ParsedRow>) {
      yield* skipped.splice(0).map((problem) => ({ problem }));
      const line = row.info.lines - interiorNewlines(row.raw);
      yield { record: { data: row.record, format: 'csv', columns, source: { file, line } } };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Errors csv-parse cannot skip past (e.g. a malformed header) make the whole file unreadable.
    throw new InputError(`cannot read ${file} as CSV`, { problems: [problemFromCsvError(file, error)] });
  }
  yield* skipped.splice(0).map((problem) => ({ problem }));
}

function problemFromCsvError(file: string, error: CsvError): Problem {
  const lines = typeof error['lines'] === 'number' ? error['lines'] : 1;
  const raw = typeof error['raw'] === 'string' ? error['raw'] : '';
  return {
    location: { file, line: Math.max(1, lines - interiorNewlines(raw)) },
    path: '',
    message: `CSV ${clip(error.message)}`,
  };
}

/**
 * csv-parse reports the line a record ends on; quoted fields may span lines before it. Its `raw`
 * also carries the skipped empty lines before the record, which are not part of it.
 */
function interiorNewlines(rawWithBlanks: string): number {
  const raw = rawWithBlanks.replace(/^[\r\n]+/, '');
  let count = 0;
  for (let i = raw.indexOf('\n'); i !== -1; i = raw.indexOf('\n', i + 1)) count += 1;
  return raw.endsWith('\n') ? count - 1 : count;
}
