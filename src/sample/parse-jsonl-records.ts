import { clip, type Chunks, type RecordItem } from './record-item.js';

/**
 * Parses JSON Lines from a stream of chunks, one record per non-blank line, keeping each line's
 * exact text in `raw` (a trailing `\r` and a leading BOM are line terminator and file marker,
 * not content, and are dropped). A line that is not a JSON object becomes a problem at file:line.
 */
export async function* parseJsonlRecords(file: string, chunks: Chunks): AsyncGenerator<RecordItem> {
  let lineNumber = 0;
  for await (const lines of splitLines(chunks)) {
    for (let line of lines) {
      lineNumber += 1;
      if (lineNumber === 1 && line.startsWith('\uFEFF')) line = line.slice(1);
      if (line.trim() === '') continue;
      const location = { file, line: lineNumber };
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const position = /at position (\d+)/.exec(message);
        yield {
          problem: {
            location: position ? { ...location, col: Number(position[1]) + 1 } : location,
            path: '',
            message: `not valid JSON: ${clip(message)}`,
          },
        };
        continue;
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        yield { problem: { location, path: '', message: `expected a JSON object, got ${describe(data)}` } };
        continue;
      }
      yield { record: { data: data as Record<string, unknown>, raw: line, format: 'jsonl', source: location } };
    }
  }
}

/**
 * Splits a chunk stream into lines, a batch per chunk: yielding one batch per chunk rather than
 * one line at a time keeps the async-iteration overhead per chunk, not per line.
 */
async function* splitLines(chunks: Chunks): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  for await (const chunk of chunks) {
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop()!;
    if (lines.length > 0) yield lines.map(stripCarriageReturn);
  }
  pending += decoder.decode();
  if (pending !== '') yield [stripCarriageReturn(pending)];
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
