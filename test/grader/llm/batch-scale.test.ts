import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_LIMITS } from '../../../src/grader/llm/batch-spool.js';
import { gradeBatch } from '../../../src/grader/llm/grade-batch.js';
import { createLlmGrader } from '../../../src/grader/llm/llm-grader.js';
import { startFakeAnthropicServer, type FakeAnthropicServer, type FakeServerOptions } from '../../helpers/fake-anthropic-server.js';
import { API_KEY, makeGuide, makeSample, verdict } from './fixtures.js';

let server: FakeAnthropicServer;
let dir: string;
const guide = makeGuide();

async function start(options: FakeServerOptions = {}): Promise<void> {
  server = await startFakeAnthropicServer(options);
  server.verdict = () => verdict();
}
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'batch-scale-'));
});
afterEach(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const creates = () => server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches');
const resultDownloads = () => server.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/results'));

describe('batches within the API limits', () => {
  it('splits by request count, and by body size, and grades every sample', async () => {
    await start();
    const samples = Array.from({ length: 5 }, () => makeSample());
    const grader = createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url });
    const byCount = await gradeBatch(grader.context, samples, new Map(), { workRoot: join(dir, 'a'), pollIntervalMs: 1, limits: { ...BATCH_LIMITS, maxRequests: 2 } });
    expect(creates().map((r) => r.body.requests.length)).toEqual([2, 2, 1]);
    expect(byCount.batchIds).toEqual(['msgbatch_1', 'msgbatch_2', 'msgbatch_3']);
    expect([...byCount.grades.values()].every((g) => g.status === 'graded')).toBe(true);

    // A limit of just over two requests' bytes: never more than two in one body, each body within it.
    const one = creates()[2]!.raw.length;
    const maxBytes = 2 * one;
    await gradeBatch(grader.context, samples.map((s) => ({ ...s, id: `${s.id}-b`, response: `${s.response} (b)` })), new Map(), { workRoot: join(dir, 'b'), pollIntervalMs: 1, limits: { maxRequests: 100, maxBytes } });
    const sized = creates().slice(3);
    expect(sized.map((r) => r.body.requests.length)).toEqual([1, 1, 1, 1, 1].slice(0, sized.length));
    for (const r of sized) expect(Buffer.byteLength(r.raw)).toBeLessThanOrEqual(maxBytes);
    expect(sized.reduce((n, r) => n + r.body.requests.length, 0)).toBe(5);
  });

  it('resumes a multi-batch run after an interrupt: nothing submitted or downloaded twice', async () => {
    await start();
    const samples = Array.from({ length: 5 }, () => makeSample());
    const limits = { ...BATCH_LIMITS, maxRequests: 2 };
    const workRoot = join(dir, 'work');
    const controller = new AbortController();
    let ended = 0;
    // Interrupted once the first batch's results are on disk and the second has ended.
    const first = createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url, onEvent: (e) => e.type === 'batch' && e.status === 'ended' && ++ended === 2 && controller.abort() });
    await expect(gradeBatch(first.context, samples, new Map(), { workRoot, pollIntervalMs: 1, limits, signal: controller.signal })).rejects.toThrow();
    expect(creates()).toHaveLength(3);
    const [work] = await readdir(workRoot);
    const manifest = JSON.parse(await readFile(join(workRoot, work!, 'manifest.json'), 'utf8'));
    expect(manifest.chunks.map((c: { results?: string }) => Boolean(c.results))).toEqual([true, false, false]);
    expect((await readdir(join(workRoot, work!))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const again = createLlmGrader(guide, { apiKey: API_KEY, baseURL: server.url });
    const result = await gradeBatch(again.context, samples, new Map(), { workRoot, pollIntervalMs: 1, limits });
    expect(creates()).toHaveLength(3);
    expect(result.batchIds).toEqual(['msgbatch_1', 'msgbatch_2', 'msgbatch_3']);
    // Batch 1's results were downloaded once, before the interrupt; 2 and 3 once, after it.
    expect(resultDownloads().map((r) => r.path.split('/')[4])).toEqual(['msgbatch_1', 'msgbatch_2', 'msgbatch_3']);
    expect(samples.map((s) => result.grades.get(s.id)?.status)).toEqual(Array(5).fill('graded'));
    expect(await readdir(workRoot)).toEqual([]);
  });
});

// 250,000 requests through the CLI, with its peak memory: bench/batch-scale.measure.ts (npm run bench:batch).
