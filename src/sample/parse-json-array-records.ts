import { InputError } from '../errors.js';
import { clip, type RecordItem } from './record-item.js';

/**
 * Parses a JSON array of objects. The whole text is parsed at once, so this is for files that fit
 * in memory (use JSONL for big logs). Each element's line is found by a scan of the text so problems
 * and sources point at it. A text that is not valid JSON, or not an array, throws an
 * {@link InputError}: there is no record boundary to skip to.
 */
export function* parseJsonArrayRecords(file: string, text: string): Generator<RecordItem> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`cannot read ${file} as JSON`, {
      problems: [{ location: locate(body, /at position (\d+)/.exec(message)?.[1], file), path: '', message: `not valid JSON: ${clip(message)}` }],
    });
  }
  if (!Array.isArray(parsed)) {
    throw new InputError(`cannot read ${file}: expected a JSON array of records`, {
      problems: [{ location: { file, line: 1 }, path: '', message: 'expected a JSON array of records' }],
      hint: 'write the records as [ {...}, {...} ], or as JSON Lines (one object per line, .jsonl)',
    });
  }
  const lines = elementLines(body);
  for (const [index, element] of parsed.entries()) {
    const location = { file, line: lines[index] ?? 1 };
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      yield { problem: { location, path: `[${index}]`, message: 'expected a JSON object' } };
      continue;
    }
    yield { record: { data: element as Record<string, unknown>, format: 'json', source: location } };
  }
}

/** The 1-based line on which each top-level array element starts, for text known to be valid JSON. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let awaitingElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (awaitingElement && ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') {
      awaitingElement = false;
      if (ch !== ']') lines.push(line);
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') awaitingElement = ++depth === 1 && ch === '[';
    else if (ch === ']' || ch === '}') depth -= 1;
    else if (ch === ',' && depth === 1) awaitingElement = true;
  }
  return lines;
}

function locate(text: string, position: string | undefined, file: string): { file: string; line: number; col?: number } {
  if (position === undefined) return { file, line: 1 };
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return { file, line, col: Number(position) - before.lastIndexOf('\n') };
}
