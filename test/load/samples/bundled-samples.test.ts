import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type LoadEvent, readSamples } from '../../../src/load/samples/index.js';
import { formatProblem } from '../../../src/errors.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

async function load(input: string, fields = {}): Promise<LoadEvent[]> {
  const events: LoadEvent[] = [];
  for await (const event of readSamples([input], { cwd: root, fields })) events.push(event);
  return events;
}

const samplesOf = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'sample' ? [e.sample] : []));
const problemsOf = (events: LoadEvent[]) => events.flatMap((e) => (e.type === 'problem' ? [formatProblem(e.problem)] : []));

describe('bundled samples', () => {
  it('support-replies.jsonl loads cleanly', async () => {
    const events = await load('samples/support-replies.jsonl');
    expect(problemsOf(events)).toEqual([]);
    const samples = samplesOf(events);
    expect(samples.length).toBeGreaterThanOrEqual(220);
    expect(samples[0]).toMatchObject({ id: 'nw-000100', metadata: { model: 'support-bot-v7' } });
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
  });

  it('support-replies.csv loads through aliases plus --field id/timestamp', async () => {
    const events = await load('samples/support-replies.csv', { id: 'ticket_id', timestamp: 'created_at' });
    expect(problemsOf(events)).toEqual([]);
    const samples = samplesOf(events);
    expect(samples.length).toBeGreaterThanOrEqual(60);
    expect(samples[0]?.id).toMatch(/^T-\d+$/);
    expect(samples[0]?.metadata.timestamp).toMatch(/^2026-1[01]-/);
    expect(samples.some((s) => s.response.includes('\n'))).toBe(true);
  });

  it('transcripts.jsonl yields a transcript for every record', async () => {
    const events = await load('samples/transcripts.jsonl');
    expect(problemsOf(events)).toEqual([]);
    const samples = samplesOf(events);
    // Every bot turn is judged in the context before it: 20 conversations, two bot turns each.
    expect(samples).toHaveLength(40);
    expect(new Set(samples.map((s) => s.metadata['conversation_id'])).size).toBe(20);
    for (const sample of samples) {
      expect(sample.id).toMatch(/^nw-t-\d{4}#[01]$/);
      expect(sample.transcript?.length).toBeGreaterThanOrEqual(1);
      expect(sample.customer).toBe(sample.transcript?.findLast((t) => t.role === 'customer')?.text);
    }
    const lastTurns = samples.filter((s) => s.id.endsWith('#1'));
    for (const sample of lastTurns) expect(sample.transcript?.length).toBeGreaterThanOrEqual(3);
  });

  it('malformed.jsonl reports each broken record and keeps the good ones', async () => {
    const events = await load('samples/malformed.jsonl');
    expect(samplesOf(events).map((s) => s.id)).toEqual(['nw-m-001', 'nw-m-005', 'nw-m-011', 'nw-m-012']);
    expect(problemsOf(events)).toEqual([
      "samples/malformed.jsonl:2:2 invalid JSON: Expected property name or '}'",
      'samples/malformed.jsonl:3 response: missing field `response` (looked for: response, reply, bot_reply, answer, output, assistant); map it with --field response=<name>',
      'samples/malformed.jsonl:4 response: field `response` (`response`) must be a string, got number',
      'samples/malformed.jsonl:7 response: field `response` (`response`) is empty',
      'samples/malformed.jsonl:8 transcript: field `transcript` must be a list of turns ({role, text}), got string',
      'samples/malformed.jsonl:9:141 invalid JSON: Unterminated string',
      'samples/malformed.jsonl:10 escalated: field `escalated` must be true or false (also yes/no, 1/0), got `pending`',
      'samples/malformed.jsonl:11 record must be a JSON object, got array',
    ]);
  });
});
