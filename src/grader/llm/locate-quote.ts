import type { Span } from '../../types.js';

// Models retype curly quotes and dashes; folding them (one char to one char) keeps offsets aligned.
const FOLD: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ' };

/**
 * Finds `quote` in `text` ignoring differences in whitespace runs and quote marks.
 * Returns the span in the original `text` (0-based UTF-16, end exclusive), or undefined.
 */
export function locateQuote(text: string, quote: string): Span | undefined {
  const needle = normalise(quote.trim()).text;
  if (needle === '') return undefined;
  const haystack = normalise(text);
  const at = haystack.text.indexOf(needle);
  if (at < 0) return undefined;
  const start = haystack.offsets[at];
  const last = haystack.offsets[at + needle.length - 1];
  if (start === undefined || last === undefined) return undefined;
  return { start, end: last + 1 };
}

/** Collapses whitespace runs to one space and folds quote marks, remembering each output char's source offset. */
function normalise(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = FOLD[text[i] ?? ''] ?? text[i] ?? '';
    if (/\s/.test(ch)) {
      if (!inSpace) {
        out += ' ';
        offsets.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    out += ch;
    offsets.push(i);
  }
  return { text: out, offsets };
}
