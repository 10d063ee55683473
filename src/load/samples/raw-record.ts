/**
 * A record a format reader could parse, with the 1-based physical line where it starts.
 *
 * It also carries what only some readers know, for callers that pass records through rather than
 * audit them (`tone-audit sample`, whose `InputRecord` is this plus the file and format):
 * both reference strings the reader already holds, so a reader that ignores them pays one
 * property per record, no copying.
 */
export interface ParsedRecord {
  ok: true;
  value: unknown;
  line: number;
  /** JSONL only: the line exactly as read, without its terminator (`\n`, `\r\n` or a lone `\r`) or a leading BOM. */
  text?: string;
  /** CSV only: the file's header row, one array shared by all of the file's records. */
  columns?: readonly string[];
}

/** What a format reader yields: a parsed record, or a record it could not parse (with the column, when known). */
export type RawRecord = ParsedRecord | { ok: false; line: number; col?: number; message: string };

/**
 * Rewrites a `JSON.parse` error as `invalid JSON: …` and, from its "at position N", finds the
 * line and column in `text`, which starts at `line`:`col` of the file.
 */
export function describeJsonError(
  error: unknown,
  text: string,
  line: number,
  col: number,
): { line: number; col?: number; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(raw);
  const reason = raw.replace(/\s*in JSON at position \d+.*$/s, '').replace(/^JSON\.parse: /, '');
  const message = `invalid JSON: ${reason}`;
  if (!position) return { line, message };
  const offset = Math.min(Number(position[1]), text.length);
  let at = { line, col };
  for (let i = 0; i < offset; i++) {
    at = text.charCodeAt(i) === 10 ? { line: at.line + 1, col: 1 } : { line: at.line, col: at.col + 1 };
  }
  return { line: at.line, col: at.col, message };
}
