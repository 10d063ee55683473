import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLlmGrader } from '../../../src/grader/llm/llm-grader.js';
import { faults, startFakeAnthropicServer, type FakeAnthropicServer, type FakeReply, type RecordedRequest } from '../../helpers/fake-anthropic-server.js';
import { API_KEY, makeGuide, makeSample, verdict } from './fixtures.js';

// The faults bench/faults.measure.ts times, asserted: every reply graded or counted ungraded, in order,
// and usage counting exactly the requests the server saw.
let server: FakeAnthropicServer;
beforeEach(async () => {
  server = await startFakeAnthropicServer();
  server.verdict = () => verdict();
});
afterEach(async () => server.close());

const replyOf = (request: RecordedRequest) => Number(/reference F-(\d+)/.exec(JSON.stringify(request.body?.messages ?? ''))?.[1] ?? -1);

async function gradeUnder(fault: (reply: number, attempt: number) => FakeReply | undefined) {
  const attempts = new Map<number, number>();
  const base = server.handler;
  server.handler = (request, index) => {
    const reply = replyOf(request);
    const attempt = attempts.get(reply) ?? 0;
    attempts.set(reply, attempt + 1);
    return fault(reply, attempt) ?? base(request, index);
  };
  const samples = Array.from({ length: 6 }, (_, i) => makeSample({ id: `f${i}`, response: `Invoices are under Billing; reference F-${i}.` }));
  const grader = createLlmGrader(makeGuide(), { apiKey: API_KEY, baseURL: server.url, concurrency: 3, timeoutMs: 400, maxRetries: 2 });
  const grades = await Promise.all(samples.map((s) => grader.grade(s, [])));
  return { grades, attempts, counted: grades.reduce((n, g) => n + (g.calls ?? 0), 0) };
}

describe('fault accounting', () => {
  it('connection resets are retried and counted', async () => {
    const { grades, counted } = await gradeUnder((_, attempt) => (attempt === 0 ? faults.connectionReset() : undefined));
    expect(grades.map((g) => g.status)).toEqual(Array(6).fill('graded'));
    expect(counted).toBe(12);
    expect(server.messageRequests()).toHaveLength(12);
  });

  it('a call that never answers times out, is retried, and leaves only its reply ungraded', async () => {
    const { grades, attempts, counted } = await gradeUnder((reply) => (reply === 2 ? faults.neverAnswers() : undefined));
    expect(grades.map((g) => g.status)).toEqual(['graded', 'graded', 'error', 'graded', 'graded', 'graded']);
    expect(grades[2]).toMatchObject({ error: 'request timed out', calls: 3 });
    expect(attempts.get(2)).toBe(3);
    expect(counted).toBe(server.messageRequests().length);
  });

  it('a garbled 200 body is retried like a 5xx', async () => {
    const { grades, counted } = await gradeUnder((_, attempt) => (attempt === 0 ? faults.garbled() : undefined));
    expect(grades.every((g) => g.status === 'graded')).toBe(true);
    expect(counted).toBe(12);
  });
});
