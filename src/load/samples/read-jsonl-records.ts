import { describeJsonError, type RawRecord } from './raw-record.js';

/** Any of the three line endings readline accepts: CRLF, LF, or a lone CR. */
const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * Reads JSON Lines one line at a time, so memory stays flat however long the file is. Blank lines
 * are skipped; a leading BOM is dropped; a line that is not JSON becomes a failed record (the
 * reader carries on with the next line). Each record keeps its line's text, so a sample of the
 * log can be written back byte for byte.
 *
 * Lines are split straight from the decoded chunks (CRLF, LF and lone CR all end a line, as with
 * readline) rather than through `readline`, whose per-line stream machinery cost more than the
 * JSON parsing itself.
 */
export async function* readJsonlRecords(chunks: AsyncIterable<string>): AsyncGenerator<RawRecord> {
  let pending = '';
  let line = 0;
  const parse = (rawText: string): RawRecord | undefined => {
    line++;
    const text = line === 1 && rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
    if (text.trim() === '') return undefined;
    try {
      return { ok: true, value: JSON.parse(text), line, text };
    } catch (error) {
      return { ok: false, ...describeJsonError(error, text, line, 1) };
    }
  };
  // A line longer than a chunk (a 50 MB reply) is gathered as parts and joined once: appending each
  // chunk to one string and searching it all again would be quadratic in the line's length.
  const parts: string[] = [];
  for await (const chunk of chunks) {
    if (!/[\r\n]/.test(chunk)) {
      parts.push(chunk);
      continue;
    }
    let buffer = pending + parts.join('') + chunk;
    parts.length = 0;
    // A CR at the very end may be the first half of a CRLF split across chunks: decide next time.
    const heldCr = buffer.endsWith('\r');
    if (heldCr) buffer = buffer.slice(0, -1);
    let start = 0;
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(buffer); m !== null; m = LINE_BREAK.exec(buffer)) {
      const record = parse(buffer.slice(start, m.index));
      start = m.index + m[0].length;
      if (record) yield record;
    }
    pending = buffer.slice(start) + (heldCr ? '\r' : '');
  }
  // A held CR followed only by chunks without a break is a lone CR: a line ends there.
  let rest = pending + parts.join('');
  const loneCr = pending.endsWith('\r') && parts.length > 0 ? pending.length - 1 : -1;
  if (loneCr >= 0) {
    const record = parse(rest.slice(0, loneCr));
    if (record) yield record;
    rest = rest.slice(loneCr + 1);
  }
  if (rest.endsWith('\r')) rest = rest.slice(0, -1);
  if (rest !== '') {
    const record = parse(rest);
    if (record) yield record;
  }
}
