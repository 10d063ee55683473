import { describeJsonError, type RawRecord } from './raw-record.js';
import { readJsonRecords } from './read-json-records.js';
import { readJsonlRecords } from './read-jsonl-records.js';

/**
 * Reads JSON that may be laid out three ways, as platform exports are: an array of records
 * (streamed element by element), JSON Lines (streamed line by line), or one JSON document such as
 * an API response or a trace download saved pretty-printed. The document case is told apart by
 * its first line not being JSON on its own; only then is the input held whole, since a document
 * cannot be split before it is parsed (API pages and single-trace downloads are small).
 */
export async function* readJsonDocumentRecords(chunks: AsyncIterable<string>, file: string): AsyncGenerator<RawRecord> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let text = '';
  let firstChar: string | undefined;
  let firstLineEnd = -1;
  while (firstLineEnd === -1) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    text += next.value;
    firstChar ??= /[^\s\uFEFF]/.exec(text)?.[0];
    if (firstChar === '[') break;
    if (firstChar !== undefined) {
      const start = text.search(/[^\s\uFEFF]/);
      firstLineEnd = text.slice(start).search(/\r?\n|\r/);
      if (firstLineEnd !== -1) firstLineEnd += start;
    }
  }
  const replay = async function* (): AsyncGenerator<string> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  };
  if (firstChar === '[') {
    yield* readJsonRecords(replay(), file);
    return;
  }
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (firstLineEnd === -1 || isJson(firstLine)) {
    yield* readJsonlRecords(replay());
    return;
  }
  const parts: string[] = [];
  for await (const chunk of replay()) parts.push(chunk);
  const whole = parts.join('');
  const body = whole.charCodeAt(0) === 0xfeff ? whole.slice(1) : whole;
  try {
    yield { ok: true, value: JSON.parse(body), line: 1 };
  } catch (error) {
    yield { ok: false, ...describeJsonError(error, body, 1, 1) };
  }
}

function isJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}
