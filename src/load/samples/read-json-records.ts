import { InputError } from '../../errors.js';
import { describeJsonError, type RawRecord } from './raw-record.js';
import { type JsonArrayPiece, JsonArraySplitter } from './split-json-array.js';

/**
 * Reads a JSON array of records element by element (see {@link JsonArraySplitter}), so a large
 * export streams like JSONL. A file that is not an array at all is an {@link InputError}.
 */
export async function* readJsonRecords(chunks: AsyncIterable<string>, file: string): AsyncGenerator<RawRecord> {
  const splitter = new JsonArraySplitter();
  for await (const chunk of chunks) yield* toRecords(splitter.push(chunk), file);
  yield* toRecords(splitter.end(), file);
}

function* toRecords(pieces: JsonArrayPiece[], file: string): Generator<RawRecord> {
  for (const piece of pieces) {
    if (piece.kind === 'problem') {
      if (piece.fatal) {
        throw new InputError(`${file}:${piece.line}:${piece.col} ${piece.message}`, {
          problems: [{ location: { file, line: piece.line, col: piece.col }, path: '', message: piece.message }],
          hint: 'a .json samples file holds one array of records; for one record per line use JSONL (a .jsonl file, or --input-format jsonl)',
        });
      }
      yield { ok: false, line: piece.line, col: piece.col, message: piece.message };
      continue;
    }
    let record: RawRecord;
    try {
      record = { ok: true, value: JSON.parse(piece.text), line: piece.line };
    } catch (error) {
      // The record is located where it starts; the message says where inside it JSON broke.
      const at = describeJsonError(error, piece.text, piece.line, piece.col);
      const where = at.col === undefined ? '' : ` (at ${at.line}:${at.col})`;
      record = { ok: false, line: piece.line, col: piece.col, message: `${at.message}${where}` };
    }
    yield record;
  }
}
