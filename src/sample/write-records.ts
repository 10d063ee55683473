import { stringify } from 'csv-stringify/sync';
import type { InputFormat } from '../types.js';
import type { InputRecord } from './input-record.js';

/** Renders records in one of the formats `tone-audit audit` reads. Pure. */
export function formatRecords(records: readonly InputRecord[], format: InputFormat): string {
  if (format === 'csv') return formatCsv(records);
  if (format === 'json') return formatJsonArray(records);
  return formatJsonl(records);
}

/** One JSON object per line, `\n`-terminated. Records read from JSONL are written byte-for-byte as their original line. */
export function formatJsonl(records: readonly InputRecord[]): string {
  return records.map((record) => `${record.text ?? JSON.stringify(record.value)}\n`).join('');
}

/** A JSON array, two-space indented, ending in a newline. */
export function formatJsonArray(records: readonly InputRecord[]): string {
  return `${JSON.stringify(records.map((record) => record.value), null, 2)}\n`;
}

/**
 * CSV with a header row: the first record's columns (its file's header, or its keys when it came
 * from JSON), then any further column later records carry, in the order first met, so no field
 * is silently dropped. Empty output (not even a header) when there are no records.
 * Nested values are written as JSON text; null and missing values as empty cells.
 */
export function formatCsv(records: readonly InputRecord[]): string {
  if (records.length === 0) return '';
  const columns: string[] = [];
  const known = new Set<string>();
  for (const record of records) {
    for (const column of record.columns ?? Object.keys(record.value)) {
      if (!known.has(column)) {
        known.add(column);
        columns.push(column);
      }
    }
  }
  const rows = records.map((record) => columns.map((column) => cell(record.value[column])));
  return stringify(rows, { header: true, columns, eof: true });
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
