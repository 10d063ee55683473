import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CsvError, type Info, parse } from 'csv-parse';
import type { RawRecord } from './raw-record.js';
import { describeCsvError, splitUnbalancedRow, startLine } from './split-unbalanced-row.js';

/**
 * Reads CSV with csv-parse's streaming parser: the first row names the columns, quoted fields
 * may span lines, a BOM is dropped. A broken row becomes a failed record (via `on_skip`) and
 * parsing carries on, so one bad row never hides the rest of the file. Each record carries the
 * header (`columns`).
 *
 * An unbalanced quote would make a row swallow the rows after it (merged into one record, or
 * skipped together, or everything to the end of the file): a row spanning lines is checked by
 * {@link splitUnbalancedRow}, and when later lines in it are rows of their own, the row is
 * reported at its line and those rows are read.
 */
export async function* readCsvRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  // Problems (and rows recovered from a broken row) found since the last record; flushed in line order around the records.
  const pending: RawRecord[] = [];
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
      const line = startLine(lines, raw);
      const split = raw === undefined ? undefined : splitUnbalancedRow(raw, line, columns);
      if (split) pending.push(...split.map((record) => withColumns(record, columns)));
      else pending.push({ ok: false, line, message: `invalid CSV row: ${describeCsvError(error)}` });
      return undefined;
    },
  });
  const fed = pipeline(Readable.from(toLf(chunks), { objectMode: false }), parser);
  // An early `return()` by our consumer destroys the parser, which rejects `fed`; that is expected.
  fed.catch(() => undefined);
  for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: Info; raw: string }>) {
    const line = startLine(row.info.lines, row.raw);
    while (pending.length > 0 && (pending[0] as RawRecord).line < line) yield pending.shift() as RawRecord;
    const split = row.raw.includes('\n') ? splitUnbalancedRow(row.raw, line, columns) : undefined;
    if (split) for (const record of split) yield withColumns(record, columns);
    else yield { ok: true, value: row.record, line, columns };
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

function withColumns(record: RawRecord, columns: readonly string[]): RawRecord {
  return record.ok ? { ...record, columns } : record;
}
