import { createRequire } from 'node:module';
import type StringWidth from 'string-width';
import type WrapAnsi from 'wrap-ansi';

/**
 * wrap-ansi and string-width build an `Intl.Segmenter` when they load (~70 ms, a tenth of `check`),
 * so they load on the first text that needs them: one with colour codes, wide or unusual characters,
 * or a line that must wrap. Plain text that fits is measured by its length, which is what they would say.
 */
const load = createRequire(import.meta.url);
let ansiAware: { wrapAnsi: typeof WrapAnsi; stringWidth: typeof StringWidth } | undefined;
function ansi(): { wrapAnsi: typeof WrapAnsi; stringWidth: typeof StringWidth } {
  ansiAware ??= { wrapAnsi: (load('wrap-ansi') as { default: typeof WrapAnsi }).default, stringWidth: (load('string-width') as { default: typeof StringWidth }).default };
  return ansiAware;
}

/** Characters one column wide in every terminal: printable ASCII, Latin-1, typographic punctuation, arrows. */
const PLAIN = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u00ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff]*$/;

function stringWidth(text: string): number {
  return PLAIN.test(text) ? text.length : ansi().stringWidth(text);
}

function wrapAnsi(text: string, columns: number, options: { hard: boolean }): string {
  // Plain single-spaced text without edge whitespace: wrap-ansi would fill lines greedily word by
  // word, which this does without loading it. Text that fits comes back unchanged; a word longer
  // than a line (hard breaks), colour codes and wide characters go to wrap-ansi.
  if (PLAIN.test(text) && text === text.trim()) {
    if (text.length <= columns) return text;
    const greedy = text.includes('  ') ? undefined : wrapGreedy(text, columns);
    if (greedy !== undefined) return greedy;
  }
  return ansi().wrapAnsi(text, columns, options);
}

/** Greedy word wrap of single-spaced text, or undefined when a word is longer than a line. */
function wrapGreedy(text: string, columns: number): string | undefined {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word.length > columns) return undefined;
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= columns) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/** Below this many columns for the text after a prefix, the prefix gets a line of its own. */
const MIN_TEXT_COLUMNS = 16;

/**
 * Wraps `prefix + body` to `width` terminal columns with a hanging indent: continuation lines start
 * at column `hanging` (default: under the body). Words move whole to the next line; only a word
 * longer than a whole line is broken (wrap-ansi's `hard`), so nothing ever runs past `width`.
 * Colour codes survive the breaks. Lines in `body` broken at `\n` stay broken, each indented.
 * `width` undefined: no wrapping, only the indent of `\n`-separated lines.
 */
export function wrapHanging(prefix: string, body: string, width: number | undefined, hanging = stringWidth(prefix)): string {
  const prefixWidth = stringWidth(prefix);
  const indentWidth = Math.min(hanging, prefixWidth);
  const indent = ' '.repeat(indentWidth);
  const paragraphs = body.split('\n');
  const join = (lines: string[]) => prefix + lines.map((line, i) => (i === 0 || line === '' ? line : indent + line)).join('\n');
  if (width === undefined) return join(paragraphs);
  if (width - prefixWidth < MIN_TEXT_COLUMNS && prefixWidth > indentWidth) {
    return `${prefix.trimEnd()}\n${wrapHanging(indent, body, width)}`;
  }
  const textWidth = Math.max(MIN_TEXT_COLUMNS, width - indentWidth);
  // The first line loses `lead` more columns to the prefix than the others lose to the indent: a
  // placeholder word of that width (with its space) takes them, and is cut off after wrapping.
  const lead = prefixWidth - indentWidth;
  const lines = paragraphs.flatMap((paragraph, i) => {
    const placeholder = i === 0 && lead > 0 ? `${'x'.repeat(lead - 1)} ` : '';
    const wrapped = wrapAnsi(placeholder + paragraph, textWidth, { hard: true }).split('\n');
    if (placeholder) wrapped[0] = wrapped[0]!.slice(placeholder.length);
    return wrapped;
  });
  return join(lines);
}
