import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../helpers/fake-anthropic-server.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const KEY = 'sk-ant-test-NEVER-PRINT-ME-4242';
const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];

const scores = (score: number) => Object.fromEntries(DIMENSIONS.map((d) => [d, { evidence: [], reasoning: `${d} reason`, score }]));

const samples = [
  { id: 'cold', customer: 'My deploy failed three times, this is ridiculous', response: 'Deploys fail sometimes. Check the logs.' },
  { id: 'warm', customer: 'How do I rotate an API key?', response: 'Open Settings, then API keys, and choose Rotate. The old key keeps working for a day.' },
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('audit --grader llm against a local Anthropic-compatible server', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startFakeAnthropicServer();
    server.verdict = (request) => {
      const text = JSON.stringify(request.body.messages);
      return text.includes('Deploys fail sometimes')
        ? { ruleReviews: [], scores: scores(2), violations: [{ id: 'calm-under-pressure', severity: 'warning', quote: 'Deploys fail sometimes.', why: 'Shrugs off a frustrated customer' }, { id: 'no-sarcasm', severity: 'warning', quote: 'a quote that is not in the reply', why: 'invented' }], drift: 'major-drift' }
        : { ruleReviews: [], scores: scores(5), violations: [], drift: 'on-brand' };
    };
    // The second call, for the drifting reply only.
    server.rewrite = () => ({ plan: 'Acknowledge, then fix', rewrite: "Three failed deploys is maddening, and I'm sorry. The logs show the migration step timing out; I've raised the limit and restarted it." });
  });
  afterEach(async () => server.close());

  it('grades every reply, reports usage, caches results, and never writes the key anywhere', async () => {
    const dir = tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url };
    const args = ['audit', 'a.jsonl', '--guide', guide, '--format', 'json', '--output', 'audit.json', '--cache-dir', 'cache'];
    const first = await runCli(args, { cwd: dir, env });
    expect(first.stderr).toMatch(/grader: LLM grader claude-haiku-5-5 \(ANTHROPIC_API_KEY is set\)/);
    expect(first.code).toBe(1);
    const result = JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8'));
    expect(result.grader).toMatchObject({ kind: 'llm', model: 'claude-haiku-5-5' });
    expect(result.grader.promptHash).toMatch(/^[0-9a-f]{64}$/);
    const cold = result.samples.find((s: { id: string }) => s.id === 'cold');
    expect(cold.verdict).toBe('drift');
    expect(cold.grade.drift).toBe('major-drift');
    expect(cold.grade.droppedEvidence).toBe(1);
    expect(cold.grade.rewrite).toMatch(/sorry/);
    expect(cold.findings.some((f: { origin: string; match?: string }) => f.origin === 'grader' && f.match === 'Deploys fail sometimes.')).toBe(true);
    // Two scoring calls and one rewrite call (the drifting reply only).
    expect(result.summary.usage.calls).toBe(3);
    expect(result.summary.droppedEvidence).toBe(1);
    expect(server.messageRequests()).toHaveLength(3);
    const request = server.messageRequests()[0]!;
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body.temperature).toBeUndefined();

    const rerun = await runCli(args, { cwd: dir, env });
    expect(rerun.code).toBe(1);
    expect(server.messageRequests()).toHaveLength(3);
    expect(JSON.parse(readFileSync(path.join(dir, 'audit.json'), 'utf8')).summary.usage.cachedResults).toBe(2);

    for (const file of filesUnder(dir)) expect(readFileSync(file, 'utf8'), file).not.toContain(KEY);
    for (const text of [first.stdout, first.stderr, rerun.stdout, rerun.stderr]) expect(text).not.toContain(KEY);
  });

  it('counts replies the server could not grade as ungraded and fails the gate closed', async () => {
    server.handler = () => ({ status: 500, body: { type: 'error', error: { type: 'api_error', message: 'boom' } }, headers: { 'retry-after-ms': '1' } });
    const dir = tempDir({ 'a.jsonl': JSON.stringify(samples[1]) });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--format', 'json', '--no-cache'], { cwd: dir, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url } });
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result.samples[0].verdict).toBe('ungraded');
    expect(result.summary.ungraded).toBe(1);
    expect(result.gate.reasons.join(' ')).toMatch(/ungraded|could not/i);
    expect(run.stderr + run.stdout).not.toContain(KEY);
  });

  it('prints a cost estimate with --dry-run and grades nothing', async () => {
    const dir = tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--dry-run', '--no-cache'], { cwd: dir, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/2 API calls/);
    expect(run.stdout).toMatch(/estimated cost: \$\d/);
    expect(run.stdout).toContain('nothing was sent for grading');
    expect(server.messageRequests()).toHaveLength(0);
  });

  it('grades through --batch and resumes from the cache on rerun', async () => {
    const dir = tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
    const env = { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url };
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--format', 'json', '--batch', '--batch-poll', '0.01', '--cache-dir', 'cache'], { cwd: dir, env });
    expect(run.stderr).toMatch(/batch: /);
    const result = JSON.parse(run.stdout);
    expect(result.samples.map((s: { grade: { status: string } }) => s.grade.status)).toEqual(['graded', 'graded']);
    const batchCalls = server.requests.filter((r) => r.path.startsWith('/v1/messages/batches')).length;
    expect(batchCalls).toBeGreaterThan(0);
    const rerun = await runCli(['audit', 'a.jsonl', '--guide', guide, '--format', 'json', '--batch', '--batch-poll', '0.01', '--cache-dir', 'cache'], { cwd: dir, env });
    expect(JSON.parse(rerun.stdout).summary.usage.cachedResults).toBe(2);
    expect(server.requests.filter((r) => r.path.startsWith('/v1/messages/batches')).length).toBe(batchCalls);
  });
});

describe('prompt cache reporting', () => {
  it('warns when the prompt cache is never read', async () => {
    const server = await startFakeAnthropicServer();
    try {
      server.verdict = () => ({ ruleReviews: [], scores: scores(4), violations: [], drift: 'on-brand' });
      // A server that never reports cache reads, like one without prompt caching.
      const base = server.handler;
      server.handler = async (request, index) => {
        const reply = await base(request, index);
        const body = reply.body as { usage: Record<string, number> };
        body.usage = { input_tokens: 900, output_tokens: 100, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
        return reply;
      };
      const dir = tempDir({ 'a.jsonl': samples.map((s) => JSON.stringify(s)).join('\n') });
      const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--no-cache', '--format', 'json'], { cwd: dir, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url } });
      // Two scoring calls, then the rewrite call for the drifting reply (it misses acknowledge-frustration);
      // the fake server's stock rewrite acknowledges the customer, so it passes the rules and needs no retry.
      expect(run.stderr).toMatch(/prompt cache was never read in 3 API calls/);
    } finally {
      await server.close();
    }
  });
});
