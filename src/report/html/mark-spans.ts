import { SEVERITY_RANK, type Finding, type Severity } from '../../types.js';
import { escapeHtml } from '../escape.js';

interface MarkedSpan {
  start: number;
  end: number;
  severity: Severity;
  ruleIds: string[];
}

/**
 * Renders `text` as escaped HTML with every finding's span wrapped in
 * `<mark class="sev-…" title="rule ids">`. Overlapping spans merge and take the most severe
 * colour, as in the terminal reporter. Spans outside the text or empty are ignored: the text
 * always renders whole.
 */
export function markSpans(text: string, findings: readonly Finding[]): string {
  const spans = findings
    .filter((f) => f.span !== undefined && Number.isInteger(f.span.start) && Number.isInteger(f.span.end))
    .map((f) => ({ start: Math.max(0, f.span!.start), end: Math.min(text.length, f.span!.end), severity: f.severity, ruleIds: [f.ruleId] }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MarkedSpan[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      if (SEVERITY_RANK[span.severity] < SEVERITY_RANK[last.severity]) last.severity = span.severity;
      if (!last.ruleIds.includes(span.ruleIds[0]!)) last.ruleIds.push(span.ruleIds[0]!);
    } else merged.push({ ...span, ruleIds: [...span.ruleIds] });
  }
  let out = '';
  let cursor = 0;
  for (const span of merged) {
    out += escapeHtml(text.slice(cursor, span.start));
    out += `<mark class="sev-${span.severity}" title="${escapeHtml(span.ruleIds.join(', '))}">${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    cursor = span.end;
  }
  return out + escapeHtml(text.slice(cursor));
}
