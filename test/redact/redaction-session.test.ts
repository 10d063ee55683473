import { describe, expect, it } from 'vitest';
import { createRedactionSession, mapOffset, redactSample, redactSampleResult, restore } from '../../src/redact/index.js';
import type { Sample, SampleResult } from '../../src/types.js';

const sample = (overrides: Partial<Sample> = {}): Sample => ({
  id: 's1',
  response: 'Hi Sarah,\nI emailed sarah@example.com and sarah@example.com again; also ops@example.com.',
  customer: 'My card 4111 1111 1111 1111 was charged twice.\nThanks,\nSarah Jones',
  metadata: {},
  source: { file: 'a.jsonl', line: 1 },
  ...overrides,
});

describe('redaction session', () => {
  it('numbers placeholders per type, stable within the session', () => {
    const session = createRedactionSession();
    const [a, b] = session.redactAll(['mail a@example.com, then b@example.com, then a@example.com', 'a@example.com calls +44 20 7946 0958']);
    expect(a!.text).toBe('mail [EMAIL_1], then [EMAIL_2], then [EMAIL_1]');
    expect(b!.text).toBe('[EMAIL_1] calls [PHONE_1]');
    expect(session.counts()).toMatchObject({ email: 4, phone: 1, card: 0 });
    expect([...session.map]).toEqual([['[EMAIL_1]', 'a@example.com'], ['[EMAIL_2]', 'b@example.com'], ['[PHONE_1]', '+44 20 7946 0958']]);
  });

  it('restores the originals and leaves unknown placeholders alone', () => {
    const session = createRedactionSession();
    const [r] = session.redactAll(['Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, SSN 123-45-6789']);
    expect(r!.text).toBe('Card [CARD_1], IBAN [IBAN_1], SSN [SSN_1]');
    expect(restore(`${r!.text} [EMAIL_9]`, session.map)).toBe('Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32, SSN 123-45-6789 [EMAIL_9]');
  });

  it('skips placeholder numbers the text already contains, so restoring cannot change them', () => {
    const session = createRedactionSession();
    const [r] = session.redactAll(['literal [EMAIL_1] and real x@example.com']);
    expect(r!.text).toBe('literal [EMAIL_1] and real [EMAIL_2]');
    expect(restore(r!.text, session.map)).toBe('literal [EMAIL_1] and real x@example.com');
  });

  it('replaces a name from a greeting or signature wherever it recurs in the conversation', () => {
    const redacted = redactSample(sample(), []);
    expect(redacted.sample.response).toBe('Hi [NAME_1],\nI emailed [EMAIL_1] and [EMAIL_1] again; also [EMAIL_2].');
    expect(redacted.sample.customer).toBe('My card [CARD_1] was charged twice.\nThanks,\n[NAME_2]');
    expect(redacted.counts).toMatchObject({ name: 2, email: 3, card: 1 });
  });

  it('redacts transcript turns and findings with the same numbering', () => {
    const redacted = redactSample(
      sample({ transcript: [{ role: 'customer', text: 'I am on +1 (415) 555-2671' }, { role: 'bot', text: 'Calling +1 (415) 555-2671 now' }] }),
      [{ ruleId: 'r', kind: 'banned', severity: 'error', message: 'mentions sarah@example.com', match: 'sarah@example.com', origin: 'rule' }],
    );
    expect(redacted.sample.transcript!.map((t) => t.text)).toEqual(['I am on [PHONE_1]', 'Calling [PHONE_1] now']);
    expect(redacted.findings[0]).toMatchObject({ message: 'mentions [EMAIL_1]', match: '[EMAIL_1]' });
    expect(redacted.counts.phone).toBe(2);
  });

  it('maps offsets of the original onto the redacted text', () => {
    const session = createRedactionSession();
    const [r] = session.redactAll(['mail a@example.com now']);
    expect(mapOffset(r!.edits, 19, 'start')).toBe(15);
    expect(mapOffset(r!.edits, 7, 'start')).toBe(5);
    expect(mapOffset(r!.edits, 7, 'end')).toBe(14);
  });

  it('redacts a judged result for the output, moving finding spans onto the redacted reply', () => {
    const response = 'Email a@example.com Kindly.';
    const result: SampleResult = {
      id: 's', source: { file: 'a', line: 1 }, customer: 'from b@example.com', response, metadata: {}, verdict: 'drift',
      findings: [{ ruleId: 'plain', kind: 'prefer', severity: 'warning', message: 'no', match: 'Kindly', span: { start: 20, end: 26 }, origin: 'rule' }],
      grade: { status: 'graded', grader: 'llm', scores: { empathy: { score: 2, reason: 'ignores a@example.com', evidence: ['Email a@example.com'] } }, violations: [], drift: 'major-drift', rewrite: 'Thanks! I wrote to a@example.com.' },
    };
    const { result: out, counts } = redactSampleResult(result);
    expect(out.response).toBe('Email [EMAIL_1] Kindly.');
    expect(out.customer).toBe('from [EMAIL_2]');
    expect(out.findings[0]!.span).toEqual({ start: 16, end: 22 });
    expect(out.findings[0]!.match).toBe('Kindly');
    expect(out.grade!.rewrite).toBe('Thanks! I wrote to [EMAIL_1].');
    expect(out.grade!.scores.empathy).toMatchObject({ reason: 'ignores [EMAIL_1]', evidence: ['Email [EMAIL_1]'] });
    expect(counts.email).toBe(2);
  });
});
