import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorReply, faults, startFakeAnthropicServer, type FakeAnthropicServer, type RecordedRequest } from '../helpers/fake-anthropic-server.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const root = path.resolve(import.meta.dirname, '../..');
const guide = path.join(root, 'styleguide/northwind.yaml');
const KEY = 'sk-ant-test-accounting';
const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];
const onBrand = { ruleReviews: [], scores: Object.fromEntries(DIMENSIONS.map((d) => [d, { evidence: [], reasoning: 'fine', score: 5 }])), violations: [], drift: 'on-brand' };

const replies = [
  { id: 'calm', customer: 'How do I rotate a key?', response: 'Open Settings, then API keys, and choose Rotate.' },
  { id: 'stuck', customer: 'Where are invoices?', response: 'Invoices are under Billing, then History.' },
];
const isStuck = (request: RecordedRequest): boolean => JSON.stringify(request.body.messages).includes('Invoices are under Billing');

// summary.usage.calls must be what the API saw: every HTTP request, the SDK's own retries included.
describe('usage counts every HTTP request', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startFakeAnthropicServer();
    server.verdict = () => onBrand;
  });
  afterEach(async () => server.close());

  const audit = (dir: string) =>
    runCli(['audit', 'a.jsonl', '--guide', guide, '--format', 'json', '--no-cache', '--max-ungraded', '1'], { cwd: dir, env: { ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: server.url } });

  it('a reply that keeps getting 429: every retry is counted, the reply is ungraded', async () => {
    const base = server.handler;
    // retry-after-ms 1: the SDK waits what the server says (a 0 would make it fall back to its own back-off).
    const tooMany = () => errorReply(429, 'rate_limit_error', 'rate limited', { 'retry-after-ms': '1' });
    server.handler = (request, index) => (isStuck(request) ? tooMany() : base(request, index));
    const dir = tempDir({ 'a.jsonl': replies.map((r) => JSON.stringify(r)).join('\n') });
    const run = await audit(dir);
    const result = JSON.parse(run.stdout);
    const stuckRequests = server.messageRequests().filter(isStuck).length;
    // 7 logical attempts (the first and 6 requeues), each with the SDK's 2 retries.
    expect(stuckRequests).toBe(21);
    expect(result.summary.usage.calls).toBe(server.messageRequests().length);
    expect(result.samples.find((s: { id: string }) => s.id === 'stuck').grade).toMatchObject({ status: 'error', calls: 21 });
    expect(result.samples.find((s: { id: string }) => s.id === 'calm').grade).toMatchObject({ status: 'graded', calls: 1 });
    expect(run.code).toBe(0);
  });

  it('a 529 the SDK retries once is two requests', async () => {
    server.enqueue(faults.overloaded());
    const dir = tempDir({ 'a.jsonl': JSON.stringify(replies[0]) });
    const result = JSON.parse((await audit(dir)).stdout);
    expect(server.messageRequests()).toHaveLength(2);
    expect(result.summary.usage.calls).toBe(2);
  });
});
