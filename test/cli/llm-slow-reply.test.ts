import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropicServer, type FakeAnthropicServer } from '../helpers/fake-anthropic-server.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const guide = path.resolve(import.meta.dirname, '../../styleguide/northwind.yaml');
const DIMENSIONS = ['empathy', 'tone-match', 'active-listening', 'clarity', 'brand-voice'];
const scores = Object.fromEntries(DIMENSIONS.map((d) => [d, { evidence: [], reasoning: 'fine', score: 4 }]));

// The window of replies in flight must not shrink to the request pool: results leave in input
// order, so with a narrow window one slow reply leaves every other slot idle (the hardening issue).
describe('one slow reply does not stall the rest of an LLM audit', () => {
  let server: FakeAnthropicServer;
  beforeEach(async () => {
    server = await startFakeAnthropicServer();
  });
  afterEach(async () => server.close());

  it('keeps sending the other replies while the first one is still waiting for its answer', async () => {
    const replies = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, customer: `How do I rotate key number ${i}?`, response: `Open Settings, then API keys, and choose Rotate for key ${i}.` }));
    let requestsBeforeSlowAnswered: number | undefined;
    const base = server.handler;
    server.verdict = () => ({ ruleReviews: [], scores, violations: [], drift: 'on-brand' });
    server.handler = async (request, index) => {
      const reply = await base(request, index);
      if (JSON.stringify(request.body).includes('key number 0?')) {
        // Answer the first reply only once the server has heard from every other, or after 5 s.
        for (let waited = 0; waited < 5000 && server.messageRequests().length < replies.length; waited += 20) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        requestsBeforeSlowAnswered = server.messageRequests().length;
      }
      return reply;
    };
    const dir = tempDir({ 'a.jsonl': replies.map((r) => JSON.stringify(r)).join('\n') });
    const run = await runCli(['audit', 'a.jsonl', '--guide', guide, '--grader', 'llm', '--concurrency', '2', '--format', 'json', '--no-cache'], {
      cwd: dir,
      env: { ANTHROPIC_API_KEY: 'sk-ant-test-slow', ANTHROPIC_BASE_URL: server.url },
    });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { samples: { id: string }[] };
    expect(result.samples.map((s) => s.id)).toEqual(replies.map((r) => r.id)); // input order kept
    expect(requestsBeforeSlowAnswered).toBe(replies.length);
  });
});
