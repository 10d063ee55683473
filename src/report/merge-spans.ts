import { SEVERITY_RANK, type Finding, type Severity } from '../types.js';

/** A stretch of a reply to highlight: one or more overlapping finding spans. */
export interface MarkedSpan {
  /** 0-based UTF-16 offsets into the reply, `end` exclusive. */
  start: number;
  end: number;
  /** The most severe severity among the merged findings. */
  severity: Severity;
  /** The rules whose findings were merged here, in order of first appearance. */
  ruleIds: string[];
}

/**
 * The findings' spans in `text`, ready to highlight: clamped to the text, empty ones dropped, sorted,
 * and overlapping ones merged into one span that takes the most severe severity. What lies between
 * the spans is left for the caller to render, so the text always renders whole.
 */
export function mergeSpans(text: string, findings: readonly Finding[]): MarkedSpan[] {
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
    } else merged.push(span);
  }
  return merged;
}
