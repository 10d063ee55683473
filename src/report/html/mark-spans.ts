import type { Finding } from '../../types.js';
import { escapeHtml } from '../escape.js';
import { mergeSpans } from '../merge-spans.js';

/**
 * Renders `text` as escaped HTML with every finding's span wrapped in
 * `<mark class="sev-…" title="rule ids">`. Overlapping spans merge and take the most severe
 * colour, as in the terminal reporter (see {@link mergeSpans}). Spans outside the text or empty
 * are ignored: the text always renders whole.
 */
export function markSpans(text: string, findings: readonly Finding[]): string {
  let out = '';
  let cursor = 0;
  for (const span of mergeSpans(text, findings)) {
    out += escapeHtml(text.slice(cursor, span.start));
    out += `<mark class="sev-${span.severity}" title="${escapeHtml(span.ruleIds.join(', '))}">${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    cursor = span.end;
  }
  return out + escapeHtml(text.slice(cursor));
}
