import type { DimensionScore, Finding, Grade, SampleResult } from '../types.js';
import type { RedactionCounts } from './pii-types.js';
import { createRedactionSession, mapOffset, type RedactedText, type RedactionSession, type RedactOptions } from './redaction-session.js';
import { redactConversation, redactFinding } from './redact-sample.js';

/** Redaction settings for a brand: its own words ("Northwind") are never taken for a person's name. */
export function redactOptionsForBrand(brand: string, options: RedactOptions = {}): RedactOptions {
  const words = brand.split(/[^\p{L}]+/u).filter((w) => w.length > 1);
  return { ...options, notNames: [...(options.notNames ?? []), ...words] };
}

/**
 * `--redact-output`: the texts of a judged sample redacted before any report, cache or backlog sees
 * them — reply, customer message, transcript, finding matches and messages (spans moved onto the
 * redacted reply), the grader's reasons, evidence, rule reviews and the rewrite. One numbering per
 * sample. Metadata and ids are not touched. Pure.
 */
export function redactSampleResult(result: SampleResult, options: RedactOptions = {}): { result: SampleResult; counts: RedactionCounts } {
  const session = createRedactionSession(options);
  const { reply: response, customer, transcript } = redactConversation(session, result);
  const counts = session.counts();
  const text = (value: string): string => session.redact(value, { count: false }).text;
  const onReply = (finding: Finding): Finding => redactFindingOnReply(finding, response, session);
  const grade: Grade | undefined = result.grade
    ? {
        ...result.grade,
        scores: Object.fromEntries(Object.entries(result.grade.scores).map(([id, s]) => [id, redactScore(s, text)])),
        violations: result.grade.violations.map(onReply),
        ...(result.grade.rewrite !== undefined ? { rewrite: text(result.grade.rewrite) } : {}),
        ...(result.grade.ruleReviews ? { ruleReviews: result.grade.ruleReviews.map((r) => ({ ...r, reason: text(r.reason) })) } : {}),
      }
    : undefined;
  return {
    result: {
      ...result,
      customer,
      response: response.text,
      ...(transcript ? { transcript } : {}),
      findings: result.findings.map(onReply),
      ...(grade ? { grade } : {}),
    },
    counts,
  };
}

function redactScore(score: DimensionScore, text: (value: string) => string): DimensionScore {
  return {
    ...score,
    reason: text(score.reason),
    ...(score.evidence ? { evidence: score.evidence.map(text) } : {}),
    ...(score.cues ? { cues: score.cues.map((c) => ({ ...c, label: text(c.label), ...(c.evidence !== undefined ? { evidence: text(c.evidence) } : {}) })) } : {}),
  };
}

/** A finding on the redacted reply: its span (and suggestion's) moved, its match the redacted reply's text there. */
function redactFindingOnReply(finding: Finding, reply: RedactedText, session: RedactionSession): Finding {
  const redacted = redactFinding(finding, session);
  if (!finding.span) return redacted;
  const span = { start: mapOffset(reply.edits, finding.span.start, 'start'), end: mapOffset(reply.edits, finding.span.end, 'end') };
  const suggestion = finding.suggestion && redacted.suggestion
    ? { ...redacted.suggestion, span: { start: mapOffset(reply.edits, finding.suggestion.span.start, 'start'), end: mapOffset(reply.edits, finding.suggestion.span.end, 'end') } }
    : undefined;
  return { ...redacted, span, ...(finding.match !== undefined ? { match: reply.text.slice(span.start, span.end) } : {}), ...(suggestion ? { suggestion } : {}) };
}
