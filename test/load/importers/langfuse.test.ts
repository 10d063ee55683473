import { describe, expect, it } from 'vitest';
import { langfuse } from '../../../src/load/importers/langfuse.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { load, readFixture, where } from './import-helpers.js';

const trace = () => JSON.parse(readFixture('langfuse-trace.json')) as Record<string, unknown>;
const options = { botAuthors: new Set<string>() };

describe('langfuse importer', () => {
  it('reads a trace download from its last generation: the chat history, then the output as the reply', async () => {
    const { samples, errors } = await load(['langfuse-trace.json'], { format: 'langfuse' });
    expect(errors).toEqual([]);
    expect(samples.map((s) => s.id)).toEqual(['c7e1f0a2-5b8e-4f61-9a0d-3f2b1e6d9c44#0', 'c7e1f0a2-5b8e-4f61-9a0d-3f2b1e6d9c44#1']);
    const last = samples[1]!;
    expect(last.response).toBe('Refunds are not available. You should have enabled backups.');
    expect(last.customer).toBe('can i get a refund for the night we lost?');
    expect(last.transcript?.map((t) => t.role)).toEqual(['customer', 'bot', 'customer']);
    expect(last.metadata).toMatchObject({ import_format: 'langfuse', model: 'gpt-5-mini', langfuse_sessionId: 'sess-4471', timestamp: '2026-11-05T14:00:00.000Z' });
  });

  it('is detected in a JSONL export of traces, and falls back to the trace input and output without generations', async () => {
    const record = trace();
    record.observations = [];
    record.input = 'Where is my invoice?';
    const dir = tempDir({ 't.jsonl': `${JSON.stringify(trace())}\n${JSON.stringify(record)}\n` });
    const { samples } = await load(['t.jsonl'], { cwd: dir });
    expect(samples.map((s) => s.metadata.import_format)).toEqual(['langfuse', 'langfuse', 'langfuse']);
    expect(samples[2]).toMatchObject({ customer: 'Where is my invoice?', response: 'Refunds are not available. You should have enabled backups.' });
  });

  it('reads an observation export line (GENERATION with traceId)', () => {
    const observation = (trace().observations as Record<string, unknown>[])[1]!;
    const result = langfuse.read([observation], options);
    expect(result.ok && result.conversations[0]?.turns.length).toBe(4);
  });

  it('points at a generation without output, and at input history with a bad role', () => {
    const record = trace();
    record.observations = [];
    delete record.output;
    expect(langfuse.read([record], options)).toMatchObject({ ok: false, path: 'output' });
    const bad = trace();
    ((bad.observations as Record<string, unknown>[])[1]!.input as Record<string, unknown>[])[1]!.role = 'robot';
    expect(langfuse.read([bad], options)).toMatchObject({ ok: false, path: 'observations[1].input[1].role' });
  });

  it('reports a missing field with the file and line', async () => {
    const dir = tempDir({ 't.jsonl': `${JSON.stringify({ id: 't', traceId: 't', type: 'GENERATION', input: 'hi', output: null })}\n` });
    const { errors } = await load(['t.jsonl'], { cwd: dir, format: 'langfuse' });
    expect(errors.map(where)).toEqual(["t.jsonl:1 output: missing field `output`: the bot's reply"]);
  });
});
