import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gradeBatch } from '../../../src/grader/llm/grade-batch.js';
import { createLlmGrader, type LlmGraderEvent } from '../../../src/grader/llm/llm-grader.js';
import { startFakeAnthropicServer, type FakeAnthropicServer, type FakeServerOptions } from '../../helpers/fake-anthropic-server.js';
import { API_KEY, makeGuide, makeSample, verdict } from './fixtures.js';

let server: FakeAnthropicServer;
let dir: string;
const guide = makeGuide();

async function start(options: FakeServerOptions): Promise<void> {
  server = await startFakeAnthropicServer(options);
  server.verdict = () => verdict();
}
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'grade-batch-'));
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Where a request stood in the first batch submitted. */
const submittedAt = (id: string): number => creates()[0]!.body.requests.findIndex((r: { custom_id: string }) => r.custom_id === id);
const creates = () => server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches');

describe('gradeBatch', () => {
  it('maps shuffled results back by custom_id, resubmits errored and expired once, prices at the batch discount', async () => {
    const samples = Array.from({ length: 6 }, () => makeSample());
    await start({
      batchPolls: 2,
      // First submission: request 2 errors, request 4 expires; second submission: request 4 expires again.
      batchOutcome: (id, n) => {
        const at = submittedAt(id);
        if (n === 1 && at === 2) return 'errored';
        if (at === 4) return 'expired';
        return 'succeeded';
      },
    });
    const events: LlmGraderEvent[] = [];
    const grader = createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url, cacheDir: dir, onEvent: (e) => events.push(e) });
    const result = await gradeBatch(grader.context, samples, new Map(), { workRoot: join(dir, 'batches'), pollIntervalMs: 5 });
    expect(creates()).toHaveLength(2);
    expect(creates()[1]!.body.requests).toHaveLength(2);
    expect(result.resubmitted).toBe(2);
    expect(result.batchIds).toEqual(['msgbatch_1', 'msgbatch_2']);
    const statuses = samples.map((s) => result.grades.get(s.id)?.status);
    expect(statuses.filter((s) => s === 'graded')).toHaveLength(5);
    expect(result.grades.get(samples[4]!.id)).toMatchObject({ status: 'error', error: 'batch request expired' });
    expect(result.grades.get(samples[2]!.id)?.status).toBe('graded');
    expect(events.some((e) => e.type === 'batch' && e.status === 'in_progress')).toBe(true);
    const usage = result.grades.get(samples[0]!.id)!.usage!;
    const full = (usage.inputTokens * 0.1 + usage.outputTokens * 0.5 + usage.cacheCreationInputTokens * 0.125 + usage.cacheReadInputTokens * 0.01) / 1e6;
    expect(usage.costUsd).toBeCloseTo(full / 2, 12);
    // The work folder is removed once every sample is graded.
    expect(await readdir(join(dir, 'batches'))).toEqual([]);
  });

  it('resumes the same batch after a stop instead of submitting again', async () => {
    await start({ batchPolls: 4 });
    const samples = [makeSample(), makeSample(), makeSample()];
    const workRoot = join(dir, 'batches');
    const controller = new AbortController();
    const grader = createLlmGrader(guide, {
      apiKey: API_KEY,
      baseURL: server.url,
      cacheDir: dir,
      onEvent: (e) => e.type === 'batch' && controller.abort(),
    });
    await expect(gradeBatch(grader.context, samples, new Map(), { workRoot, pollIntervalMs: 5, signal: controller.signal })).rejects.toThrow();
    const [work] = await readdir(workRoot);
    const saved = JSON.parse(await readFile(join(workRoot, work!, 'manifest.json'), 'utf8'));
    expect(saved.chunks.map((c: { batchId: string }) => c.batchId)).toEqual(['msgbatch_1']);

    const again = createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url, cacheDir: dir });
    const result = await gradeBatch(again.context, samples, new Map(), { workRoot, pollIntervalMs: 5 });
    expect(creates()).toHaveLength(1);
    expect(result.batchIds).toEqual(['msgbatch_1']);
    expect([...result.grades.values()].every((g) => g.status === 'graded')).toBe(true);

    // Everything is cached now: a third run submits nothing.
    const third = await gradeBatch(again.context, samples, new Map(), { workRoot, pollIntervalMs: 5 });
    expect(creates()).toHaveLength(1);
    expect([...third.grades.values()].every((g) => g.cached)).toBe(true);
  });
});
