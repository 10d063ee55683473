import type { RawRecord } from './raw-record.js';
import { readCsvRecords } from './read-csv-records.js';
import { readJsonRecords } from './read-json-records.js';
import { readJsonlRecords } from './read-jsonl-records.js';
import type { SampleSource } from './read-sample-source.js';

/**
 * Streams the records of one opened input with the reader for its format, in input order.
 * The one place that maps a format to its reader, shared by `readSamples` (the audit) and
 * `tone-audit sample`, so both read every input the same way.
 */
export function readSourceRecords(source: SampleSource): AsyncGenerator<RawRecord> {
  switch (source.format) {
    case 'jsonl':
      return readJsonlRecords(source.chunks);
    case 'csv':
      return readCsvRecords(source.chunks);
    case 'json':
      return readJsonRecords(source.chunks, source.file);
  }
}
