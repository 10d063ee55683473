// The LLM grader under a rate limit, end to end through the CLI against a local Anthropic-compatible
// server (no network, no key): `npm run bench -- --llm` (or BENCH_LLM_N=100 for a shorter run).
// Prints wall time vs the rate-limit bound, calls per reply, cached share of input tokens and cost.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { it } from 'vitest';
import { main } from '../src/cli/main.js';
import { messageBody, startFakeAnthropicServer, type RecordedRequest } from '../test/helpers/fake-anthropic-server.js';

const root = path.resolve(import.meta.dirname, '..');
const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];

it('LLM grader: 300 ms latency, 120 requests/minute', { timeout: 1_800_000 }, async () => {
  const n = Number(process.env.BENCH_LLM_N ?? 500);
  const rpm = 120;
  const server = await startFakeAnthropicServer({ latencyMs: 300, requestsPerMinute: rpm });
  const seen = new Set<string>();
  // Token counts like the real API's: the system prompt is written to the cache once, then read.
  server.handler = (request: RecordedRequest) => {
    const drifting = JSON.stringify(request.body.messages).length % 3 === 0;
    const verdict = {
      scores: Object.fromEntries(DIMENSIONS.map((d) => [d, { score: drifting ? 2 : 4, reason: `The reply ${drifting ? 'misses' : 'meets'} the ${d} bar for this customer.` }])),
      violations: [],
      drift: drifting ? 'major-drift' : 'on-brand',
      rewrite: drifting ? 'I can see why that is frustrating, and I am sorry. Here is what happened and what I have already done to fix it, plus the one step left on your side.' : '',
    };
    const system = JSON.stringify(request.body.system);
    const prefix = Math.ceil(system.length / 4);
    const user = Math.ceil(JSON.stringify(request.body.messages).length / 4);
    const cached = seen.has(system);
    seen.add(system);
    return {
      body: messageBody(request, {
        verdict,
        usage: { input_tokens: user, output_tokens: Math.ceil(JSON.stringify(verdict).length / 4), ...(cached ? { cache_read_input_tokens: prefix } : { cache_creation_input_tokens: prefix }) },
      }),
    };
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'tone-audit-llm-bench-'));
  const source = readFileSync(path.join(root, 'samples/support-replies.jsonl'), 'utf8').trim().split('\n');
  const lines = Array.from({ length: n }, (_, i) => {
    const record = JSON.parse(source[i % source.length]!);
    return JSON.stringify({ ...record, id: `${record.id}-${i}`, response: `${record.response}${i >= source.length ? ` (${i})` : ''}` });
  });
  writeFileSync(path.join(dir, 'replies.jsonl'), `${lines.join('\n')}\n`);
  let stdout = '';
  let stderr = '';
  const started = performance.now();
  const code = await main(['audit', 'replies.jsonl', '--guide', path.join(root, 'styleguide/northwind.yaml'), '--grader', 'llm', '--no-cache', '--format', 'json'], {
    stdout: { write: (s: string) => ((stdout += s), true) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    stdin: new PassThrough(),
    env: { ANTHROPIC_API_KEY: 'sk-bench-not-a-real-key', ANTHROPIC_BASE_URL: server.url },
    cwd: dir,
    now: () => new Date(),
  });
  const seconds = (performance.now() - started) / 1000;
  await server.close();
  rmSync(dir, { recursive: true, force: true });
  if (code === 2) throw new Error(stderr);
  const result = JSON.parse(stdout);
  const usage = result.summary.usage;
  const inputAll = usage.inputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
  const bound = ((n - 1) / rpm) * 60;
  console.log(
    [
      `LLM grader through the CLI, ${n} replies, fake server at 300 ms latency and ${rpm} requests/minute (default concurrency 8):`,
      `  wall time ${seconds.toFixed(1)} s vs rate-limit bound ${bound.toFixed(1)} s (${((seconds / bound - 1) * 100).toFixed(1)}% over)`,
      `  graded ${n - result.summary.ungraded}/${n}; ${usage.calls} calls = ${(usage.calls / n).toFixed(2)} per reply; ${server.messageRequests().length} HTTP requests (${server.rateLimited} answered 429)`,
      `  input tokens: ${((usage.cacheReadInputTokens / inputAll) * 100).toFixed(1)}% read from the prompt cache (${usage.cacheReadInputTokens} read, ${usage.cacheCreationInputTokens} written, ${usage.inputTokens} uncached)`,
      `  cost at ${result.grader.model} prices: $${usage.costUsd.toFixed(4)} total, $${((usage.costUsd / n) * 1000).toFixed(3)} per 1,000 replies`,
    ].join('\n'),
  );
});
