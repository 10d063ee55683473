import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, type Info, parse } from 'csv-parse';
import type { RawRecord } from './raw-record.js';

type FailedRecord = Extract<RawRecord, { ok: false }>;

const CSV_MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (the row runs to the end of the file)',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field',
  CSV_MAX_RECORD_SIZE: 'row is too large',
};

/**
 * Reads CSV with csv-parse's streaming parser: the first row names the columns, quoted fields
 * may span lines, a BOM is dropped. A broken row becomes a failed record (via `on_skip`) and
 * parsing carries on, so one bad row never hides the rest of the file. Each record carries the
 * header (`columns`).
 */
export async function* readCsvRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  // Problems found since the last record; flushed in line order around the records.
  const pending: FailedRecord[] = [];
  let columns: readonly string[] = [];
  const parser = parse({
    // The header as csv-parse reads it (BOM dropped), kept so a sample can repeat it.
    columns: (header: string[]) => {
      columns = header;
      return header;
    },
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: false,
    // Lenient on stray quotes inside a field (`5" monitor`): a row swallowing the rows after it is worse.
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (!error) return undefined;
      const lines = typeof error.lines === 'number' ? error.lines : 1;
      pending.push({ ok: false, line: startLine(lines, raw), message: `invalid CSV row: ${describeCsvError(error)}` });
      return undefined;
    },
  });
  const fed = pipeline(Readable.from(toLf(chunks), { objectMode: false }), parser);
  // An early `return()` by our consumer destroys the parser, which rejects `fed`; that is expected.
  fed.catch(() => undefined);
  for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: Info; raw: string }>) {
    const line = startLine(row.info.lines, row.raw);
    while (pending.length > 0 && (pending[0] as FailedRecord).line < line) yield pending.shift() as FailedRecord;
    yield { ok: true, value: row.record, line, columns };
  }
  await fed;
  yield* pending.splice(0);
}

/**
 * Turns CRLF into LF before parsing: csv-parse miscounts lines (and drops `\n` from raw rows)
 * when CRLF breaks sit inside quoted fields, and we need both to place rows. A `\r` that ends
 * a chunk waits for the next one, in case it is half of a CRLF.
 */
async function* toLf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    let text = carry + chunk;
    carry = '';
    if (text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    if (text) yield text.replaceAll('\r\n', '\n');
  }
  if (carry) yield carry;
}

function describeCsvError(error: CsvError): string {
  const counts = /columns length is (\d+), got (\d+)/.exec(error.message);
  if (counts) return `row has ${counts[2]} fields but the header has ${counts[1]} columns`;
  return CSV_MESSAGES[error.code] ?? error.message.replace(/\s+/g, ' ').trim();
}

/**
 * csv-parse reports the line a record ends on; the raw text tells how many line breaks it
 * spans. Leading blank lines in `raw` are skipped empty lines, not part of the record.
 */
function startLine(endLine: number, raw: string | undefined): number {
  if (raw === undefined) return endLine;
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  let breaks = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}
