// What each fault costs the LLM grader: HTTP requests per reply and wall time, against the fake
// Anthropic server (real SDK, no network). `npm run bench:faults`. 20 replies, 8 at a time, a 1 s
// per-request timeout (the CLI's is 60 s) so the timeout rows finish quickly; the SDK retries twice.
import { it } from 'vitest';
import { createLlmGrader } from '../src/grader/llm/llm-grader.js';
import type { Grade } from '../src/types.js';
import { faults, messageBody, startFakeAnthropicServer, type FakeReply, type RecordedRequest } from '../test/helpers/fake-anthropic-server.js';
import { API_KEY, makeGuide, makeSample, verdict } from '../test/grader/llm/fixtures.js';

const N = 20;
const TIMEOUT_MS = 1000;

/** A fault: given the reply's index and how many requests for it came before, the scripted answer (undefined = a good one). */
type Fault = (reply: number, attempt: number, request: RecordedRequest) => FakeReply | undefined;
const once = (reply: () => FakeReply): Fault => (_, attempt) => (attempt === 0 ? reply() : undefined);

const FAULTS: [string, Fault][] = [
  ['none (clean run)', () => undefined],
  ['529 overloaded, once per reply', once(faults.overloaded)],
  ['500 server error, once per reply', once(faults.serverError)],
  ['connection reset, once per reply', once(faults.connectionReset)],
  [`timeout (answer after 1.5 s), once per reply`, once(() => ({ delayMs: 1500, body: undefined }))],
  ['garbled 200 body, once per reply', once(faults.garbled)],
  ['schema-invalid output, once per reply', (_, attempt, request) => (attempt === 0 ? { body: messageBody(request, { verdict: { scores: 'not an object' } }) } : undefined)],
  ['refusal, every time', (_, __, request) => ({ body: messageBody(request, { text: '', stopReason: 'refusal' }) })],
  ['max_tokens stop, once per reply', (_, attempt, request) => (attempt === 0 ? { body: messageBody(request, { text: '{"scores": {', stopReason: 'max_tokens' }) } : undefined)],
  ['529 that persists, for reply 0 only', (reply) => (reply === 0 ? faults.overloaded() : undefined)],
  ['a call that never answers, reply 0 only', (reply) => (reply === 0 ? faults.neverAnswers() : undefined)],
];

it('faults: calls per reply and wall time', { timeout: 600_000 }, async () => {
  const rows: string[] = ['| fault | requests per reply (faulted / others) | graded · ungraded | wall time |', '|---|---|---|---|'];
  for (const [name, fault] of FAULTS) {
    const server = await startFakeAnthropicServer();
    server.verdict = () => verdict();
    const samples = Array.from({ length: N }, (_, i) => makeSample({ id: `f${i}`, response: `Invoices are under Billing, then History; reference F-${i}.` }));
    const attempts = new Map<number, number>();
    const replyOf = (request: RecordedRequest) => Number(/reference F-(\d+)/.exec(JSON.stringify(request.body?.messages ?? ''))?.[1] ?? -1);
    const base = server.handler;
    server.handler = (request, index) => {
      const reply = replyOf(request);
      const attempt = attempts.get(reply) ?? 0;
      attempts.set(reply, attempt + 1);
      const scripted = fault(reply, attempt, request);
      if (!scripted) return base(request, index);
      return scripted.body === undefined && scripted.delayMs ? { ...scripted, body: (base(request, index) as FakeReply).body } : scripted;
    };
    const grader = createLlmGrader(makeGuide(), { apiKey: API_KEY, baseURL: server.url, concurrency: 8, timeoutMs: TIMEOUT_MS, maxRetries: 2 });
    const started = performance.now();
    const grades: Grade[] = await Promise.all(samples.map((s) => grader.grade(s, [])));
    const seconds = (performance.now() - started) / 1000;
    await server.close();
    const perReply = samples.map((_, i) => attempts.get(i) ?? 0);
    const faulted = name.includes('reply 0') ? [perReply[0]!] : perReply;
    const others = name.includes('reply 0') ? perReply.slice(1) : [];
    const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(2).replace(/\.00$/, '');
    const graded = grades.filter((g) => g.status === 'graded').length;
    const counted = grades.reduce((n, g) => n + (g.calls ?? 0), 0);
    if (graded + grades.filter((g) => g.status === 'error').length !== N) throw new Error(`${name}: a reply was lost`);
    if (counted !== server.messageRequests().length) throw new Error(`${name}: usage counted ${counted} requests, the server saw ${server.messageRequests().length}`);
    rows.push(`| ${name} | ${mean(faulted)}${others.length ? ` / ${mean(others)}` : ''} | ${graded} · ${N - graded} | ${seconds.toFixed(2)} s |`);
  }
  console.log(`\n${N} replies, concurrency 8, per-request timeout ${TIMEOUT_MS} ms, SDK maxRetries 2\n${rows.join('\n')}\n`);
});
