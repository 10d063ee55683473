import type { CsvError, Info } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import type { RawRecord } from './raw-record.js';

const CSV_MESSAGES: Partial<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (the row runs to the end of the file)',
  CSV_INVALID_CLOSING_QUOTE: 'a closing quote is followed by other characters',
  INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field',
  CSV_MAX_RECORD_SIZE: 'row is too large',
};

/** csv-parse's error as a sentence for a `file:line` problem. */
export function describeCsvError(error: CsvError): string {
  const counts = /columns length is (\d+), got (\d+)/.exec(error.message);
  if (counts) return `row has ${counts[2]} fields but the header has ${counts[1]} columns`;
  return CSV_MESSAGES[error.code] ?? error.message.replace(/\s+/g, ' ').trim();
}

/**
 * csv-parse reports the line a record ends on; the raw text tells how many line breaks it
 * spans. Leading blank lines in `raw` are skipped empty lines, not part of the record.
 */
export function startLine(endLine: number, raw: string | undefined): number {
  if (raw === undefined) return endLine;
  const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$|\r$/, '');
  let breaks = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) breaks++;
  return endLine - breaks;
}

/**
 * Checks a CSV row that spans several physical lines (its LF-only `raw` text, starting at `line`)
 * for an unbalanced quote. A genuine multi-line row has balanced quotes and the header's number
 * of fields; a row that does not, and one of whose later lines is a well-formed row of its own,
 * swallowed the rows after its opening line: it becomes one failed record at `line`, and its
 * later lines are read as rows again (checked the same way), so nothing is merged and nothing
 * after the bad row is lost. Returns undefined when the row is not such a case.
 */
export function splitUnbalancedRow(raw: string, line: number, columns: readonly string[]): RawRecord[] | undefined {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  const lines = body.split('\n');
  if (lines.length < 2 || columns.length === 0 || isRow(body, columns.length)) return undefined;
  for (let k = 1; k < lines.length; k++) {
    if (!isRow(lines[k] ?? '', columns.length)) continue;
    return [
      {
        ok: false,
        line,
        message: `invalid CSV row: unbalanced quote — a quoted field opened in this row is not closed before the next row (line ${line + k}); row skipped, reading resumes at line ${line + k}`,
      },
      ...readRows(lines.slice(k).join('\n'), line + k, columns),
    ];
  }
  return undefined;
}

/** Whether `text` parses, with strict quoting, as exactly one row of `width` fields. */
function isRow(text: string, width: number): boolean {
  if (text.trim() === '') return false;
  try {
    const rows = parse(text, { relax_quotes: false, relax_column_count: true }) as string[][];
    return rows.length === 1 && rows[0]?.length === width;
  } catch {
    return false;
  }
}

/** Rows of `text` (no header; it starts at `firstLine`), read like the streaming reader reads them. */
function readRows(text: string, firstLine: number, columns: readonly string[]): RawRecord[] {
  const out: RawRecord[] = [];
  const rows = parse(text, {
    info: true,
    raw: true,
    relax_quotes: true,
    relax_column_count: false,
    skip_empty_lines: true,
    skip_records_with_error: true,
    columns: [...columns],
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      if (!error) return undefined;
      const line = firstLine - 1 + startLine(typeof error.lines === 'number' ? error.lines : 1, raw);
      out.push(...(raw === undefined ? undefined : splitUnbalancedRow(raw, line, columns)) ?? [
        { ok: false, line, message: `invalid CSV row: ${describeCsvError(error)}` },
      ]);
      return undefined;
    },
  }) as unknown as { record: Record<string, string>; info: Info; raw: string }[];
  for (const row of rows) {
    const line = firstLine - 1 + startLine(row.info.lines, row.raw);
    const split = row.raw.includes('\n') ? splitUnbalancedRow(row.raw, line, columns) : undefined;
    out.push(...(split ?? [{ ok: true as const, value: row.record, line }]));
  }
  return out.sort((a, b) => a.line - b.line);
}
