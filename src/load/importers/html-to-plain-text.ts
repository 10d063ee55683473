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

/** The plain text of an HTML body: `<p>Per our policy, no.</p>` → `Per our policy, no.` */
export function htmlToPlainText(html: string): string {
  // Plain text passes through untouched: converting it would still collapse its whitespace.
  if (!/<[a-z!/][^>]*>|&[a-z#0-9]+;/i.test(html)) return html.trim();
  return convert(html).trim();
}
