import { extname } from 'node:path';
import type { InputFormat } from '../../types.js';

const EXTENSION_FORMATS: Readonly<Record<string, InputFormat>> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.jsonlines': 'jsonl',
  '.csv': 'csv',
  '.json': 'json',
};

/** The format a file's extension names (case-insensitive), or undefined for any other extension. */
export function formatFromExtension(path: string): InputFormat | undefined {
  return EXTENSION_FORMATS[extname(path).toLowerCase()];
}

/**
 * Guesses a format from the first characters of the data: `[` → json, `{` → jsonl, else csv.
 * Returns undefined while `head` is still only whitespace (or a BOM), so callers can read more.
 */
export function sniffFormat(head: string): InputFormat | undefined {
  const match = /[^\s\uFEFF]/.exec(head);
  if (!match) return undefined;
  if (match[0] === '[') return 'json';
  if (match[0] === '{') return 'jsonl';
  return 'csv';
}
