/**
 * Markdown building blocks shared by the Markdown reporter, the comparison renderer and the
 * rendered style guide. Output targets GitHub-flavoured Markdown (PR comments, step summaries).
 */

// Same set as escape.ts strips for terminals; code blocks cannot escape them, so they are dropped.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A zero-width space after `@` stops GitHub from turning `@name` in bot text into a mention that
 * notifies someone (Renovate does the same); after `#` before a digit, from turning an order number
 * into a link to (and a back-reference on) an issue.
 */
function neutraliseReferences(text: string): string {
  return text.replace(/@|(?<!&)#(?=\d)/g, (char) => `${char}&#8203;`);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Escapes untrusted text so Markdown and HTML in it render literally, touching only what GFM
 * would read as syntax inside a paragraph: backticks, `*`, `~`, `[` (links, images, footnotes),
 * `_` except inside a word (GFM ignores `snake_case`), `$` when there are two (math), a backslash
 * before punctuation or at the end, and a block marker at the very start (`# `, `- `, `1. `, `---`).
 * `<` and `>` become entities, and `&` where it would start one. Dots, dashes, parentheses and
 * `!` stay as they are: `2026.5` and `--fail-on` are not syntax. `|` is escaped only in table cells
 * ({@link mdCell}).
 */
export function escapeMarkdown(text: string): string {
  const clean = text.replace(CONTROL, '');
  const dollars = (clean.match(/\$/g) ?? []).length >= 2;
  let out = '';
  for (let i = 0; i < clean.length; i += 1) {
    const char = clean[i]!;
    const next = clean[i + 1];
    switch (char) {
      case '\\':
        out += next === undefined || /[!-/:-@[-`{-~]/.test(next) ? '\\\\' : char;
        break;
      case '`':
      case '*':
      case '~':
      case '[':
        out += `\\${char}`;
        break;
      case '_': {
        const prev = clean[i - 1];
        const inWord = prev !== undefined && next !== undefined && WORD_CHAR.test(prev) && WORD_CHAR.test(next);
        out += inWord ? char : '\\_';
        break;
      }
      case '$':
        out += dollars ? '\\$' : char;
        break;
      case '<':
        out += '&lt;';
        break;
      case '>':
        out += '&gt;';
        break;
      case '&':
        out += /^&(#\d+|#x[\da-f]+|\w+);/i.test(clean.slice(i, i + 40)) ? '&amp;' : char;
        break;
      default:
        out += char;
    }
  }
  return escapeBlockStart(out);
}

/**
 * Text that may start a line must not open a block: a heading (`# `), a list item (`- `, `+ `,
 * `1. `), or a thematic break or setext underline (`---`, `===`). Only those exact shapes are
 * escaped, so `2026.5` or `-5%` stay as written.
 */
function escapeBlockStart(text: string): string {
  return text
    .replace(/^([ \t]*)(#{1,6}|[-+])(?=\s|$)/, '$1\\$2')
    .replace(/^([ \t]*)([-=])(?=[-= \t]*$)/, '$1\\$2')
    .replace(/^([ \t]*\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Untrusted text as one paragraph of prose: Markdown and HTML render literally, line breaks become `<br>`. */
export function mdText(text: string): string {
  return neutraliseReferences(escapeMarkdown(text)).replace(/\r?\n/g, '<br>');
}

/** Untrusted text for one table cell: as {@link mdText}, and `|` cannot split the cell. */
export function mdCell(text: string): string {
  return mdText(text).replace(/\|/g, '\\|');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Untrusted text inside raw HTML such as `<summary>`, where GitHub applies no Markdown (so no
 * backslash escapes either): entities only, on one line, mentions and issue references neutralised.
 */
export function htmlText(text: string): string {
  return neutraliseReferences(text.replace(CONTROL, '').replace(/\s*\r?\n\s*/g, ' ').replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!));
}

/**
 * A collapsible block: `summary` is raw HTML (build it with {@link htmlText}), `body` Markdown.
 * The blank lines around the body are what make GitHub render it as Markdown.
 */
export function mdDetails(summary: string, body: string, open = false): string {
  return `<details${open ? ' open' : ''}><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/**
 * An inline code span that survives backticks in the text: the fence is one backtick longer than
 * the longest run inside, padded with spaces when the text starts or ends with a backtick.
 * Not for table cells (GFM splits cells on `|` even inside code spans); use {@link mdCell} there.
 */
export function mdCode(text: string): string {
  const oneLine = text.replace(CONTROL, '').replace(/\s*\r?\n\s*/g, ' ');
  const fence = '`'.repeat(longestRun(oneLine, '`') + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

/**
 * A fenced code block whose fence is longer than any backtick run in `body`, so text inside
 * (bot replies included) can never close it early.
 */
export function mdFence(body: string, info = ''): string {
  const clean = body.replace(CONTROL, '');
  const fence = '`'.repeat(Math.max(3, longestRun(clean, '`') + 1));
  return `${fence}${info}\n${clean}\n${fence}`;
}

/** A GFM table; cells must already be escaped. `align` is one of `l`/`r` per column (default left). */
export function mdTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const rule = headers.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(rule), ...rows.map(line)].join('\n');
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
