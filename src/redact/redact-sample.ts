import type { Finding, Sample, Turn } from '../types.js';
import type { RedactionCounts } from './pii-types.js';
import { createRedactionSession, type RedactedText, type RedactionSession, type RedactOptions } from './redaction-session.js';

/** A sample as it may leave the machine, and what is needed to map answers back to the original. */
export interface SampleRedaction {
  /** The sample with its reply, customer message and transcript turns redacted (one numbering for all). */
  sample: Sample;
  /** The rule findings with `message`, `match` and suggested replacements redacted (spans still point into the original reply). */
  findings: Finding[];
  session: RedactionSession;
  /** Replacements in the sample's own texts (reply, customer message, transcript), per type. */
  counts: RedactionCounts;
}

/**
 * The reply, customer message and transcript of one conversation through `session`. Counted once
 * each as requests carry them: the transcript when there is one (the customer message is then its
 * last customer turn, redacted alike but not counted again), else the customer message.
 */
export function redactConversation(session: RedactionSession, texts: Pick<Sample, 'response' | 'customer' | 'transcript'>): { reply: RedactedText; customer: string; transcript?: Turn[] } {
  const turns = texts.transcript;
  const [reply, ...rest] = session.redactAll([texts.response, ...(turns ? turns.map((t) => t.text) : [texts.customer])]);
  if (!turns) return { reply: reply!, customer: rest[0]!.text };
  return {
    reply: reply!,
    customer: session.redact(texts.customer, { count: false }).text,
    transcript: turns.map((turn, i) => ({ ...turn, text: rest[i]!.text })),
  };
}

/** Redacts the texts of one finding with the session's numbering (not counted: they repeat the sample's text). */
export function redactFinding(finding: Finding, session: RedactionSession): Finding {
  const text = (value: string): string => session.redact(value, { count: false }).text;
  return {
    ...finding,
    message: text(finding.message),
    ...(finding.match !== undefined ? { match: text(finding.match) } : {}),
    ...(finding.suggestion ? { suggestion: { ...finding.suggestion, replacement: text(finding.suggestion.replacement) } } : {}),
    ...(finding.review ? { review: { ...finding.review, reason: text(finding.review.reason) } } : {}),
  };
}

/**
 * Redacts everything of a sample that a request could carry: the reply, the customer message and the
 * transcript turns together (a name from the customer's signature is also replaced in the reply),
 * then the rule findings shown to the model. Pure; metadata is left out of requests, so it is kept.
 */
export function redactSample(sample: Sample, findings: readonly Finding[], options: RedactOptions = {}): SampleRedaction {
  const session = createRedactionSession(options);
  const { reply, customer, transcript } = redactConversation(session, sample);
  const counts = session.counts();
  return {
    sample: { ...sample, response: reply.text, customer, ...(transcript ? { transcript } : {}) },
    findings: findings.map((f) => redactFinding(f, session)),
    session,
    counts,
  };
}
