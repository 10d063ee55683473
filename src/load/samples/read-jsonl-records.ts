import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { describeJsonError, type RawRecord } from './raw-record.js';

/**
 * Reads JSON Lines one line at a time through `readline`, so memory stays flat however long
 * the file is. Blank lines are skipped; a leading BOM is dropped; a line that is not JSON
 * becomes a failed record (the reader carries on with the next line). Each record keeps its
 * line's text, so a sample of the log can be written back byte for byte.
 */
export async function* readJsonlRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  const input = Readable.from(chunks, { objectMode: false });
  let readError: unknown;
  // readline does not forward input errors to its iterator: catch them and rethrow after.
  input.once('error', (error) => {
    readError = error;
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const rawText of lines) {
      line++;
      const text = line === 1 && rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
      if (text.trim() === '') continue;
      let record: RawRecord;
      try {
        record = { ok: true, value: JSON.parse(text), line, text };
      } catch (error) {
        record = { ok: false, ...describeJsonError(error, text, line, 1) };
      }
      yield record;
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (readError) throw readError;
}
