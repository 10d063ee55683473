import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { InputError } from '../../errors.js';
import type { RawRecord } from './raw-record.js';

/**
 * Streams the rows of a Parquet file one row group at a time through hyparquet (maintained, pure
 * JavaScript, reads by byte range), so memory is bound by the largest row group, not the file.
 * hyparquet-compressors adds the codecs warehouses write besides snappy (zstd, gzip, brotli, lz4).
 * Rows become plain JSON-like records — 64-bit integers as numbers (as text past 2^53), timestamps
 * as ISO strings — and `line` is the 1-based row number, for `file:row` problems.
 */
export async function* readParquetRecords(path: string, file: string): AsyncGenerator<RawRecord> {
  let metadata;
  let buffer;
  try {
    buffer = await asyncBufferFromFile(path);
    metadata = await parquetMetadataAsync(buffer);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new InputError(`cannot read Parquet file ${file}: ${reason}`, { cause: error });
  }
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, compressors });
    } catch (error) {
      throw new InputError(`cannot read Parquet file ${file}: rows ${rowStart + 1}–${rowEnd}: ${(error as Error).message}`, { cause: error });
    }
    for (const [index, row] of rows.entries()) yield { ok: true, value: toPlain(row), line: rowStart + index + 1 };
    rowStart = rowEnd;
  }
}

function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toPlain(item)]));
  }
  return value;
}
