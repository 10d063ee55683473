import { describe, expect, it } from 'vitest';
import { parseSample, type ParsedSample } from '../../../src/load/samples/parse-sample.js';
import { hashSampleId } from '../../../src/load/samples/sample-id.js';
import type { FieldMap, Problem, Sample } from '../../../src/types.js';

const at = { file: 'in.jsonl', line: 7 };

function sampleOf(record: unknown, fields: Partial<FieldMap> = {}): Sample {
  const parsed = parseSample(record, fields, at);
  if (!parsed.ok) throw new Error(`expected a sample, got: ${parsed.problem.message}`);
  return parsed.sample;
}

function problemOf(record: unknown, fields: Partial<FieldMap> = {}): Problem {
  const parsed: ParsedSample = parseSample(record, fields, at);
  if (parsed.ok) throw new Error('expected a problem, got a sample');
  return parsed.problem;
}

describe('parseSample', () => {
  it('reads the default fields and keeps the rest as metadata', () => {
    const sample = sampleOf({
      id: 'nw-1',
      customer: 'My deploy failed',
      response: 'Sorry about that.',
      escalated: false,
      timestamp: '2026-10-02T09:00:00Z',
      channel: 'chat',
      tokens: 12,
      flagged: true,
      note: null,
      tags: ['a', 'b'],
      extra: { region: 'eu' },
    });
    expect(sample).toEqual({
      id: 'nw-1',
      customer: 'My deploy failed',
      response: 'Sorry about that.',
      escalated: false,
      metadata: {
        timestamp: '2026-10-02T09:00:00Z',
        channel: 'chat',
        tokens: 12,
        flagged: true,
        note: null,
        tags: '["a","b"]',
        extra: '{"region":"eu"}',
      },
      source: at,
    });
  });

  it.each([
    ['reply', 'customer_message'],
    ['bot_reply', 'message'],
    ['answer', 'input'],
    ['output', 'query'],
    ['assistant', 'user'],
    ['reply', 'prompt'],
  ])('accepts the aliases %s and %s', (responseKey, customerKey) => {
    const sample = sampleOf({ [responseKey]: 'the reply', [customerKey]: 'the question' });
    expect(sample.response).toBe('the reply');
    expect(sample.customer).toBe('the question');
    expect(sample.metadata).toEqual({});
  });

  it('prefers the default key over an alias and leaves the alias in metadata', () => {
    const sample = sampleOf({ response: 'main', reply: 'other' });
    expect(sample.response).toBe('main');
    expect(sample.metadata).toEqual({ reply: 'other' });
  });

  it('skips an alias whose value has the wrong type', () => {
    const sample = sampleOf({ response: 'r', user: { id: 42 }, message: 'hello' });
    expect(sample.customer).toBe('hello');
    expect(sample.metadata).toEqual({ user: '{"id":42}' });
  });

  it('follows --field mappings, including dotted paths, and ignores aliases for mapped fields', () => {
    const record = {
      ticket: 991,
      output: { text: 'Here is the fix.', tokens: 40 },
      input: { text: 'How do I fix it?' },
      reply: 'not this one',
      created_at: '2026-11-01T00:00:00Z',
      handed_off: 'yes',
    };
    const sample = sampleOf(record, {
      id: 'ticket',
      response: 'output.text',
      customer: 'input.text',
      timestamp: 'created_at',
      escalated: 'handed_off',
    });
    expect(sample.id).toBe('991');
    expect(sample.response).toBe('Here is the fix.');
    expect(sample.customer).toBe('How do I fix it?');
    expect(sample.escalated).toBe(true);
    expect(sample.metadata).toEqual({ reply: 'not this one', timestamp: '2026-11-01T00:00:00Z' });
  });

  it('reads a dotted mapping as a literal key first (CSV headers may contain dots)', () => {
    expect(sampleOf({ 'output.text': 'flat' }, { response: 'output.text' }).response).toBe('flat');
    expect(sampleOf({ steps: [{ text: 'a' }, { text: 'b' }] }, { response: 'steps.1.text' }).response).toBe('b');
  });

  it('names every key it tried when the response is missing', () => {
    expect(problemOf({ id: 'x', customer: 'hi' })).toEqual({
      location: at,
      path: 'response',
      message:
        'missing field `response` (looked for: response, reply, bot_reply, answer, output, assistant); map it with --field response=<name>',
    });
    expect(problemOf({ text: 'hi' }, { response: 'out.text' }).message).toBe(
      'missing field `response` (looked for: out.text); map it with --field response=<name>',
    );
  });

  it.each([
    [{ response: 42 }, 'response', 'field `response` (`response`) must be a string, got number'],
    [{ response: ['a'] }, 'response', 'field `response` (`response`) must be a string, got array'],
    [{ response: '  ' }, 'response', 'field `response` (`response`) is empty'],
    [{ response: null }, 'response', 'field `response` (`response`) is empty'],
    [{ bot_reply: '' }, 'bot_reply', 'field `response` (`bot_reply`) is empty'],
    [{ response: 'r', customer: 3 }, 'customer', 'field `customer` (`customer`) must be a string, got number'],
    [{ response: 'r', id: { a: 1 } }, 'id', 'field `id` must be a string or a number, got object'],
    [{ response: 'r', escalated: 'maybe' }, 'escalated', 'field `escalated` must be true or false (also yes/no, 1/0), got `maybe`'],
    [{ response: 'r', escalated: 2 }, 'escalated', 'field `escalated` must be true or false (also yes/no, 1/0), got `2`'],
  ])('reports a wrong value: %j', (record, path, message) => {
    expect(problemOf(record)).toEqual({ location: at, path, message });
  });

  it.each([
    [[1, 2], 'record must be a JSON object, got array'],
    ['text', 'record must be a JSON object, got string'],
    [null, 'record must be a JSON object, got null'],
  ])('reports a record that is not an object: %j', (record, message) => {
    expect(problemOf(record)).toEqual({ location: at, path: '', message });
  });

  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['YES', true],
    ['no', false],
    [1, true],
    [0, false],
    ['1', true],
    ['', undefined],
    [null, undefined],
  ])('reads escalated %j as %j', (value, expected) => {
    expect(sampleOf({ response: 'r', escalated: value }).escalated).toBe(expected);
  });

  it('generates a stable id from customer and response when the data has none', () => {
    const a = sampleOf({ customer: 'hi', response: 'hello' });
    const b = sampleOf({ customer: 'hi', response: 'hello', channel: 'chat' });
    expect(a.id).toMatch(/^h-[0-9a-f]{12}$/);
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(hashSampleId('hi', 'hello'));
    // Pinned: ids must not change between releases, or diff reports lose their pairing.
    expect(a.id).toBe('h-376b39b5a6e9');
    expect(sampleOf({ customer: 'hih', response: 'ello' }).id).not.toBe(a.id);
    expect(sampleOf({ id: '  ', customer: 'hi', response: 'hello' }).id).toBe(a.id);
  });
});

describe('parseSample with transcripts', () => {
  it('normalises roles, takes the last customer turn, and uses a final bot turn as the response', () => {
    const sample = sampleOf({
      id: 't1',
      transcript: [
        { role: 'system', content: 'You are helpful.' },
        { role: 'user', content: 'My cert expired' },
        { role: 'assistant', text: 'Which domain?' },
        { role: 'Human', content: [{ type: 'text', text: 'shop.example.com' }] },
        { role: 'human_agent', text: 'Taking over.' },
        { role: 'ai', content: 'Renewed it for you.' },
      ],
    });
    expect(sample.response).toBe('Renewed it for you.');
    expect(sample.customer).toBe('shop.example.com');
    expect(sample.transcript).toEqual([
      { role: 'system', text: 'You are helpful.' },
      { role: 'customer', text: 'My cert expired' },
      { role: 'bot', text: 'Which domain?' },
      { role: 'customer', text: 'shop.example.com' },
      { role: 'agent', text: 'Taking over.' },
    ]);
  });

  it('keeps the whole transcript when the response is its own field', () => {
    const sample = sampleOf({
      conversation: [
        { role: 'customer', text: 'hi' },
        { role: 'bot', text: 'hello' },
      ],
      response: 'the reply',
      customer: 'explicit',
    });
    expect(sample.response).toBe('the reply');
    expect(sample.customer).toBe('explicit');
    expect(sample.transcript).toHaveLength(2);
  });

  it('reads a transcript given as JSON text (as in a CSV cell)', () => {
    const sample = sampleOf({ messages: '[{"role":"user","content":"q?"},{"role":"bot","content":"a."}]' });
    expect(sample).toMatchObject({ customer: 'q?', response: 'a.', transcript: [{ role: 'customer', text: 'q?' }] });
  });

  it.each([
    [{ transcript: '[not json' }, 'transcript', /^field `transcript` is not valid JSON: /],
    [{ transcript: 'user: hi' }, 'transcript', /^field `transcript` must be a list of turns \(\{role, text\}\), got string$/],
    [{ transcript: { role: 'user' } }, 'transcript', /^field `transcript` must be a list of turns \(\{role, text\}\), got object$/],
    [{ transcript: ['hi'] }, 'transcript[0]', /^turn must be an object with role and text, got string$/],
    [{ transcript: [{ role: 'wizard', text: 'x' }] }, 'transcript[0].role', /^unknown role \(got `wizard`\); expected one of customer, user/],
    [{ transcript: [{ role: 'user' }] }, 'transcript[0].text', /^turn has no text/],
  ])('reports a broken transcript: %j', (record, path, message) => {
    const problem = problemOf(record);
    expect(problem.path).toBe(path);
    expect(problem.message).toMatch(message);
  });

  it('needs a response when the transcript does not end with the bot', () => {
    const problem = problemOf({ transcript: [{ role: 'user', text: 'hello?' }] });
    expect(problem.path).toBe('response');
    expect(problem.message).toMatch(/^missing field `response`/);
  });
});
