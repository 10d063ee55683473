import { compile } from 'html-to-text';

/**
 * HTML → the text a customer reads, through html-to-text (maintained, built on htmlparser2): it
 * decodes entities, keeps paragraph and line breaks, and handles broken markup the way browsers
 * do, which a regex strip does not. Headings and table headers keep their case (html-to-text
 * uppercases them by default, which would trip the guide's ALL-CAPS limit on text nobody
 * shouted); link targets and images are left out, as a reader of the reply does not see them.
 */
const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
});

/** Markup of the tags support platforms put in message bodies; `a < b` or `<3` is not markup. */
const HTML_TAG = /<\/?(?:p|br|div|span|b|i|u|strong|em|a|ul|ol|li|h[1-6]|table|tr|td|th|blockquote|img|hr|pre|code|font|html|body)\b[^>]*>/i;

/** True when a plain record's text holds HTML markup (a reply pasted from a platform's HTML body). */
export function looksLikeHtml(text: string): boolean {
  return HTML_TAG.test(text);
}

/** The plain text of an HTML body: `<p>Per our policy, no.</p>` → `Per our policy, no.` */
export function htmlToPlainText(html: string): string {
  // Plain text passes through untouched: converting it would still collapse its whitespace.
  if (!/<[a-z!/][^>]*>|&[a-z#0-9]+;/i.test(html)) return html.trim();
  return convert(html).trim();
}
