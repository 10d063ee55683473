/**
 * Bot text is untrusted: it may carry markup, terminal escape sequences or table separators.
 * Every reporter escapes it for its target format with one of these.
 */

// C0 controls except tab/newline, DEL, and C1 controls (which include the 8-bit CSI).
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Makes control characters visible (`\x1b`) so a reply cannot move the cursor, recolour or retitle a terminal. */
export function escapeTerminal(text: string): string {
  return text.replace(TERMINAL_CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes markup, and shows control characters as `\x1b` (HTML forbids them; a raw ESC would reach whoever `cat`s the report). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!).replace(HTML_CONTROL, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

// Like TERMINAL_CONTROL, but carriage returns are ordinary whitespace in HTML.
const HTML_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** XML 1.0 forbids most control characters even as references, so they are dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (char) => HTML_ENTITIES[char]!);
}

/** Shortens text to `max` characters on one line, for tables and headlines. */
export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, Math.max(0, max - 1))}…`;
}
