// --batch at scale, end to end: the built CLI in a child process (under /usr/bin/time for its peak
// memory) against the fake Anthropic server in this process. `npm run bench:batch` (BENCH_BATCH_N=…
// for another size; default 250,000 replies, each one scoring request).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BATCH_LIMITS } from '../src/grader/llm/batch-spool.js';
import { startFakeAnthropicServer } from '../test/helpers/fake-anthropic-server.js';

const root = path.resolve(import.meta.dirname, '..');
const GUIDE = `brand: Scale Test
version: "1"
voice:
  summary: Warm and plain.
dimensions:
  - id: clarity
    description: Plain and direct
    scale: { 1: Confusing, 5: Crystal clear }
    min: 3
rules:
  - id: no-blame
    kind: banned
    severity: error
    terms: ["you failed to"]
`;
const onBrand = { ruleReviews: [], scores: { clarity: { evidence: [], reasoning: 'Plain and direct.', score: 5 } }, violations: [], drift: 'on-brand' };

it('audit --batch: 250,000 replies', { timeout: 3_600_000 }, async () => {
  const n = Number(process.env.BENCH_BATCH_N ?? 250_000);
  const server = await startFakeAnthropicServer({ batchBodies: 'ids' });
  server.verdict = () => onBrand;
  const dir = mkdtempSync(path.join(tmpdir(), 'tone-audit-batch-bench-'));
  writeFileSync(path.join(dir, 'guide.yaml'), GUIDE);
  const out = createWriteStream(path.join(dir, 'replies.jsonl'));
  for (let i = 0; i < n; i += 1) {
    const line = `${JSON.stringify({ id: `r${i}`, customer: 'Where do I find my invoices?', response: `Invoices are under Billing, then History; ticket ${i} has the one you asked about.` })}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  await new Promise<void>((resolve) => out.end(resolve));

  const started = performance.now();
  const child = spawn(
    '/usr/bin/time',
    ['-f', 'peak-rss-kb %M', process.execPath, path.join(root, 'bin/tone-audit.js'), 'audit', 'replies.jsonl', '--guide', 'guide.yaml', '--grader', 'llm', '--batch', '--batch-poll', '0.05', '--no-cache', '--format', 'json', '--output', 'audit.json'],
    { cwd: dir, env: { ...process.env, ANTHROPIC_API_KEY: 'sk-bench-not-a-real-key', ANTHROPIC_BASE_URL: server.url, NO_COLOR: '1' } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  const seconds = (performance.now() - started) / 1000;
  const creates = server.requests.filter((r) => r.method === 'POST' && r.path === '/v1/messages/batches');
  await server.close();
  const peakKb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1]);
  const result = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')) as { summary: { samples: number; ungraded: number } };
  const leftovers = readdirSync(path.join(dir, '.tone-audit-cache', 'batches'));
  rmSync(dir, { recursive: true, force: true });

  console.log(
    [
      `replies: ${n.toLocaleString('en-US')}, exit code ${code}, wall ${seconds.toFixed(1)} s, CLI peak RSS ${(peakKb / 1024).toFixed(0)} MB`,
      `batches: ${creates.length} (${creates.map((c) => `${c.body.requests.length} requests / ${(c.body.bytes / 1e6).toFixed(1)} MB`).join(', ')})`,
      `graded: ${result.summary.samples - result.summary.ungraded} of ${result.summary.samples}; work folder left behind: ${leftovers.length}`,
    ].join('\n'),
  );
  expect(code).toBe(0);
  expect(result.summary.samples).toBe(n);
  expect(result.summary.ungraded).toBe(0);
  expect(creates.reduce((sum, c) => sum + c.body.requests.length, 0)).toBe(n);
  for (const c of creates) {
    expect(c.body.requests.length).toBeLessThanOrEqual(BATCH_LIMITS.maxRequests);
    expect(c.body.bytes).toBeLessThanOrEqual(BATCH_LIMITS.maxBytes);
  }
  expect(leftovers).toEqual([]);
});
