/**
 * Markdown building blocks shared by the Markdown reporter, the comparison renderer and the
 * rendered style guide. Output targets GitHub-flavoured Markdown (PR comments, step summaries).
 */

// Same set as escape.ts strips for terminals; code blocks cannot escape them, so they are dropped.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * A zero-width space after `@` stops GitHub from turning `@name` in bot text into a mention
 * that notifies someone (Renovate does the same).
 */
function neutraliseMentions(text: string): string {
  return text.replace(/@/g, '@&#8203;');
}

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-!~|]/g;
const HTML_SPECIAL: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes untrusted text so Markdown and HTML in it render literally. Markdown punctuation is backslash-escaped *before* `&<>` become entities:
 * escaping after would turn `&#39;` into `&\#39;`, which GitHub shows as the literal text `&#39;`.
 * `<`, `>` and `&` are left to entities (a backslash before `&` would stop the entity).
 * A leading `1.` is escaped so it cannot start a list.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(CONTROL, '')
    .replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`)
    .replace(/[&<>]/g, (char) => HTML_SPECIAL[char]!)
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Untrusted text as one paragraph of prose: Markdown and HTML render literally, line breaks become `<br>`. */
export function mdText(text: string): string {
  return neutraliseMentions(escapeMarkdown(text)).replace(/\r?\n/g, '<br>');
}

/** Untrusted text for one table cell: as {@link mdText}, and `|` cannot split the cell. */
export function mdCell(text: string): string {
  return mdText(text);
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
