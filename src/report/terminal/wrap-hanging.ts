import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

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
